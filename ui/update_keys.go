package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// handleKey routes a key press: first to the filter input or an overlay,
// then to global bindings, then to the focused pane.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if m.filterIn != nil {
		return m.handleFilterKey(msg)
	}
	if next, cmd, ok := m.handleFeedsKey(msg); ok {
		return next, cmd
	}
	next, cmd, ok := m.handleReadingKey(msg)
	if ok {
		return next, cmd
	}
	m = next // it forgets a pending "n again" (reading.go)
	if next, cmd, ok := m.handleDiscoveryKey(msg); ok {
		return next, cmd
	}
	if key.Matches(msg, k.Quit) && (m.overlay == noOverlay || msg.String() == "ctrl+c") {
		return m, tea.Quit
	}
	switch m.overlay {
	case helpOverlay:
		if key.Matches(msg, k.Back, k.Help, k.Quit) {
			m.overlay = noOverlay
		} else if d, ok := k.motion(msg, m.helpRows()); ok {
			lines := len(m.helpLines(max(m.width-2, 1)))
			m.helpOff = min(max(m.helpOff+d, 0), max(lines-m.helpRows(), 0))
		}
		return m, nil
	case errorsOverlay:
		if key.Matches(msg, k.Back, k.Help, k.Errors, k.Quit) {
			m.overlay = noOverlay
		} else if d, ok := k.motion(msg, m.helpRows()); ok {
			lines := len(m.errorLines())
			m.errorsOff = min(max(m.errorsOff+d, 0), max(lines-m.helpRows(), 0))
		}
		return m, nil
	case pickerOverlay:
		switch d, moved := k.motion(msg, m.helpRows()); {
		case key.Matches(msg, k.Back, k.Picker, k.Quit):
			m.overlay = noOverlay
		case moved:
			m.pickerCursor = min(max(m.pickerCursor+d, 0), max(len(m.opt.Sections)-1, 0))
			m.pickerOff = pickerWindow(m.pickerOff, m.pickerCursor, m.helpRows())
		case key.Matches(msg, k.Open):
			m.overlay = noOverlay
			return m, m.switchSection(m.pickerCursor)
		case key.Matches(msg, k.Section):
			if i := int(msg.Code - '1'); i < len(m.opt.Sections) {
				m.overlay = noOverlay
				return m, m.switchSection(i)
			}
		}
		return m, nil
	}

	switch {
	case key.Matches(msg, k.Help):
		m.overlay, m.helpOff = helpOverlay, 0
		return m, nil
	case key.Matches(msg, k.Errors):
		m.overlay, m.errorsOff = errorsOverlay, 0
		return m, loadFeeds(m.opt.Store)
	case key.Matches(msg, k.Picker):
		m.overlay, m.pickerCursor = pickerOverlay, m.section
		m.pickerOff = pickerWindow(0, m.pickerCursor, m.helpRows())
		return m, nil
	case key.Matches(msg, k.NextPane, k.Right):
		return m, m.moveFocus(+1)
	case key.Matches(msg, k.PrevPane, k.Left):
		return m, m.moveFocus(-1)
	case key.Matches(msg, k.Side):
		m.sideToggled = !m.sideToggled
		if !Layout(m.width, m.height, m.sideToggled, m.focus).Shown(m.focus) {
			m.focus = ListPane
		}
		return m, m.resize()
	case key.Matches(msg, k.Section):
		return m, m.switchSection(int(msg.Code - '1'))
	case key.Matches(msg, k.Refresh):
		return m, m.refresh(false)
	case key.Matches(msg, k.RefreshAll):
		return m, m.refresh(true)
	case key.Matches(msg, k.NextTab):
		m.side.SwitchTab(+1)
		return m, m.tabNote()
	case key.Matches(msg, k.PrevTab):
		m.side.SwitchTab(-1)
		return m, m.tabNote()
	case key.Matches(msg, k.Filter):
		text := m.filter
		m.filterIn, m.filterPrev = &text, m.filter
		return m, nil
	case key.Matches(msg, k.Back):
		if m.filter != "" {
			m.filter = ""
			m.list.reset()
			return m, m.reloadList()
		}
		if m.focus != ListPane {
			return m, m.setFocus(ListPane)
		}
		return m, nil
	case key.Matches(msg, k.Undo):
		if m.undo == nil {
			return m, m.setNote("nothing to undo", false)
		}
		return m, undo(m.opt.Store, m.undo)
	case key.Matches(msg, k.MarkAllRead):
		return m, markSectionRead(m.opt.Store, m.currentSection().Key)
	}

	// Article actions work on the article shown, from any pane.
	if a := m.actionTarget(); a != nil {
		switch {
		case key.Matches(msg, k.ToggleRead):
			return m, toggleRead(m.opt.Store, a.ID, !a.Read)
		case key.Matches(msg, k.Star):
			return m, setStarred(m.opt.Store, a.ID, !a.Starred)
		case key.Matches(msg, k.Browser):
			return m, openBrowser(a.Link)
		case key.Matches(msg, k.Copy):
			link := feed.Link(a.Link) // what a shell may later see: http(s), no controls
			if link == "" {
				return m, m.setNote("no link to copy", true)
			}
			return m, tea.Batch(tea.SetClipboard(link), m.setNote("copied link", false))
		}
	}
	return m.handlePaneKey(msg)
}

