package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/feed"
)

// typeText sends s one character at a time, as typing does.
func typeText(t *testing.T, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = send(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// A query or an address longer than the line shows its end, where the
// cursor is ("…" before it), not its start with the cursor cut off; CJK
// and emoji included.
func TestLongTypedTextShowsItsEnd(t *testing.T) {
	st := fixtureStore(t, 3)
	for _, w := range []int{40, 80} {
		m := testModel(t, st, w, 20)
		m = press(t, m, "/")
		m = typeText(t, m, strings.Repeat("interest rates ", 8)+"東京 👩\u200d👩\u200d👧 tailword")
		lines := strings.Split(ansi.Strip(m.Render()), "\n")
		prompt := lines[len(lines)-2]
		if !strings.Contains(prompt, "tailword█") || !strings.HasPrefix(prompt, "/…") {
			t.Errorf("width %d: prompt %q hides the cursor", w, prompt)
		}
		if g := ansi.StringWidth(prompt); g != w {
			t.Errorf("width %d: prompt is %d cells", w, g)
		}
		m = press(t, m, "esc")

		m.opt.Offline, m.opt.Fetcher = false, feed.NewFetcher(feed.Options{})
		m = press(t, m, "F", "a")
		m = typeText(t, m, "https://news.example/"+strings.Repeat("section/", 12)+"endmark")
		scr := ansi.Strip(m.Render())
		if !strings.Contains(scr, "endmark█") || !strings.Contains(scr, "  …") {
			t.Errorf("width %d: the address's end is not shown:\n%s", w, scr)
		}
	}
	// A short query stays whole.
	m := testModel(t, st, 80, 20)
	m = typeText(t, press(t, m, "/"), "rates")
	lines := strings.Split(ansi.Strip(m.Render()), "\n")
	if p := lines[len(lines)-2]; !strings.HasPrefix(p, "/rates█  in ") {
		t.Errorf("short prompt %q", p)
	}
}
