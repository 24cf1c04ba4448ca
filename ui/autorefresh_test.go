package ui

import (
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// countingFeeds serves /a.xml and /b.xml and counts the requests for each.
type countingFeeds struct {
	srv *httptest.Server
	mu  sync.Mutex
	n   map[string]int
}

func newCountingFeeds(t *testing.T) *countingFeeds {
	c := &countingFeeds{n: map[string]int{}}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.n[r.URL.Path]++
		n := c.n[r.URL.Path]
		c.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>
<item><title>%s item %d</title><link>http://x.test%s/%d</link><guid>%s-%d</guid><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`, r.URL.Path, r.URL.Path, n, r.URL.Path, n, r.URL.Path, n)
	}))
	t.Cleanup(c.srv.Close)
	return c
}

func (c *countingFeeds) count(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[path]
}

// fakeClock is the reader's clock in these tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// setNextDue stores a feed's next-due time the way the cache's refresh
// does from a feed's hints, through a second connection to the file.
func setNextDue(t *testing.T, path, url string, due time.Time) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec("UPDATE feeds SET next_due = ? WHERE url = ?", due.Unix(), url)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("no feed row for %s", url)
	}
}

// timerOf runs cmd (a batch or not) and returns the delay of the timer it
// starts, failing when there is none.
func timerOf(t *testing.T, cmd tea.Cmd) time.Duration {
	t.Helper()
	var found []time.Duration
	var walk func(tea.Cmd)
	walk = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case timerMsg:
			if _, ok := msg.fire(time.Time{}).(autoTickMsg); ok {
				found = append(found, msg.d)
			}
		case tea.BatchMsg:
			for _, c := range msg {
				walk(c)
			}
		}
	}
	walk(cmd)
	if len(found) != 1 {
		t.Fatalf("auto-refresh timers started: %v, want one", found)
	}
	return found[0]
}

func TestAutoRefreshWithFakeClock(t *testing.T) {
	feeds := newCountingFeeds(t)
	a, b := feeds.srv.URL+"/a.xml", feeds.srv.URL+"/b.xml"
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := cache.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := &fakeClock{t: time.Date(2026, 11, 27, 12, 0, 0, 0, time.Local)}
	m := New(Options{
		Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true, Now: clock.now,
		Sections:     []feed.Section{{Key: "one", Feeds: []string{a}}, {Key: "two", Feeds: []string{b}}},
		RefreshEvery: 30 * time.Minute,
	})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	if strings.Contains(m.Render(), "next refresh") {
		t.Error("a next refresh is announced before the first refresh")
	}
	m = send(t, m, refreshRequest{all: true}) // what Run sends at start
	if feeds.count("/a.xml") != 1 || feeds.count("/b.xml") != 1 {
		t.Fatalf("start-up refresh: a %d b %d", feeds.count("/a.xml"), feeds.count("/b.xml"))
	}
	if !strings.Contains(m.Render(), "next refresh 12:30") {
		t.Fatalf("status line after the first refresh:\n%s", m.Render())
	}

	// Feed b's own hints (say <ttl>70</ttl>) put it at 13:10.
	setNextDue(t, path, b, clock.t.Add(70*time.Minute))

	// 12:29: the timer checks, nothing happens, it waits one more minute.
	clock.t = clock.t.Add(29 * time.Minute)
	next, cmd := m.Update(autoTickMsg{gen: m.autoGen})
	m = next.(Model)
	if d := timerOf(t, cmd); d != time.Minute {
		t.Errorf("at 12:29 the timer waits %v, want 1m", d)
	}
	if m.refreshing || feeds.count("/a.xml") != 1 {
		t.Fatal("refreshed before it was due")
	}

	// 12:30: a is refreshed, b is not due.
	clock.t = clock.t.Add(time.Minute)
	m = send(t, m, autoTickMsg{gen: m.autoGen})
	if feeds.count("/a.xml") != 2 || feeds.count("/b.xml") != 1 {
		t.Fatalf("12:30: a fetched %d times, b %d (b's hints say 13:10)", feeds.count("/a.xml"), feeds.count("/b.xml"))
	}
	if !m.lastRefresh.Equal(clock.t) || !strings.Contains(m.Render(), "next refresh 13:00") {
		t.Fatalf("after the 12:30 refresh (last %v):\n%s", m.lastRefresh, m.Render())
	}

	// a now asks for 13:20 (Retry-After, say): at 13:00 nothing is due,
	// and the reader says it waits for b at 13:10.
	setNextDue(t, path, a, clock.t.Add(50*time.Minute))
	clock.t = clock.t.Add(30 * time.Minute)
	m = send(t, m, autoTickMsg{gen: m.autoGen})
	if feeds.count("/a.xml") != 2 || feeds.count("/b.xml") != 1 {
		t.Fatalf("13:00: fetched a feed that was not due (a %d b %d)", feeds.count("/a.xml"), feeds.count("/b.xml"))
	}
	if !strings.Contains(m.Render(), "next refresh 13:10") {
		t.Fatalf("13:00 with nothing due:\n%s", m.Render())
	}

	// A stale timer (an older generation) does nothing, even when due.
	clock.t = clock.t.Add(10 * time.Minute)
	m = send(t, m, autoTickMsg{gen: m.autoGen - 1})
	if feeds.count("/b.xml") != 1 {
		t.Fatal("a superseded timer refreshed")
	}
	m = send(t, m, autoTickMsg{gen: m.autoGen})
	if feeds.count("/b.xml") != 2 || feeds.count("/a.xml") != 2 {
		t.Fatalf("13:10: b %d a %d, want b fetched and a left alone", feeds.count("/b.xml"), feeds.count("/a.xml"))
	}
	// A tick during a (manual) refresh leaves it to the refresh's end to
	// schedule the next.
	m.refreshing = true
	clock.t = clock.t.Add(2 * time.Hour)
	next, cmd = m.Update(autoTickMsg{gen: m.autoGen})
	if cmd != nil {
		t.Errorf("tick during a refresh started %T", cmd())
	}
	m = send(t, next.(Model), refreshDoneMsg{at: clock.t})
	if want := "next refresh " + clock.t.Add(30*time.Minute).Format("15:04"); !strings.Contains(m.Render(), want) {
		t.Errorf("after that refresh: want %q\n%s", want, m.Render())
	}
}

