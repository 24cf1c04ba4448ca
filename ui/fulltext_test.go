package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

const articlePage = `<!doctype html><html><head><title>Tides - Shore Daily</title><script>var tracker = "SCRIPT-BODY";</script></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/a">Something else</a></li></ol></aside>
<article><h1>Spring tides reach the promenade</h1>
<p>The spring tide came over the promenade wall twice on Thursday, leaving seaweed on the benches and a crab in the bandstand.</p>
<p>Council workers cleared the path by noon; the harbour master said the next high water would be lower by almost half a metre.</p>
<p>Residents of the lower streets had moved their cars uphill on Wednesday night after the warning from the coastguard.</p>
</article><footer>© Shore Daily</footer></body></html>`

func TestFullTextFetchedShownCachedAndToggled(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage)
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := cache.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := feed.Article{ID: "tides", Link: srv.URL + "/tides", Title: "Spring tides reach the promenade", Published: testNow, Updated: testNow,
		Summary: "<p>Teaser: the tide came over.</p>"}
	if err := st.Save(context.Background(), feed.Result{URL: "https://t.test/f.rss", Status: feed.StatusOK, Articles: []feed.Article{a}}, cache.Membership{Sections: []string{"coast"}}); err != nil {
		t.Fatal(err)
	}
	open := func(offline bool) Model {
		m := New(Options{Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{Offline: offline}), Offline: offline,
			NoColor: true, Now: func() time.Time { return testNow }, Sections: []feed.Section{{Key: "coast"}}})
		m = drive(t, m, m.Init())
		return send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	}
	m := open(false)
	m = press(t, m, "enter")
	if !strings.Contains(m.Render(), "Teaser: the tide came over.") {
		t.Fatalf("feed text first:\n%s", m.Render())
	}
	// f sends the request; the pane says it is fetching until it lands.
	next, cmd := m.Update(tea.KeyPressMsg{Code: 'f', Text: "f"})
	m = next.(Model)
	if !strings.Contains(m.Render(), "fetching full text…") {
		t.Errorf("no sign of the fetch:\n%s", m.Render())
	}
	m = drive(t, m, cmd)
	scr := m.Render()
	for _, want := range []string{"crab in the bandstand", "half a metre", "coastguard", "full text"} {
		if !strings.Contains(scr, want) {
			t.Errorf("full text lacks %q:\n%s", want, scr)
		}
	}
	for _, bad := range []string{"SCRIPT-BODY", "Most read", "Weather", "Teaser: the tide"} {
		if strings.Contains(scr, bad) {
			t.Errorf("full text shows %q:\n%s", bad, scr)
		}
	}
	if hits.Load() != 1 {
		t.Errorf("page fetched %d times", hits.Load())
	}
	// f again: the feed's text; and back, from the cache.
	m = press(t, m, "f")
	if scr := m.Render(); !strings.Contains(scr, "Teaser: the tide came over.") || strings.Contains(scr, "crab in the bandstand") {
		t.Errorf("f did not switch back to the feed's text:\n%s", scr)
	}
	m = press(t, m, "f")
	if !strings.Contains(m.Render(), "crab in the bandstand") || hits.Load() != 1 {
		t.Errorf("f again: shown %v, page fetched %d times", strings.Contains(m.Render(), "crab in the bandstand"), hits.Load())
	}

	// Another reader, offline, with the site gone: opening the article
	// shows the full text from the cache.
	srv.Close()
	off := open(true)
	off = press(t, off, "enter")
	if !strings.Contains(off.Render(), "crab in the bandstand") {
		t.Errorf("offline: the cached full text is not shown:\n%s", off.Render())
	}
}

func TestFullTextOfflineWithoutCacheSaysSo(t *testing.T) {
	st := fixtureStore(t, 3)
	m := testModel(t, st, 120, 40)
	m.opt.Fetcher = feed.NewFetcher(feed.Options{Offline: true})
	m = press(t, m, "enter", "f")
	if !m.noteErr || !strings.Contains(m.note, "offline") {
		t.Errorf("f offline with nothing cached: note %q", m.note)
	}
	if !strings.Contains(m.Render(), "Body of Markets 0.") {
		t.Errorf("the feed's text should stay:\n%s", m.Render())
	}
}
