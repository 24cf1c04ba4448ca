package cache

import (
	"strings"
	"testing"
	"unicode/utf8"
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

// A snippet is a line of about snippetWords words: a word or a run of
// punctuation thousands of characters long (an encoded blob, a rule of
// "=") is shortened, so one hit cannot make a snippet of kilobytes (the
// list draws every visible one at each frame; --search --json prints
// them whole), and the match still shows.
func TestSnippetShortensVeryLongWords(t *testing.T) {
	s := openTemp(t)
	blob := strings.Repeat("QUJD", 3000)
	mustSave(t, s, ok("https://city.example/feed",
		news("City Desk", "city.example", 5, "Data leak", "The dump "+blob+" held the zeppelin logs "+strings.Repeat("=", 5000)+" and more."),
		news("City Desk", "city.example", 6, "Short one", "A "+strings.Repeat("й", 500)+" zeppelin."),
	), "top")
	hits, n, err := s.Search(ctx, "", "zeppelin", 0, 10)
	if err != nil || n != 2 {
		t.Fatalf("%d hits, %v", n, err)
	}
	for _, h := range hits {
		if len(h.Snippet) > 1000 || !strings.Contains(h.Snippet, "zeppelin") || !utf8.ValidString(h.Snippet) {
			t.Errorf("%s: snippet of %d bytes: %.120q", h.Title, len(h.Snippet), h.Snippet)
		}
	}
}

// The completions of a word being typed come from term_df, which holds
// the words of titles and of the start of texts only: a word that only a
// later paragraph holds must still be found while it is typed ("zeppe"),
// not only once it is whole, and its snippet must show it.
func TestSearchFindsAWordBeingTypedDeepInTheText(t *testing.T) {
	s := openTemp(t)
	filler := strings.Repeat("The council met again on the harbour levy and the ferry timetable. ", 50)
	mustSave(t, s, ok("https://city.example/feed",
		news("City Desk", "city.example", 5, "Council notes", filler+"At the end a zeppelin flew over the pier."),
		news("City Desk", "city.example", 6, "Ferry notes", "The ferry timetable changes in May."),
	), "top")
	for _, q := range []string{"zep", "zeppe", "zeppeli", "zeppelin", "council zeppe", "ferry zeppe"} {
		hits, n, err := s.Search(ctx, "", q, 0, 10)
		if err != nil || n != 1 || hits[0].Title != "Council notes" || !strings.Contains(hits[0].Snippet, "zeppelin") {
			t.Errorf("%q: %d hits %+v, %v", q, n, hits, err)
		}
	}
}

// The index stems words (porter): "runs" finds "running", "stop" finds
// "stopped". The snippet must show that word, not the article's opening.
func TestSnippetFindsStemmedForms(t *testing.T) {
	s := openTemp(t)
	filler := "Officials met on Monday. The council said the harbour levy would rise next year, and the mayor said the fund needed more money before the winter storms. "
	mustSave(t, s, ok("https://city.example/feed",
		news("City Desk", "city.example", 5, "Ferry service", filler+"The ferry is running late and the buses stopped early."),
	), "top")
	for q, want := range map[string]string{"runs ": "running", "stop ": "stopped", "run ": "running", "stops ": "stopped"} {
		hits, n, err := s.Search(ctx, "", q, 0, 10)
		if err != nil || n != 1 {
			t.Fatalf("%q: %d hits, %v", q, n, err)
		}
		if !strings.Contains(hits[0].Snippet, want) {
			t.Errorf("%q: snippet %q lacks %q", q, hits[0].Snippet, want)
		}
	}
}
