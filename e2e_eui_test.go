package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lanternSite is a small site: a home page that announces its feed with
// <link rel="alternate">, the feed (teasers only), and the article page
// with navigation, an aside, an ad and a script around the body.
func lanternSite(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Lantern Notes</title>
<link rel="alternate" type="application/rss+xml" title="Lantern Notes" href="/feed.xml"></head>
<body><h1>Lantern Notes</h1><p>A blog about harbours.</p></body></html>`)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lantern Notes</title><link>%[1]s/</link>
<item><title>Evening at the old harbour</title><link>%[1]s/posts/evening</link><guid>evening</guid>
<pubDate>Fri, 27 Nov 2026 18:00:00 GMT</pubDate><description>Only the teaser is in the feed.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/posts/evening", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Evening at the old harbour - Lantern Notes</title>
<script>document.write("SCRIPT-RAN")</script></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></nav>
<aside><h3>Popular</h3><ul><li><a href="/x">Another post</a></li></ul></aside>
<article><h1>Evening at the old harbour</h1>
<p>The harbour lights came on one by one as the ferry turned towards the breakwater, and the gulls settled on the sea wall for the night.</p>
<div class="ad">Advertisement</div>
<p>Fishermen mended their nets under the lamps, talking about the weather that the radio had promised for the morning and the price of diesel.</p>
<p>By ten the quay was empty apart from a cat that walked the length of it twice, as if counting the boats before it went home.</p>
</article>
<footer>Copyright Lantern Notes</footer></body></html>`)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestEndToEndAddFeedFullTextOffline(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	site := lanternSite(t)
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("site = \"My feeds\"\n"), 0o644)
	db := filepath.Join(dir, "cache.db")
	run := bin + " --config " + cfg + " --cache " + db
	s := startTmux(t, 120, 40, run+"; printf 'SHELL-BACK\\n'; sleep 30")

	s.waitFor("empty reader", "No feeds yet: press a")
	s.keys("a")
	s.waitFor("add dialog", "Address of a feed or of a site")
	s.keys("-l", site.URL+"/")
	s.keys("Enter")
	s.waitFor("section step", "Feed: “Lantern Notes”", "New section:")
	s.keys("-l", "blog")
	s.keys("Enter")
	// The article loads after the list row appears: wait for its teaser.
	s.waitFor("subscribed and fetched, the feed's teaser shown first", "Evening at the old harbour",
		"added “Lantern Notes” to blog: 1 article", "Only the teaser is in the feed.")
	s.keys("Enter")
	s.waitFor("article open", "▶ Article")
	s.keys("f")
	scr := s.waitFor("full text", "The harbour lights came on", "Fishermen mended")
	for _, bad := range []string{"SCRIPT-RAN", "document.write", "Popular", "Archive", "Copyright Lantern"} {
		if strings.Contains(scr, bad) {
			t.Errorf("full text shows page furniture %q:\n%s", bad, scr)
		}
	}
	s.keys("q")
	s.waitFor("quit", "SHELL-BACK")

	// Offline, with the site gone: the feed, the article and its full text
	// all come from the cache.
	site.Close()
	s2 := startTmux(t, 120, 40, run+" --offline; printf 'SHELL-BACK\\n'; sleep 30")
	s2.waitFor("offline start", "Evening at the old harbour", "offline")
	s2.keys("Enter")
	scr = s2.waitFor("full text offline", "The harbour lights came on", "counting the boats")
	s2.keys("f")
	s2.waitFor("f shows the feed's text again", "Only the teaser is in the feed.")
	s2.keys("f")
	s2.waitFor("f shows the full text again, offline", "The harbour lights came on")
	s2.keys("q")
	s2.waitFor("quit", "SHELL-BACK")
}

func TestEndToEndTerminalBrowserSuspendsReader(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	// A stand-in for w3m: it shows the URL it got, waits for enter, exits.
	fake := filepath.Join(dir, "w3m")
	os.WriteFile(fake, []byte("#!/bin/sh\nprintf 'FAKE-W3M showing %s\\n' \"$1\"\nread line\n"), 0o755)
	s := startTmux(t, 120, 40, "BROWSER='"+fake+"' "+bin+" --demo --section markets; printf 'SHELL-BACK\\n'; sleep 30")
	s.waitFor("first screen", "Home > Markets", "Headlines 1/")
	s.keys("o")
	scr := s.waitFor("browser in the foreground", "FAKE-W3M showing http")
	if strings.Contains(scr, "Headlines") {
		t.Errorf("the reader still draws while the terminal browser runs:\n%s", scr)
	}
	s.keys("Enter")
	s.waitFor("reader restored", "Home > Markets", "Headlines 1/")
	s.keys("q")
	s.waitFor("quit", "SHELL-BACK")
}
