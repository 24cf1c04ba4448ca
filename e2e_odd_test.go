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
)

// TestEmojiHeadlinesKeepPanesAligned runs the real binary in tmux on a
// feed whose headlines and bodies carry emoji sequences (a family joined
// with ZWJ, a skin tone, a heart with variation selector 16, a keycap):
// lipgloss counts each as one emoji and tmux each code point, so unless
// they are stored as code points both count alike, the rows holding them
// run longer than the frame and lose the side pane's right border. The
// same for soft hyphens (lipgloss: no cell, tmux: one) and Indic scripts
// (lipgloss: a cell a cluster, tmux: a cell a spacing code point).
func TestEmojiHeadlinesKeepPanesAligned(t *testing.T) {
	bin := buildBinary(t)
	titles := []string{
		"Family \U0001F469\u200d\U0001F469\u200d\U0001F467 outing in the park",
		"Thumbs \U0001F44D\U0001F3FD up for the new bridge",
		"We \u2764\ufe0f the harbour festival",
		"Press 1\ufe0f\u20e3 for the ferry timetable",
		"Bundes\u00adregierung and Landes&amp;shy;regierung talk",
		"Hindi प्रधानमंत्री ने नई योजना की घोषणा की and Tamil தமிழ்நாடு செய்திகள்",
		"Malayalam അവന്\u200d വന്നു and Sinhala ශ්\u200dරී ලංකා ව්\u200dයාපාර joiners",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>Emoji Wire</title><link>https://emoji.test/</link><description>d</description>`)
		for i, ti := range titles {
			fmt.Fprintf(&b, `<item><title>%s</title><link>https://emoji.test/%d</link><pubDate>%s</pubDate><description>Body of %s, shared words harbour bridge ferry.</description></item>`,
				ti, i, time.Now().Add(-time.Duration(i+1)*time.Hour).UTC().Format(time.RFC1123Z), ti)
		}
		b.WriteString(`</channel></rss>`)
		w.Write([]byte(b.String()))
	}))
	defer srv.Close()
	cfg, db := refreshedConfig(t, fmt.Sprintf("site = \"Emoji\"\n[[sections]]\nkey = \"top\"\nfeeds = [%q]\n", srv.URL+"/feed.xml"))
	const w, h = 160, 30
	s := startTmux(t, w, h, bin+" --config "+cfg+" --cache "+db+" --offline")
	scr := s.waitFor("first screen", "Family", "Thumbs", "harbour festival", "timetable", "Bundesregierung and Landesregierung", "Hindi", "Malayalam", "Related")
	// Each body row holds the three panes' two side borders and nothing
	// else of the frame (no text here draws one); a row run past the
	// frame loses the last.
	lines := strings.Split(scr, "\n")
	for i := 3; i < h-3 && i < len(lines); i++ {
		if n := strings.Count(lines[i], "│") + strings.Count(lines[i], "┃"); n != 6 || !strings.HasSuffix(lines[i], "│") {
			t.Errorf("row %d has %d of the panes' 6 side borders:\n%s", i, n, scr)
			break
		}
	}
}

// --show of an article whose feed gives no text says so and how to get
// it, instead of printing a bare header.
func TestShowTitleOnlyArticleSaysHow(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Bare</title>`+
			`<item><title>Headline only</title><link>https://bare.test/1</link><guid>bare-1</guid><pubDate>%[1]s</pubDate></item>`+
			`<item><title>With text</title><link>https://bare.test/2</link><guid>bare-2</guid><pubDate>%[1]s</pubDate><description>Some text.</description></item>`+
			`</channel></rss>`, time.Now().Add(-time.Hour).UTC().Format(time.RFC1123Z))
	}))
	defer srv.Close()
	args := oneFeedArgs(t, srv.URL+"/feed")
	if code, out, errOut := runArgs(t, args("--refresh")...); code != 0 {
		t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
	}
	for id, want := range map[string]bool{srv.URL + "/feed#bare-1": true, srv.URL + "/feed#bare-2": false} {
		code, out, errOut := runArgs(t, args("--show", id)...)
		if code != 0 {
			t.Fatalf("--show %s: exit %d %s", id, code, errOut)
		}
		if got := strings.Contains(out, "No text in the feed for this article: --full fetches its full text."); got != want {
			t.Errorf("--show %s: hint %v, want %v:\n%s", id, got, want, out)
		}
	}
}

// A feed that gives every item the same guid (its site's address) keeps
// all of them in the cache, not only the first.
func TestSharedGUIDFeedKeepsEveryItem(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		at := time.Now().Add(-time.Hour).UTC()
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Same guid</title>`)
		for i, ti := range []string{"Harbour opens", "Ferry delayed", "Bridge closed"} {
			fmt.Fprintf(w, `<item><title>%s</title><link>https://same.test/%d</link><guid>https://same.test/</guid><pubDate>%s</pubDate></item>`,
				ti, i, at.Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()
	args := oneFeedArgs(t, srv.URL+"/feed")
	for range 2 { // a second refresh neither loses nor doubles them
		if code, out, errOut := runArgs(t, args("--refresh", "--force")...); code != 0 {
			t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
		}
		_, out, _ := runArgs(t, args("--list")...)
		for _, ti := range []string{"Harbour opens", "Ferry delayed", "Bridge closed"} {
			if strings.Count(out, ti) != 1 {
				t.Errorf("%q listed %d times:\n%s", ti, strings.Count(out, ti), out)
			}
		}
	}
}

// oneFeedArgs writes a config with one section holding feed and returns
// a function giving the binary's arguments with that config and a cache
// beside it.
func oneFeedArgs(t *testing.T, feed string) func(a ...string) []string {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[[sections]]\nkey = \"top\"\nfeeds = [%q]\n", feed)), 0o644); err != nil {
		t.Fatal(err)
	}
	return func(a ...string) []string {
		return append([]string{"--config", cfg, "--cache", filepath.Join(dir, "c.db")}, a...)
	}
}

// refreshedConfig writes conf as a config file in a new folder and
// refreshes a cache beside it with the binary: the paths of both.
func refreshedConfig(t *testing.T, conf string) (cfg, db string) {
	t.Helper()
	dir := t.TempDir()
	cfg, db = filepath.Join(dir, "c.toml"), filepath.Join(dir, "c.db")
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
	}
	return cfg, db
}
