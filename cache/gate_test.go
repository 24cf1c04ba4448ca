package cache

import (
	"context"
	"database/sql"
	"errors"
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

// lockUntilSlot takes the cache's write lock the way another refresh's
// saver holds it, and gives it back only once it has a slot of gate (that
// saver waits for one before it commits).
func lockUntilSlot(t *testing.T, path string, gate *feed.Gate) {
	t.Helper()
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := other.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		gate.Work(func() { tx.Commit() })
		other.Close()
	}()
}

func oneCoreRefresh(t *testing.T, feeds int) (*Store, string, []string, *feed.Fetcher) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>F</title>`)
		for i := range 5 {
			fmt.Fprintf(w, `<item><guid>%s-%d</guid><title>Story %d of %s</title><link>https://ex.test%s/%d</link><description>Ferry fares rise.</description></item>`,
				r.URL.Path, i, i, r.URL.Path, r.URL.Path, i)
		}
		fmt.Fprintf(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var urls []string
	for i := range feeds {
		urls = append(urls, fmt.Sprintf("%s/f%d.rss", srv.URL, i))
	}
	return s, path, urls, feed.NewFetcher(feed.Options{})
}

// A batch that fails is saved again result by result, each save waiting
// for the write lock: the saver does not keep its slot meanwhile, or a
// writer that needs one to let go of the lock (another refresh through
// the same fetcher) would hold the save up until the busy timeout, which
// fails it.
func TestFailedBatchSavesWithoutTheSlot(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s, path, urls, f := oneCoreRefresh(t, 30)
	var failed, locked bool
	SavedHook = func(_ context.Context, _ *sql.Tx, ids []int64) error {
		if !failed && len(ids) > 5 { // a batch of several feeds
			failed = true
			return errors.New("disk full")
		}
		return nil
	}
	defer func() { SavedHook = nil }()
	sum, err := s.Refresh(ctx, f, []feed.Section{{Key: "top", Feeds: urls}}, func(r feed.Result) {
		if r.Err != nil {
			t.Errorf("%s: %v", r.URL, r.Err)
		}
		if failed && !locked { // the first result saved again, others to go
			locked = true
			lockUntilSlot(t, path, f.Gate())
		}
	})
	if !failed {
		t.Fatal("no batch of several feeds was saved")
	}
	if err != nil || sum.OK != len(urls) {
		t.Errorf("%d of %d feeds ok, %v", sum.OK, len(urls), err)
	}
}

// After its last batch a refresh prunes the cache, waiting for the write
// lock: not in a slot (see TestFailedBatchSavesWithoutTheSlot).
func TestPruneAfterRefreshWithoutTheSlot(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s, path, urls, f := oneCoreRefresh(t, 1)
	mustSave(t, s, ok("https://old.example/feed", news("Old", "old.example", 60*24*30, "Harbour opens", "The harbour opened.")), "top")
	if _, err := s.db.Exec("UPDATE articles SET fetched_at = published"); err != nil {
		t.Fatal(err)
	}
	s.SetRetention(7)
	locked := false
	sum, err := s.Refresh(ctx, f, []feed.Section{{Key: "top", Feeds: urls}}, func(r feed.Result) {
		if !locked { // the last result: pruning comes next
			locked = true
			lockUntilSlot(t, path, f.Gate())
		}
	})
	if err != nil || sum.OK != 1 {
		t.Fatalf("%d feeds ok, %v", sum.OK, err)
	}
	if sum.Pruned != 1 {
		t.Errorf("%d articles pruned, want the month-old one", sum.Pruned)
	}
}
