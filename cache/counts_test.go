package cache

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"newsreader/feed"
)

// Refresh counts what the reader gets: distinct new articles, and
// articles whose text changed, never an item once per feed carrying it.
func TestRefreshCountsNewAndUpdatedArticles(t *testing.T) {
	var title atomic.Value
	title.Store("Shared story")
	item := func(guid, t string) string {
		return fmt.Sprintf(`<item><guid>%s</guid><title>%s</title><link>https://ex.test/%s</link><description>d</description></item>`, guid, t, guid)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		shared := item("shared", title.Load().(string))
		own := item("own"+r.URL.Path[1:2], "Own story "+r.URL.Path)
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>F</title>%s%s</channel></rss>`, shared, own)
	}))
	defer srv.Close()
	s := openTemp(t)
	secs := []feed.Section{{Key: "top", Feeds: []string{srv.URL + "/a.rss", srv.URL + "/b.rss"}}}
	f := feed.NewFetcher(feed.Options{})
	ctx := context.Background()

	sum, err := s.Refresh(ctx, f, secs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 4 || sum.New != 3 || sum.Updated != 0 {
		t.Errorf("first refresh: %d items, %d new, %d updated; want 4 items, 3 new (the shared one once), 0 updated", sum.Articles, sum.New, sum.Updated)
	}
	time.Sleep(1100 * time.Millisecond) // undated items get the fetch time: it must not count as a change
	if sum, _ = s.Refresh(ctx, f, secs, nil); sum.New != 0 || sum.Updated != 0 {
		t.Errorf("unchanged feeds: %d new, %d updated", sum.New, sum.Updated)
	}
	title.Store("Shared story, corrected")
	if sum, _ = s.Refresh(ctx, f, secs, nil); sum.New != 0 || sum.Updated != 1 {
		t.Errorf("one title changed: %d new, %d updated", sum.New, sum.Updated)
	}
}
