package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// The handlers here take the results of commands (cache reads, renders,
// refresh progress) back into the model.

func (m Model) handleArticle(msg articleMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.articleReq {
		return m, nil // stale: the cursor moved on
	}
	m.pendingArticle = 0
	if msg.err != nil {
		return m, m.setNote("article: "+msg.err.Error(), true)
	}
	if len(m.renderCache) >= maxCachedRenders {
		m.renderCache = map[[2]int64]rendered{}
	}
	key := msg.art.ID
	if msg.full {
		key = -key // the full text's layout
	}
	m.renderCache[[2]int64{key, int64(msg.width)}] = msg.body
	m.article.bodyW = msg.width
	m.article.full = msg.full
	sameStory := m.article.has && m.article.story == msg.art.Story && m.article.versions != nil
	m.article.show(msg.art, msg.body)
	if sameStory {
		return m, nil // its versions are known
	}
	return m, m.loadStory(false)
}

func (m Model) handleSide(msg sideMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.sideReq[msg.tab] {
		return m, nil // stale: another article or section, or a newer load
	}
	if msg.tab == RankingTab && msg.section != m.currentSection().Key {
		return m, nil // stale: another section is shown now
	}
	if msg.err != nil {
		return m, m.setNote(msg.err.Error(), true)
	}
	if msg.tab == RecommendedTab {
		m.side.fallback = msg.fallback
	}
	if msg.tab == RelatedTab {
		m.side.noArticle = false
	}
	m.side.set(msg.tab, msg.items)
	return m, nil
}

func (m Model) handleFeeds(msg feedsMsg) (tea.Model, tea.Cmd) {
	m.feeds = msg
	return m, nil
}

func (m Model) handleProgress(msg progressMsg) (tea.Model, tea.Cmd) {
	m.refreshDone++
	if msg.res.MovedTo != "" {
		m.refreshMoved = true
	}
	cmds := []tea.Cmd{waitRefresh(msg.next)}
	if msg.res.Status == feed.StatusOK && slices.Contains(m.currentSection().Feeds, msg.res.URL) {
		// New articles for the section on screen: show them now,
		// keeping the cursor on the article being read.
		cmds = append(cmds, m.reloadKeeping(), loadCounts(m.opt.Store))
	}
	if msg.res.Status == feed.StatusOK {
		// New articles anywhere can join the open article's story or be
		// like it: Related is asked again, not left as it was at start-up,
		// and so are the other outlets' versions of the article shown.
		// (At most twice a second: a refresh of many feeds saves one after
		// another.)
		cmds = append(cmds, m.relatedSoon())
	}
	return m, tea.Batch(cmds...)
}