// tabNote says which side tab is now current when the side pane is not
// on screen to show it.
func (m *Model) tabNote() tea.Cmd {
	if Layout(m.width, m.height, m.sideToggled, m.focus).Shown(SidePane) {
		return nil
	}
	return m.setNote(SidePane.String()+": "+m.side.tab.String()+" (press "+m.keys.Side.Help().Key+" to show the side pane)", false)
}

// actionTarget is the article that m, *, o and y act on: the one open in
// the article pane when it has focus, else the list's selection.
func (m *Model) actionTarget() *articleRef {
	if m.focus == ArticlePane && m.article.has {
		a := m.article.art
		return &articleRef{ID: a.ID, Read: a.Read, Starred: a.Starred, Link: a.Link}
	}
	if m.focus == SidePane {
		if a, ok := m.side.Selected(); ok {
			return &articleRef{ID: a.ID, Read: a.Read, Starred: a.Starred, Link: a.Link}
		}
		return nil
	}
	if a, ok := m.list.Selected(); ok {
		return &articleRef{ID: a.ID, Read: a.Read, Starred: a.Starred, Link: a.Link}
	}
	return nil
}

type articleRef struct {
	ID            int64
	Read, Starred bool
	Link          string
}

// handlePaneKey moves or scrolls within the focused pane, or opens.
func (m Model) handlePaneKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Open) {
		switch m.focus {
		case ListPane:
			if a, ok := m.list.Selected(); ok {
				return m, m.open(a)
			}
		case SidePane:
			if a, ok := m.side.Selected(); ok {
				return m, m.open(a)
			}
		}
		return m, nil
	}
	switch m.focus {
	case ListPane:
		if d, ok := m.keys.motion(msg, m.list.height); ok {
			before := m.list.cursor
			m.list.Move(d)
			if m.list.cursor != before {
				return m, tea.Batch(m.loadMissing(), m.showSelected())
			}
		}
	case ArticlePane:
		if d, ok := m.keys.motion(msg, m.article.height-4); ok {
			m.article.Scroll(d)
		}
	case SidePane:
		if d, ok := m.keys.motion(msg, m.side.height/2-1); ok {
			m.side.Move(d)
		}
	}
	return m, nil
}

// motion is how far a movement key moves in a pane showing page rows;
// top and bottom move far enough to reach either end (panes clamp).
func (k KeyMap) motion(msg tea.KeyPressMsg, page int) (int, bool) {
	const far = 1 << 30
	page = max(page, 1)
	switch {
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Top):
		return -far, true
	case key.Matches(msg, k.Bottom):
		return far, true
	case key.Matches(msg, k.HalfDown):
		return max(page/2, 1), true
	case key.Matches(msg, k.HalfUp):
		return -max(page/2, 1), true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	}
	return 0, false
}

