package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// hungServer answers /good with a feed and never answers /hung/N: it
// holds the connection open without sending headers, as a stuck backend
// behind a proxy does.
func hungServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/good" {
			fmt.Fprint(w, rssDoc("good", 3))
			return
		}
		<-r.Context().Done()
	}))
	t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
	return srv
}

// hungRefresh fetches 10 hung feeds and then one good one, all on one
// host, and returns the results by URL and how long it took.
func hungRefresh(t *testing.T, srv *httptest.Server, opt Options) (map[string]Result, time.Duration) {
	var reqs []Request
	for i := range 10 {
		reqs = append(reqs, Request{URL: fmt.Sprintf("%s/hung/%d", srv.URL, i)})
	}
	reqs = append(reqs, Request{URL: srv.URL + "/good"}) // last: behind every hung one
	got := map[string]Result{}
	start := time.Now()
	NewFetcher(opt).FetchAll(context.Background(), reqs, func(r Result) { got[r.URL] = r })
	return got, time.Since(start)
}

func TestHungFeedsDoNotHoldTheRefreshHostage(t *testing.T) {
	srv := hungServer(t)
	// Scaled-down timeouts: 400 ms for headers, 100 ms once the host has
	// timed out. Without the header timeout and the quick retries, the 10
	// hung feeds would hold the host's 2 slots for 5 x Timeout = 50 s.
	got, took := hungRefresh(t, srv, Options{Timeout: 10 * time.Second, HeaderTimeout: 400 * time.Millisecond, QuickTimeout: 100 * time.Millisecond})
	t.Logf("10 hung + 1 good on one host: %v", took)
	if r := got[srv.URL+"/good"]; r.Status != StatusOK || len(r.Articles) != 3 {
		t.Errorf("good feed: %v %v", r.Status, r.Err)
	}
	timedOut, notResponding := 0, 0
	for i := range 10 {
		r := got[fmt.Sprintf("%s/hung/%d", srv.URL, i)]
		switch {
		case r.Status == StatusError && strings.HasPrefix(r.Err.Error(), "timed out: no answer within "):
			timedOut++
		case r.Status == StatusError && errors.Is(r.Err, ErrHostNotResponding):
			notResponding++
		default:
			t.Errorf("hung feed %d: %v %v", i, r.Status, r.Err)
		}
	}
	// The first two (one per slot) wait the full header timeout; the rest
	// get the quick one.
	if timedOut != 2 || notResponding != 8 {
		t.Errorf("%d timed out, %d host not responding; want 2 and 8", timedOut, notResponding)
	}
	if took > 5*time.Second {
		t.Errorf("took %v: hung feeds held the refresh", took)
	}
}

// TestHungFeedsRealDefaults measures the same with the real defaults
// (10 s header timeout, 2 s once the host has timed out); it takes about
// 20 s, so it runs only when asked:
//
//	NEWSREADER_REAL_TIMEOUTS=1 go test ./feed -run RealDefaults -v
func TestHungFeedsRealDefaults(t *testing.T) {
	if os.Getenv("NEWSREADER_REAL_TIMEOUTS") == "" {
		t.Skip("set NEWSREADER_REAL_TIMEOUTS=1 to measure with the real defaults")
	}
	srv := hungServer(t)
	got, took := hungRefresh(t, srv, Options{})
	t.Logf("10 hung + 1 good on one host, default timeouts: %v", took)
	if r := got[srv.URL+"/good"]; r.Status != StatusOK {
		t.Errorf("good feed: %v %v", r.Status, r.Err)
	}
	if took > 45*time.Second {
		t.Errorf("took %v, target under 45 s", took)
	}
}

func TestRefreshDeadlineEndsEveryFeed(t *testing.T) {
	srv := hungServer(t)
	var reqs []Request
	for i := range 6 {
		reqs = append(reqs, Request{URL: fmt.Sprintf("%s/hung/%d", srv.URL, i)})
	}
	start := time.Now()
	var n int
	NewFetcher(Options{RefreshTimeout: 300 * time.Millisecond}).FetchAll(context.Background(), reqs, func(r Result) {
		n++
		if r.Status != StatusError || !errors.Is(r.Err, ErrRefreshDeadline) {
			t.Errorf("%s: %v %v", r.URL, r.Status, r.Err)
		}
	})
	if n != len(reqs) {
		t.Errorf("%d results for %d feeds", n, len(reqs))
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v: the refresh deadline did not end it", took)
	}
}

