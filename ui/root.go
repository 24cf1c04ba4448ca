// Package ui is the terminal interface: a Bubble Tea program with a list,
// an article and a side pane, plus the plain-text output of --list and
// --refresh.
package ui

import (
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
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

	section  int
	filter   string
	filterIn *string // non-nil while typing a filter

	list    listModel
	article articleModel
	side    sideModel

	counts map[string]int
	feeds  []cache.FeedStatus

	// request IDs: a result whose ID is not the latest is stale and dropped
	listReq, articleReq, sideReq int
	renderCache                  map[[2]int64]rendered // (article ID, width) -> laid-out body

	refreshing     bool
	refreshDone    int
	refreshTotal   int
	refreshFailed  int
	lastRefresh    time.Time
	spinner        int
	note           string
	noteErr        bool
	noteSeq        int
	pendingArticle int64
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
	}
	m.styles = NewStyles(true, opt.NoColor)
	return m
}

func (m Model) currentSection() feed.Section {
	if len(m.opt.Sections) == 0 {
		return feed.Section{Key: "none", Title: "None"}
	}
	return m.opt.Sections[m.section]
}

// Init paints from the cache and starts a background refresh.
func (m Model) Init() tea.Cmd {
	// Init cannot change the model: it loads with the request IDs New set.
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadPage(m.opt.Store, m.listReq, m.currentSection().Key, "", 0, 0, true),
		loadCounts(m.opt.Store), loadFeeds(m.opt.Store),
		loadSide(m.opt.Store, m.sideReq, RankingTab, m.currentSection().Key, 0)}
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
	return loadPage(m.opt.Store, m.listReq, m.currentSection().Key, m.filter, 0, keep, true)
}

func (m *Model) reloadList() tea.Cmd {
	m.listReq++
	return loadPage(m.opt.Store, m.listReq, m.currentSection().Key, m.filter, 0, 0, true)
}

// innerSize is a pane's content size inside its border.
func (m Model) innerSize(p Pane) (int, int) {
	r := Layout(m.width, m.height, m.sideToggled, m.focus).Panes[p]
	return max(r.W-2, 0), max(r.H-3, 0) // border (2) and title line (1)
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
		cmds = append(cmds, loadPage(m.opt.Store, m.listReq, m.currentSection().Key, m.filter, p, 0, false))
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
	m.sideReq++
	m.pendingArticle = id
	rs := stylesRender(m.styles, m.opt.Hyperlinks)
	var cached *rendered
	if r, ok := m.renderCache[[2]int64{id, int64(aw)}]; ok {
		cached = &r
	}
	return tea.Batch(
		loadArticle(m.opt.Store, m.articleReq, id, aw, rs, cached),
		loadSide(m.opt.Store, m.sideReq, RelatedTab, m.currentSection().Key, id),
	)
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
		m.renderCache = map[[2]int64]rendered{}
		return m, m.resize()
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.styles = NewStyles(m.isDark, m.opt.NoColor)
		m.renderCache = map[[2]int64]rendered{}
		return m, m.rerender()
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		return m.handleWheel(msg)
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	case pageMsg:
		return m.handlePage(msg)
	case articleMsg:
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
		m.renderCache[[2]int64{msg.art.ID, int64(msg.width)}] = msg.body
		m.article.bodyW = msg.width
		m.article.show(msg.art, msg.body)
		return m, nil
	case sideMsg:
		if msg.tab == RelatedTab && msg.req != m.sideReq {
			return m, nil
		}
		if msg.err != nil {
			return m, m.setNote(msg.err.Error(), true)
		}
		m.side.set(msg.tab, msg.arts)
		return m, nil
	case countsMsg:
		m.counts = msg
		return m, nil
	case feedsMsg:
		m.feeds = msg
		m.refreshFailed = 0
		for _, f := range msg {
			if f.Error != "" {
				m.refreshFailed++
			}
		}
		return m, nil
	case refreshRequest:
		return m, m.refresh(msg.all)
	case progressMsg:
		m.refreshDone++
		cmds := []tea.Cmd{waitRefresh(msg.next)}
		if msg.res.Status == feed.StatusOK && slices.Contains(m.currentSection().Feeds, msg.res.URL) {
			// New articles for the section on screen: show them now,
			// keeping the cursor on the article being read.
			cmds = append(cmds, m.reloadKeeping(), loadCounts(m.opt.Store))
		}
		return m, tea.Batch(cmds...)
	case refreshDoneMsg:
		m.refreshing = false
		m.lastRefresh = msg.at
		cmds := []tea.Cmd{
			m.reloadKeeping(),
			loadCounts(m.opt.Store), loadFeeds(m.opt.Store),
			loadSide(m.opt.Store, m.sideReq, RankingTab, m.currentSection().Key, 0),
		}
		if msg.err != nil {
			cmds = append(cmds, m.setNote("refresh: "+msg.err.Error(), true))
		} else if msg.sum.Failed > 0 {
			cmds = append(cmds, m.setNote(itoa(msg.sum.Failed)+" feeds failed: press e", true))
		}
		return m, tea.Batch(cmds...)
	case stateMsg:
		return m.handleState(msg)
	case noteMsg:
		return m, m.setNote(msg.text, msg.err)
	case clearNoteMsg:
		if msg.seq == m.noteSeq {
			m.note = ""
		}
		return m, nil
	case tickMsg:
		if !m.refreshing {
			return m, nil
		}
		m.spinner++
		return m, tick()
	}
	return m, nil
}

func (m *Model) refresh(all bool) tea.Cmd {
	if m.refreshing {
		return m.setNote("already refreshing", false)
	}
	if m.opt.Offline || m.opt.Fetcher == nil {
		return m.setNote("offline: not refreshing", false)
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
	return tea.Batch(startRefresh(m.opt.Store, m.opt.Fetcher, sections), tick())
}

func (m Model) handlePage(msg pageMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.listReq {
		return m, nil // stale: another section, filter or reload since
	}
	if msg.err != nil {
		return m, m.setNote("cache: "+msg.err.Error(), true)
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
		if msg.index >= 0 {
			m.list.MoveTo(msg.index)
		} else {
			m.list.clamp()
		}
		return m, tea.Batch(m.loadMissing(), m.showSelected())
	}
	m.list.total = msg.total
	m.list.pages[msg.offset/pageSize] = msg.arts
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
	cmds := []tea.Cmd{loadCounts(m.opt.Store)}
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

// switchSection opens section i from the top, clearing any filter.
func (m *Model) switchSection(i int) tea.Cmd {
	if i < 0 || i >= len(m.opt.Sections) {
		return nil
	}
	m.section, m.filter = i, ""
	m.list.reset()
	m.article = articleModel{width: m.article.width, height: m.article.height}
	m.side.loaded = [tabCount]bool{}
	m.sideReq++
	return tea.Batch(m.reloadList(), loadSide(m.opt.Store, m.sideReq, RankingTab, m.currentSection().Key, 0))
}

func (m Model) emptyListText() string {
	if m.filter != "" {
		return "No headlines match “" + m.filter + "”. Press esc to clear the filter."
	}
	if m.opt.Offline {
		return "Offline and the cache has nothing for this section. Run without --offline, or try --demo."
	}
	if m.refreshing {
		return "Fetching headlines…"
	}
	return "No articles yet: press r to refresh."
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
