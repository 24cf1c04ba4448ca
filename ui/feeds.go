package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/discover"
)

// Managing feeds from the reader: F lists the subscriptions with their
// last status; a adds a feed by address (discovering the feeds of an HTML
// page, letting the reader pick when there are several, then choosing or
// creating the section); d in the list removes the selected feed after a
// confirmation. Every step's I/O runs in a command whose result carries
// the request ID it answers.

type feedsMode int

const (
	feedsOff       feedsMode = iota
	feedsList                // the subscriptions
	addURL                   // typing an address
	addDiscovering           // waiting for discovery
	addPick                  // several feeds found: pick one
	addSection               // pick a section or type a new key
	addSubscribing           // waiting for the check-fetch and subscribe
	removeConfirm            // y / n
)

// feedsState is the feeds overlay and the add-a-feed dialog.
type feedsState struct {
	mode   feedsMode
	back   feedsMode // where esc returns from the add dialog
	req    int
	subs   []cache.Subscription
	cursor int
	input  string // the address, or the new section's key
	err    string // the last step's error, shown in the dialog
	cands  []discover.Candidate
	pick   int
	chosen discover.Candidate
	secCur int    // cursor over sections; len(sections) is "new section"
	moving string // the section step moves this feed (enter in the list) instead of adding
}

// Messages of the feeds dialog.
type (
	subsMsg struct {
		req  int
		subs []cache.Subscription
		err  error
	}
	discoveredMsg struct {
		req   int
		cands []discover.Candidate
		err   error
	}
	addedMsg struct {
		req     int
		section string
		url     string
		title   string
		n       int
		err     error
	}
	removedMsg struct {
		req int
		url string
		err error
	}
	movedMsg struct {
		req     int
		url     string
		section string
		n       int // articles fetched into the new section
		fetch   error
		err     error
	}
	fullSetMsg struct {
		req int
		url string
		on  bool
		err error
	}
	// sectionsMsg is the cache's sections after a change; show names the
	// section to switch to.
	sectionsMsg struct {
		infos []cache.SectionInfo
		show  string
		err   error
	}
)

func loadSubs(st *cache.Store, req int) tea.Cmd {
	return func() tea.Msg {
		s, err := st.Subscriptions(context.Background())
		return subsMsg{req: req, subs: s, err: err}
	}
}

func discoverFeeds(f *feed.Fetcher, req int, raw string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		c, err := discover.Discover(ctx, f, raw)
		return discoveredMsg{req: req, cands: c, err: err}
	}
}

func addFeed(st *cache.Store, f *feed.Fetcher, req int, section string, c discover.Candidate) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		res, err := st.AddFeed(ctx, f, section, c.URL)
		title := res.Title
		if title == "" {
			title = c.Title
		}
		if errors.Is(err, cache.ErrSubscribed) {
			err = errors.New("already in section " + section)
		}
		return addedMsg{req: req, section: section, url: c.URL, title: title, n: len(res.Articles), err: err}
	}
}

func removeFeed(st *cache.Store, req int, u string) tea.Cmd {
	return func() tea.Msg {
		return removedMsg{req: req, url: u, err: st.Unsubscribe(context.Background(), u)}
	}
}

// moveFeed moves feed u to section and fetches it in full (no
// validators), so that its articles join the new section now rather than
// at the feed's next change.
func moveFeed(st *cache.Store, f *feed.Fetcher, req int, u, section string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		if err := st.MoveFeed(ctx, u, section); err != nil {
			return movedMsg{req: req, url: u, section: section, err: err}
		}
		msg := movedMsg{req: req, url: u, section: section}
		if f == nil {
			msg.fetch = feed.ErrOffline
			return msg
		}
		res := f.Fetch(ctx, feed.Request{URL: u})
		if res.Status != feed.StatusOK {
			msg.fetch = res.Err
			if msg.fetch == nil {
				msg.fetch = errors.New("not fetched")
			}
			return msg
		}
		infos, err := st.Sections(ctx)
		if err != nil {
			msg.fetch = err
			return msg
		}
		_, where := cache.Plan(cache.ConfigSections(infos))
		msg.fetch = st.Save(ctx, res, where[u])
		msg.n = len(res.Articles)
		return msg
	}
}

