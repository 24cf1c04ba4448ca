package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// blogSite is a small site: a page announcing its comments feed before
// its site feed, the two feeds, and a page whose only feed is broken.
func blogSite(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/post":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><head>
<link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed" href="/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="/feed/">
</head><body>post</body></html>`)
		case "/broken":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><head><link rel="alternate" type="application/atom+xml" href="/gone.xml"></head></html>`)
		case "/feed/":
			fmt.Fprint(w, `<rss version="2.0"><channel><title>The Blog</title><item><title>First post</title><link>https://blog.test/1</link><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`)
		case "/comments/feed/":
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Comments</title><item><title>Re: First post</title><link>https://blog.test/1#c1</link></item></channel></rss>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestAddFeedsRemove(t *testing.T) {
	srv := blogSite(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("site = \"Mine\"\n"), 0o644) // no sections: valid
	db := filepath.Join(dir, "cache.db")
	args := func(a ...string) []string { return append([]string{"--config", cfg, "--cache", db}, a...) }

	code, out, errOut := runArgs(t, args("--list")...)
	if code != 1 || !strings.Contains(errOut, "--add") {
		t.Errorf("list with no sections: exit %d %q", code, errOut)
	}
	code, out, errOut = runArgs(t, args("--add", srv.URL+"/post", "--section", "blogs")...)
	if code != 0 || !strings.Contains(out, "added "+srv.URL+"/feed/ (The Blog) to section blogs: 1 article") ||
		!strings.Contains(out, "also found (comments feed): "+srv.URL+"/comments/feed/") {
		t.Fatalf("add: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut = runArgs(t, args("--add", srv.URL+"/feed/", "--section", "BLOGS")...); code != 1 || !strings.Contains(errOut, "already") {
		t.Errorf("adding twice: exit %d %s", code, errOut)
	}
	if code, _, errOut = runArgs(t, args("--add", srv.URL+"/broken", "--section", "other")...); code != 1 || !strings.Contains(errOut, "404") {
		t.Errorf("broken feed: exit %d %s", code, errOut)
	}
	code, out, _ = runArgs(t, args("--feeds", "--json")...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 1 {
		t.Fatalf("feeds: exit %d\n%s", code, out)
	}
	var f map[string]string
	if err := json.Unmarshal([]byte(lines[0]), &f); err != nil {
		t.Fatal(err)
	}
	at, err := time.Parse(time.RFC3339, f["fetched_at"])
	if f["url"] != srv.URL+"/feed/" || f["section"] != "blogs" || f["title"] != "The Blog" || f["status"] != "ok" || f["error"] != "" || err != nil || time.Since(at) > time.Hour {
		t.Errorf("feeds json: %v (%v)", f, err)
	}
	if code, out, _ = runArgs(t, args("--full-text", "on", "--section", "blogs")...); code != 0 || !strings.Contains(out, "full text during refresh is on for section blogs") {
		t.Errorf("--full-text on: exit %d %s", code, out)
	}
	if code, _, errOut = runArgs(t, args("--full-text", "maybe", "--section", "blogs")...); code != 1 || !strings.Contains(errOut, "on or off") {
		t.Errorf("--full-text maybe: exit %d %s", code, errOut)
	}
	if code, out, _ = runArgs(t, args("--offline", "--list", "--section", "blogs")...); code != 0 || !strings.Contains(out, "First post") {
		t.Errorf("list after add: exit %d\n%s", code, out)
	}
	if code, out, _ = runArgs(t, args("--move", srv.URL+"/feed/", "--section", "reading")...); code != 0 || !strings.Contains(out, "moved") {
		t.Errorf("move: exit %d %s", code, out)
	}
	if code, out, _ = runArgs(t, args("--feeds")...); !strings.Contains(out, "reading") || strings.Contains(out, "blogs ") {
		t.Errorf("feeds after move: %s", out)
	}
	if code, out, _ = runArgs(t, args("--remove-section", "blogs")...); code != 0 || !strings.Contains(out, "removed section blogs") {
		t.Errorf("remove-section: exit %d %s", code, out)
	}
	if code, _, errOut = runArgs(t, args("--remove-section", "blogs")...); code != 1 || !strings.Contains(errOut, `no section "blogs"`) {
		t.Errorf("remove-section twice: exit %d %s", code, errOut)
	}
	if code, out, _ = runArgs(t, args("--remove", srv.URL+"/feed/")...); code != 0 || !strings.Contains(out, "removed") {
		t.Errorf("remove: exit %d %s", code, out)
	}
	if code, _, errOut = runArgs(t, args("--remove", srv.URL+"/feed/")...); code != 1 || !strings.Contains(errOut, "not subscribed") {
		t.Errorf("remove twice: exit %d %s", code, errOut)
	}
	if code, out, _ = runArgs(t, args("--feeds")...); code != 0 || !strings.Contains(out, "no subscriptions") {
		t.Errorf("feeds after remove: exit %d %s", code, out)
	}
}

func TestOPMLImportExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("site = \"Mine\"\n"), 0o644)
	args := func(db string, a ...string) []string {
		return append([]string{"--config", cfg, "--cache", filepath.Join(dir, db)}, a...)
	}
	code, out, errOut := runArgs(t, args("a.db", "--import-opml", "feed/opml/testdata/quirks.opml")...)
	if code != 0 || !strings.HasPrefix(out, "imported 6 feeds from feed/opml/testdata/quirks.opml into 5 new sections (my-feeds, news-local, news, mixed, ünïcödé) (1 of them in several categories, subscribed in each); skipped 0 duplicates, 1 invalid") ||
		strings.Contains(out, "duplicate:") || !strings.Contains(out, "invalid feed address: javascript:alert(1)") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runArgs(t, args("a.db", "--import-opml", "feed/opml/testdata/feedly.opml")...)
	if code != 0 || !strings.HasPrefix(out, "imported 3 feeds") || !strings.Contains(out, "(1 of them in several categories, subscribed in each); skipped 0 duplicates") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	code, again, _ := runArgs(t, args("a.db", "--import-opml", "feed/opml/testdata/feedly.opml")...)
	if code != 0 || !strings.HasPrefix(again, "imported 0 feeds") || !strings.Contains(again, "skipped 4 duplicates") {
		t.Errorf("same file again: exit %d\n%s", code, again)
	}
	code, exported, _ := runArgs(t, args("a.db", "--export-opml")...)
	if code != 0 || !strings.HasPrefix(exported, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Fatalf("export: exit %d\n%s", code, exported)
	}
	exp := filepath.Join(dir, "export.opml")
	os.WriteFile(exp, []byte(exported), 0o644)
	if code, out, errOut = runArgs(t, args("b.db", "--import-opml", exp)...); code != 0 || !strings.HasPrefix(out, "imported 9 feeds") {
		t.Fatalf("import of the export: exit %d\n%s%s", code, out, errOut)
	}
	_, feedsA, _ := runArgs(t, args("a.db", "--feeds")...)
	_, feedsB, _ := runArgs(t, args("b.db", "--feeds")...)
	// 9 feeds, two of them in two sections each (Town Crier in News / Local
	// and Mixed, Gadget Weekly in Tech and Noticias del día).
	if feedsA != feedsB || strings.Count(feedsA, "\n") != 11 || strings.Count(feedsA, "https://crier.example.com/rss.xml") != 2 ||
		strings.Count(feedsA, "https://gadgets.example.com/feed/") != 2 || !strings.Contains(feedsA, "noticias-del-día") {
		t.Errorf("round trip differs:\n%s\n---\n%s", feedsA, feedsB)
	}
	// The section titles survive too.
	_, exportedB, _ := runArgs(t, args("b.db", "--export-opml")...)
	cut := func(s string) string { _, rest, _ := strings.Cut(s, "</head>"); return rest }
	if cut(exportedB) != cut(exported) {
		t.Errorf("second export differs:\n%s\n---\n%s", exported, exportedB)
	}

	// Malformed: a clear error with the line, and nothing imported.
	bad := filepath.Join(dir, "bad.opml")
	os.WriteFile(bad, []byte("<opml version=\"2.0\"><body>\n<outline text=\"A\" xmlUrl=\"https://a.example/one\"/>\n<outline text=\"B\" xmlUrl=\"https://a.example/two\">\n</body></opml>"), 0o644)
	code, _, errOut = runArgs(t, args("c.db", "--import-opml", bad)...)
	if code != 1 || !strings.Contains(errOut, "bad.opml: line 4:") || !strings.Contains(errOut, "nothing imported") {
		t.Errorf("malformed: exit %d %q", code, errOut)
	}
	if _, out, _ := runArgs(t, args("c.db", "--feeds")...); !strings.Contains(out, "no subscriptions") {
		t.Errorf("malformed file imported something:\n%s", out)
	}
}

