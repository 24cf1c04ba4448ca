package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
)

// watchEvery is how often the reader asks the cache whether another
// process (a --refresh from cron, a second reader, --sync) has written.
const watchEvery = 2 * time.Second

// watchTickMsg asks for a data-version check; dataVersionMsg answers it.
type watchTickMsg struct{}

type dataVersionMsg struct {
	v   int64
	err error
}

func watchTick() tea.Cmd {
	return after(watchEvery, func(time.Time) tea.Msg { return watchTickMsg{} })
}

// checkDataVersion reads the cache's data version (PRAGMA data_version on
// one connection: microseconds, no lock).
func checkDataVersion(st *cache.Store) tea.Cmd {
	return func() tea.Msg {
		v, err := st.DataVersion(context.Background())
		return dataVersionMsg{v: v, err: err}
	}
}

// handleWatchMsg notices writes by others: when the data version moves,
// the visible list, the counts, the feeds' status and the ranking are
// read again, the cursor staying on the reader's article.
func (m Model) handleWatchMsg(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case watchTickMsg:
		return m, checkDataVersion(m.opt.Store), true
	case dataVersionMsg:
		if msg.err != nil {
			return m, watchTick(), true // try again later; the reader works on
		}
		// m.dataVersion holds the version plus one, so that 0 means "not
		// read yet" whatever SQLite's counter starts at. During our own
		// refresh the cache changes all the time and the refresh reloads
		// what it changed itself.
		changed := m.dataVersion != 0 && msg.v+1 != m.dataVersion
		m.dataVersion = msg.v + 1
		if !changed || m.refreshing {
			return m, watchTick(), true
		}
		var keep int64
		if sel, ok := m.list.Selected(); ok {
			keep = sel.ID
		}
		m.listReq++
		cmd := tea.Batch(watchTick(),
			loadPage(m.opt.Store, m.listReq, m.listQuery(), 0, keep, true),
			loadCounts(m.opt.Store), loadFeeds(m.opt.Store),
			m.loadTab(RankingTab), m.loadTab(RecommendedTab),
			loadSections(m.opt.Store, "")) // feeds added or removed by --add, --remove, --import-opml
		return m, cmd, true
	}
	return m, nil, false
}
