package cache

import (
	"slices"
	"testing"
)

// TestSearchRanksTitleMatchesFirst: search ranks by relevance, the title
// counting most, then by age: an article named for the words comes
// before a newer one that only mentions them in passing, and one with
// more of the words in its title before one with fewer. (The index keeps
// no text, so SQLite's bm25 has nothing to count and gives every hit 0:
// the order was by date alone.)
func TestSearchRanksTitleMatchesFirst(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://wire.example/feed",
		news("Capital Wire", "capitalwire.example", 120, "Zeppelin ferry lands at Port Alder", "An airship came down gently at the harbour."),
		news("Capital Wire", "capitalwire.example", 100, "Zeppelin tours sell out", "Every ferry seat and airship seat for the tours is gone."),
		news("Capital Wire", "capitalwire.example", 10, "Council meets", "The council met; someone mentioned a zeppelin and the ferry in passing among many other things."),
		news("Capital Wire", "capitalwire.example", 70, "Rail works", "Track works continue."),
		news("Capital Wire", "capitalwire.example", 80, "Schools open", "Schools reopen."),
		news("Capital Wire", "capitalwire.example", 90, "Weather", "Rain expected."),
	), "markets")
	hits, n, err := s.Search(ctx, "", "zeppelin ferry ", 0, 10)
	if err != nil || n != 3 {
		t.Fatalf("%d hits, %v", n, err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Title)
	}
	want := []string{"Zeppelin ferry lands at Port Alder", "Zeppelin tours sell out", "Council meets"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	for _, h := range hits {
		if h.Score <= 0 {
			t.Errorf("%q: score %g", h.Title, h.Score)
		}
	}
	// Equal relevance: the newer first.
	hits, _, _ = s.Search(ctx, "", "works ", 0, 10)
	if len(hits) != 1 || hits[0].Title != "Rail works" {
		t.Errorf("works: %+v", hits)
	}
}
