package cache

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"newsreader/feed"
)

// Two refreshes through one fetcher, on one core, into one cache file (two
// stores, as two windows of the reader would be): the fetcher's gate has a
// single slot, and a saver waiting for the other's write lock must not sit
// on it, or neither could go on until the busy timeout.
func TestTwoRefreshesShareOneSlot(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var sb strings.Builder
		sb.WriteString(`<rss version="2.0"><channel><title>F</title>`)
		for i := range 40 {
			fmt.Fprintf(&sb, `<item><guid>%s-%d</guid><title>Story %d of %s about harbour fees</title><link>https://ex.test%s/%d</link><description><![CDATA[<p>%s</p>]]></description></item>`,
				r.URL.Path, i, i, r.URL.Path, r.URL.Path, i, strings.Repeat("Ferry operators said the new harbour fees would raise fares. ", 6))
		}
		sb.WriteString(`</channel></rss>`)
		w.Write([]byte(sb.String()))
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "shared.db")
	f := feed.NewFetcher(feed.Options{})
	// Stuck savers would wait for each other for good: the test ends
	// them instead.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for w := range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var urls []string
		for i := range 30 {
			urls = append(urls, fmt.Sprintf("%s/w%d/f%d.rss", srv.URL, w, i))
		}
		wg.Go(func() {
			sum, err := s.Refresh(ctx, f, []feed.Section{{Key: "top", Feeds: urls}}, func(r feed.Result) {
				if r.Err != nil {
					t.Errorf("refresh %d: %s: %v", w, r.URL, r.Err)
				}
			})
			if err != nil || sum.OK != len(urls) {
				t.Errorf("refresh %d: %d of %d feeds ok, %v", w, sum.OK, len(urls), err)
			}
		})
	}
	wg.Wait()
}
