package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
)

// A hit's snippet holds its matches in the middle (cache.Snippet centres
// them in 16 words); a list pane of 40 columns showed its first 36 and so
// the words around the match but never the match itself. The row starts
// a few words before the first match when that match would not fit.
func TestListSnippetShowsTheMatchInANarrowPane(t *testing.T) {
	sn := "…the mayor said the fund needed more money. Crowds queued outside the Café Zürich on Saturday."
	a := cache.Article{ID: 7, Title: "Café Zürich reopens", Source: "City Desk", Published: time.Now().Add(-time.Hour)}
	for _, c := range []struct {
		width     int
		words     []string
		want      string
		fromStart bool
	}{
		{40, []string{"cafe", "zur"}, "Café Zürich", false},
		{40, []string{"mayor"}, "mayor", true},                 // the match fits: from the start
		{200, []string{"cafe", "zurich"}, "Café Zürich", true}, // all of it fits
		{40, []string{"zeppelin"}, "the mayor", true},          // no match in it: from the start
	} {
		l := newList()
		l.SetSize(c.width, 20)
		l.setSearch(&listSearch{words: c.words, prefix: true, snippets: map[int64]string{a.ID: sn}})
		rows := l.rowText(a, false, time.Now(), c.width-4)
		line := ""
		for _, r := range rows { // the snippet: the last line drawn
			if strings.TrimSpace(r) != "" {
				line = strings.TrimSpace(r)
			}
		}
		if ansi.StringWidth(line) > c.width-4 || !strings.Contains(line, c.want) || c.fromStart != strings.HasPrefix(line, sn[:20]) {
			t.Errorf("%d columns, %v: snippet line %q", c.width, c.words, line)
		}
	}
}
