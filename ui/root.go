// Package ui is the terminal interface: a Bubble Tea program with a list,
// an article and a side pane, plus the plain-text output of --list and
// --refresh.
package ui

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	cachesync "newsreader/cache/sync"
	"newsreader/feed"
)

// Options configure the reader.
type Options struct {
	Site       string
	Sections   []feed.Section
	Section    int // index of the section to open
	Store      *cache.Store
	Fetcher    *feed.Fetcher
	Offline    bool
	MarkOnOpen bool // opening an article marks it read
	NoColor    bool
	Hyperlinks bool // OSC 8 links in article bodies
	Now        func() time.Time
	Keys       *KeyMap            // nil: DefaultKeyMap (see KeyMapFor for the config's [keys])
	Sync       *cachesync.Account // the [sync] server (sync.go); nil when none
	// RefreshEvery is how often the open reader refreshes the feeds that
	// are due (0: never by itself); see autorefresh.go.
	RefreshEvery time.Duration
}

// overlay is a modal view drawn over the panes.
type overlay int

const (
	noOverlay overlay = iota
	helpOverlay
	pickerOverlay
	errorsOverlay
)

// Model is the root Bubble Tea model.
type Model struct {
	opt    Options
	keys   KeyMap
	styles Styles
	isDark bool

	width, height int
	focus         Pane
	sideToggled   bool
	overlay       overlay
	pickerCursor  int

	section    int
	filter     string
	filterIn   *string    // non-nil while typing a search
	filterPrev string     // the search before typing began, for esc
	searchAll  bool       // the search covers every section, not just this one
	byStory    bool       // the list shows one row per story
	linkIn     *string    // non-nil while the "open" link prompt shows (reading.go)
	fui        feedsState // the feeds overlay and add dialog (feeds.go)
	sy         syncState  // the [sync] server (sync.go)

	autoGen     int            // the auto-refresh timer's generation (autorefresh.go)
	fullReq     int            // f (fulltext.go)
	fullPending int64          // the article whose full text is being fetched
	feedText    map[int64]bool // articles switched back to the feed's text
	nextRefresh time.Time      // when the next auto-refresh is due

	list    listModel
	article articleModel
	side    sideModel

	counts map[string]int
	feeds  []cache.FeedStatus

	// request IDs: a result whose ID is not the latest is stale and dropped
	listReq, articleReq int
	sideReq             [tabCount]int         // per side-pane tab
	unreadReq           int                   // n / N (reading.go)
	wrapTo              int                   // 1 + the section the next n / N goes on to; 0: none (reading.go)
	wrapFwd             bool                  // wrapTo is for n (true) or N
	storyReq            int                   // the shown article's story versions (discovery.go)
	relatedPending      bool                  // a relatedTickMsg is on its way (discovery.go)
	relatedFor          int64                 // the article the latest Related request is for
	sideStarted         bool                  // Ranking and Recommended asked for since the first page came
	renderCache         map[[2]int64]rendered // (article ID, width) -> laid-out body

	refreshing     bool
	refreshDone    int
	refreshMoved   bool // a feed of this refresh moved (a permanent redirect): the sections are read again after it
	refreshTotal   int
	lastRefresh    time.Time
	lastSum        cache.Summary // the last refresh's outcome
	lastRefreshErr bool          // the last refresh failed as a whole
	spin           spinner.Model
	help           help.Model
	helpOff        int     // first line of the full help shown
	pickerOff      int     // first section shown in the section picker
	errorsOff      int     // first line shown in the feeds-in-error overlay
	undo           *undoOp // the last bulk change, until undone
	note           string
	noteErr        bool
	noteSeq        int
	pendingArticle int64
	dataVersion    int64 // the cache's PRAGMA data_version + 1 when last checked; 0: not yet (watch.go)
}

// maxCachedRenders bounds the (article, width) render cache.
const maxCachedRenders = 256

// New builds the root model.
func New(opt Options) Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	m := Model{
		opt:         opt,
		keys:        DefaultKeyMap(),
		isDark:      true,
		section:     min(max(opt.Section, 0), max(len(opt.Sections)-1, 0)),
		list:        newList(),
		listReq:     1,
		counts:      map[string]int{},
		renderCache: map[[2]int64]rendered{},
		feedText:    map[int64]bool{},
	}
	if opt.Keys != nil {
		m.keys = *opt.Keys
	}
	m.spin = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	m.setStyles(true)
	return m
}

// setStyles builds every style for the background, the help's included.
func (m *Model) setStyles(isDark bool) {
	m.isDark = isDark
	m.styles = NewStyles(isDark, m.opt.NoColor)
	m.help = help.New()
	m.help.Ellipsis = "…"
	if m.opt.NoColor {
		m.help.Styles = help.Styles{}
	} else {
		m.help.Styles = help.DefaultStyles(isDark)
	}
}

func (m Model) currentSection() feed.Section {
	if len(m.opt.Sections) == 0 {
		return feed.Section{Key: "none", Title: "None"}
	}
	return m.opt.Sections[m.section]
}

