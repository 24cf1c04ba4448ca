package cache

import (
	"errors"
	"strings"
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
