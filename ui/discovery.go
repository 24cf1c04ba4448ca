package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

// Discovery in the reader: the side pane's tabs, stories across outlets
// in the list and the article pane, and search over the whole cache. Every
// query runs in a command with a request ID per tab or list; a result that
// is no longer the latest is dropped.

// loadTab asks for one side-pane tab again: Related for the article the
// side pane relates to, Ranking for the section, Recommended overall.
func (m *Model) loadTab(tab sideTab) tea.Cmd {
	m.sideReq[tab]++
	switch tab {
	case RelatedTab:
		if m.relatedFor == 0 {
			return nil
		}
		return loadSide(m.opt.Store, m.sideReq[tab], tab, m.currentSection().Key, m.relatedFor)
	case RankingTab:
		return loadSide(m.opt.Store, m.sideReq[tab], tab, m.currentSection().Key, 0)
	}
	return loadSide(m.opt.Store, m.sideReq[tab], tab, "", 0)
}

// listQuery is what the list is to show now.
func (m Model) listQuery() listQuery {
	return listQuery{section: m.currentSection().Key, filter: m.filter, all: m.searchAll, byStory: m.byStory}
}

// newListSearch is what the list needs to show hits for query: its words
// to highlight and the hits' snippets. With no query, nil: plain rows.
func newListSearch(query string, snippets map[int64]string) *listSearch {
	words := searchWords(query)
	if len(words) == 0 {
		return nil
	}
	if snippets == nil {
		snippets = map[int64]string{}
	}
	return &listSearch{words: words, prefix: !strings.HasSuffix(query, " "), snippets: snippets}
}

// searchWords are the words of what was typed, as the search takes them
// (cache.QueryWords): every run of letters and digits, a Thai word with
// its marks; anything else only separates words.
func searchWords(q string) []string { return cache.QueryWords(q) }

// loadStory asks for every version of the shown article's story, for the
// "Also in" line and c. With force it asks even when the article was
// alone in its story (new coverage may have arrived).
func (m *Model) loadStory(force bool) tea.Cmd {
	if !m.article.has || (!force && m.article.art.StorySize <= 1) {
		return nil
	}
	m.storyReq++
	a := m.article.art
	st, req := m.opt.Store, m.storyReq
	return func() tea.Msg {
		arts, err := st.StoryArticles(context.Background(), a.Story)
		return storyMsg{req: req, id: a.ID, story: a.Story, arts: arts, err: err}
	}
}

// handleDiscoveryMsg takes in a story's versions and the tick that asks
// for Related again; ok is false for other messages.
func (m Model) handleDiscoveryMsg(msg tea.Msg) (Model, tea.Cmd, bool) {
	if c, ok := msg.(storyCountMsg); ok {
		if c.req != m.listReq {
			return m, nil, true // stale: the list was reloaded since
		}
		if c.err != nil {
			return m, m.setNote("cache: "+c.err.Error(), true), true
		}
		m.list.total = c.total
		m.list.clamp()
		return m, m.loadMissing(), true
	}
	if _, ok := msg.(relatedTickMsg); ok {
		m.relatedPending = false
		return m, tea.Batch(m.loadTab(RelatedTab), m.loadStory(true)), true
	}
	sm, ok := msg.(storyMsg)
	if !ok {
		return m, nil, false
	}
	if sm.req != m.storyReq || !m.article.has || m.article.art.Story != sm.story {
		return m, nil, true // stale: another article is shown now
	}
	if sm.err != nil {
		return m, m.setNote("story: "+sm.err.Error(), true), true
	}
	m.article.versions, m.article.story = versions(sm.arts), sm.story
	m.article.alsoKey = m.keys.Coverage.Help().Key
	if n := len(m.article.versions); n > 1 && m.article.art.StorySize < n {
		m.article.art.StorySize = n
	}
	m.article.Scroll(0) // the header may have grown a line
	return m, nil, true
}

// versions keeps the first article of each outlet, in the order given.
func versions(arts []cache.Article) []cache.Article {
	seen := map[string]bool{}
	var out []cache.Article
	for _, a := range arts {
		o := a.Outlet
		if o == "" {
			o = a.Source
		}
		if !seen[o] {
			seen[o] = true
			out = append(out, a)
		}
	}
	return out
}

// handleDiscoveryKey handles v (one row per story) and c (the next
// outlet's version of the story being read); ok is false for other keys.
func (m Model) handleDiscoveryKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if m.overlay != noOverlay {
		return m, nil, false
	}
	switch {
	case key.Matches(msg, m.keys.Stories):
		m.byStory = !m.byStory
		note := "every article"
		if m.byStory {
			note = "one row per story"
		}
		m.list.reset()
		return m, tea.Batch(m.reloadList(), m.setNote(note, false)), true
	case key.Matches(msg, m.keys.Coverage):
		return m, m.nextVersion(), true
	}
	return m, nil, false
}

// nextVersion opens the story's next outlet's version of the article
// being read, going round them all.
func (m *Model) nextVersion() tea.Cmd {
	if !m.article.has {
		return m.setNote("no article open", true)
	}
	vs := m.article.versions
	if len(vs) < 2 {
		return m.setNote("no other outlet tells this story", false)
	}
	cur := -1
	for i, v := range vs {
		if v.ID == m.article.art.ID || (cur < 0 && v.Outlet == m.article.art.Outlet) {
			cur = i
		}
	}
	next := vs[(cur+1)%len(vs)]
	return tea.Batch(m.open(next), m.setNote(next.Source+" ("+itoa((cur+1)%len(vs)+1)+" of "+itoa(len(vs))+")", false))
}

// scopeName is where a search looks: this section or everywhere.
func (m Model) scopeName() string {
	if m.searchAll {
		return "all sections"
	}
	return m.currentSection().DisplayTitle()
}

// listLabel says in the header what the list shows when it is not simply
// the section's headlines.
func (m Model) listLabel() string {
	var parts []string
	if m.filter != "" {
		parts = append(parts, "search “"+feed.Line(m.filter)+"” in "+m.scopeName())
	} else if m.byStory {
		parts = append(parts, "one row per story")
	}
	return strings.Join(parts, " · ")
}

// searchPrompt is the status line while a search is typed.
func (m Model) searchPrompt() string {
	other := "all sections"
	if m.searchAll {
		other = m.currentSection().DisplayTitle()
	}
	hint := "  in " + m.scopeName() + " (tab: " + other + ", enter: keep, esc: cancel)"
	// A long query shows its end, where the cursor is; the hint gives
	// way first, but the query keeps at least 20 cells.
	room := m.width - 2 - ansi.StringWidth(hint)
	room = max(room, min(m.width-2, 20), 1)
	return "/" + typedTail(feed.Line(*m.filterIn), room) + "█" + hint
}

// relatedTickMsg is when Related and the story's versions are asked again
// after new articles arrived (relatedSoon).
type relatedTickMsg struct{}

// relatedDelay is how long new articles gather before Related is asked
// again during a refresh.
const relatedDelay = 500 * time.Millisecond

// relatedSoon asks for Related and the story's versions again shortly,
// once for however many feeds arrive meanwhile.
func (m *Model) relatedSoon() tea.Cmd {
	if m.relatedPending {
		return nil
	}
	m.relatedPending = true
	return after(relatedDelay, func(time.Time) tea.Msg { return relatedTickMsg{} })
}
