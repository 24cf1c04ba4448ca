package cache

import (
	"strings"
	"testing"
)

// The index folds case and diacritics (unicode61 remove_diacritics 2), so
// "cafe" finds "Café"; the snippet made in Go must show that match, not
// the article's opening, and the title must mark it. The same goes for a
// word written with a combining accent, which the snippet must not cut.
func TestSnippetFindsWordsTheIndexFolds(t *testing.T) {
	s := openTemp(t)
	filler := "Officials met on Monday. The council said the harbour levy would rise next year, and the mayor said the fund needed more money before the winter storms. "
	mustSave(t, s, ok("https://city.example/feed",
		news("City Desk", "city.example", 5, "Cafe Zürich reopens", filler+"Crowds queued outside the Café Zürich on Saturday."),
		news("City Desk", "city.example", 7, "Harbour news", filler+"The new cafe\u0301 on the pier opened."),
	), "top")
	for _, c := range []struct{ query, snippet, title string }{
		{"cafe zurich", "Café Zürich on Saturday", "Zürich"},
		{"CAFÉ ZÜRICH", "Café Zürich on Saturday", "Zürich"},
		{"pier café", "cafe\u0301 on the pier", ""},
	} {
		hits, n, err := s.Search(ctx, "", c.query+" ", 0, 10)
		if err != nil || n != 1 {
			t.Fatalf("%q: %d hits, %v", c.query, n, err)
		}
		h := hits[0]
		if !strings.Contains(h.Snippet, c.snippet) {
			t.Errorf("%q: snippet %q lacks the match %q", c.query, h.Snippet, c.snippet)
		}
		if c.title != "" {
			var marked []string
			for _, m := range h.TitleMarks {
				marked = append(marked, h.Title[m[0]:m[1]])
			}
			if len(marked) != 2 || marked[1] != c.title {
				t.Errorf("%q: title %q marks %q", c.query, h.Title, marked)
			}
		}
	}
}
