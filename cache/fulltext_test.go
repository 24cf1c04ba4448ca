package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsreader/feed"
	"newsreader/feed/extract"
)

// articleSite serves /story/N pages: the body inside navigation, an aside
// and a script; /broken is a 500.
func articleSite(t *testing.T, hits *atomic.Int64) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/broken" {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var body strings.Builder
		for i := range 6 {
			fmt.Fprintf(&body, "<p>Paragraph %d of %s tells the whole story at length, with enough words in it to count as the body of a real article rather than a teaser.</p>\n", i, r.URL.Path)
		}
		fmt.Fprintf(w, `<html><head><title>Story</title><script>var leak = "SCRIPT-LEAK";</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Story %s</h1>%s</article>
<aside class="related"><a href="/x">Other story one</a><a href="/y">Other story two</a></aside>
</body></html>`, r.URL.Path, body.String())
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLoadFullTextCachesForOffline(t *testing.T) {
	var hits atomic.Int64
	srv := articleSite(t, &hits)
	s := openTemp(t)
	mustSave(t, s, ok("https://a.test/feed", art("1", srv.URL+"/story/1", "One", 1), art("2", srv.URL+"/broken", "Broken", 2)), "top")
	arts, _ := s.Articles(ctx, "top", 0, 10)
	one, broken := arts[0].ID, arts[1].ID
	if _, ok, _ := s.FullText(ctx, one); ok {
		t.Fatal("full text before any fetch")
	}
	f := feed.NewFetcher(feed.Options{})
	html, err := s.LoadFullText(ctx, f, one)
	if err != nil || !strings.Contains(html, "Paragraph 5 of /story/1") || strings.Contains(html, "SCRIPT-LEAK") || strings.Contains(html, "Other story") {
		t.Fatalf("full text %v:\n%s", err, html)
	}
	offline := feed.NewFetcher(feed.Options{Offline: true})
	again, err := s.LoadFullText(ctx, offline, one)
	if err != nil || again != html || hits.Load() != 1 {
		t.Errorf("offline read: %v, %d fetches", err, hits.Load())
	}
	if _, err := s.LoadFullText(ctx, f, broken); err == nil || !strings.Contains(err.Error(), "500") {
		t.Errorf("broken page: %v", err)
	}
	if _, ok, _ := s.FullText(ctx, broken); ok {
		t.Error("a failure was cached as text")
	}
	// "f" again tries again.
	if _, err := s.LoadFullText(ctx, f, broken); err == nil || hits.Load() != 3 {
		t.Errorf("retry: %v after %d fetches", err, hits.Load())
	}
}