func setFeedFullText(st *cache.Store, req int, u string, on bool) tea.Cmd {
	return func() tea.Msg {
		return fullSetMsg{req: req, url: u, on: on, err: st.SetFeedFullText(context.Background(), u, on)}
	}
}

func loadSections(st *cache.Store, show string) tea.Cmd {
	return func() tea.Msg {
		infos, err := st.Sections(context.Background())
		return sectionsMsg{infos: infos, show: show, err: err}
	}
}

// openFeeds shows the subscriptions.
func (m *Model) openFeeds() tea.Cmd {
	m.fui = feedsState{mode: feedsList, req: m.fui.req + 1}
	return loadSubs(m.opt.Store, m.fui.req)
}

// startAdd opens the add dialog; esc goes back to from.
func (m *Model) startAdd(from feedsMode) tea.Cmd {
	if m.opt.Offline || m.opt.Fetcher == nil {
		return m.setNote("offline: feeds cannot be added", true)
	}
	subs, cursor := m.fui.subs, m.fui.cursor
	m.fui = feedsState{mode: addURL, back: from, req: m.fui.req + 1, subs: subs, cursor: cursor}
	return nil
}

// handleFeedsKey handles F, a, d and every key while the dialog shows.
func (m Model) handleFeedsKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k := m.keys
	if m.fui.mode != feedsOff || key.Matches(msg, k.Feeds, k.AddFeed, k.RemoveFeed) {
		m.wrapTo = 0 // n / N go on to another section only when pressed next
	}
	if m.fui.mode == feedsOff {
		if m.overlay != noOverlay {
			return m, nil, false
		}
		switch {
		case key.Matches(msg, k.Feeds):
			return m, m.openFeeds(), true
		case key.Matches(msg, k.AddFeed):
			return m, m.startAdd(feedsOff), true
		case key.Matches(msg, k.RemoveFeed):
			return m, tea.Batch(m.openFeeds(), m.setNote("select a feed and press "+k.RemoveFeed.Help().Key+" to remove it", false)), true
		}
		return m, nil, false
	}
	if msg.String() == "ctrl+c" {
		return m, tea.Quit, true
	}
	f := &m.fui
	switch f.mode {
	case feedsList:
		switch {
		case key.Matches(msg, k.Back, k.Feeds, k.Quit):
			f.mode = feedsOff
		case key.Matches(msg, k.Down):
			f.cursor = min(f.cursor+1, max(len(f.subs)-1, 0))
		case key.Matches(msg, k.Up):
			f.cursor = max(f.cursor-1, 0)
		case key.Matches(msg, k.Top):
			f.cursor = 0
		case key.Matches(msg, k.Bottom):
			f.cursor = max(len(f.subs)-1, 0)
		case key.Matches(msg, k.AddFeed):
			return m, m.startAdd(feedsList), true
		case key.Matches(msg, k.RemoveFeed):
			if f.cursor < len(f.subs) {
				f.mode = removeConfirm
			}
		case key.Matches(msg, k.Open):
			if f.cursor < len(f.subs) {
				sub := f.subs[f.cursor]
				f.moving, f.back = sub.URL, feedsList
				f.chosen = discover.Candidate{URL: sub.URL, Title: sub.Title}
				m.toSectionStep()
				for i, sec := range m.opt.Sections {
					if strings.EqualFold(sec.Key, sub.Section) {
						f.secCur = i
					}
				}
			}
		case key.Matches(msg, k.FullText):
			if f.cursor < len(f.subs) {
				sub := f.subs[f.cursor]
				f.req++
				return m, setFeedFullText(m.opt.Store, f.req, sub.URL, !sub.FullText), true
			}
		}
		return m, nil, true
	case removeConfirm:
		switch msg.String() {
		case "y", "Y":
			f.req++
			f.mode = feedsList
			return m, removeFeed(m.opt.Store, f.req, f.subs[f.cursor].URL), true
		default:
			f.mode = feedsList
		}
		return m, nil, true
	case addDiscovering, addSubscribing:
		if key.Matches(msg, k.Back) {
			f.req++ // the answer, when it comes, is dropped
			f.mode = addURL
			f.err = "cancelled"
		}
		return m, nil, true
	case addURL:
		switch msg.String() {
		case "esc":
			m.closeAdd()
		case "enter":
			raw := strings.TrimSpace(f.input)
			if raw == "" {
				m.closeAdd()
				return m, nil, true
			}
			f.req++
			f.mode, f.err = addDiscovering, ""
			return m, discoverFeeds(m.opt.Fetcher, f.req, raw), true
		default:
			f.input = editLine(f.input, msg)
		}
		return m, nil, true
	case addPick:
		switch {
		case msg.String() == "esc":
			f.mode = addURL
		case key.Matches(msg, k.Down):
			f.pick = min(f.pick+1, len(f.cands)-1)
		case key.Matches(msg, k.Up):
			f.pick = max(f.pick-1, 0)
		case msg.String() == "enter":
			f.chosen = f.cands[f.pick]
			m.toSectionStep()
		}
		return m, nil, true
	case addSection:
		onNew := f.secCur == len(m.opt.Sections)
		switch {
		case msg.String() == "esc" && f.moving != "":
			f.mode, f.moving, f.err = feedsList, "", ""
		case msg.String() == "esc":
			f.mode, f.input = addURL, f.chosen.URL
			if len(f.cands) > 1 {
				f.mode = addPick
			}
		case msg.String() == "enter":
			sec := ""
			if onNew {
				sec = strings.TrimSpace(f.input)
				if err := cache.CheckSectionKey(sec); err != nil {
					f.err = err.Error()
					return m, nil, true
				}
			} else {
				sec = m.opt.Sections[f.secCur].Key
			}
			f.req++
			f.mode, f.err = addSubscribing, ""
			if f.moving != "" {
				return m, moveFeed(m.opt.Store, m.opt.Fetcher, f.req, f.moving, sec), true
			}
			return m, addFeed(m.opt.Store, m.opt.Fetcher, f.req, sec, f.chosen), true
		case msg.String() == "down" || (!onNew && key.Matches(msg, k.Down)):
			f.secCur = min(f.secCur+1, len(m.opt.Sections))
		case msg.String() == "up" || (!onNew && key.Matches(msg, k.Up)):
			f.secCur = max(f.secCur-1, 0)
		case onNew:
			f.input = editLine(f.input, msg)
		}
		return m, nil, true
	}
	return m, nil, true
}

