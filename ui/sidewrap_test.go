package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
)

// A side-pane headline too long for one line reads whole over two (the
// list pane wraps its titles too), cut with "…" only past two; a click
// on any line of a row selects it.
func TestSidePaneTitlesWrapOverTwoLines(t *testing.T) {
	m := testModel(t, fixtureStore(t, 10), 120, 40)
	m = press(t, m, "tab", "]")
	titles := []string{
		"Dessa Truce Extended, Raising Hopes Of Peace",
		"Short One",
		"Port Salo Ferry Captain Questioned As Inquiry Opens Into Grounding Of The Salo Star Off The Harbour Entrance In Fog",
	}
	var items []cache.Scored
	for i, ti := range titles {
		items = append(items, cache.Scored{Article: cache.Article{ID: int64(2000 + i), Title: ti, Published: testNow}, Why: "2 outlets · 1h"})
	}
	m = send(t, m, sideMsg{req: m.sideReq[RankingTab], tab: RankingTab, section: "markets", items: items})
	if m.side.width >= len(titles[0])+5 {
		t.Fatalf("side pane %d wide: the title fits on one line, nothing tested", m.side.width)
	}
	out := m.Render()
	for _, want := range []string{"Raising Hopes Of Peace", "Short One"} {
		if !strings.Contains(out, want) {
			t.Errorf("side pane lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "…") || strings.Contains(out, "Harbour Entrance In Fog") {
		t.Errorf("the third title takes more than two lines: it should be cut with …:\n%s", out)
	}
	// Rows: 0 takes lines 0-2, 1 takes 3-4, 2 takes 5-7 (under the head).
	g := Layout(120, 40, false, ListPane)
	sd := g.Panes[SidePane]
	for _, c := range []struct{ line, want int }{{1, 0}, {2, 0}, {3, 1}, {4, 1}, {5, 2}} {
		m = send(t, m, tea.MouseClickMsg{X: sd.X + 3, Y: sd.Y + 2 + sideHead + c.line, Button: tea.MouseLeft})
		if m.side.cursor[RankingTab] != c.want {
			t.Errorf("click on line %d: row %d, want %d", c.line, m.side.cursor[RankingTab], c.want)
		}
	}
}
