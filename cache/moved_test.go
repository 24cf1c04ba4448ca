package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"newsreader/feed"
)

// movingServer serves one feed at /new and redirects to it from /old
// (code; until moved is set /old serves the feed itself), from /temp
// (302) and from /dead (301 to a 404), counting the requests for each
// path.
type movingServer struct {
	*httptest.Server
	moved atomic.Bool
	mu    sync.Mutex
	hits  map[string]int
}

func newMovingServer(t *testing.T, code int) *movingServer {
	ms := &movingServer{hits: map[string]int{}}
	ms.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ms.mu.Lock()
		ms.hits[r.URL.Path]++
		ms.mu.Unlock()
		switch path := r.URL.Path; {
		case path == "/old" && ms.moved.Load():
			http.Redirect(w, r, "/new", code)
		case path == "/temp":
			http.Redirect(w, r, "/new", http.StatusFound)
		case path == "/dead":
			http.Redirect(w, r, "/gone", http.StatusMovedPermanently)
		case path == "/new" || path == "/old":
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Mover</title><link>https://mover.test/</link>`+
				`<item><title>First story</title><link>https://mover.test/1</link><guid>https://mover.test/1</guid><pubDate>Fri, 27 Nov 2026 10:00:00 +0000</pubDate></item>`+
				`<item><title>Second story</title><link>https://mover.test/2</link><guid>https://mover.test/2</guid><pubDate>Fri, 27 Nov 2026 11:00:00 +0000</pubDate></item>`+
				`</channel></rss>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ms.Close)
	return ms
}

func (ms *movingServer) count(path string) int {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.hits[path]
}

// refreshAll refreshes every section the cache holds, as --refresh does.
func refreshAll(t *testing.T, s *Store, f *feed.Fetcher) []feed.Result {
	t.Helper()
	infos, err := s.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []feed.Result
	if _, err := s.Refresh(ctx, f, ConfigSections(infos), func(r feed.Result) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return got
}

func subURLs(t *testing.T, s *Store) []string {
	t.Helper()
	subs, err := s.Subscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, sub := range subs {
		out = append(out, sub.Section+" "+sub.URL)
	}
	return out
}

// A feed read for a while that then moves permanently (301 or 308) is
// asked at its new address from the next refresh on: its subscription,
// section, articles and their reading state stay; the config's old
// address (seeding again, a reset, full_text_feeds, --remove) means the
// feed at its new one.
func TestPermanentRedirectMovesTheSubscription(t *testing.T) {
	for _, code := range []int{http.StatusMovedPermanently, http.StatusPermanentRedirect} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			ms := newMovingServer(t, code)
			s := openTemp(t)
			oldURL, newURL := ms.URL+"/old", ms.URL+"/new"
			config := []feed.Section{{Key: "news", Title: "News", Feeds: []string{oldURL}, FullTextFeeds: []string{oldURL}}}
			if _, err := s.SeedSubscriptions(ctx, config); err != nil {
				t.Fatal(err)
			}
			f := feed.NewFetcher(feed.Options{})
			got := refreshAll(t, s, f)
			if len(got) != 1 || got[0].Status != feed.StatusOK || got[0].MovedTo != "" {
				t.Fatalf("first refresh: %+v", got)
			}
			arts, err := s.Articles(ctx, "news", 0, 10)
			if err != nil || len(arts) != 2 {
				t.Fatalf("articles: %v %d", err, len(arts))
			}
			if err := s.SetRead(ctx, arts[0].ID, true); err != nil {
				t.Fatal(err)
			}
			ms.moved.Store(true)
			got = refreshAll(t, s, feed.NewFetcher(feed.Options{}))
			if len(got) != 1 || got[0].Status == feed.StatusError || got[0].MovedTo != newURL {
				t.Fatalf("refresh after the move: %+v", got)
			}
			if subs := subURLs(t, s); !slices.Equal(subs, []string{"news " + newURL}) {
				t.Fatalf("subscriptions after the move: %v", subs)
			}
			got = refreshAll(t, s, f)
			if len(got) != 1 || got[0].URL != newURL || got[0].MovedTo != "" || got[0].Status == feed.StatusError {
				t.Fatalf("second refresh: %+v", got)
			}
			if n := ms.count("/old"); n != 2 {
				t.Errorf("the old address was asked %d times, want twice (before the move and once after)", n)
			}
			after, err := s.Articles(ctx, "news", 0, 10)
			if err != nil || len(after) != 2 || after[0].ID != arts[0].ID || !after[0].Read || after[1].Read {
				t.Fatalf("articles after: %v %+v", err, after)
			}
			// The config still names the old address: a new start does
			// not subscribe it again, and its full_text_feeds still hold.
			if _, err := s.SeedSubscriptions(ctx, config); err != nil {
				t.Fatal(err)
			}
			subs, _ := s.Subscriptions(ctx)
			if len(subs) != 1 || subs[0].URL != newURL || !subs[0].FullText {
				t.Errorf("after seeding again: %+v", subs)
			}
			if _, err := s.ResetSubscriptions(ctx, config); err != nil {
				t.Fatal(err)
			}
			if subs := subURLs(t, s); !slices.Equal(subs, []string{"news " + newURL}) {
				t.Errorf("after a reset from the config: %v", subs)
			}
			if err := s.Unsubscribe(ctx, oldURL); err != nil {
				t.Errorf("--remove of the old address: %v", err)
			}
			if subs := subURLs(t, s); len(subs) != 0 {
				t.Errorf("after removing: %v", subs)
			}
		})
	}
}

// Temporary redirects never move a feed, nor does a permanent one to an
// address that fails (404): the subscription keeps its address and it is
// asked there again.
func TestRedirectsThatDoNotMoveTheSubscription(t *testing.T) {
	ms := newMovingServer(t, http.StatusMovedPermanently)
	s := openTemp(t)
	config := []feed.Section{{Key: "news", Feeds: []string{ms.URL + "/temp", ms.URL + "/dead"}}}
	if _, err := s.SeedSubscriptions(ctx, config); err != nil {
		t.Fatal(err)
	}
	f := feed.NewFetcher(feed.Options{})
	for range 2 {
		for _, r := range refreshAll(t, s, f) {
			if r.MovedTo != "" {
				t.Errorf("%s moved to %s", r.URL, r.MovedTo)
			}
		}
	}
	if subs := subURLs(t, s); !slices.Equal(subs, []string{"news " + ms.URL + "/temp", "news " + ms.URL + "/dead"}) {
		t.Errorf("subscriptions: %v", subs)
	}
	if ms.count("/temp") != 2 || ms.count("/dead") != 2 {
		t.Errorf("hits: %v", ms.hits)
	}
}

// A section that lists both the old and the new address keeps one
// subscription, and the feed's articles are one feed's.
func TestMoveOntoAFeedAlreadySubscribed(t *testing.T) {
	ms := newMovingServer(t, http.StatusMovedPermanently)
	s := openTemp(t)
	config := []feed.Section{{Key: "news", Feeds: []string{ms.URL + "/new", ms.URL + "/old"}}, {Key: "other", Feeds: []string{ms.URL + "/old"}}}
	if _, err := s.SeedSubscriptions(ctx, config); err != nil {
		t.Fatal(err)
	}
	refreshAll(t, s, feed.NewFetcher(feed.Options{})) // both stored, as two feeds
	ms.moved.Store(true)
	refreshAll(t, s, feed.NewFetcher(feed.Options{}))
	if subs := subURLs(t, s); !slices.Equal(subs, []string{"news " + ms.URL + "/new", "other " + ms.URL + "/new"}) {
		t.Errorf("subscriptions: %v", subs)
	}
	var feeds int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM feeds").Scan(&feeds); err != nil || feeds != 1 {
		t.Errorf("feeds rows: %d %v", feeds, err)
	}
	for _, sec := range []string{"news", "other"} {
		if arts, err := s.Articles(ctx, sec, 0, 10); err != nil || len(arts) != 2 {
			t.Errorf("%s: %d articles, %v", sec, len(arts), err)
		}
	}
}

// Items known only by a guid of their own, with no link, keep their rows
// and reading state when their feed moves: their IDs, made with the
// feed's address, follow it.
func TestMovedFeedKeepsItemsKnownByBareGUIDs(t *testing.T) {
	var moved atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" && moved.Load() {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		third := "" // the feed goes on after its move
		if moved.Load() {
			third = `<item><title>Three</title><guid isPermaLink="false">1003</guid><description>third</description><pubDate>Fri, 27 Nov 2026 12:00:00 +0000</pubDate></item>`
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Bare</title>`+third+
			`<item><title>One</title><guid isPermaLink="false">1001</guid><description>first</description><pubDate>Fri, 27 Nov 2026 10:00:00 +0000</pubDate></item>`+
			`<item><title>Two</title><guid isPermaLink="false">1002</guid><description>second</description><pubDate>Fri, 27 Nov 2026 11:00:00 +0000</pubDate></item>`+
			`</channel></rss>`)
	}))
	defer srv.Close()
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "news", Feeds: []string{srv.URL + "/old"}}}); err != nil {
		t.Fatal(err)
	}
	f := feed.NewFetcher(feed.Options{})
	refreshAll(t, s, f)
	before, err := s.Articles(ctx, "news", 0, 10)
	if err != nil || len(before) != 2 {
		t.Fatalf("%v %d", err, len(before))
	}
	if err := s.SetRead(ctx, before[1].ID, true); err != nil {
		t.Fatal(err)
	}
	moved.Store(true)
	refreshAll(t, s, f)
	refreshAll(t, s, f)
	if subs := subURLs(t, s); !slices.Equal(subs, []string{"news " + srv.URL + "/new"}) {
		t.Errorf("subscriptions: %v", subs)
	}
	after, err := s.Articles(ctx, "news", 0, 10)
	if err != nil || len(after) != 3 || after[0].Title != "Three" || after[1].ID != before[0].ID || after[2].ID != before[1].ID || after[1].Read || !after[2].Read {
		t.Errorf("before %+v\nafter %+v (%v)", before, after, err)
	}
}

