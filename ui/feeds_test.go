package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// blogServer serves an HTML page announcing a site feed and a comments
// feed, the two feeds, and counts the requests for the site feed.
func blogServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Quiet Blog</title>
<link rel="alternate" type="application/rss+xml" title="Quiet Blog" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" title="Quiet Blog comments" href="/comments/feed">
</head><body><p>Hello.</p></body></html>`)
	})
	rss := func(title, item string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>` + title + `</title><link>http://x/</link>
<item><title>` + item + `</title><link>http://blog.test/posts/1</link><guid>p1</guid><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate><description>Teaser.</description></item>
</channel></rss>`
	}
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Quiet Blog", "First quiet post"))
	})
	mux.HandleFunc("/comments/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Comments", "Re: first"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// onlineModel is a reader over st that may fetch.
func onlineModel(t *testing.T, st *cache.Store, sections []feed.Section) Model {
	t.Helper()
	m := New(Options{
		Site: "Test", Store: st, Fetcher: feed.NewFetcher(feed.Options{Timeout: 10 * time.Second}), MarkOnOpen: true, NoColor: true,
		Now: func() time.Time { return testNow }, Sections: sections,
	})
	m = drive(t, m, m.Init())
	return send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
}

func TestAddFeedFromTheUI(t *testing.T) {
	srv := blogServer(t)
	st, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	st.Subscribe(ctx, "news", "News", "http://127.0.0.1:1/unused.xml")
	infos, _ := st.Sections(ctx)
	m := onlineModel(t, st, cache.ConfigSections(infos))

	m = press(t, m, "a")
	if m.fui.mode != addURL || !strings.Contains(m.Render(), "Address of a feed or of a site") {
		t.Fatalf("a: mode %v\n%s", m.fui.mode, m.Render())
	}
	m = send(t, m, tea.PasteMsg{Content: srv.URL + "/\n"})
	if m.fui.input != srv.URL+"/" {
		t.Fatalf("pasted %q", m.fui.input)
	}
	m = press(t, m, "enter")
	if m.fui.mode != addPick || len(m.fui.cands) != 2 {
		t.Fatalf("discovery: mode %v cands %+v err %q", m.fui.mode, m.fui.cands, m.fui.err)
	}
	scr := m.Render()
	if !strings.Contains(scr, "Several feeds found") || !strings.Contains(scr, "(comments)") {
		t.Errorf("pick list:\n%s", scr)
	}
	m = press(t, m, "enter")
	if m.fui.mode != addSection || m.fui.chosen.URL != srv.URL+"/feed.xml" {
		t.Fatalf("pick: mode %v chosen %q", m.fui.mode, m.fui.chosen.URL)
	}
	// Down to "New section", type a key (q and j are text here), enter.
	m = press(t, m, "j")
	if m.fui.secCur != 1 {
		t.Fatalf("down to new section: %d", m.fui.secCur)
	}
	m = press(t, m, "b", "a", "d", " ", "k")
	if m.fui.err != "" || m.fui.mode != addSection {
		t.Fatalf("typing: %q %v", m.fui.err, m.fui.mode)
	}
	m = press(t, m, "enter")
	if m.fui.mode != addSection || !strings.Contains(m.fui.err, "spaces") {
		t.Fatalf("a key with a space: mode %v err %q", m.fui.mode, m.fui.err)
	}
	m = press(t, m, "backspace", "backspace", "j", "q")
	m = press(t, m, "enter")
	if m.fui.mode != feedsOff {
		t.Fatalf("subscribe: mode %v err %q", m.fui.mode, m.fui.err)
	}
	if m.currentSection().Key != "badjq" || len(m.opt.Sections) != 2 {
		t.Fatalf("now in section %q of %d", m.currentSection().Key, len(m.opt.Sections))
	}
	if !strings.Contains(m.note, "added “Quiet Blog” to badjq: 1 article") {
		t.Errorf("note %q", m.note)
	}
	if a, ok := m.list.Selected(); !ok || a.Title != "First quiet post" {
		t.Errorf("the new section lists %q %v", a.Title, ok)
	}
	if !strings.Contains(m.Render(), "badjq 1") {
		t.Errorf("header lacks the new section with its unread count:\n%s", m.Render())
	}
	subs, _ := st.Subscribed(ctx, srv.URL+"/feed.xml")
	if len(subs) != 1 || subs[0] != "badjq" {
		t.Errorf("cache subscriptions %v", subs)
	}

	// Remove it from the feeds list, after saying no once.
	m = press(t, m, "F")
	if m.fui.mode != feedsList || len(m.fui.subs) != 2 {
		t.Fatalf("F: mode %v subs %d", m.fui.mode, len(m.fui.subs))
	}
	for m.fui.subs[m.fui.cursor].URL != srv.URL+"/feed.xml" {
		m = press(t, m, "j")
	}
	m = press(t, m, "d")
	if m.fui.mode != removeConfirm || !strings.Contains(m.Render(), "Remove “Quiet Blog”?") {
		t.Fatalf("d: mode %v\n%s", m.fui.mode, m.Render())
	}
	m = press(t, m, "n")
	if m.fui.mode != feedsList {
		t.Fatalf("n: mode %v", m.fui.mode)
	}
	if subs, _ := st.Subscribed(ctx, srv.URL+"/feed.xml"); len(subs) != 1 {
		t.Fatal("n removed the feed")
	}
	m = press(t, m, "d", "y")
	if subs, _ := st.Subscribed(ctx, srv.URL+"/feed.xml"); len(subs) != 0 {
		t.Fatalf("y: still subscribed in %v", subs)
	}
	if len(m.fui.subs) != 1 || !strings.Contains(m.note, "removed") {
		t.Errorf("after removing: %d subs, note %q", len(m.fui.subs), m.note)
	}
	if m.list.total != 0 {
		t.Errorf("the removed feed's article still listed (%d)", m.list.total)
	}
	m = press(t, m, "esc")
	if m.fui.mode != feedsOff {
		t.Errorf("esc: %v", m.fui.mode)
	}
}

func TestAddFeedErrorsStayInTheDialog(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><head><title>No feeds here</title></head><body>\x1b[31mhi</body></html>")
	}))
	defer srv.Close()
	st := fixtureStore(t, 3)
	m := onlineModel(t, st, []feed.Section{{Key: "markets"}, {Key: "world"}})
	m = press(t, m, "a")
	m = send(t, m, tea.PasteMsg{Content: srv.URL + "/page"})
	m = press(t, m, "enter")
	if m.fui.mode != addURL || !strings.Contains(m.fui.err, "no feed found") {
		t.Fatalf("no feed: mode %v err %q", m.fui.mode, m.fui.err)
	}
	if !strings.Contains(m.Render(), "no feed found") || m.fui.input != srv.URL+"/page" {
		t.Errorf("error not shown or input lost:\n%s", m.Render())
	}
	m = press(t, m, "esc")
	if m.fui.mode != feedsOff {
		t.Errorf("esc: %v", m.fui.mode)
	}
	// Offline, a says so and opens nothing.
	off := testModel(t, st, 120, 40)
	off = press(t, off, "a")
	if off.fui.mode != feedsOff || !strings.Contains(off.note, "offline") {
		t.Errorf("offline a: mode %v note %q", off.fui.mode, off.note)
	}
}