// toSectionStep moves the dialog to choosing the section, on the one on
// screen.
func (m *Model) toSectionStep() {
	m.fui.mode, m.fui.input, m.fui.err = addSection, "", ""
	m.fui.secCur = min(m.section, len(m.opt.Sections))
}

func (m *Model) closeAdd() {
	if m.fui.back == feedsList {
		m.fui.mode, m.fui.err, m.fui.input = feedsList, "", ""
		return
	}
	m.fui = feedsState{req: m.fui.req + 1}
}

// editLine applies a key to a one-line input: text, backspace (the last
// character as one sees it: a whole emoji sequence, a flag, a letter with
// its accents), ctrl+u, ctrl+w.
func editLine(s string, msg tea.KeyPressMsg) string {
	switch msg.String() {
	case "backspace":
		if s == "" {
			return s
		}
		return s[:len(s)-len(lastCluster(s))]
	case "ctrl+u":
		return ""
	case "ctrl+w":
		t := strings.TrimRight(s, " /")
		if i := strings.LastIndexAny(t, " /"); i >= 0 {
			return s[:i+1]
		}
		return ""
	case "space":
		return s + " "
	}
	return s + feed.Line(msg.Text)
}

// handleFeedsMsg takes the dialog's results back in.
func (m Model) handleFeedsMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	f := &m.fui
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if f.mode == addURL || (f.mode == addSection && f.secCur == len(m.opt.Sections)) {
			f.input += feed.Line(strings.TrimSpace(msg.Content))
		}
		return m, nil, true
	case subsMsg:
		if msg.req != f.req {
			return m, nil, true
		}
		if msg.err != nil {
			return m, m.setNote("feeds: "+msg.err.Error(), true), true
		}
		f.subs = msg.subs
		f.cursor = min(f.cursor, max(len(f.subs)-1, 0))
		return m, nil, true
	case discoveredMsg:
		if msg.req != f.req || f.mode != addDiscovering {
			return m, nil, true
		}
		if msg.err != nil {
			f.mode, f.err = addURL, feed.Line(msg.err.Error())
			return m, nil, true
		}
		f.cands, f.pick = msg.cands, 0
		if len(msg.cands) == 1 {
			f.chosen = msg.cands[0]
			m.toSectionStep()
		} else {
			f.mode = addPick
		}
		return m, nil, true
	case addedMsg:
		if msg.req != f.req || f.mode != addSubscribing {
			return m, nil, true
		}
		if msg.err != nil {
			f.mode, f.err = addSection, feed.Line(msg.err.Error())
			return m, nil, true
		}
		back := f.back
		m.fui = feedsState{req: f.req + 1}
		cmds := []tea.Cmd{loadSections(m.opt.Store, msg.section), loadCounts(m.opt.Store), loadFeeds(m.opt.Store), m.reloadKeeping(),
			m.setNote("added "+orURL(msg.title, msg.url)+" to "+msg.section+": "+plural(msg.n, "article"), false)}
		if back == feedsList {
			m.fui.mode = feedsList
			cmds = append(cmds, loadSubs(m.opt.Store, m.fui.req))
		}
		return m, tea.Batch(cmds...), true
	case movedMsg:
		if msg.req != f.req || f.mode != addSubscribing {
			return m, nil, true
		}
		if msg.err != nil {
			f.mode, f.err = addSection, feed.Line(msg.err.Error())
			return m, nil, true
		}
		note := "moved " + msg.url + " to " + msg.section
		if msg.fetch != nil {
			note += "; its articles come back at its next refresh (" + feed.Line(msg.fetch.Error()) + ")"
		} else {
			note += ": " + plural(msg.n, "article")
		}
		m.fui = feedsState{mode: feedsList, req: f.req + 1, cursor: f.cursor}
		return m, tea.Batch(loadSubs(m.opt.Store, m.fui.req), loadSections(m.opt.Store, ""), loadCounts(m.opt.Store),
			m.setNote(note, msg.fetch != nil), m.reloadKeeping()), true
	case fullSetMsg:
		if msg.req != f.req {
			return m, nil, true
		}
		if msg.err != nil {
			return m, m.setNote("full text: "+msg.err.Error(), true), true
		}
		f.req++
		note := "full text off for " + msg.url
		if msg.on {
			note = "full text on for " + msg.url + ": refreshes fetch it for new articles"
		}
		return m, tea.Batch(loadSubs(m.opt.Store, f.req), loadSections(m.opt.Store, ""), m.setNote(note, false)), true
	case removedMsg:
		if msg.req != f.req {
			return m, nil, true
		}
		if msg.err != nil {
			return m, m.setNote("remove: "+msg.err.Error(), true), true
		}
		f.req++
		return m, tea.Batch(loadSubs(m.opt.Store, f.req), loadSections(m.opt.Store, ""), loadCounts(m.opt.Store),
			m.setNote("removed "+msg.url, false), m.reloadKeeping()), true
	case sectionsMsg:
		if msg.err != nil {
			return m, m.setNote("sections: "+msg.err.Error(), true), true
		}
		cur := m.currentSection().Key
		same := len(msg.infos) == len(m.opt.Sections)
		for i := 0; same && i < len(msg.infos); i++ {
			same = msg.infos[i].Key == m.opt.Sections[i].Key
		}
		m.opt.Sections = cache.ConfigSections(msg.infos)
		if same && (msg.show == "" || strings.EqualFold(msg.show, cur)) {
			return m, nil, true // the same sections (their feeds may differ): nothing to reload
		}
		want := cur
		if msg.show != "" {
			want = msg.show
		}
		idx := -1
		for i, s := range m.opt.Sections {
			if strings.EqualFold(s.Key, want) {
				idx = i
			}
		}
		switch {
		case idx >= 0 && !strings.EqualFold(want, cur):
			return m, m.switchSection(idx), true
		case idx >= 0:
			m.section = idx
			return m, m.reloadKeeping(), true
		default:
			m.section = min(m.section, max(len(m.opt.Sections)-1, 0))
			return m, m.switchSection(m.section), true
		}
	}
	return m, nil, false
}