// A server that answers every refresh with a permanent redirect to yet
// another address (a session token in it) leaves one row in feed_moves,
// the config's address to the latest, not one row per address it ever
// gave: the table stays bounded, and the config's address still means
// the feed.
func TestEverMovingFeedKeepsOneMove(t *testing.T) {
	var mu sync.Mutex
	cur, served := 0, map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		g := r.URL.Query().Get("gen")
		if g == fmt.Sprint(cur) && !served[g] {
			served[g] = true
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Mover</title><link>https://mover.test/</link>`+
				`<item><title>Story</title><link>https://mover.test/1</link><guid>https://mover.test/1</guid></item></channel></rss>`)
			return
		}
		cur++
		http.Redirect(w, r, fmt.Sprintf("/f?gen=%d", cur), http.StatusMovedPermanently)
	}))
	defer srv.Close()
	s := openTemp(t)
	config := []feed.Section{{Key: "news", Title: "News", Feeds: []string{srv.URL + "/f?gen=0"}}}
	if _, err := s.SeedSubscriptions(ctx, config); err != nil {
		t.Fatal(err)
	}
	f := feed.NewFetcher(feed.Options{})
	const refreshes = 12
	for range refreshes {
		for _, r := range refreshAll(t, s, f) {
			if r.Status == feed.StatusError {
				t.Fatalf("refresh: %+v", r)
			}
		}
	}
	latest := fmt.Sprintf("%s/f?gen=%d", srv.URL, refreshes-1)
	rows, err := s.db.QueryContext(ctx, "SELECT old, new FROM feed_moves")
	if err != nil {
		t.Fatal(err)
	}
	var moves []string
	for rows.Next() {
		var o, n string
		rows.Scan(&o, &n)
		moves = append(moves, o+" -> "+n)
	}
	rows.Close()
	if want := []string{srv.URL + "/f?gen=0 -> " + latest}; !slices.Equal(moves, want) {
		t.Errorf("feed_moves holds %d rows: %q, want %q", len(moves), moves, want)
	}
	if _, err := s.SeedSubscriptions(ctx, config); err != nil {
		t.Fatal(err)
	}
	if subs := subURLs(t, s); !slices.Equal(subs, []string{"news " + latest}) {
		t.Errorf("subscriptions: %v", subs)
	}
}