func TestStaleDiscoveryDropped(t *testing.T) {
	st := fixtureStore(t, 3)
	m := onlineModel(t, st, []feed.Section{{Key: "markets"}})
	m = press(t, m, "a", "x")
	m.fui.mode = addDiscovering // as enter does, without the network
	m.fui.req++
	old := m.fui.req
	m = press(t, m, "esc") // cancel: back to the address
	next, _ := m.Update(discoveredMsg{req: old, cands: nil, err: fmt.Errorf("late")})
	if nm := next.(Model); nm.fui.mode != addURL || nm.fui.err != "cancelled" {
		t.Errorf("a stale answer changed the dialog: mode %v err %q", nm.fui.mode, nm.fui.err)
	}
}

func TestNoSectionsInvitesAdding(t *testing.T) {
	st, _ := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	defer st.Close()
	m := onlineModel(t, st, nil)
	if !strings.Contains(m.Render(), "No feeds yet: press a to add one") {
		t.Errorf("empty reader:\n%s", m.Render())
	}
}

func TestMoveFeedAndFullTextSettingFromFeedsList(t *testing.T) {
	srv := blogServer(t)
	st, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	u := srv.URL + "/feed.xml"
	st.Subscribe(ctx, "news", "News", "http://127.0.0.1:1/unused.xml")
	st.Subscribe(ctx, "blogs", "Blogs", u)
	infos, _ := st.Sections(ctx)
	m := onlineModel(t, st, cache.ConfigSections(infos))
	m = press(t, m, "R") // fetch, so the feed has articles in blogs
	m = press(t, m, "F")
	for m.fui.subs[m.fui.cursor].URL != u {
		m = press(t, m, "j")
	}
	m = press(t, m, "enter")
	if m.fui.mode != addSection || m.fui.moving != u || !strings.Contains(m.Render(), "Move “Quiet Blog” to (enter):") {
		t.Fatalf("enter on a feed: mode %v moving %q\n%s", m.fui.mode, m.fui.moving, m.Render())
	}
	if m.opt.Sections[m.fui.secCur].Key != "blogs" {
		t.Errorf("the section step starts on %q, want the feed's own", m.opt.Sections[m.fui.secCur].Key)
	}
	m = press(t, m, "esc")
	if m.fui.mode != feedsList {
		t.Fatalf("esc from moving: %v", m.fui.mode)
	}
	m = press(t, m, "enter", "k", "enter") // up to "news"
	if m.fui.mode != feedsList || !strings.Contains(m.note, "moved "+u+" to news: 1 article") {
		t.Fatalf("move: mode %v err %q note %q", m.fui.mode, m.fui.err, m.note)
	}
	if secs, _ := st.Subscribed(ctx, u); len(secs) != 1 || secs[0] != "news" {
		t.Errorf("subscribed in %v after the move", secs)
	}
	news, _ := st.Articles(ctx, "news", 0, 10)
	blogs, _ := st.Articles(ctx, "blogs", 0, 10)
	if len(news) != 1 || news[0].Title != "First quiet post" || len(blogs) != 0 {
		t.Errorf("after the move: news %d blogs %d", len(news), len(blogs))
	}
	// f in the feeds list turns full-text-on-refresh on for the feed.
	for m.fui.subs[m.fui.cursor].URL != u {
		m = press(t, m, "j")
	}
	m = press(t, m, "f")
	infos, _ = st.Sections(ctx)
	on := false
	for _, si := range infos {
		on = on || si.FullTextFor(u)
	}
	if !on || !strings.Contains(m.Render(), "[full text]") {
		t.Errorf("full text setting: on %v\n%s", on, m.Render())
	}
}

