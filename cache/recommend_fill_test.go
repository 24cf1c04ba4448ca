package cache

import (
	"strings"
	"testing"
)

// A reader whose reading is like nothing else in the cache (a first day,
// a small cache) still gets recommendations: the places the picks leave
// are the top stories the reader has not read, labelled as such, rather
// than an empty tab (and --recommended saying the cache is empty).
func TestRecommendedFillsWithTopStories(t *testing.T) {
	s := openTemp(t)
	saveNews(t, s)
	mustSave(t, s, ok("https://valley.example/local.rss",
		news("Valley Gazette", "valley.example", 15, "Elmwick Library Reopens After Roof Repairs", "The Elmwick library reopened on Saturday after a year of roof repairs, with a new reading room for children."),
	), "markets")
	lib := byTitle(t, s, "Elmwick Library")
	if err := s.SetRead(ctx, lib.ID, true); err != nil {
		t.Fatal(err)
	}
	recs, fallback, err := s.Recommended(ctx, "", 4)
	if err != nil || fallback {
		t.Fatal(fallback, err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d recommendations, want 4 (the cache holds more unread stories)", len(recs))
	}
	seen := map[int64]bool{}
	for _, r := range recs {
		if r.Read || r.Story == lib.Story || seen[r.Story] {
			t.Errorf("recommended %q (read %v, story %d): read, or of the story read, or twice", r.Title, r.Read, r.Story)
		}
		seen[r.Story] = true
		if r.Why == "" || (!strings.HasPrefix(r.Why, "top story") && !strings.HasPrefix(r.Why, "because") && !strings.HasPrefix(r.Why, "more on")) {
			t.Errorf("recommended %q: why %q", r.Title, r.Why)
		}
	}
}