func TestIdenticalBytesAreNotParsedAgain(t *testing.T) {
	var served atomic.Int32
	body := rssDoc("same", 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		fmt.Fprint(w, body) // no ETag, no Last-Modified
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	first := fetchOne(t, f, Request{URL: srv.URL})
	if first.Status != StatusOK || first.BodyHash == "" {
		t.Fatalf("first: %v %v %q", first.Status, first.Err, first.BodyHash)
	}
	called := false
	known := func() map[string]KnownItem { called = true; return nil }
	second := fetchOne(t, f, Request{URL: srv.URL, BodyHash: first.BodyHash, Known: known})
	if second.Status != StatusNotModified || len(second.Articles) != 0 || second.BodyHash != first.BodyHash {
		t.Errorf("same bytes: %v, %d articles", second.Status, len(second.Articles))
	}
	if called || served.Load() != 2 {
		t.Errorf("known called %v, served %d", called, served.Load())
	}
	body = rssDoc("changed", 4)
	third := fetchOne(t, f, Request{URL: srv.URL, BodyHash: first.BodyHash, Known: known})
	if third.Status != StatusOK || len(third.Articles) != 4 || !called {
		t.Errorf("changed bytes: %v %d articles, known called %v", third.Status, len(third.Articles), called)
	}
}

func TestUnchangedItemsAreNotNormalisedAgain(t *testing.T) {
	u := mustURL("https://h.example/feed")
	body := []byte(rssDoc("item", 3))
	p, err := ParseWith(body, u, fixedNow, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]KnownItem{}
	for i, a := range p.Articles {
		if a.Hash == 0 {
			t.Fatalf("item %d has no hash", i)
		}
		known[a.ID] = KnownItem{Hash: a.Hash, Row: int64(100 + i)}
	}
	// Item 1's title changes; items 0 and 2 are byte for byte the same.
	changed := []byte(strings.Replace(string(body), "<title>item 1</title>", "<title>item 1, updated</title>", 1))
	p2, err := ParseWith(changed, u, fixedNow, ParseOptions{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range p2.Articles {
		want := i != 1
		if a.Unchanged != want {
			t.Errorf("item %d (%q): unchanged %v, want %v", i, a.Title, a.Unchanged, want)
		}
		if a.Unchanged && (a.Row != int64(100+i) || a.Title != "") {
			t.Errorf("item %d: row %d title %q", i, a.Row, a.Title)
		}
	}
	if p2.Articles[1].Title != "item 1, updated" {
		t.Errorf("changed item: %+v", p2.Articles[1])
	}
	// The same items in another feed, or under another feed title, are
	// not the same articles.
	p3, _ := ParseWith([]byte(strings.Replace(string(body), "<title>item</title>", "<title>renamed</title>", 1)), u, fixedNow, ParseOptions{Known: known})
	for i, a := range p3.Articles {
		if a.Unchanged {
			t.Errorf("renamed feed: item %d skipped", i)
		}
	}
}

func TestItemCapKeepsTheNewest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>Big</title>`)
		// Oldest first, as some archives list them.
		for i := range 12 {
			fmt.Fprintf(&b, `<item><title>n%d</title><link>https://big.example/%d</link><pubDate>Mon, 23 Nov 2026 10:%02d:00 +0000</pubDate></item>`, i, i, i)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	r := fetchOne(t, NewFetcher(Options{MaxItems: 5}), Request{URL: srv.URL})
	if r.Status != StatusOK || len(r.Articles) != 5 || r.Total != 12 {
		t.Fatalf("%v %v: %d of %d", r.Status, r.Err, len(r.Articles), r.Total)
	}
	var got []string
	for _, a := range r.Articles {
		got = append(got, a.Title)
	}
	if strings.Join(got, " ") != "n11 n10 n9 n8 n7" {
		t.Errorf("kept %v, want the five newest", got)
	}
	if r.Note() != "kept newest 5 of 12" {
		t.Errorf("note %q", r.Note())
	}
	if n := (Result{Status: StatusOK, Articles: make([]Article, 5000), Total: 119155, Capped: true}).Note(); n != "kept newest 5,000 of 119,155" {
		t.Errorf("note %q", n)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