func TestAutoRefreshOffWhenOfflineOrDisabled(t *testing.T) {
	st := fixtureStore(t, 3)
	for name, opt := range map[string]Options{
		"offline":  {Offline: true, RefreshEvery: time.Minute, Fetcher: feed.NewFetcher(feed.Options{Offline: true})},
		"disabled": {RefreshEvery: 0, Fetcher: feed.NewFetcher(feed.Options{})},
	} {
		opt.Store, opt.Now, opt.NoColor = st, func() time.Time { return testNow }, true
		opt.Sections = []feed.Section{{Key: "markets"}}
		m := New(opt)
		m = drive(t, m, m.Init())
		m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
		m = send(t, m, refreshDoneMsg{at: testNow})
		if m.autoGen != 0 || strings.Contains(m.Render(), "next refresh") {
			t.Errorf("%s: auto-refresh scheduled (gen %d)\n%s", name, m.autoGen, m.Render())
		}
	}
}

func TestDueSections(t *testing.T) {
	now := testNow
	all := []feed.Section{
		{Key: "a", Feeds: []string{"u1", "u2"}, Ranking: "r1"},
		{Key: "b", Feeds: []string{"u3"}},
		{Key: "c", Feeds: []string{"u4"}},
	}
	due := map[string]time.Time{"u2": now.Add(time.Minute), "r1": now.Add(-time.Minute), "u3": now.Add(time.Hour), "u4": now}
	got := dueSections(all, 2, due, now)
	want := "c[u4] a[u1] r1"
	var parts []string
	for _, s := range got {
		p := s.Key + fmt.Sprint(s.Feeds)
		if s.Ranking != "" {
			p += " " + s.Ranking
		}
		parts = append(parts, p)
	}
	if strings.Join(parts, " ") != want {
		t.Errorf("due sections %q, want %q", strings.Join(parts, " "), want)
	}
}

func TestStartupRefreshHonoursHints(t *testing.T) {
	feeds := newCountingFeeds(t)
	a, b := feeds.srv.URL+"/a.xml", feeds.srv.URL+"/b.xml"
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := cache.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := &fakeClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local)}
	open := func(every time.Duration) Model {
		m := New(Options{
			Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true, Now: clock.now,
			Sections:     []feed.Section{{Key: "one", Feeds: []string{a}}, {Key: "two", Feeds: []string{b}}},
			RefreshEvery: every,
		})
		m = drive(t, m, m.Init())
		m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
		return send(t, m, startupRefresh{})
	}
	m := open(30 * time.Minute)
	if feeds.count("/a.xml") != 1 || feeds.count("/b.xml") != 1 || !strings.Contains(m.Render(), "next refresh 09:30") {
		t.Fatalf("first start: a %d b %d\n%s", feeds.count("/a.xml"), feeds.count("/b.xml"), m.Render())
	}
	// Restarted five minutes later: a asked for an hour (Retry-After, say),
	// b did not.
	setNextDue(t, path, a, clock.t.Add(time.Hour))
	clock.t = clock.t.Add(5 * time.Minute)
	m = open(30 * time.Minute)
	if feeds.count("/a.xml") != 1 || feeds.count("/b.xml") != 2 {
		t.Fatalf("restart: a %d (due 10:00) b %d", feeds.count("/a.xml"), feeds.count("/b.xml"))
	}
	// Both fresh: nothing is fetched, the reader says so, and (with
	// auto-refresh off) schedules nothing.
	setNextDue(t, path, b, clock.t.Add(2*time.Hour))
	m = open(0)
	if feeds.count("/a.xml") != 1 || feeds.count("/b.xml") != 2 || m.refreshing {
		t.Fatalf("all fresh: a %d b %d refreshing %v", feeds.count("/a.xml"), feeds.count("/b.xml"), m.refreshing)
	}
	if !strings.Contains(m.note, "feeds are fresh") || strings.Contains(m.Render(), "next refresh") {
		t.Errorf("all fresh, auto-refresh off: note %q\n%s", m.note, m.Render())
	}
	// With auto-refresh on, the next refresh waits for the first feed due.
	m = open(30 * time.Minute)
	if want := "next refresh " + clock.t.Add(55*time.Minute).Format("15:04"); !strings.Contains(m.Render(), want) {
		t.Errorf("all fresh, auto-refresh on: want %q\n%s", want, m.Render())
	}
	// r still refreshes everything.
	m = press(t, m, "r")
	if feeds.count("/a.xml") != 2 {
		t.Errorf("r did not fetch a feed whose hints say later: a %d", feeds.count("/a.xml"))
	}
}
