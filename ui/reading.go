package ui

import (
	"context"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// Reading comfort: n / N jump to the next / previous unread article of the
// section (asking the cache, so rows not loaded yet count), and o in the
// article pane opens the article or one of its numbered footnote links:
// o then enter (or o again) opens the article, o then a number opens that
// link. The digits 1-9 otherwise switch sections everywhere; only while
// the "open" prompt is showing do they pick a link.

// unreadMsg answers a next/previous unread request.
type unreadMsg struct {
	req     int
	art     cache.Article
	index   int // -1: none that way
	forward bool
	open    bool // open it in the article pane (n pressed there)
	wrapped bool // the answer for the section n / N went on to
	err     error
}

func adjacentUnread(st *cache.Store, req int, section string, from int64, forward, open, wrapped bool) tea.Cmd {
	return func() tea.Msg {
		a, i, err := st.AdjacentUnread(context.Background(), section, from, forward)
		return unreadMsg{req: req, art: a, index: i, forward: forward, open: open, wrapped: wrapped, err: err}
	}
}

// handleReadingKey handles n, N and the link prompt; ok is false when the
// key is not one of them.
func (m Model) handleReadingKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if m.linkIn != nil {
		next, cmd := m.handleLinkKey(msg)
		return next, cmd, true
	}
	wrapTo, wrapFwd := m.wrapTo, m.wrapFwd
	m.wrapTo = 0 // only the very next n (or N) goes on to another section
	if m.overlay != noOverlay {
		return m, nil, false
	}
	if next, cmd, ok := m.handleFullTextKey(msg); ok {
		return next, cmd, true
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.NextUnread, k.PrevUnread):
		forward := key.Matches(msg, k.NextUnread)
		if wrapTo > 0 && forward == wrapFwd {
			return m, m.jumpToSection(wrapTo-1, forward), true
		}
		return m, m.jumpUnread(forward), true
	case key.Matches(msg, k.Browser) && m.focus == ArticlePane && m.article.has && len(m.article.body.links) > 0:
		text := ""
		m.linkIn = &text
		return m, nil, true
	}
	return m, nil, false
}

// jumpUnread asks for the unread article after (or before) the one being
// read. In the article pane it opens it; elsewhere it moves the cursor.
func (m *Model) jumpUnread(forward bool) tea.Cmd {
	var from int64
	open := m.focus == ArticlePane && m.article.has
	if open {
		from = m.article.art.ID
	} else if a, ok := m.list.Selected(); ok {
		from = a.ID
	}
	if m.filter != "" || m.byStory {
		// Search hits and one-row-per-story lists have their own order:
		// look through the rows loaded.
		return m.jumpUnreadLoaded(forward, open)
	}
	m.unreadReq++
	return adjacentUnread(m.opt.Store, m.unreadReq, m.currentSection().Key, from, forward, open, false)
}

// jumpToSection goes on to section i's first unread (forward) or last
// (backward), after the current section had none left that way.
func (m *Model) jumpToSection(i int, forward bool) tea.Cmd {
	open := m.focus == ArticlePane && m.article.has
	switchCmd := m.switchSection(i)
	m.unreadReq++
	return tea.Batch(switchCmd, adjacentUnread(m.opt.Store, m.unreadReq, m.currentSection().Key, 0, forward, open, true))
}

// sectionWithUnread is the next section (after the current one, or
// before it going backward, round the end) with unread articles, or -1.
func (m Model) sectionWithUnread(forward bool) int {
	n := len(m.opt.Sections)
	dir := 1
	if !forward {
		dir = -1
	}
	for j := 1; j < n; j++ {
		i := ((m.section+dir*j)%n + n) % n
		if m.counts[strings.ToLower(m.opt.Sections[i].Key)] > 0 {
			return i
		}
	}
	return -1
}

// jumpUnreadLoaded searches the rows the filtered list has loaded.
func (m *Model) jumpUnreadLoaded(forward, open bool) tea.Cmd {
	step := 1
	if !forward {
		step = -1
	}
	for i := m.list.cursor + step; i >= 0 && i < m.list.total; i += step {
		a, ok := m.list.at(i)
		if !ok {
			break
		}
		if !a.Read {
			m.list.MoveTo(i)
			m.list.moved = true
			if open {
				return m.open(a)
			}
			return tea.Batch(m.loadMissing(), m.showSelected())
		}
	}
	return m.setNote(noUnreadText(forward)+" in the rows loaded", false)
}

