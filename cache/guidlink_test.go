package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"newsreader/feed"
)

// An article stored with its guid for its address (a cache from before
// isPermaLink="false" was read, or a feed that said so only later) loses
// that address when the feed says the guid is only an ID: o must not
// open the ID. An article whose feed merely leaves its link out this
// time keeps the one it had.
func TestGUIDNoLongerAPermalinkClearsTheStoredAddress(t *testing.T) {
	var notPermalink atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attr, link := "", `<link>https://guid.test/kept</link>`
		if notPermalink.Load() {
			attr, link = ` isPermaLink="false"`, ""
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Guids</title><link>https://guid.test/</link>`+
			`<item><title>By its guid</title><guid`+attr+`>https://guid.test/?p=5</guid><pubDate>Fri, 27 Nov 2026 10:00:00 +0000</pubDate></item>`+
			`<item><title>By its link</title>`+link+`<guid>tag:guid.test,2026:7</guid><pubDate>Fri, 27 Nov 2026 11:00:00 +0000</pubDate></item>`+
			`</channel></rss>`)
	}))
	defer srv.Close()
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "news", Title: "News", Feeds: []string{srv.URL}}}); err != nil {
		t.Fatal(err)
	}
	links := func() map[string]string {
		t.Helper()
		arts, err := s.Articles(ctx, "news", 0, 10)
		if err != nil || len(arts) != 2 {
			t.Fatalf("articles: %v %+v", err, arts)
		}
		out := map[string]string{}
		for _, a := range arts {
			out[a.Title] = a.Link
		}
		return out
	}
	refreshAll(t, s, feed.NewFetcher(feed.Options{}))
	if got := links(); got["By its guid"] != "https://guid.test/?p=5" || got["By its link"] != "https://guid.test/kept" {
		t.Fatalf("before: %v", got)
	}
	notPermalink.Store(true)
	refreshAll(t, s, feed.NewFetcher(feed.Options{}))
	if got := links(); got["By its guid"] != "" || got["By its link"] != "https://guid.test/kept" {
		t.Errorf("after the guid said it is no permalink: %v, want no address for the first, the link kept for the second", got)
	}
}
