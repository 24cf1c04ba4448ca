package sync_test

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	gosync "sync"
	"testing"
	"time"

	mf "miniflux.app/v2/client"

	"newsreader/cache"
	"newsreader/cache/sync/synctest"
	"newsreader/feed"
	"newsreader/feed/greader"
	"newsreader/feed/miniflux"
	"newsreader/feed/remote"
)

var (
	env      *synctest.Env
	skipWhy  string
	userSeq  int
	userLock gosync.Mutex
)

func TestMain(m *testing.M) {
	e, err := synctest.Start()
	switch {
	case errors.Is(err, synctest.ErrNoPostgres):
		skipWhy = "sync tests need PostgreSQL 15 (" + err.Error() + "); .ci/run installs it"
		fmt.Fprintln(os.Stderr, "SKIP:", skipWhy)
	case err != nil:
		fmt.Fprintln(os.Stderr, "sync test harness:", err)
		os.Exit(1)
	default:
		env = e
		if e.BuildTook > 0 {
			fmt.Fprintf(os.Stderr, "miniflux %s built in %v\n", synctest.Version, e.BuildTook.Round(time.Millisecond))
		}
		fmt.Fprintf(os.Stderr, "miniflux started in %v\n", e.StartTook.Round(time.Millisecond))
	}
	code := m.Run()
	if env != nil {
		env.Close()
	}
	os.Exit(code)
}

func needEnv(t testing.TB) {
	t.Helper()
	if env == nil {
		t.Skip(skipWhy)
	}
}

// feedSite serves RSS feeds written by the test: /f<N>.xml with items
// guid "tag:test.invalid,2026:f<N>-<i>", link /f<N>/<i>.
type feedSite struct {
	srv   *httptest.Server
	mu    gosync.Mutex
	items map[string]int    // path -> item count
	moves map[string]string // path -> where it redirects permanently
}

// move makes /<name>.xml redirect permanently to the feed at to, and
// returns its address.
func (s *feedSite) move(name, to string) string {
	s.mu.Lock()
	if s.moves == nil {
		s.moves = map[string]string{}
	}
	s.moves["/"+name+".xml"] = to
	s.mu.Unlock()
	return s.srv.URL + "/" + name + ".xml"
}

func newSite(t testing.TB) *feedSite {
	s := &feedSite{items: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *feedSite) add(name string, n int) string {
	s.mu.Lock()
	s.items["/"+name+".xml"] = n
	s.mu.Unlock()
	return s.srv.URL + "/" + name + ".xml"
}

func (s *feedSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	n, ok := s.items[r.URL.Path]
	to, moved := s.moves[r.URL.Path]
	s.mu.Unlock()
	if moved {
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title><link>%s/</link>`, name, s.srv.URL)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	// Feeds named "byagent-…" give Miniflux other links than the reader
	// (as tracking redirects do), leaving the GUID to match them.
	suffix := ""
	if strings.HasPrefix(name, "byagent-") && strings.Contains(r.UserAgent(), "Miniflux") {
		suffix = "?via=server"
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<item><title>%s story %d</title><link>%s/%s/%d`+suffix+`</link><guid isPermaLink="false">tag:test.invalid,2026:%s-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			name, i, s.srv.URL, name, i, name, i, base.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), html.EscapeString("<p>Body of "+name+" "+strconv.Itoa(i)+"</p>"))
	}
	b.WriteString("</channel></rss>")
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write([]byte(b.String()))
}

// account is a fresh Miniflux user subscribed to feeds, and a server
// client of the given kind acting as that user.
type account struct {
	user  *synctest.User
	kind  string
	srv   remote.Server
	feeds map[string]int64 // feed URL -> Miniflux feed ID
}

func newAccount(t testing.TB, kind string, feedURLs ...string) *account {
	t.Helper()
	needEnv(t)
	ctx := context.Background()
	userLock.Lock()
	userSeq++
	name := fmt.Sprintf("u%d%s", userSeq, kind)
	userLock.Unlock()
	u, err := env.NewUser(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	a := &account{user: u, kind: kind, feeds: map[string]int64{}}
	a.srv = connect(kind, u)
	cat, err := u.Client.CreateCategoryContext(ctx, "News")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feedURLs {
		id, err := u.Client.CreateFeedContext(ctx, &mf.FeedCreationRequest{FeedURL: f, CategoryID: cat.ID})
		if err != nil {
			t.Fatalf("subscribe %s: %v\n%s", f, err, env.Log())
		}
		a.feeds[f] = id
	}
	return a
}

func connect(kind string, u *synctest.User) remote.Server {
	hc := &http.Client{Timeout: 60 * time.Second}
	if kind == "greader" {
		return greader.New(env.URL, u.Name, u.Password, hc)
	}
	return miniflux.New(env.URL, u.Token, "", "", hc)
}

// local is a cache that has fetched the feeds itself, in section "news".
func local(t testing.TB, feedURLs ...string) *cache.Store {
	t.Helper()
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	refresh(t, st, feedURLs...)
	return st
}

func refresh(t testing.TB, st *cache.Store, feedURLs ...string) {
	t.Helper()
	f := feed.NewFetcher(feed.Options{})
	sum, err := st.Refresh(context.Background(), f, []feed.Section{{Key: "news", Feeds: feedURLs}}, nil)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("refresh: %v %+v", err, sum)
	}
}

// remoteEntries maps entry URL to the server's entry.
func (a *account) entries(t testing.TB) map[string]*mf.Entry {
	t.Helper()
	m := map[string]*mf.Entry{}
	var after int64
	for {
		res, err := a.user.Client.Entries(&mf.Filter{Limit: 1000, Order: "id", Direction: "asc", AfterEntryID: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Entries {
			m[e.URL] = e
			after = e.ID
		}
		if len(res.Entries) < 1000 {
			return m
		}
	}
}

// articles maps link to the cached article.
func articles(t testing.TB, st *cache.Store) map[string]cache.Article {
	t.Helper()
	arts, err := st.Articles(context.Background(), "news", 0, 100000)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]cache.Article{}
	for _, a := range arts {
		m[a.Link] = a
	}
	return m
}

func pending(t testing.TB, st *cache.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM sync_outbox").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var kinds = []string{"miniflux", "greader"}