// open shows an article in the article pane, focuses it and (unless
// configured otherwise) marks it read.
func (m *Model) open(a cache.Article) tea.Cmd {
	m.list.moved = true
	cmds := []tea.Cmd{m.showArticle(a.ID), m.setFocus(ArticlePane)}
	if m.opt.MarkOnOpen && !a.Read {
		cmds = append(cmds, setRead(m.opt.Store, a.ID, true, ""))
	}
	return tea.Batch(cmds...)
}

// moveFocus cycles focus over the panes that are shown (in narrow
// windows, over all panes: the focused one is shown).
func (m *Model) moveFocus(delta int) tea.Cmd {
	for range paneCount {
		next := (m.focus + Pane(delta) + paneCount) % paneCount
		m.focus = next
		g := Layout(m.width, m.height, m.sideToggled, next)
		if g.Shown(next) {
			break
		}
	}
	return m.resize()
}

func (m *Model) setFocus(p Pane) tea.Cmd {
	m.focus = p
	return m.resize()
}

// handleFilterKey edits the search as it is typed: the list follows each
// key; enter keeps the results, esc goes back to what was shown before,
// tab switches between this section and every section.
func (m Model) handleFilterKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	text := *m.filterIn
	switch msg.String() {
	case "esc":
		m.filterIn = nil
		if m.filter == m.filterPrev {
			return m, nil
		}
		m.filter = m.filterPrev
		m.list.reset()
		return m, m.reloadList()
	case "enter":
		m.filterIn = nil
		return m, nil
	case "tab":
		m.searchAll = !m.searchAll
		if m.filter == "" {
			return m, nil
		}
		m.list.reset()
		return m, m.reloadList()
	case "ctrl+c":
		return m, tea.Quit
	case "backspace", "ctrl+u", "ctrl+w", "space":
		text = editLine(text, msg)
	default:
		if msg.Text == "" {
			return m, nil
		}
		text += msg.Text
	}
	return m.setFilter(text)
}

// setFilter makes text the search being typed; the list follows.
func (m Model) setFilter(text string) (tea.Model, tea.Cmd) {
	m.filterIn = &text
	if text == m.filter {
		return m, nil
	}
	m.filter = text
	m.list.reset()
	return m, m.reloadList()
}

func (m Model) paneAt(x, y int) (Pane, bool) {
	g := Layout(m.width, m.height, m.sideToggled, m.focus)
	for p := range paneCount {
		if g.Shown(p) && g.Panes[p].Contains(x, y) {
			return p, true
		}
	}
	return 0, false
}

// handleWheel scrolls the pane under the pointer.
func (m Model) handleWheel(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return m, nil
	}
	delta := 3
	if msg.Button == tea.MouseWheelUp {
		delta = -3
	}
	switch p {
	case ListPane:
		m.list.Scroll(delta)
		return m, tea.Batch(m.loadMissing(), m.showSelected())
	case ArticlePane:
		m.article.Scroll(delta)
	case SidePane:
		m.side.Move(delta / 3)
	}
	return m, nil
}

// handleClick focuses the pane under the pointer and selects the row.
func (m Model) handleClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok || msg.Button != tea.MouseLeft {
		return m, nil
	}
	// Focus does not change the geometry: in wide windows every pane shows
	// whatever has focus, and in narrow ones only the focused pane can be
	// clicked.
	m.focus = p
	r := Layout(m.width, m.height, m.sideToggled, m.focus).Panes[p]
	row := msg.Y - r.Y - 1 - titleLines(r.H) // border and title line
	switch p {
	case ListPane:
		if i, ok := m.list.RowAt(row); ok {
			m.list.MoveTo(i)
			m.list.moved = true
			return m, tea.Batch(m.loadMissing(), m.showSelected())
		}
	case SidePane:
		m.side.Click(row)
	}
	return m, nil
}