// Init paints from the cache: the first page, counts and feed status;
// the side pane's Ranking and Recommended follow the first page (see
// handlePage), so the first frame does not share the two cores with them.
// (Run asks for the background refresh.)
func (m Model) Init() tea.Cmd {
	// Init cannot change the model: it loads with the request IDs New set.
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadPage(m.opt.Store, m.listReq, m.listQuery(), 0, 0, true),
		loadCounts(m.opt.Store), loadFeeds(m.opt.Store),
		checkDataVersion(m.opt.Store)} // the baseline for noticing others' writes (watch.go)
	if m.opt.Sync != nil {
		cmds = append(cmds, loadSyncStatus(m.opt.Store, m.sy.req))
	}
	return tea.Batch(cmds...)
}

// refreshRequest asks Update to start a refresh.
type refreshRequest struct{ all bool }

// reloadKeeping reloads the list from the top. Once the reader has moved
// or opened something the cursor stays on that article wherever it now
// sits; before that it stays on the newest.
func (m *Model) reloadKeeping() tea.Cmd {
	var keep int64
	if sel, ok := m.list.Selected(); ok && m.list.moved {
		keep = sel.ID
	}
	m.listReq++
	return loadPage(m.opt.Store, m.listReq, m.listQuery(), 0, keep, true)
}

func (m *Model) reloadList() tea.Cmd {
	m.listReq++
	return loadPage(m.opt.Store, m.listReq, m.listQuery(), 0, 0, true)
}

// innerSize is a pane's content size inside its border.
func (m Model) innerSize(p Pane) (int, int) {
	r := Layout(m.width, m.height, m.sideToggled, m.focus).Panes[p]
	return max(r.W-2, 0), max(r.H-2-titleLines(r.H), 0) // border (2) and title line
}

// titleLines is 1 when a pane box of height h has its title line; a box
// too short for the title and two lines of content (a terminal of five
// or six rows) gives the title's line to the content, so that it shows a
// headline rather than only its name (the header names the focus).
func titleLines(h int) int {
	if h-2 < 3 {
		return 0
	}
	return 1
}

func (m *Model) resize() tea.Cmd {
	lw, lh := m.innerSize(ListPane)
	m.list.SetSize(lw, lh)
	aw, ah := m.innerSize(ArticlePane)
	m.article.SetSize(aw, ah)
	sw, sh := m.innerSize(SidePane)
	m.side.SetSize(sw, sh)
	return tea.Batch(m.loadMissing(), m.rerender())
}

// rerender lays out the article being shown (or about to be) again for
// the current width; with none, it shows the list's selection.
func (m *Model) rerender() tea.Cmd {
	switch {
	case m.pendingArticle != 0:
		id := m.pendingArticle
		m.pendingArticle = 0
		return m.showArticle(id)
	case m.article.has:
		return m.showArticle(m.article.art.ID)
	}
	return m.showSelected()
}

func (m *Model) loadMissing() tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.list.missing() {
		m.list.pages[p] = nil // mark requested
		cmds = append(cmds, loadPage(m.opt.Store, m.listReq, m.listQuery(), p, 0, false))
	}
	return tea.Batch(cmds...)
}

// showSelected loads the article under the list cursor into the article
// pane (from the render cache when it can) and its related stories.
func (m *Model) showSelected() tea.Cmd {
	a, ok := m.list.Selected()
	if !ok {
		return nil
	}
	return m.showArticle(a.ID)
}

func (m *Model) showArticle(id int64) tea.Cmd {
	aw, _ := m.innerSize(ArticlePane)
	if aw <= 0 {
		aw, _ = m.innerSize(m.focus)
	}
	if m.article.has && m.article.art.ID == id && m.article.bodyW == aw && m.pendingArticle == 0 {
		return nil
	}
	m.articleReq++
	m.pendingArticle = id
	rs := stylesRender(m.styles, m.opt.Hyperlinks)
	// The render cache holds the feed's text under id and the full text
	// under -id.
	var cached, cachedFull *rendered
	if r, ok := m.renderCache[[2]int64{id, int64(aw)}]; ok {
		cached = &r
	}
	if r, ok := m.renderCache[[2]int64{-id, int64(aw)}]; ok {
		cachedFull = &r
	}
	return tea.Batch(loadArticle(m.opt.Store, m.articleReq, id, aw, rs, cached, cachedFull, !m.feedText[id]), m.loadRelated(id))
}

// loadRelated asks for the stories related to article id, unless they
// were last asked for that article (a re-render at a new width needs none).
func (m *Model) loadRelated(id int64) tea.Cmd {
	if id == m.relatedFor {
		return nil
	}
	m.relatedFor = id
	return m.loadTab(RelatedTab)
}

func (m *Model) setNote(text string, isErr bool) tea.Cmd {
	m.noteSeq++
	m.note, m.noteErr = feed.Line(text), isErr
	return clearNoteAfter(m.noteSeq)
}

