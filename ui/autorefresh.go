package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// Auto-refresh: while the reader is open it refreshes every
// Options.RefreshEvery (refresh_every in the config), counting from the
// last refresh, but fetches only the feeds whose own hints (ttl,
// Cache-Control, Retry-After, back-off, stored by the cache as each
// feed's next-due time) allow it; when none is due yet it waits for the
// first that will be. The status line says when: "next refresh 14:30".
//
// The clock is Options.Now and timers go through after, so tests drive
// it all through Update with a fake clock. A timer never sleeps longer
// than autoCheck: a laptop that slept past the due time refreshes within
// a minute of waking.

const autoCheck = time.Minute

// autoTickMsg is the auto-refresh timer firing.
type autoTickMsg struct{ gen int }

// dueMsg is the feeds' next-due times, read after a refresh (to schedule
// the next) or when the timer fires (to pick the feeds to fetch).
type dueMsg struct {
	gen     int
	due     map[string]time.Time
	start   bool // the timer fired: refresh what is due
	startup bool // the reader just started (auto-refresh on or not)
	err     error
}

func loadDue(st *cache.Store, gen int, start bool) tea.Cmd {
	return func() tea.Msg {
		d, err := st.NextDue(context.Background())
		return dueMsg{gen: gen, due: d, start: start, err: err}
	}
}

// startupRefresh is what Run sends when the reader opens online: refresh
// every feed that is due, honouring the feeds' hints (a restart minutes
// after the last refresh does not fetch everything again; r does).
type startupRefresh struct{}

// autoOn reports whether the reader refreshes by itself.
func (m Model) autoOn() bool {
	return m.opt.RefreshEvery > 0 && !m.opt.Offline && m.opt.Fetcher != nil && m.opt.Store != nil
}

// afterRefresh schedules the next auto-refresh once a refresh is over.
func (m *Model) afterRefresh() tea.Cmd {
	if !m.autoOn() {
		return nil
	}
	m.autoGen++
	return loadDue(m.opt.Store, m.autoGen, false)
}

// feedsOf lists every feed URL of the sections (feeds and rankings).
func feedsOf(sections []feed.Section) []string {
	urls, _ := cache.Plan(sections)
	return urls
}

// planNext sets nextRefresh: refresh_every after the last refresh, or
// later when no feed is due by then, and starts the timer.
func (m *Model) planNext(due map[string]time.Time) tea.Cmd {
	base := m.lastRefresh
	if base.IsZero() {
		base = m.opt.Now()
	}
	next := base.Add(m.opt.RefreshEvery)
	var earliest time.Time
	for _, u := range feedsOf(m.opt.Sections) {
		d := due[u] // zero: due now
		if earliest.IsZero() || d.Before(earliest) {
			earliest = d
		}
		if d.IsZero() {
			break
		}
	}
	if earliest.After(next) {
		next = earliest
	}
	m.nextRefresh = next
	return m.autoTimer()
}

// autoTimer waits until nextRefresh, or autoCheck, whichever is sooner.
func (m *Model) autoTimer() tea.Cmd {
	m.autoGen++
	gen := m.autoGen
	wait := min(max(m.nextRefresh.Sub(m.opt.Now()), time.Second), autoCheck)
	return after(wait, func(time.Time) tea.Msg { return autoTickMsg{gen: gen} })
}

// handleAutoMsg handles the timer and the next-due times.
func (m Model) handleAutoMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case startupRefresh:
		if m.opt.Offline || m.opt.Fetcher == nil || m.opt.Store == nil {
			return m, nil, true
		}
		m.autoGen++
		gen := m.autoGen
		st := m.opt.Store
		return m, func() tea.Msg {
			d, err := st.NextDue(context.Background())
			return dueMsg{gen: gen, due: d, start: true, startup: true, err: err}
		}, true
	case autoTickMsg:
		if msg.gen != m.autoGen || !m.autoOn() {
			return m, nil, true // superseded
		}
		if m.refreshing {
			return m, nil, true // its end schedules the next (afterRefresh)
		}
		if m.opt.Now().Before(m.nextRefresh) {
			return m, m.autoTimer(), true
		}
		m.autoGen++
		return m, loadDue(m.opt.Store, m.autoGen, true), true
	case dueMsg:
		if msg.gen != m.autoGen || (!m.autoOn() && !msg.startup) {
			return m, nil, true
		}
		if msg.err != nil {
			// Without the hints, refresh every feed on the plain schedule.
			msg.due = nil
		}
		if !msg.start {
			return m, m.planNext(msg.due), true
		}
		if m.refreshing {
			return m, nil, true // a manual refresh started meanwhile; its end reschedules
		}
		sections := dueSections(m.opt.Sections, m.section, msg.due, m.opt.Now())
		if len(sections) == 0 {
			// Nothing due yet after all: wait for the first that will be.
			var cmd tea.Cmd
			if m.autoOn() {
				cmd = m.planNext(msg.due)
			}
			if msg.startup && len(m.opt.Sections) > 0 {
				cmd = tea.Batch(cmd, m.setNote("feeds are fresh: none is due yet (r refreshes anyway)", false))
			}
			return m, cmd, true
		}
		return m, m.refreshSections(sections), true
	}
	return m, nil, false
}

// dueSections keeps, of each section, the feeds due at now; the section
// on screen comes first, and sections with nothing due are left out.
func dueSections(all []feed.Section, current int, due map[string]time.Time, now time.Time) []feed.Section {
	isDue := func(u string) bool { d := due[u]; return d.IsZero() || !d.After(now) }
	var out []feed.Section
	order := make([]int, 0, len(all))
	if current >= 0 && current < len(all) {
		order = append(order, current)
	}
	for i := range all {
		if i != current {
			order = append(order, i)
		}
	}
	for _, i := range order {
		s := all[i]
		keep := feed.Section{Key: s.Key, Title: s.Title, FullText: s.FullText, FullTextFeeds: s.FullTextFeeds}
		for _, u := range s.Feeds {
			if isDue(u) {
				keep.Feeds = append(keep.Feeds, u)
			}
		}
		if s.Ranking != "" && isDue(s.Ranking) {
			keep.Ranking = s.Ranking
		}
		if len(keep.Feeds) > 0 || keep.Ranking != "" {
			out = append(out, keep)
		}
	}
	return out
}

// refreshSections starts a refresh of exactly these sections.
func (m *Model) refreshSections(sections []feed.Section) tea.Cmd {
	if m.fromServer() {
		return m.startSync() // source = "server" (sync.go)
	}
	m.refreshing, m.refreshDone, m.refreshTotal = true, 0, len(feedsOf(sections))
	return tea.Batch(startRefresh(m.opt.Store, m.opt.Fetcher, sections, m.opt.Now), m.spin.Tick)
}

// autoStatus is the status line's "next refresh 14:30", or "".
func (m Model) autoStatus() string {
	if !m.autoOn() || m.refreshing || m.nextRefresh.IsZero() {
		return ""
	}
	return "next refresh " + m.nextRefresh.Local().Format("15:04")
}
