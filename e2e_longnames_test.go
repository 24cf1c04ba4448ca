package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// Sections with long titles (an OPML category's whole path) and a long
// site name leave the header whole on a narrow terminal: in tmux at 30
// columns the first row still ends with the focused pane's name and the
// tab row shows the active tab with both brackets; no row runs past the
// frame. A key longer than the limit is refused with a clear message.
func TestLongSectionNamesInNarrowTmux(t *testing.T) {
	bin := buildBinary(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Wire</title><link>https://wire.test/</link><description>d</description>`+
			`<item><title>Harbour bridge opens %s</title><link>https://wire.test/%s</link><pubDate>%s</pubDate><description>Body.</description></item></channel></rss>`,
			r.URL.Path, r.URL.Path, time.Now().Add(-time.Hour).UTC().Format(time.RFC1123Z))
	}))
	defer srv.Close()
	long := "International Affairs / Europe / Eastern Partnership Countries and Their Neighbours"
	conf := fmt.Sprintf("site = \"The Extraordinarily Long Name of a Regional Newspaper Group\"\n"+
		"[[sections]]\nkey = \"international-affairs-europe-eastern\"\ntitle = %q\nfeeds = [%q]\n"+
		"[[sections]]\nkey = \"world\"\ntitle = %q\nfeeds = [%q]\n", "Markets "+long, srv.URL+"/a.xml", "World "+long, srv.URL+"/b.xml")
	cfg, db := refreshedConfig(t, conf)
	const w, h = 30, 10
	s := startTmux(t, w, h, bin+" --config "+cfg+" --cache "+db+" --offline; printf 'SHELL-BACK\\n'; sleep 30")
	check := func(tab string) {
		t.Helper()
		scr := s.waitFor("tab "+tab, "["+tab+" ", "Harbour")
		lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
		for i, l := range lines {
			if n := len([]rune(l)); n > w {
				t.Errorf("row %d is %d wide: %q", i, n, l)
			}
		}
		if first := strings.TrimRight(lines[0], " "); !strings.HasPrefix(first, "The") || !strings.HasSuffix(first, "[Headlines]") {
			t.Errorf("first row %q: want the site, then the focus at the right end:\n%s", first, scr)
		}
		if i := strings.Index(lines[1], "["+tab+" "); i < 0 || !strings.Contains(lines[1][i:], "]") {
			t.Errorf("tab row %q: the active tab is not whole:\n%s", lines[1], scr)
		}
	}
	check("1")
	s.keys("2")
	check("2")
	s.keys("q")
	s.waitFor("quit", "SHELL-BACK")

	// A key over the limit: the config is refused, naming the line.
	os.WriteFile(cfg, []byte(strings.Replace(conf, `key = "world"`, `key = "world-news-from-every-continent-and-every-ocean"`, 1)), 0o644)
	code, _, errOut := runArgs(t, "--config", cfg, "--cache", db, "--list")
	if code != 2 || !strings.Contains(errOut, `section key "world-news-from-every-continent-and-every-ocean" is 47 characters long; the most is 40`) {
		t.Errorf("long key: exit %d, %q", code, errOut)
	}
}