// Update handles one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if !Layout(m.width, m.height, m.sideToggled, m.focus).Shown(m.focus) {
			// The window narrowed past the focused pane (the side pane
			// folds under 120 columns): keys go where the eye is, as when
			// the side pane is folded by hand.
			m.focus = ListPane
		}
		m.renderCache = map[[2]int64]rendered{}
		return m, m.resize()
	case tea.BackgroundColorMsg:
		m.setStyles(msg.IsDark())
		m.renderCache = map[[2]int64]rendered{}
		return m, m.rerender()
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.filterIn != nil && m.fui.mode == feedsOff {
			// A pasted query (a phrase from elsewhere) is typed at once,
			// on one line.
			return m.setFilter(*m.filterIn + feed.Words(msg.Content))
		}
	case tea.MouseWheelMsg:
		return m.handleWheel(msg)
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	case pageMsg:
		return m.handlePage(msg)
	case articleMsg:
		return m.handleArticle(msg)
	case sideMsg:
		return m.handleSide(msg)
	case countsMsg:
		m.counts = msg
		return m, nil
	case feedsMsg:
		return m.handleFeeds(msg)
	case refreshRequest:
		return m, m.refresh(msg.all)
	case syncDoneMsg:
		return m.handleSyncDone(msg)
	case progressMsg:
		return m.handleProgress(msg)
	case refreshDoneMsg:
		return m.handleRefreshDone(msg)
	case stateMsg:
		return m.handleState(msg)
	case noteMsg:
		return m, m.setNote(msg.text, msg.err)
	case clearNoteMsg:
		if msg.seq == m.noteSeq {
			m.note = ""
		}
		return m, nil
	case spinner.TickMsg:
		if !m.refreshing && !m.sy.running {
			return m, nil // the chain ends with the refresh and the sync
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	}
	if next, cmd, ok := m.handleDiscoveryMsg(msg); ok {
		return next, cmd
	}
	if next, cmd, ok := m.handleWatchMsg(msg); ok {
		return next, cmd
	}
	if next, cmd, ok := m.handleReadingMsg(msg); ok {
		return next, cmd
	}
	if next, cmd, ok := m.handleFeedsMsg(msg); ok {
		return next, cmd
	}
	if next, cmd, ok := m.handleAutoMsg(msg); ok {
		return next, cmd
	}
	if msg, ok := msg.(fullMsg); ok {
		return m.handleFullMsg(msg)
	}
	return m, nil
}

// switchSection opens section i from the top, clearing any filter.
func (m *Model) switchSection(i int) tea.Cmd {
	if i < 0 || i >= len(m.opt.Sections) {
		return nil
	}
	m.section, m.filter = i, ""
	m.list.reset()
	m.article = articleModel{width: m.article.width, height: m.article.height}
	m.side.loaded[RelatedTab], m.side.loaded[RankingTab] = false, false
	m.relatedFor = 0
	m.sideReq[RelatedTab]++ // drop the old section's related stories
	return tea.Batch(m.reloadList(), m.loadTab(RankingTab))
}

func (m Model) emptyListText() string {
	if m.filter != "" {
		q := truncate(stableWidth(m.filter), 60, "…") // a pasted paragraph is not said back whole
		how := ""
		switch ws := cache.QueryWords(m.filter); {
		case len(ws) == 0:
			how = " It has no word or emoji to look for."
		case !strings.ContainsFunc(strings.Join(ws, ""), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
			how = " Emoji and symbols are looked for in titles only."
		}
		if m.searchAll {
			return "Nothing in the cache matches “" + q + "”." + how + " Press esc to clear the search."
		}
		return "Nothing in " + m.currentSection().DisplayTitle() + " matches “" + q + "”." + how + " Press / then tab to search every section, esc to clear."
	}
	if len(m.opt.Sections) == 0 {
		return "No feeds yet: press " + m.keys.AddFeed.Help().Key + " to add one by its address or its site's."
	}
	if m.opt.Offline {
		return "Offline and the cache has nothing for this section. Run without --offline, or try --demo."
	}
	if m.refreshing {
		return "Fetching headlines…"
	}
	if n := m.sectionFeedsInError(); n > 0 {
		return "Nothing to show: " + plural(n, "feed") + " of this section failed to refresh. Press e to see why, r to try again."
	}
	if m.refreshFailed() {
		return "Nothing to show: the last refresh failed. Press r to try again."
	}
	if !m.lastRefresh.IsZero() {
		return "This section's feeds have no articles yet. Press r to refresh."
	}
	return "No articles yet: press r to refresh."
}

// sectionFeedsInError counts the current section's feeds whose last fetch failed.
func (m Model) sectionFeedsInError() int {
	n := 0
	for _, f := range m.feeds {
		if f.Error != "" && slices.Contains(m.currentSection().Feeds, f.URL) {
			n++
		}
	}
	return n
}

func (m Model) breadcrumb() string {
	return "Home > " + m.currentSection().DisplayTitle()
}

func sectionLabel(s feed.Section, unread int) string {
	label := s.DisplayTitle()
	if unread > 0 {
		label += " " + itoa(unread)
	}
	return label
}
