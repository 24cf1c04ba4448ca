package ui

import "testing"

func TestLayout(t *testing.T) {
	cases := []struct {
		name          string
		w, h          int
		toggled       bool
		focus         Pane
		list, art, sd Rect
	}{
		// Three panes: the list gets 35 %, the side 27 %, so that headlines wrap onto few lines.
		{"wide", 120, 40, false, ListPane, Rect{0, 2, 42, 36}, Rect{42, 2, 46, 36}, Rect{88, 2, 32, 36}},
		{"very wide", 200, 50, false, ListPane, Rect{0, 2, 70, 46}, Rect{70, 2, 76, 46}, Rect{146, 2, 54, 46}},
		// Two panes: 45 % list, 55 % article.
		{"wide side hidden", 120, 40, true, ListPane, Rect{0, 2, 54, 36}, Rect{54, 2, 66, 36}, Rect{}},
		{"100 folds side", 100, 30, false, ListPane, Rect{0, 2, 45, 26}, Rect{45, 2, 55, 26}, Rect{}},
		{"medium folds side", 80, 24, false, ArticlePane, Rect{0, 2, 36, 20}, Rect{36, 2, 44, 20}, Rect{}},
		{"medium side toggled open", 80, 24, true, ListPane, Rect{0, 2, 28, 20}, Rect{28, 2, 31, 20}, Rect{59, 2, 21, 20}},
		// Under 80 columns one pane at a time, full width.
		{"79 shows focused only", 79, 24, false, ListPane, Rect{0, 2, 79, 20}, Rect{}, Rect{}},
		{"narrow shows focused only", 50, 20, false, ArticlePane, Rect{}, Rect{0, 2, 50, 16}, Rect{}},
		{"narrow side focused", 40, 10, false, SidePane, Rect{}, Rect{}, Rect{0, 2, 40, 6}},
		{"tiny height", 40, 5, false, ListPane, Rect{0, 1, 40, 3}, Rect{}, Rect{}},
		{"30x6: one header and one footer row", 30, 6, false, ListPane, Rect{0, 1, 30, 4}, Rect{}, Rect{}},
		{"no room", 40, 2, false, ListPane, Rect{}, Rect{}, Rect{}},
		{"zero", 0, 0, false, ListPane, Rect{}, Rect{}, Rect{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := Layout(c.w, c.h, c.toggled, c.focus)
			if g.Panes[ListPane] != c.list || g.Panes[ArticlePane] != c.art || g.Panes[SidePane] != c.sd {
				t.Errorf("got list %v article %v side %v", g.Panes[ListPane], g.Panes[ArticlePane], g.Panes[SidePane])
			}
			total := 0
			for _, r := range g.Panes {
				total += r.W
				if r.W > 0 && (r.X+r.W > c.w || r.Y+r.H > c.h) {
					t.Errorf("pane %v overflows %dx%d", r, c.w, c.h)
				}
			}
			if total != 0 && total != c.w {
				t.Errorf("panes cover %d columns of %d", total, c.w)
			}
		})
	}
}
