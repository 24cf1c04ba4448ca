package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Blog posts as platforms write them, read in the real binary: footnote
// numbers read as superscripts with no link of their own, share buttons,
// subscription forms and "appeared first on" are not shown, a Reddit
// post's table keeps its links openable (o then the number opens the
// shared file), and a news item's media:content photo is noted.
func TestEndToEndBlogPlatformsReadClean(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	at := time.Now().Add(-2 * time.Hour).UTC()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Quay Notes</title><link>%[1]s/</link>
<item><title>Gluing the bench top</title><link>%[1]s/bench</link><guid>bench</guid><pubDate>%[2]s</pubDate>
<content:encoded><![CDATA[<p>Six boards of beech<sup id="fnref:1"><a href="#fn:1">1</a></sup> went into the top.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="%[1]s/bench?share=mastodon">Mastodon</a></li></ul></div>
<div class="subscription-widget-wrap"><p>Thanks for reading Quay Notes! Subscribe for free.</p><form><input type="email"></form></div>
<ol class="footnotes"><li id="fn:1">Planed by hand. <a href="#fnref:1">↩</a></li></ol>
<p>The post <a href="%[1]s/bench">Gluing the bench top</a> appeared first on <a href="%[1]s">Quay Notes</a>.</p>]]></content:encoded></item>
<item><title>New ferry arrives</title><link>%[1]s/r/ferry</link><guid>ferry</guid><pubDate>%[3]s</pubDate>
<description>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;a href="%[1]s/r/ferry"&gt;&lt;img src="%[1]s/thumb.jpg" alt="New ferry"&gt;&lt;/a&gt;&lt;/td&gt;&lt;td&gt;submitted by &lt;a href="%[1]s/u/quay"&gt;/u/quay&lt;/a&gt; &lt;a href="%[1]s/shared/ferry.jpg"&gt;[link]&lt;/a&gt; &lt;a href="%[1]s/r/ferry"&gt;[comments]&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</description></item>
<item><title>Lamp fitted at the point</title><link>%[1]s/lamp</link><guid>lamp</guid><pubDate>%[4]s</pubDate><description>Engineers fitted the new lamp.</description>
<media:content url="%[1]s/lamp.jpg" medium="image"/></item>
</channel></rss>`, srv.URL, at.Format(time.RFC1123Z), at.Add(-time.Hour).Format(time.RFC1123Z), at.Add(-2*time.Hour).Format(time.RFC1123Z))
	}))
	defer srv.Close()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("[[sections]]\nkey = \"blogs\"\nfeeds = [%q]\n", srv.URL+"/feed")), 0o644)
	opened := filepath.Join(dir, "opened")
	fake := filepath.Join(dir, "browser")
	os.WriteFile(fake, []byte("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '"+opened+"'\n"), 0o755)
	s := startTmux(t, 120, 40, "DISPLAY=:0 BROWSER='"+fake+"' "+bin+" --config "+cfg+" --cache "+filepath.Join(dir, "c.db")+"; printf 'SHELL-BACK\\n'; sleep 30")
	s.waitFor("first screen", "Gluing the bench top", "New ferry arrives")
	s.keys("Enter")
	scr := s.waitFor("the post", "Six boards of beech¹ went into the top.", "1. Planed by hand.")
	for _, bad := range []string{"Share this", "Mastodon", "Subscribe", "appeared first", "↩", "Links", "[1]"} {
		if strings.Contains(scr, bad) {
			t.Errorf("the post shows %q:\n%s", bad, scr)
		}
	}
	s.keys("n")
	s.waitFor("the Reddit post", "[link][3]", "[comments][4]", "[3] "+srv.URL+"/shared/ferry.jpg")
	s.keys("o")
	s.waitFor("link prompt", "[n]")
	s.keys("3")
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(opened)
		if strings.TrimSpace(string(b)) == srv.URL+"/shared/ferry.jpg" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("o 3 opened %q, want the shared file\n%s", b, s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.keys("n")
	s.waitFor("the photo noted", "[image][1]", "Engineers fitted the new lamp.", "[1] "+srv.URL+"/lamp.jpg")
	s.keys("q")
	s.waitFor("quit", "SHELL-BACK")
}

// --list on a terminal breaks a long title between words and goes on
// under it, in the title's column, instead of where the terminal's edge
// falls; into a pipe each article stays one line.
func TestListOnATerminalWrapsLongTitles(t *testing.T) {
	const long = "Harbour council approves the long-delayed redevelopment of the northern quay after a debate that ran past midnight"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Gazette</title><item><title>%s</title><link>https://gz.test/1</link><guid>g1</guid><pubDate>%s</pubDate></item></channel></rss>`,
			long, time.Now().Add(-time.Hour).UTC().Format(time.RFC1123Z))
	}))
	defer srv.Close()
	args := oneFeedArgs(t, srv.URL+"/feed")
	if code, out, errOut := runArgs(t, args("--refresh")...); code != 0 {
		t.Fatalf("refresh: %d %s%s", code, out, errOut)
	}
	if _, out, _ := runArgs(t, args("--list")...); strings.Count(out, "\n") != 1 || !strings.Contains(out, long) {
		t.Errorf("piped --list: %q", out)
	}
	bin := buildBinary(t)
	s := startTmux(t, 80, 24, bin+" "+strings.Join(args("--list"), " ")+"; printf 'LIST-DONE\\n'; sleep 30")
	scr := s.waitFor("list", "LIST-DONE")
	var lines []string
	for _, l := range strings.Split(scr, "\n") {
		if strings.TrimSpace(l) != "" && l != "LIST-DONE" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 2 {
		t.Fatalf("want the title on several lines:\n%s", scr)
	}
	at := strings.Index(lines[0], "Harbour council")
	if at < 0 {
		t.Fatalf("no title:\n%s", scr)
	}
	col := utf8.RuneCountInString(lines[0][:at]) // the columns before it are one cell each
	words := []string{strings.TrimSpace(lines[0][at:])}
	for i, l := range lines[1:] {
		if len(l) <= col || strings.TrimSpace(l[:col]) != "" {
			t.Errorf("line %d does not go on in the title's column %d: %q", i+2, col, l)
			continue
		}
		words = append(words, strings.TrimSpace(l[col:]))
	}
	if got := strings.Join(words, " "); got != long {
		t.Errorf("title read back as %q", got)
	}
}