func TestShowFullTextAndRefreshHints(t *testing.T) {
	var feedHits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			feedHits++
			w.Header().Set("Cache-Control", "max-age=3600")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Hinted</title><item><guid>story-1</guid><title>Bridge reopens</title><link>%s/story</link><description>A teaser only.</description><pubDate>%s</pubDate></item></channel></rss>`,
				"http://"+r.Host, time.Now().Add(-time.Hour).Format(time.RFC1123Z))
		case "/story":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><head><script>var x = "LEAK";</script></head><body><nav><a href="/">Home</a> <a href="/a">A</a> <a href="/b">B</a></nav><article><h1>Bridge reopens</h1>`+
				strings.Repeat(`<p>The whole article is here, paragraph after paragraph of it, far longer than the teaser the feed carried, with <a href="/more">a link</a>.</p>`, 6)+
				`<div class="ad"><span>Advertisement</span></div></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("[[sections]]\nkey = \"top\"\nfeeds = [%q]\n", srv.URL+"/feed")), 0o644)
	args := func(a ...string) []string {
		return append([]string{"--config", cfg, "--cache", filepath.Join(dir, "c.db")}, a...)
	}
	if code, out, _ := runArgs(t, args("--refresh")...); code != 0 || feedHits != 1 || !strings.Contains(out, "1 feed: 1 ok") {
		t.Fatalf("first refresh: exit %d\n%s", code, out)
	}
	// max-age=3600: the next refresh leaves the feed alone unless forced.
	if code, out, _ := runArgs(t, args("--refresh")...); code != 0 || feedHits != 1 || !strings.Contains(out, "1 feed not due yet") {
		t.Errorf("second refresh: exit %d, %d fetches\n%s", code, feedHits, out)
	}
	if code, out, _ := runArgs(t, args("--refresh", "--force")...); code != 0 || feedHits != 2 {
		t.Errorf("forced refresh: exit %d, %d fetches\n%s", code, feedHits, out)
	}
	if _, out, _ := runArgs(t, args("--feeds", "--json")...); !strings.Contains(out, `"hint":"max-age 1h0m0s"`) || strings.Contains(out, `"next_due":""`) {
		t.Errorf("--feeds --json should say when and why the feed is next due:\n%s", out)
	}

	_, listed, _ := runArgs(t, args("--offline", "--list", "--json")...)
	var first struct{ ID string }
	json.Unmarshal([]byte(strings.SplitN(listed, "\n", 2)[0]), &first)
	id := first.ID
	if !strings.HasSuffix(id, "#story-1") {
		t.Fatalf("listed id %q", id)
	}
	code, out, errOut := runArgs(t, args("--show", id)...)
	lines := strings.Split(out, "\n")
	if code != 0 || lines[0] != "Bridge reopens" || !strings.HasPrefix(lines[1], "Hinted") || !strings.HasPrefix(lines[2], "────") ||
		!strings.Contains(out, "A teaser only.") || strings.Contains(out, "\x1b") {
		t.Fatalf("show: exit %d %s\n%s", code, errOut, out)
	}
	if code, _, errOut := runArgs(t, args("--offline", "--show", id, "--full")...); code != 1 || !strings.Contains(errOut, "offline") {
		t.Errorf("full text offline before any fetch: exit %d %s", code, errOut)
	}
	code, full, errOut := runArgs(t, args("--show", id, "--full")...)
	if code != 0 || !strings.Contains(full, "paragraph after paragraph") || strings.Contains(full, "A teaser only.") ||
		strings.Contains(full, "LEAK") || strings.Contains(full, "Advertisement") || !strings.Contains(full, "[1] "+srv.URL+"/more") {
		t.Fatalf("show --full: exit %d %s\n%s", code, errOut, full)
	}
	srv.Close()
	if code, again, errOut := runArgs(t, args("--offline", "--show", id, "--full")...); code != 0 || again != full {
		t.Errorf("offline after the fetch: exit %d %s\n%s", code, errOut, again)
	}
	if code, _, errOut := runArgs(t, args("--show", "nope")...); code != 2 || !strings.Contains(errOut, "no article") {
		t.Errorf("unknown id: exit %d %s", code, errOut)
	}
	if code, out, _ := runArgs(t, args("--prune")...); code != 0 || !strings.HasPrefix(out, "pruned 0 articles older than 30 days") {
		t.Errorf("prune: exit %d %s", code, out)
	}
}