func TestFeedsListScrollsToTheCursor(t *testing.T) {
	st, _ := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	defer st.Close()
	ctx := context.Background()
	for i := range 60 {
		st.Subscribe(ctx, "many", "", fmt.Sprintf("https://feeds.test/%02d.xml", i))
	}
	infos, _ := st.Sections(ctx)
	m := onlineModel(t, st, cache.ConfigSections(infos))
	m = press(t, m, "F", "G")
	scr := m.Render()
	if !strings.Contains(scr, "https://feeds.test/59.xml") || strings.Contains(scr, "https://feeds.test/00.xml") {
		t.Errorf("G in 60 feeds: the last is not on screen or the first still is:\n%s", scr)
	}
	m = press(t, m, "g")
	if !strings.Contains(m.Render(), "https://feeds.test/00.xml") {
		t.Errorf("g: the first feed is not on screen")
	}
}

func TestSectionsAddedByAnotherProcessAppear(t *testing.T) {
	st := fixtureStore(t, 5)
	m := testModel(t, st, 120, 40)
	m = press(t, m, "j", "j")
	sel, _ := m.list.Selected()
	m = send(t, m, watchTickMsg{}) // reads the data version
	other, err := cache.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.Subscribe(context.Background(), "podcasts", "", "https://p.test/feed.xml"); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, watchTickMsg{})
	if len(m.opt.Sections) != 3 || m.opt.Sections[2].Key != "podcasts" || !strings.Contains(m.Render(), "podcasts") {
		t.Fatalf("sections after another process subscribed: %+v", m.opt.Sections)
	}
	if now, _ := m.list.Selected(); now.ID != sel.ID || m.currentSection().Key != "markets" {
		t.Errorf("the reader lost its place: %q in %q", now.Title, m.currentSection().Key)
	}
}
