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
// same for soft hyphens (lipgloss: no cell, tmux: one).
func TestEmojiHeadlinesKeepPanesAligned(t *testing.T) {
	bin := buildBinary(t)
	titles := []string{
		"Family \U0001F469\u200d\U0001F469\u200d\U0001F467 outing in the park",
		"Thumbs \U0001F44D\U0001F3FD up for the new bridge",
		"We \u2764\ufe0f the harbour festival",
		"Press 1\ufe0f\u20e3 for the ferry timetable",
		"Bundes\u00adregierung and Landes&amp;shy;regierung talk",
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
	dir := t.TempDir()
	cfg, db := filepath.Join(dir, "c.toml"), filepath.Join(dir, "c.db")
	os.WriteFile(cfg, []byte(fmt.Sprintf("site = \"Emoji\"\n[[sections]]\nkey = \"top\"\nfeeds = [%q]\n", srv.URL+"/feed.xml")), 0o644)
	if code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
	}
	const w, h = 160, 30
	s := startTmux(t, w, h, bin+" --config "+cfg+" --cache "+db+" --offline")
	scr := s.waitFor("first screen", "Family", "Thumbs", "harbour festival", "timetable", "Bundesregierung and Landesregierung", "Related")
	lines := strings.Split(scr, "\n")
	for i := 2; i < h-2 && i < len(lines); i++ {
		if !strings.HasSuffix(lines[i], "│") && !strings.HasSuffix(lines[i], "╮") && !strings.HasSuffix(lines[i], "╯") {
			t.Errorf("row %d lost the frame's right border:\n%s", i, scr)
			break
		}
	}
}
