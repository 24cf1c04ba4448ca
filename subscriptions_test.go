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
	if code != 0 || !strings.Contains(out, "added "+srv.URL+"/feed/ (The Blog) to section blogs: 1 articles") ||
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
	if code, out, _ = runArgs(t, args("--offline", "--list", "--section", "blogs")...); code != 0 || !strings.Contains(out, "First post") {
		t.Errorf("list after add: exit %d\n%s", code, out)
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