// --show on a terminal lays a family emoji out as the article pane does,
// in pieces every terminal draws at the width counted (its members, kept
// together), not as one cluster that terminals counting code points draw
// wider than the line allows; into a pipe it stays the cluster it is.
func TestShowOnATerminalDrawsClustersAsThePaneDoes(t *testing.T) {
	const family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Quay</title><item><title>Open day</title><link>https://quay.test/1</link><guid>q1</guid><pubDate>%s</pubDate><description>A %s family day at the quay.</description></item></channel></rss>`,
			time.Now().Add(-time.Hour).UTC().Format(time.RFC1123Z), family)
	}))
	defer srv.Close()
	args := oneFeedArgs(t, srv.URL+"/feed")
	if code, out, errOut := runArgs(t, args("--refresh")...); code != 0 {
		t.Fatalf("refresh: %d %s%s", code, out, errOut)
	}
	id := srv.URL + "/feed#q1"
	if _, out, _ := runArgs(t, args("--show", id)...); !strings.Contains(out, family) {
		t.Errorf("piped --show lost the cluster: %q", out)
	}
	bin := buildBinary(t)
	capture := filepath.Join(t.TempDir(), "pty.bin")
	s := startTmux(t, 60, 20, "read _; "+bin+" "+strings.Join(args("--show", id), " ")+"; printf 'SHOW-DONE\\n'; sleep 30")
	s.run("pipe-pane", "-O", "-t", s.name, "cat > "+capture)
	s.keys("Enter")
	s.waitFor("show", "family day", "SHOW-DONE")
	raw, err := os.ReadFile(capture)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "family day") || strings.Contains(string(raw), "\u200d") {
		t.Errorf("--show on a terminal wrote the joined cluster (or nothing):\n%q", raw)
	}
}