func TestRefreshFetchesFullTextWithinBudget(t *testing.T) {
	var hits atomic.Int64
	srv := articleSite(t, &hits)
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>`+r.URL.Path+`</title>`)
		for i := range 20 {
			fmt.Fprintf(w, `<item><title>%s %d</title><link>%s/story%s/%d</link><pubDate>%s</pubDate></item>`,
				r.URL.Path, i, srv.URL, r.URL.Path, i, time.Now().Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer feedSrv.Close()
	s := openTemp(t)
	secs := []feed.Section{
		{Key: "full", Feeds: []string{feedSrv.URL + "/a"}, FullText: true},
		{Key: "teasers", Feeds: []string{feedSrv.URL + "/b", feedSrv.URL + "/c"}, FullTextFeeds: []string{feedSrv.URL + "/c"}},
	}
	sum, err := s.Refresh(ctx, feed.NewFetcher(feed.Options{}), secs, nil)
	if err != nil || sum.OK != 3 || sum.FullTexts != FullTextBudget || hits.Load() != FullTextBudget {
		t.Fatalf("refresh %+v %v, %d page fetches", sum, err, hits.Load())
	}
	var fromB int
	s.db.QueryRow(`SELECT count(*) FROM full_texts t JOIN articles a ON a.id = t.article_id WHERE a.link LIKE '%/story/b/%'`).Scan(&fromB)
	if fromB != 0 {
		t.Errorf("%d full texts for a feed that did not ask", fromB)
	}
	// Later refreshes catch up on the rest (40 asked for), a budget at a
	// time, never fetching a page twice.
	var got []int
	for range 4 {
		sum, _ = s.Refresh(ctx, feed.NewFetcher(feed.Options{}), secs, nil)
		got = append(got, sum.FullTexts)
	}
	if fmt.Sprint(got) != "[12 12 4 0]" || hits.Load() != 40 {
		t.Errorf("later refreshes fetched %v full texts, %d pages in all", got, hits.Load())
	}
}

// A full text cached before Fetch refused files (a PDF's bytes extracted
// as mojibake) is dropped when read: the next load fetches again and
// keeps today's answer (the address gives a PDF) instead of the
// garbage; a real cached text stays and is not fetched again.
func TestGarbageFullTextCachedBeforeRefusalIsDropped(t *testing.T) {
	noise := make([]byte, 4000)
	for i := range noise {
		noise[i] = byte(i*131 + i/7)
	}
	pdf := append([]byte("%PDF-1.7\n"), noise...)
	var hits atomic.Int64
	good := articleSite(t, &hits)
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdf)
	}))
	defer files.Close()
	s := openTemp(t)
	mustSave(t, s, ok("https://a.test/feed", art("1", files.URL+"/report.pdf", "Report", 1), art("2", good.URL+"/story/2", "Story", 2)), "top")
	arts, _ := s.Articles(ctx, "top", 0, 10)
	report, story := arts[0].ID, arts[1].ID
	if arts[0].Title != "Report" {
		report, story = story, report
	}
	u, _ := url.Parse(files.URL + "/report.pdf")
	old, err := extract.Extract(pdf, u) // what Fetch stored before it refused files
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetFullText(ctx, report, old.HTML, ""); err != nil {
		t.Fatal(err)
	}
	f := feed.NewFetcher(feed.Options{})
	real, err := s.LoadFullText(ctx, f, story)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.FullText(ctx, report); ok || err != nil {
		t.Errorf("garbage full text still served (%v)", err)
	}
	if _, err := s.LoadFullText(ctx, f, report); err == nil || !strings.Contains(err.Error(), "gives application/pdf") {
		t.Errorf("reload: %v", err)
	}
	var html, msg string
	if err := s.db.QueryRowContext(ctx, "SELECT html, error FROM full_texts WHERE article_id = ?", report).Scan(&html, &msg); err != nil || html != "" || !strings.Contains(msg, "application/pdf") {
		t.Errorf("row after reload: %q, %q, %v", html, msg, err)
	}
	before := hits.Load()
	if again, ok, err := s.FullText(ctx, story); !ok || err != nil || again != real {
		t.Errorf("a real full text was dropped: %v %v", ok, err)
	}
	if hits.Load() != before {
		t.Error("a real full text was fetched again")
	}
}

// A read-only cache (--offline on a cache that cannot be written) serves
// no garbage full text either, and reading one is no error: the text is
// only not there.
func TestGarbageFullTextReadOnly(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://a.test/feed", art("1", "https://a.test/report.pdf", "Report", 1)), "top")
	arts, _ := s.Articles(ctx, "top", 0, 10)
	noise := make([]byte, 4000)
	for i := range noise {
		noise[i] = byte(i*131 + i/7)
	}
	u, _ := url.Parse("https://a.test/report.pdf")
	old, err := extract.Extract(append([]byte("%PDF-1.7\n"), noise...), u)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetFullText(ctx, arts[0].ID, old.HTML, ""); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := OpenReadOnly(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if html, ok, err := ro.FullText(ctx, arts[0].ID); ok || err != nil {
		t.Errorf("read-only: %v, %v, %.40q", ok, err, html)
	}
}