func orURL(title, u string) string {
	if title != "" {
		return "“" + title + "”"
	}
	return u
}

// feedsView draws the feeds overlay or the add dialog.
func (m Model) feedsView(h int) []string {
	s := m.styles
	f := m.fui
	w := max(m.width-2, 1)
	var title string
	var content []string
	row := func(i, cur int, text string) string {
		if i == cur {
			return s.Selected.Render(fit("▶ "+text, w))
		}
		return "  " + text
	}
	switch f.mode {
	case feedsList, removeConfirm:
		title = "Feeds (" + m.keys.AddFeed.Help().Key + " add, " + m.keys.Open.Help().Key + " move, " + m.keys.RemoveFeed.Help().Key + " remove, " +
			m.keys.FullText.Help().Key + " full text on refresh, esc close)"
		cursorFirst, cursorLast := 0, 0
		if len(f.subs) == 0 {
			content = append(content, "No feeds yet. Press "+m.keys.AddFeed.Help().Key+" to add one by its address or its site's.")
		}
		for i, sub := range f.subs {
			status := "✓"
			switch {
			case sub.Error != "":
				status = s.Error.Render("✗")
			case sub.FetchedAt.IsZero():
				status = "·"
			}
			name := sub.Title
			if name == "" {
				name = sub.URL
			}
			if sub.FullText {
				name += s.Dim.Render("  [full text]")
			}
			if i == f.cursor {
				cursorFirst = len(content)
			}
			content = append(content, row(i, f.cursor, status+" "+fit(sub.Section, 12)+" "+name))
			if i == f.cursor {
				content = append(content, "      "+s.Dim.Render(sub.URL))
				if sub.Error != "" {
					content = append(content, "      "+s.Error.Render(feed.Line(sub.Error)))
				}
				if !sub.FetchedAt.IsZero() {
					line := "fetched " + sub.FetchedAt.Local().Format("Mon 15:04")
					if !sub.NextDue.IsZero() && sub.NextDue.After(m.opt.Now()) {
						line += " · next " + sub.NextDue.Local().Format("15:04")
					}
					content = append(content, "      "+s.Dim.Render(line))
				}
			}
		}
		if len(f.subs) > 0 {
			cursorLast = len(content) - 1
			for j := cursorFirst + 1; j < len(content) && strings.HasPrefix(content[j], "      "); j++ {
				cursorLast = j
			}
		}
		// Scroll so that the selected feed (and its detail lines) shows.
		avail := max(h-3, 1)
		if f.mode == removeConfirm {
			avail = max(avail-2, 1)
		}
		if cursorLast >= avail {
			content = content[min(cursorLast-avail+1, cursorFirst):]
		}
		if f.mode == removeConfirm && f.cursor < len(f.subs) {
			sub := f.subs[f.cursor]
			content = append(content, "", s.Error.Render("Remove "+orURL(sub.Title, sub.URL)+"? Its articles leave the lists (starred ones stay). y / n"))
		}
	default:
		title = "Add a feed (esc to go back)"
		if f.moving != "" {
			title = "Move a feed (esc to go back)"
		} else {
			content = append(content, "Address of a feed or of a site that has one:")
			cursor := ""
			if f.mode == addURL {
				cursor = "█"
			}
			content = append(content, "  "+typedTail(f.input, max(w-6, 1))+cursor)
		}
		switch f.mode {
		case addDiscovering:
			content = append(content, "", "Looking for feeds…")
		case addPick:
			content = append(content, "", "Several feeds found: pick one (enter).")
			for i, c := range f.cands {
				label := c.Title
				if label == "" {
					label = c.URL
				}
				if c.Type != "" {
					label += "  [" + c.Type + "]"
				}
				if c.Comments {
					label += "  (comments)"
				}
				content = append(content, row(i, f.pick, label))
				content = append(content, "      "+s.Dim.Render(c.URL))
			}
		case addSection, addSubscribing:
			content = append(content, "", "Feed: "+orURL(f.chosen.Title, f.chosen.URL), "Section (enter):")
			for i, sec := range m.opt.Sections {
				content = append(content, row(i, f.secCur, sec.DisplayTitle()+s.Dim.Render("  "+sec.Key)))
			}
			newRow := "New section: " + f.input
			if f.secCur == len(m.opt.Sections) {
				newRow += "█"
			}
			content = append(content, row(len(m.opt.Sections), f.secCur, newRow))
			if f.mode == addSubscribing {
				content = append(content, "", "Fetching the feed…")
			}
			if f.moving != "" {
				content[0] = "Move " + orURL(f.chosen.Title, f.chosen.URL) + " to (enter):"
				content = slices.Delete(content, 1, 3) // not the add dialog's "Feed:" and "Section" lines
			}
		}
		if f.err != "" {
			content = append(content, "", s.Error.Render(f.err))
		}
	}
	return strings.Split(m.box(title, content, m.width, h, true), "\n")
}
