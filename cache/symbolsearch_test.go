package cache

import (
	"fmt"
	"strings"
	"testing"

	"newsreader/feed"
)

// Emoji are no words to the index's tokenizer; a search for them alone
// looks in the titles: a flag, a ZWJ sequence, a symbol written with or
// without its variation selector, in a section or all of them, newest
// first, with the emoji marked.
func TestSearchFindsEmoji(t *testing.T) {
	s := openTemp(t)
	save := func(sec, u string, titles ...string) {
		t.Helper()
		var arts []feed.Article
		for i, title := range titles {
			a := art(fmt.Sprintf("%s-%d", sec, i), fmt.Sprintf("https://e.test/%s/%d", sec, i), title, 10*(i+1))
			a.Content = "<p>Text of " + title + "</p>"
			arts = append(arts, a)
		}
		if err := s.Save(ctx, feed.Result{URL: u, Status: feed.StatusOK, Title: sec, Articles: arts}, Membership{Sections: []string{sec}}); err != nil {
			t.Fatal(err)
		}
	}
	save("world", "https://e.test/w.rss",
		"Talks resume in Kyiv 🇺🇦 as envoys arrive",
		"🚀 Launch window opens for the Norvan probe",
		"Heart ❤️ surgery wait times fall",
		"Lab team 👩‍🔬 reports new alloy",
		"Markets close higher")
	save("tech", "https://e.test/t.rss",
		"Rocket 🚀 start-up raises funds",
		"Heart ❤ rate apps compared",
		"Flags 🇦🇺🇦🇹 on the summit table")
	for _, c := range []struct {
		section, q string
		want       []string // title prefixes, newest first (tech's are the newer)
	}{
		{"", "🚀", []string{"Rocket", "🚀 Launch"}},
		{"world", "🚀", []string{"🚀 Launch"}},
		{"tech", "🚀", []string{"Rocket"}},
		{"world", "🇺🇦", []string{"Talks resume"}},
		{"", "❤", []string{"Heart ❤ rate", "Heart ❤️"}},
		{"", "❤️", []string{"Heart ❤ rate", "Heart ❤️"}},
		{"", "👩‍🔬", []string{"Lab team"}},
		{"", "🦄", nil},
		{"", "!!", nil},
	} {
		hits, n, err := s.Search(ctx, c.section, c.q, 0, 10)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Title)
		}
		ok := len(got) == len(c.want) && n == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], c.want[i])
		}
		if !ok {
			t.Errorf("%s %q: %d hits %q, want %q", c.section, c.q, n, got, c.want)
		}
		for _, h := range hits {
			if len(h.TitleMarks) == 0 {
				t.Errorf("%q: %q has no marks", c.q, h.Title)
			}
			for _, mk := range h.TitleMarks {
				if seg := h.Title[mk[0]:mk[1]]; strings.ContainsAny(seg, "abcdefghijklmnopqrstuvwxyz ") {
					t.Errorf("%q: mark %q in %q", c.q, seg, h.Title)
				}
			}
		}
	}
	// Two emoji: the titles with both, else those with either.
	if _, n, err := s.Search(ctx, "", "🚀 ❤️", 0, 10); err != nil || n != 4 {
		t.Errorf("🚀 ❤️: %d hits, %v; want 4 (any of them: no title has both)", n, err)
	}
	save("tech2", "https://e.test/t2.rss", "Both 🚀 and ❤️ in one")
	if hits, n, err := s.Search(ctx, "", "🚀❤️", 0, 10); err != nil || n != 1 || hits[0].Title != "Both 🚀 and ❤️ in one" {
		t.Errorf("🚀❤️: %d hits %v, %v; want the title with both", n, hits, err)
	}
	// A query with words still takes the index.
	if _, n, err := s.Search(ctx, "", "rocket 🚀", 0, 10); err != nil || n != 1 {
		t.Errorf("rocket 🚀: %d hits, %v", n, err)
	}
	// Past the last page: none, and the count still says how many.
	if hits, n, err := s.Search(ctx, "", "🚀", 5, 10); err != nil || len(hits) != 0 || n != 3 {
		t.Errorf("past the end: %d hits, n %d, %v", len(hits), n, err)
	}
}

// A query's symbols, one term per emoji as drawn.
func TestSymbolTerms(t *testing.T) {
	for q, want := range map[string]string{
		"🚀":             "[🚀]",
		"🇺🇦🇩🇪":          "[🇺🇦 🇩🇪]",
		"❤️ love":       "[❤]",
		"👩‍🔬👍🏽":         "[👩‍🔬 👍🏽]",
		"🚀 🚀":           "[🚀]",
		"news, today!":  "[]",
		"€ 5":           "[€]",
		"\u200d🚀\u200d": "[🚀]",
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F": "[🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F]",
	} {
		if got := fmt.Sprintf("%v", symbolTerms(q)); got != want {
			t.Errorf("symbolTerms(%q) = %q, want %q", q, got, want)
		}
	}
}
