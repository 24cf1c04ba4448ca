package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

// A block quote's bar stands one column clear of the pane's border, on
// screen as in the renderer; a nested quote adds its bar after the first.
func TestQuoteBarClearOfPaneBorder(t *testing.T) {
	out := Render(`<blockquote><p>Outer quoted words.</p><blockquote><p>Inner quoted words.</p></blockquote></blockquote><p>After.</p>`, "", 40, plainStyle())
	text := strings.Join(out.lines, "\n")
	for _, want := range []string{" │ Outer quoted words.", " │ │ Inner quoted words.", "\nAfter."} {
		if !strings.Contains(text, want) {
			t.Errorf("render lacks %q:\n%s", want, text)
		}
	}
	for i, l := range out.lines {
		if strings.HasPrefix(l, "│") {
			t.Errorf("line %d puts the bar in the first column: %q", i, l)
		}
	}

	st := fixtureStore(t, 2)
	p := testNow.Add(time.Hour)
	if err := st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{{
		ID: "q", Link: "https://t.test/q", Title: "Quoted", Published: p, Updated: p,
		Content: `<p>The minister said:</p><blockquote><p>Every harbour keeps its ferry.</p></blockquote>`}}},
		cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	for _, focus := range []int{0, 1} { // the article pane unfocused, then focused
		m := testModel(t, st, 120, 30)
		if focus == 1 {
			m = press(t, m, "tab")
		}
		found := false
		for _, l := range strings.Split(ansi.Strip(m.Render()), "\n") {
			if !strings.Contains(l, "Every harbour keeps its ferry.") {
				continue
			}
			found = true
			// The article pane's border, a space, the bar.
			if !strings.Contains(l, "│ │ Every harbour") && !strings.Contains(l, "┃ │ Every harbour") {
				t.Errorf("focus %d: the quote bar touches the border: %q", focus, l)
			}
		}
		if !found {
			t.Errorf("focus %d: the quote is not on screen:\n%s", focus, ansi.Strip(m.Render()))
		}
	}
}