func noUnreadText(forward bool) string {
	if forward {
		return "no unread below"
	}
	return "no unread above"
}

func (m Model) handleUnread(msg unreadMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.unreadReq {
		return m, nil
	}
	if msg.err != nil {
		return m, m.setNote("unread: "+msg.err.Error(), true)
	}
	if msg.index < 0 {
		note := noUnreadText(msg.forward) + " in " + m.currentSection().DisplayTitle()
		if j := m.sectionWithUnread(msg.forward); j >= 0 && !msg.wrapped && m.filter == "" && !m.byStory {
			// Offer the next section with unread: the same key again goes there.
			m.wrapTo, m.wrapFwd = j+1, msg.forward
			k := m.keys.NextUnread
			if !msg.forward {
				k = m.keys.PrevUnread
			}
			sec := m.opt.Sections[j]
			note += ": " + k.Help().Key + " again for " + sec.DisplayTitle() + " (" + itoa(m.counts[strings.ToLower(sec.Key)]) + " unread)"
		}
		return m, m.setNote(note, false)
	}
	if msg.wrapped {
		// The list of the new section may still be loading: load it with
		// the cursor on the article.
		m.list.moved = true
		m.listReq++
		load := loadPage(m.opt.Store, m.listReq, m.listQuery(), 0, msg.art.ID, true)
		if msg.open {
			return m, tea.Batch(load, m.open(msg.art))
		}
		return m, tea.Batch(load, m.showArticle(msg.art.ID))
	}
	m.list.MoveTo(msg.index)
	m.list.moved = true
	if msg.open {
		return m, tea.Batch(m.loadMissing(), m.open(msg.art))
	}
	return m, tea.Batch(m.loadMissing(), m.showArticle(msg.art.ID))
}

// handleLinkKey edits the "open" prompt: digits pick a footnote link,
// enter or o alone opens the article itself, esc cancels.
func (m Model) handleLinkKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	text := *m.linkIn
	links := m.article.body.links
	switch {
	case msg.String() == "ctrl+c":
		return m, tea.Quit
	case key.Matches(msg, m.keys.Back):
		m.linkIn = nil
		return m, nil
	case msg.String() == "backspace":
		if text != "" {
			text = text[:len(text)-1]
		}
		m.linkIn = &text
		return m, nil
	case msg.String() == "enter" || (text == "" && key.Matches(msg, m.keys.Browser)):
		m.linkIn = nil
		if text == "" {
			return m, openBrowser(m.article.art.Link)
		}
		return m, m.openLink(text)
	case len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9':
		text += msg.Text
		n, _ := strconv.Atoi(text)
		if n*10 > len(links) {
			// No longer number can follow: open it now.
			m.linkIn = nil
			return m, m.openLink(text)
		}
		m.linkIn = &text
		return m, nil
	}
	m.linkIn = nil
	return m, nil
}

func (m *Model) openLink(text string) tea.Cmd {
	n, err := strconv.Atoi(text)
	links := m.article.body.links
	if err != nil || n < 1 || n > len(links) {
		return m.setNote("no link ["+text+"]: the article has "+plural(len(links), "link"), true)
	}
	return openBrowser(links[n-1])
}

// linkPrompt is the status line while the "open" prompt is showing.
func (m Model) linkPrompt() string {
	n := len(m.article.body.links)
	rng := "1"
	if n > 1 {
		rng = "1-" + itoa(n)
	}
	if feed.Link(m.article.art.Link) == "" {
		return "open: " + *m.linkIn + "█  (" + rng + " a link [n], esc cancel; the article has no address)"
	}
	return "open: " + *m.linkIn + "█  (" + rng + " a link [n], enter the article, esc cancel)"
}

// handleReadingMsg takes the results of n/N and of the browser back in.
func (m Model) handleReadingMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case unreadMsg:
		next, cmd := m.handleUnread(msg)
		return next, cmd, true
	case execBrowserMsg:
		return m, runTerminalBrowser(msg), true
	case browserDoneMsg:
		if msg.err != nil {
			return m, m.setNote("browser: "+msg.err.Error(), true), true
		}
		return m, nil, true
	}
	return m, nil, false
}
