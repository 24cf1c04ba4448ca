package cache

import (
	"testing"
	"time"

	"newsreader/feed"
)

// A story's ID is the ID of its first article. That article can be pruned
// (it is the oldest) while younger reports of the story stay; when it was
// also the cache's newest row (a feed lists its oldest item last, so it is
// inserted last), the next article saved must not be given its ID, and so
// its story: it would join a story it has nothing to do with.
func TestNewArticleNeverTakesAPrunedStoryID(t *testing.T) {
	s := openTemp(t)
	now := time.Now()
	at := func(a feed.Article, ago time.Duration) feed.Article {
		a.Published = now.Add(-ago).Truncate(time.Second)
		a.Updated = a.Published
		return a
	}
	younger := at(news("Capital Wire", "capitalwire.example", 0, "Tirrenia keeps borrowing costs on hold as inflation eases",
		"Borrowing costs in Tirrenia stay at 2.6%: governor Ines Morel said the Tirrenian central bank would wait for more data."), 30*24*time.Hour-2*time.Hour)
	older := at(news("Harbor Post", "www.harbor.example", 0, "Central bank of Tirrenia holds rates at 2.6%",
		"The Tirrenian central bank kept its main rate at 2.6% on Thursday, as governor Ines Morel said inflation was cooling."), 30*24*time.Hour+2*time.Hour)
	// Newest first, as feeds list them: the older report gets the higher ID.
	mustSave(t, s, ok("https://mixed.example/feed", younger, older), "markets")
	backdate(t, s)
	y, o := byTitle(t, s, "Tirrenia keeps"), byTitle(t, s, "Central bank of Tirrenia")
	if o.ID < y.ID || y.Story != o.Story || o.Story != o.ID {
		t.Fatalf("setup: younger %d story %d, older %d story %d (want one story, the older's ID, the higher)", y.ID, y.Story, o.ID, o.Story)
	}
	if r, err := s.Prune(ctx, 30, now); err != nil || r.Articles != 1 {
		t.Fatalf("prune: %+v %v", r, err)
	}
	mustSave(t, s, ok("https://weather.example/feed", news("Weather Desk", "weather.example", 1, "Snow closes mountain passes in Kalmira", "Heavy snow closed three passes overnight.")), "top")
	w := byTitle(t, s, "Snow closes")
	if w.ID == o.ID || w.Story == y.Story {
		t.Errorf("the new article took the pruned article's ID %d (story %d) and joined the Tirrenia story %d", w.ID, w.Story, y.Story)
	}
	var n int
	s.db.QueryRow("SELECT articles FROM stories WHERE id = ?", y.Story).Scan(&n)
	if n != 1 {
		t.Errorf("the Tirrenia story counts %d articles, want 1", n)
	}
}
