package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsreader/feed"
)

// footerHelp is the screen's last line: the short help.
func footerHelp(m Model) string {
	lines := strings.Split(ansi.Strip(m.Render()), "\n")
	return lines[len(lines)-1]
}

// The footer's help follows what is open: the feeds overlay and the error
// overlay show their own keys, not the list's; closing them brings the
// pane's keys back.
func TestFooterHelpFollowsOverlay(t *testing.T) {
	st := fixtureStore(t, 3)
	m := testModel(t, st, 140, 30)
	base := footerHelp(m)
	if !strings.Contains(base, "next pane") {
		t.Fatalf("list footer: %q", base)
	}
	has := func(what, got string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: footer %q lacks %q", what, got, w)
			}
		}
		for _, bad := range []string{"next pane", "read/unread", "next unread"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: footer %q still offers the list's %q", what, got, bad)
			}
		}
	}
	m = press(t, m, "F")
	if m.fui.mode != feedsList {
		t.Fatalf("F did not open the feeds overlay")
	}
	has("feeds", footerHelp(m), "a add", "d remove", "enter move", "f full text", "esc close")
	m = press(t, m, "d")
	has("remove confirm", footerHelp(m), "y remove", "keep")
	m.opt.Offline, m.opt.Fetcher = false, feed.NewFetcher(feed.Options{}) // a lets one type an address (nothing is fetched here)
	m = press(t, m, "n", "a")
	has("add", footerHelp(m), "enter find feeds", "esc back")
	m = press(t, m, "esc", "esc")
	if m.fui.mode != feedsOff || footerHelp(m) != base {
		t.Errorf("after closing the feeds overlay: mode %d, footer %q, want %q", m.fui.mode, footerHelp(m), base)
	}
	m = press(t, m, "e")
	if m.overlay != errorsOverlay {
		t.Fatalf("e did not open the error overlay")
	}
	has("errors", footerHelp(m), "esc close")
	m = press(t, m, "esc", "?")
	has("help", footerHelp(m), "scroll", "esc close")
	m = press(t, m, "esc", "s")
	has("sections", footerHelp(m), "enter open", "1-9", "esc close")
	m = press(t, m, "esc")
	if footerHelp(m) != base {
		t.Errorf("after the overlays: footer %q, want %q", footerHelp(m), base)
	}
}

// A window under 8 rows has one footer row. It keeps the way to help and
// out (an overlay's esc) at its end whatever the status says; a note gets
// what is left of the row, cut; a search being typed has the row to
// itself. A window of 8 rows or more keeps the status and help rows.
func TestTinyFooterKeepsTheWayOut(t *testing.T) {
	st := fixtureStore(t, 3)
	for _, c := range []struct {
		name  string
		w, h  int
		keys  []string
		want  []string // in the last row
		avoid []string
	}{
		{"30x6 quiet", 30, 6, nil, []string{"offline", "? help • q quit"}, nil},
		{"30x6 note", 30, 6, []string{"u"}, []string{"nothing to u…  ? help • q quit"}, nil},
		{"30x6 long note", 30, 6, []string{"r"}, []string{"offline: not…", "? help • q quit"}, nil},
		{"40x7 note whole", 40, 7, []string{"u"}, []string{"nothing to undo  ? help • q quit"}, []string{"offline"}},
		{"20x5 too narrow for the note", 20, 5, []string{"u"}, []string{"? help • q quit"}, []string{"nothing"}},
		{"30x6 help overlay", 30, 6, []string{"?"}, []string{"esc close"}, []string{"q quit"}},
		{"30x6 help overlay and a note", 30, 6, []string{"u", "?"}, []string{"nothing to undo  esc close"}, nil},
		{"30x6 search prompt", 30, 6, []string{"/", "g", "o"}, []string{"go"}, []string{"? help"}},
		{"80x8 two rows", 80, 8, []string{"u"}, []string{"? help • q quit"}, []string{"nothing to undo"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := press(t, testModel(t, st, c.w, c.h), c.keys...)
			got := footerHelp(m)
			if w := ansi.StringWidth(got); w != c.w {
				t.Errorf("last row %q is %d columns wide, not %d", got, w, c.w)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("last row %q lacks %q", got, w)
				}
			}
			for _, a := range c.avoid {
				if strings.Contains(got, a) {
					t.Errorf("last row %q has %q", got, a)
				}
			}
		})
	}
}