// A cache whose feed_moves grew a row for every passing address is cut
// back on opening to the first row leading to each address: the one the
// config names.
func TestMigrationDropsPassingMoves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := cacheBefore(t, path, "DELETE FROM feed_moves WHERE moved_at >")
	for i, row := range []struct {
		old, new string
		at       int
	}{
		{"https://a.example/f", "https://a.example/f?s=9", 100}, // subscribed
		{"https://a.example/f?s=1", "https://a.example/f?s=9", 200},
		{"https://a.example/f?s=2", "https://a.example/f?s=9", 300},
		{"https://b.example/rss", "https://b.example/feed", 150}, // another feed, moved once
	} {
		if _, err := db.Exec("INSERT INTO feed_moves(old, new, moved_at) VALUES (?, ?, ?)", row.old, row.new, row.at); err != nil {
			t.Fatal(i, err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.QueryContext(ctx, "SELECT old || ' -> ' || new FROM feed_moves ORDER BY old")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var m string
		rows.Scan(&m)
		got = append(got, m)
	}
	rows.Close()
	if want := []string{"https://a.example/f -> https://a.example/f?s=9", "https://b.example/rss -> https://b.example/feed"}; !slices.Equal(got, want) {
		t.Errorf("feed_moves %q, want %q", got, want)
	}
}
