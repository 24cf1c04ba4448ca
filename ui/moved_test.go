package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// A refresh in the reader that finds a feed moved permanently reads the
// sections again, so the next refresh asks the new address and the feeds
// list shows it.
func TestReaderFollowsAMovedFeed(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Mover</title><item><title>Moved story</title><link>https://mover.test/1</link></item></channel></rss>`)
	}))
	defer srv.Close()
	st, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.SeedSubscriptions(context.Background(), []feed.Section{{Key: "news", Title: "News", Feeds: []string{srv.URL + "/old"}}}); err != nil {
		t.Fatal(err)
	}
	infos, err := st.Sections(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Site: "Test", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true, Now: func() time.Time { return testNow },
		Sections: cache.ConfigSections(infos)})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	for range 2 {
		m = press(t, m, "R") // runs the refresh to its end
		if m.refreshing {
			t.Fatal("the refresh did not end")
		}
	}
	if got := m.opt.Sections[0].Feeds; !slices.Equal(got, []string{srv.URL + "/new"}) {
		t.Errorf("the reader's feeds after the move: %v", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["/old"] != 1 || hits["/new"] != 2 {
		t.Errorf("requests: %v", hits)
	}
}
