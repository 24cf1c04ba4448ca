package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/feed"
)

// View draws the whole screen: header, panes, status line and help.
func (m Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = feed.Line("newsreader: " + m.opt.Site + " > " + m.currentSection().DisplayTitle())
	return v
}

// Render is the screen as a string, exactly width x height cells.
func (m Model) Render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	g := Layout(m.width, m.height, m.sideToggled, m.focus)
	lines := make([]string, 0, m.height)
	lines = append(lines, m.header(g.HeaderH)...)
	body := m.body(g)
	lines = append(lines, body...)
	lines = append(lines, m.footer(g.FooterH)...)
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	for i := range lines {
		lines[i] = fit(lines[i], m.width)
	}
	// Whatever the panes hold, only the program's own styling and http(s)
	// links reach the terminal.
	return termSafe(strings.Join(lines[:m.height], "\n"))
}

func (m Model) header(h int) []string {
	s := m.styles
	// The focus stays at the right: a long site name, section title or
	// search is cut ("…") before it, each part to what is left.
	focus := s.Dim.Render("[" + m.focus.String() + "]")
	room := max(m.width-ansi.StringWidth(focus)-1, 1)
	site := truncate(stableWidth(m.opt.Site), max(room/3, min(room, 12)), "…")
	crumb := s.Header.Render(site)
	room -= ansi.StringWidth(site)
	if room > 3 {
		bc := truncate(stableWidth(m.breadcrumb()), room-2, "…")
		crumb += "  " + s.Breadcrumb.Render(bc)
		room -= 2 + ansi.StringWidth(bc)
	}
	if label := m.listLabel(); label != "" && room > 3 {
		crumb += s.Dim.Render("  " + truncate(stableWidth(label), room-2, "…"))
	}
	gap := max(m.width-ansi.StringWidth(crumb)-ansi.StringWidth(focus), 1)
	first := crumb + strings.Repeat(" ", gap) + focus
	if h < 2 {
		return []string{first}
	}
	var tabs []string
	for i, sec := range m.opt.Sections {
		// A long title is cut, its unread count kept: other tabs to
		// maxTab cells, the active one to twice that (or the width).
		title, unread := stableWidth(sec.DisplayTitle()), ""
		if n := m.counts[strings.ToLower(sec.Key)]; n > 0 {
			unread = " " + itoa(n)
		}
		room := maxTab
		if i == m.section {
			room = max(min(m.width-4, 2*maxTab), 1)
		}
		label := itoa(i+1) + " " + truncate(title, max(room-len(itoa(i+1))-1-len(unread), 1), "…") + unread
		if i == m.section {
			tabs = append(tabs, s.ActiveTab.Render("["+label+"]"))
		} else {
			tabs = append(tabs, s.Tab.Render(" "+label+" "))
		}
	}
	// Scroll the tabs so that the active one is always on screen.
	start := 0
	for start < m.section && ansi.StringWidth(strings.Join(tabs[start:m.section+1], "")) > m.width-1 {
		start++
	}
	line := strings.Join(tabs[start:], "")
	if start > 0 {
		line = "…" + line
	}
	return []string{first, line}
}

// maxTab is the most cells a section's tab label takes when it is not the
// active one.
const maxTab = 24

func (m Model) body(g Geometry) []string {
	bodyH := m.height - g.HeaderH - g.FooterH
	if bodyH <= 0 {
		return nil
	}
	if m.fui.mode != feedsOff {
		return m.feedsView(bodyH)
	}
	if m.overlay != noOverlay {
		return m.overlayView(bodyH)
	}
	var boxes []string
	now := m.opt.Now()
	for p := range paneCount {
		r := g.Panes[p]
		if r.W <= 0 || r.H <= 0 {
			continue
		}
		var content []string
		title := p.String()
		switch p {
		case ListPane:
			content = m.list.View(m.styles, m.focus == p, now, m.emptyListText())
			if m.list.total > 0 {
				title += " " + itoa(m.list.cursor+1) + "/" + itoa(m.list.total)
			}
		case ArticlePane:
			content = m.article.View(m.styles, m.articleEmptyText())
			if m.article.has && len(m.article.body.lines) == 0 {
				for _, l := range wrapLines(m.noTextHint(), m.article.width, "") {
					content = append(content, m.styles.Dim.Render(l))
				}
			}
		case SidePane:
			content = m.side.View(m.styles, m.focus == p, now)
		}
		boxes = append(boxes, m.box(title, content, r.W, r.H, m.focus == p))
	}
	joined := lipgloss.JoinHorizontal(lipgloss.Top, boxes...)
	return strings.Split(joined, "\n")
}

