package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	cachesync "newsreader/cache/sync"
	"newsreader/feed"
	"newsreader/feed/remote"
)

// fakeServer is an in-memory sync server for the UI's logic; the real
// servers are tested in cache/sync against Miniflux.
type fakeServer struct {
	mu      sync.Mutex
	entries []remote.Entry
	marks   []string
	fail    error
}

func (f *fakeServer) Changes(ctx context.Context, cursor int64, known map[string]remote.State) ([]remote.Entry, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, cursor, f.fail
	}
	return f.entries, cursor + 1, nil
}

func (f *fakeServer) Mark(ctx context.Context, ids []string, field remote.Field, on bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		f.marks = append(f.marks, fmt.Sprintf("%s %s %v", id, field, on))
	}
	return nil
}

func (f *fakeServer) Feeds(ctx context.Context) ([]remote.Feed, error) {
	return []remote.Feed{{URL: "https://elsewhere.test/feed.xml", Category: "Other"}}, nil
}

func (f *fakeServer) Subscribe(ctx context.Context, url, category string) error { return nil }

func TestSyncAfterRefreshShowsInStatusLine(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Loop</title>
<item><title>Story read elsewhere</title><link>https://l.test/1</link><guid>https://l.test/1</guid></item>
<item><title>Story starred here</title><link>https://l.test/2</link><guid>https://l.test/2</guid></item></channel></rss>`)
	}))
	defer srv.Close()
	st, err := cache.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fake := &fakeServer{entries: []remote.Entry{
		{ID: "1", FeedURL: srv.URL + "/f.rss", Link: "https://l.test/1", Read: true},
		{ID: "2", FeedURL: srv.URL + "/f.rss", Link: "https://l.test/2"},
	}}
	acct := &cachesync.Account{Config: &feed.SyncConfig{Kind: "miniflux", URL: "http://sync.test"}, Server: fake, Identity: "t"}
	m := New(Options{Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true, Sync: acct,
		Sections: []feed.Section{{Key: "top", Title: "Top", Feeds: []string{srv.URL + "/f.rss"}}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 140, Height: 30})
	if out := m.Render(); !strings.Contains(out, "not synced yet") {
		t.Errorf("status before any sync:\n%s", out)
	}
	m = press(t, m, "r")
	out := m.Render()
	if m.sy.running || !strings.Contains(out, "synced ") || !strings.Contains(out, "1 change") || !strings.Contains(out, "1 feed on the sync server not here") {
		t.Fatalf("after refresh and sync: running %v\n%s", m.sy.running, out)
	}
	arts, _ := st.Articles(context.Background(), "top", 0, 10)
	for _, a := range arts {
		if a.Read != (a.Link == "https://l.test/1") {
			t.Errorf("%s read %v after the sync", a.Link, a.Read)
		}
	}
	// A star made here goes up with the next sync.
	for _, a := range arts {
		if a.Link == "https://l.test/2" {
			st.SetStarred(context.Background(), a.ID, true)
		}
	}
	m = press(t, m, "r")
	if len(fake.marks) != 1 || fake.marks[0] != "2 starred true" {
		t.Errorf("pushed %q, want the star", fake.marks)
	}
	// A failing server shows in the status line, without the reader losing anything.
	fake.fail = errors.New("dial tcp: connection refused")
	m = press(t, m, "r")
	if out := m.Render(); !strings.Contains(out, "sync failed") || !strings.Contains(out, "connection refused") {
		t.Errorf("status after a failed sync:\n%s", out)
	}
	// A new session shows the failure recorded in the cache.
	m2 := New(Options{Site: "T", Store: st, Offline: true, NoColor: true, Sync: acct,
		Sections: []feed.Section{{Key: "top", Title: "Top"}}})
	m2 = drive(t, m2, m2.Init())
	m2 = send(t, m2, tea.WindowSizeMsg{Width: 140, Height: 30})
	if out := m2.Render(); !strings.Contains(out, "sync failed") {
		t.Errorf("status in a new session:\n%s", out)
	}
}

// With source = "server", r syncs instead of fetching: the server's
// entries fill the section named after their category.
func TestRefreshFromServer(t *testing.T) {
	st, err := cache.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fake := &fakeServer{entries: []remote.Entry{
		{ID: "7", FeedURL: "https://unreachable.test/f.rss", Link: "https://l.test/7", Title: "Entry from the server", Category: "Top", Content: "<p>served</p>"},
	}}
	acct := &cachesync.Account{Config: &feed.SyncConfig{Kind: "miniflux", URL: "http://sync.test", Source: "server"}, Server: fake, Identity: "t"}
	m := New(Options{Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true, Sync: acct,
		Sections: []feed.Section{{Key: "top", Title: "Top", Feeds: []string{"https://unreachable.test/f.rss"}}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 140, Height: 30})
	m = press(t, m, "r")
	out := m.Render()
	if !strings.Contains(out, "Entry from the server") || !strings.Contains(out, "synced ") {
		t.Errorf("after r with source = server:\n%s", out)
	}
	if feeds, _ := st.Feeds(context.Background()); len(feeds) != 1 || feeds[0].Error != "" {
		t.Errorf("the feed was fetched or failed: %+v", feeds)
	}
}