func (m Model) handleRefreshDone(msg refreshDoneMsg) (tea.Model, tea.Cmd) {
	m.refreshing = false
	m.lastRefresh, m.lastSum, m.lastRefreshErr = msg.at, msg.sum, msg.err != nil
	cmds := []tea.Cmd{
		m.reloadKeeping(),
		loadCounts(m.opt.Store), loadFeeds(m.opt.Store),
		m.loadTab(RankingTab), m.loadTab(RecommendedTab), m.loadTab(RelatedTab), m.loadStory(true),
		m.afterRefresh(),
		m.startSync(),
	}
	if m.refreshMoved {
		// Feeds that moved are asked at their new address from now on.
		m.refreshMoved = false
		cmds = append(cmds, loadSections(m.opt.Store, ""))
	}
	// Failed feeds are counted once, by the status line's "in error".
	if msg.err != nil {
		cmds = append(cmds, m.setNote("refresh: "+msg.err.Error(), true))
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) refresh(all bool) tea.Cmd {
	if m.refreshing {
		return m.setNote("already refreshing", false)
	}
	if m.opt.Offline || m.opt.Fetcher == nil {
		return m.setNote("offline: not refreshing", false)
	}
	if m.fromServer() {
		return m.startSync() // source = "server": the server has fetched the feeds
	}
	// The section on screen goes first; the others follow.
	sections := []feed.Section{m.currentSection()}
	if all {
		for i, s := range m.opt.Sections {
			if i != m.section {
				sections = append(sections, s)
			}
		}
	}
	urls, _ := cache.Plan(sections)
	m.refreshing, m.refreshDone, m.refreshTotal = true, 0, len(urls)
	return tea.Batch(startRefresh(m.opt.Store, m.opt.Fetcher, sections, m.opt.Now), m.spin.Tick)
}

func (m Model) handlePage(msg pageMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.listReq {
		return m, nil // stale: another section, filter or reload since
	}
	if msg.err != nil {
		return m, m.setNote("cache: "+msg.err.Error(), true)
	}
	if msg.fresh && !m.sideStarted {
		// The first page is in: now the side pane's lists.
		m.sideStarted = true
		next, cmd := m.handlePage(msg)
		nm := next.(Model)
		side := tea.Batch(nm.loadTab(RankingTab), nm.loadTab(RecommendedTab))
		return nm, tea.Batch(cmd, side)
	}
	if msg.fresh {
		// A fresh load: start over, keeping the reader's article under the cursor.
		pages := map[int][]cache.Article{}
		m.list.pages = pages
		m.list.loaded = true
		if msg.keep == 0 {
			m.list.cursor, m.list.top = 0, 0
		}
		m.list.total = msg.total
		m.list.pages[0] = msg.arts
		m.list.setSearch(newListSearch(msg.query.filter, msg.snippets))
		if msg.total == 0 {
			m.sideReq[RelatedTab]++
			m.side.set(RelatedTab, nil) // no article, so nothing to relate: not "loading"
			m.side.noArticle = true
		}
		if msg.index < 0 && msg.keep != 0 && msg.query.byStory {
			// One row per story: stay on the story being read.
			for i, a := range msg.arts {
				if a.ID == msg.keep || (m.article.has && a.Story == m.article.art.Story) {
					msg.index = i
					break
				}
			}
		}
		if msg.index >= 0 {
			m.list.MoveTo(msg.index)
		} else {
			m.list.clamp()
		}
		var count tea.Cmd
		if msg.countLater {
			count = loadStoryCount(m.opt.Store, m.listReq, msg.query.section)
		}
		// An article opened from elsewhere than the list (another outlet's
		// version with c, a side-pane row) stays open across a reload: the
		// reload keeps the list's row, not what the reader went on to.
		shown := m.pendingArticle
		if shown == 0 && m.article.has {
			shown = m.article.art.ID
		}
		if msg.keep != 0 && shown != 0 && shown != msg.keep {
			return m, tea.Batch(m.loadMissing(), count)
		}
		if sel, ok := m.list.Selected(); ok && msg.query.byStory && m.article.has && sel.Story == m.article.art.Story {
			// One row per story: the row may now be another outlet's
			// version; the reader stays with the one they are reading.
			return m, tea.Batch(m.loadMissing(), count)
		}
		return m, tea.Batch(m.loadMissing(), m.showSelected(), count)
	}
	if msg.query.byStory {
		msg.total = max(msg.total, m.list.total) // the count may be in already
	}
	m.list.total = msg.total
	m.list.pages[msg.offset/pageSize] = msg.arts
	if m.list.search != nil {
		for id, sn := range msg.snippets {
			m.list.search.snippets[id] = sn
		}
	}
	m.list.clamp()
	if a, ok := m.list.Selected(); ok && (!m.article.has || m.article.art.ID != a.ID) && m.pendingArticle == 0 {
		return m, m.showSelected()
	}
	return m, nil
}

func (m Model) handleState(msg stateMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		return m, m.setNote(msg.err.Error(), true)
	}
	switch {
	case msg.undo != nil:
		m.undo = msg.undo
	case msg.undone:
		m.undo = nil
	}
	// Reading history and read marks change what is recommended and ranked.
	cmds := []tea.Cmd{loadCounts(m.opt.Store), m.loadTab(RecommendedTab), m.loadTab(RankingTab)}
	if msg.reload {
		cmds = append(cmds, m.reloadKeeping())
	} else {
		m.list.setState(msg.id, msg.read, msg.starred)
		if m.article.has && m.article.art.ID == msg.id {
			if msg.read != nil {
				m.article.art.Read = *msg.read
			}
			if msg.starred != nil {
				m.article.art.Starred = *msg.starred
			}
		}
	}
	if msg.note != "" {
		cmds = append(cmds, m.setNote(msg.note, false))
	}
	return m, tea.Batch(cmds...)
}