// noTextHint is the article pane's body for an article whose feed gives
// no text (title-only feeds): how to get it, with the keys in effect.
func (m Model) noTextHint() string {
	if m.article.art.Link == "" {
		return "No text in the feed for this article."
	}
	return "No text in the feed for this article: " + m.keys.FullText.Help().Key + " fetches its full text, " +
		m.keys.Browser.Help().Key + " opens it in the browser."
}

func (m Model) articleEmptyText() string {
	if m.list.total == 0 {
		return "Nothing to read yet."
	}
	return "Select a headline and press enter."
}

// box draws a pane: a border (thick when focused) around a title line and
// content cut to fit.
func (m Model) box(title string, content []string, w, h int, focused bool) string {
	iw, ih := max(w-2, 0), max(h-2, 0)
	st, ts, marker := m.styles.Pane, m.styles.PaneTitle, "  "
	if focused {
		st, ts, marker = m.styles.FocusedPane, m.styles.FocusedTitle, "▶ "
	}
	lines := make([]string, 0, ih)
	if ih > 0 && titleLines(h) > 0 {
		lines = append(lines, ts.Render(fit(marker+title, iw)))
	}
	for _, l := range content {
		if len(lines) >= ih {
			break
		}
		lines = append(lines, fit(l, iw))
	}
	for len(lines) < ih {
		lines = append(lines, strings.Repeat(" ", iw))
	}
	if iw == 0 || ih == 0 {
		return strings.TrimSuffix(strings.Repeat(strings.Repeat(" ", w)+"\n", h), "\n")
	}
	return st.Render(strings.Join(lines, "\n"))
}

func (m Model) overlayView(h int) []string {
	var content []string
	var title string
	s := m.styles
	switch m.overlay {
	case helpOverlay:
		lines := m.helpLines(max(m.width-2, 1))
		rows := max(h-3, 1)
		off := min(m.helpOff, max(len(lines)-rows, 0))
		content = lines[off:]
		title = "Keys (esc to close)"
		if len(lines) > rows {
			title = "Keys " + itoa(off+1) + "-" + itoa(min(off+rows, len(lines))) + " of " + itoa(len(lines)) + " lines (j/k scroll, esc to close)"
		}
	case pickerOverlay:
		// As many sections as the box holds, scrolled to keep the cursor
		// in view (an OPML import can make dozens); numbers aligned.
		rows, n := max(h-3, 1), len(m.opt.Sections)
		off := pickerWindow(m.pickerOff, m.pickerCursor, rows)
		title = "Sections (enter to open, esc to close)"
		if n > rows {
			title = "Sections " + itoa(off+1) + "-" + itoa(min(off+rows, n)) + " of " + itoa(n) + " (enter to open, esc to close)"
		}
		numW := len(itoa(n))
		for i := off; i < min(off+rows, n); i++ {
			sec := m.opt.Sections[i]
			num := itoa(i + 1)
			row := "  " + strings.Repeat(" ", numW-len(num)) + num + "  " + sectionLabel(sec, m.counts[strings.ToLower(sec.Key)])
			if i == m.pickerCursor {
				row = s.Selected.Render(fit("▶"+row[1:], max(m.width-2, 1)))
			}
			content = append(content, row)
		}
	case errorsOverlay:
		lines := m.errorLines()
		rows := max(h-3, 1)
		off := min(m.errorsOff, max(len(lines)-rows, 0))
		content = lines[off:]
		title = "Feeds in error (esc to close)"
		if len(lines) > rows {
			title = "Feeds in error: lines " + itoa(off+1) + "-" + itoa(min(off+rows, len(lines))) + " of " + itoa(len(lines)) + " (j/k scroll, esc to close)"
		}
	}
	return strings.Split(m.box(title, content, m.width, h, true), "\n")
}

// pickerWindow is the first row to show of a list scrolled from off so
// that row cursor is among the rows shown.
func pickerWindow(off, cursor, rows int) int {
	rows = max(rows, 1)
	off = min(off, cursor)
	return max(off, cursor-rows+1, 0)
}

