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
