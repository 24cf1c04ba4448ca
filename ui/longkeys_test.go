package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/feed"
)

// Long section titles (an OPML category's whole path) and a long site
// name leave the header whole: the focus stays at the right end of the
// first row, every tab but the active one is cut to maxTab cells, and the
// active tab shows with both brackets, at any width.
func TestHeaderWithLongSectionNames(t *testing.T) {
	st := fixtureStore(t, 3)
	long := "International Affairs / Europe / Eastern Partnership Countries and Their Neighbours"
	m := New(Options{
		Site: "The Extraordinarily Long Name of a Regional Newspaper Group", Store: st, Offline: true, NoColor: true,
		Now:      func() time.Time { return testNow },
		Sections: []feed.Section{{Key: "markets", Title: "Markets " + long}, {Key: "world", Title: "World " + long}, {Key: "x", Title: "Short"}},
	})
	m = drive(t, m, m.Init())
	for _, w := range []int{20, 32, 50, 80, 140} {
		m = send(t, m, tea.WindowSizeMsg{Width: w, Height: 12})
		for _, sec := range []string{"1", "2", "3"} {
			m = press(t, m, sec)
			lines := strings.Split(ansi.Strip(m.Render()), "\n")
			for i, l := range lines[:2] {
				if ansi.StringWidth(l) != w {
					t.Errorf("width %d: header row %d is %d cells: %q", w, i, ansi.StringWidth(l), l)
				}
			}
			focus := "[" + m.focus.String() + "]"
			if !strings.HasSuffix(strings.TrimRight(lines[0], " "), focus) {
				t.Errorf("width %d: first row %q does not end with %q", w, lines[0], focus)
			}
			if !strings.HasPrefix(strings.TrimLeft(lines[0], " "), "The") {
				t.Errorf("width %d: first row %q lost the site", w, lines[0])
			}
			tabs := lines[1]
			open := strings.Index(tabs, "["+sec+" ")
			if open < 0 || !strings.Contains(tabs[open:], "]") {
				t.Errorf("width %d, section %s: active tab not whole in %q", w, sec, tabs)
			}
			if w >= 80 {
				// Room for all three: each other tab is at most maxTab
				// cells (and its spaces), so all show.
				for _, n := range []string{"1 ", "2 ", "3 "} {
					if !strings.Contains(tabs, n) {
						t.Errorf("width %d: tab %q missing from %q", w, n, tabs)
					}
				}
			}
		}
	}
}