// errorLines are the lines of the feeds-in-error overlay: each failing
// feed and its reason, then the feeds with a note. Addresses and reasons
// wrap to the overlay's width (a reason cut at the edge lost its end).
func (m Model) errorLines() []string {
	iw := max(m.width-2, 10)
	var content []string
	for _, f := range m.feeds {
		if f.Error == "" {
			continue
		}
		u := urlLines("✗ ", feed.Line(f.URL), iw)
		u[0] = m.styles.Error.Render("✗ ") + strings.TrimPrefix(u[0], "✗ ")
		content = append(content, u...)
		content = append(content, wrapLines("    "+feed.Line(f.Error), iw, "    ")...)
	}
	if len(content) == 0 {
		content = []string{"No feed is in error."}
	}
	for _, f := range m.feeds {
		if f.Error == "" && f.Note != "" { // e.g. "kept newest 5,000 of 119,155"
			content = append(content, urlLines("! ", feed.Line(f.URL), iw)...)
			content = append(content, wrapLines("    "+feed.Line(f.Note), iw, "    ")...)
		}
	}
	return content
}

// helpLines is the full help laid out for width: as many groups of keys
// side by side as fit, the rest below, every group whole.
func (m Model) helpLines(width int) []string {
	hm := m.help
	hm.SetWidth(0) // measure without cutting: rows are packed to fit below
	var out []string
	var row [][]key.Binding
	flush := func() {
		if len(row) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, strings.Split(hm.FullHelpView(row), "\n")...)
		row = nil
	}
	for _, g := range m.keys.FullHelp() {
		if len(row) > 0 && lipgloss.Width(hm.FullHelpView(append(row[:len(row):len(row)], g))) > width {
			flush()
		}
		row = append(row, g)
	}
	flush()
	return out
}

// helpRows is how many lines the help overlay shows at once.
func (m Model) helpRows() int {
	g := Layout(m.width, m.height, m.sideToggled, m.focus)
	return max(m.height-g.HeaderH-g.FooterH-3, 1)
}

// footer is the status line, then the short help. The status line says
// each fact once: what the refresh is doing or how it ended, how many
// feeds are in error, and the latest note.
func (m Model) footer(h int) []string {
	s := m.styles
	var parts []string
	switch {
	case m.filterIn != nil:
		parts = append(parts, m.searchPrompt())
	case m.linkIn != nil:
		parts = append(parts, m.linkPrompt())
	case m.refreshing:
		parts = append(parts, m.spin.View()+" refreshing "+itoa(m.refreshDone)+"/"+itoa(m.refreshTotal)+" feeds")
	case m.refreshFailed():
		parts = append(parts, s.Error.Render("refresh failed "+m.lastRefresh.Local().Format("15:04")))
	case !m.lastRefresh.IsZero():
		done := "refreshed " + m.lastRefresh.Local().Format("15:04")
		if m.lastSum.New > 0 {
			done += ": " + itoa(m.lastSum.New) + " new"
		}
		parts = append(parts, done)
	case m.opt.Offline:
		parts = append(parts, "offline")
	}
	if m.filterIn == nil && m.linkIn == nil {
		for _, p := range []string{m.fullStatus(), m.autoStatus(), m.syncStatus()} {
			if p != "" {
				parts = append(parts, p)
			}
		}
	}
	if n := m.feedsInError(); n > 0 {
		parts = append(parts, s.Error.Render(plural(n, "feed")+" in error (e)"))
	}
	if m.note != "" {
		st := s.Status
		if m.noteErr {
			st = s.Error
		}
		parts = append(parts, st.Render(m.note))
		if h < 2 && m.filterIn == nil && m.linkIn == nil {
			parts = parts[len(parts)-1:] // one row: the newest fact, which clears in a few seconds
		}
	}
	status := s.Status.Render(strings.Join(parts, "  "))
	if h < 2 {
		return []string{m.tinyFooter(status)}
	}
	return []string{status, m.shortHelp()}
}

// tinyFooter is the one footer row of a window under 8 rows: a prompt
// being typed has it all; else the way to help and out ("? help • q
// quit", an overlay's "esc close") stays at its end and the status gets
// what is left (cut with "…"), or none when too little is left to read.
func (m Model) tinyFooter(status string) string {
	if m.filterIn != nil || m.linkIn != nil {
		return status
	}
	if ansi.StringWidth(status) == 0 {
		return m.shortHelp()
	}
	keys, kept := m.footerKeys(), m.keptKeys()
	if kept == 0 {
		return status
	}
	hm := m.help
	hm.SetWidth(0)
	tail := hm.ShortHelpView(keys[len(keys)-kept:])
	room := m.width - ansi.StringWidth(tail) - 2
	if room < 8 {
		return m.shortHelp()
	}
	return truncate(status, room, "…") + "  " + tail
}

