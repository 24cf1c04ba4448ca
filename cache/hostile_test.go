package cache

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"newsreader/feed"
)

func TestFeedErrorStoredSanitised(t *testing.T) {
	s := openTemp(t)
	raw := errors.New("HTTP 500 \x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\\n\u009b5m line two")
	mustSave(t, s, feed.Result{URL: "https://e.test/f", Status: feed.StatusError, Err: raw}, "top")
	fs, err := s.Feeds(ctx)
	if err != nil || len(fs) != 1 {
		t.Fatalf("feeds %v %v", fs, err)
	}
	got := fs[0].Error
	if strings.IndexFunc(got, feed.Forbidden) >= 0 || strings.ContainsAny(got, "\x1b\n") {
		t.Errorf("stored error %q keeps controls or line breaks", got)
	}
	if !strings.Contains(got, "HTTP 500") || !strings.Contains(got, "click") || !strings.Contains(got, "line two") {
		t.Errorf("stored error %q lost its text", got)
	}
}

func TestOfflineResultLeavesFeedStateAlone(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://a.test/f", art("1", "https://a.test/1", "One", 1)), "top")
	mustSave(t, s, feed.Result{URL: "https://a.test/f", Status: feed.StatusError, Err: feed.SafeError(feed.ErrOffline)}, "top")
	mustSave(t, s, feed.Result{URL: "https://a.test/new", Status: feed.StatusError, Err: feed.ErrOffline}, "top")
	fs, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Error != "" {
		t.Errorf("an offline result changed feed state: %+v", fs)
	}
}

// TestRefreshOnFullDiskDownloadsNothing: the cache is open (as in the
// reader) when its disk fills up; a refresh fails before any download.
func TestRefreshOnFullDiskDownloadsNothing(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	s, err := Open(filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>F</title><item><guid>%s</guid><title>%s</title><description>%s</description></item></channel></rss>`,
			r.URL.Path, r.URL.Path, strings.Repeat("long text ", 2000))
	}))
	defer srv.Close()
	var feeds []string
	for i := range 20 {
		feeds = append(feeds, fmt.Sprintf("%s/%d.rss", srv.URL, i))
	}
	secs := []feed.Section{{Key: "top", Feeds: feeds}}
	f := feed.NewFetcher(feed.Options{})
	if _, err := s.Refresh(ctx, f, secs[:0], nil); err != nil {
		t.Fatal(err)
	}
	filler, _ := os.Create(filepath.Join(dir, "filler"))
	for block := make([]byte, 4096); ; {
		if _, err := filler.Write(block); err != nil {
			break
		}
	}
	filler.Close()
	hits.Store(0)
	sum, err := s.Refresh(ctx, f, secs, nil)
	if err == nil {
		t.Errorf("refresh on a full disk succeeded: %+v", sum)
	}
	if hits.Load() > 1 {
		t.Errorf("%d feeds downloaded into a full cache (%v)", hits.Load(), err)
	}
}