// keptKeys is how many keys at the end of footerKeys always show: "?
// help" and "q quit", the esc that closes an overlay or dialog, ctrl+c
// (at least one key before them gives way).
func (m Model) keptKeys() int {
	keys := m.footerKeys()
	kept := 0
	for i := len(keys) - 1; i > 0; i-- {
		b := keys[i]
		if d := b.Help().Desc; d != m.keys.Help.Help().Desc && d != m.keys.Quit.Help().Desc &&
			!slices.Contains(b.Keys(), "esc") && !slices.Contains(b.Keys(), "ctrl+c") {
			break
		}
		kept++
	}
	return kept
}

// refreshFailed: the last refresh fetched nothing, every feed failed (or
// the refresh itself did).
func (m Model) refreshFailed() bool {
	if m.lastRefresh.IsZero() {
		return false
	}
	return m.lastRefreshErr || (m.lastSum.Total() > 0 && m.lastSum.Failed == m.lastSum.Total())
}

// shortHelp is the footer's key line. When it does not fit, the keys
// before "? help" and "q quit" (in an overlay or dialog, before the esc
// that closes it) give way, the least needed first (the section digits
// the tab bar shows, r, j; never tab, / or enter before the rest), so
// that a new user always sees how to get help, search and get out.
func (m Model) shortHelp() string {
	hm := m.help
	keys := m.footerKeys()
	kept := m.keptKeys() // the keys at the end that always show
	if kept > 0 {
		hm.SetWidth(0)
		k := m.keys
		rank := func(b key.Binding) int {
			for i, low := range []key.Binding{k.Section, k.Refresh, k.Down, k.Copy, k.Star, k.Coverage, k.PageDown, k.ToggleRead} {
				if b.Help() == low.Help() {
					return i
				}
			}
			for i, high := range []key.Binding{k.Open, k.Filter, k.NextPane} {
				if b.Help() == high.Help() {
					return 100 + i
				}
			}
			return 50
		}
		for len(keys) > kept && ansi.StringWidth(hm.ShortHelpView(keys)) > m.width {
			drop := 0
			for i := range keys[:len(keys)-kept] {
				if rank(keys[i]) <= rank(keys[drop]) {
					drop = i // the least needed; of equals, the later
				}
			}
			keys = append(keys[:drop:drop], keys[drop+1:]...)
		}
	}
	hm.SetWidth(m.width)
	return hm.ShortHelpView(keys)
}

// footerKeys is the short help for what has the keys: an open overlay or
// dialog's own keys, else the focused pane's.
func (m Model) footerKeys() []key.Binding {
	k := m.keys
	as := func(b key.Binding, desc string) key.Binding { // b's keys, described for this overlay
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	fixed := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
	}
	switch m.fui.mode {
	case feedsList:
		return []key.Binding{as(k.Down, "down"), as(k.Up, "up"), as(k.AddFeed, "add"), as(k.Open, "move"),
			as(k.RemoveFeed, "remove"), as(k.FullText, "full text on refresh"), as(k.Back, "close")}
	case removeConfirm:
		return []key.Binding{fixed("y", "remove"), fixed("n/esc", "keep")}
	case addURL:
		return []key.Binding{fixed("enter", "find feeds"), fixed("esc", "back")}
	case addDiscovering, addSubscribing:
		return []key.Binding{fixed("esc", "cancel")}
	case addPick:
		return []key.Binding{as(k.Down, "down"), as(k.Up, "up"), fixed("enter", "pick"), fixed("esc", "back")}
	case addSection:
		return []key.Binding{fixed("↑/↓", "choose"), fixed("enter", "ok"), fixed("esc", "back")}
	}
	switch m.overlay {
	case helpOverlay:
		return []key.Binding{as(k.Down, "scroll down"), as(k.Up, "scroll up"), as(k.Back, "close")}
	case errorsOverlay:
		return []key.Binding{as(k.Down, "scroll down"), as(k.Up, "scroll up"), as(k.Back, "close"), fixed("ctrl+c", "quit")}
	case pickerOverlay:
		return []key.Binding{as(k.Down, "down"), as(k.Up, "up"), as(k.Open, "open"), as(k.Section, "section"), as(k.Back, "close")}
	}
	return k.ShortHelp(m.focus)
}

// plural is "1 feed", "2 feeds".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + noun + "s"
}

func (m Model) feedsInError() int {
	n := 0
	for _, f := range m.feeds {
		if f.Error != "" {
			n++
		}
	}
	return n
}
