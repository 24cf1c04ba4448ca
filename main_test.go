package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsreader/cache"
	"newsreader/feed/demo"
	"newsreader/ui/termcheck"
)

func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestDemoListJSON(t *testing.T) {
	code, out, errOut := runArgs(t, "--demo", "--list", "--json", "--section", "Markets", "--limit", "30")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	var prev time.Time
	n := 0
	for sc.Scan() {
		var a struct {
			ID, Section, Source, Title, Link, Author, Published, Summary string
			Read, Starred                                                bool
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d is not JSON: %v: %s", n+1, err, sc.Text())
		}
		n++
		pub, err := time.Parse(time.RFC3339, a.Published)
		if err != nil {
			t.Errorf("published %q: %v", a.Published, err)
		}
		if n > 1 && pub.After(prev) {
			t.Errorf("not newest first: %v after %v", pub, prev)
		}
		prev = pub
		if a.ID == "" || a.Section != "markets" || a.Title == "" || a.Author == "" || a.Read || a.Starred {
			t.Errorf("article %d: %+v", n, a)
		}
		if a.Source != "Demo Herald" && a.Source != "Demo Wire" && a.Source != "Demo Courier" {
			t.Errorf("source %q", a.Source)
		}
		if !strings.HasPrefix(a.Link, "http://127.0.0.1:") {
			t.Errorf("link %q should point at the loopback demo site", a.Link)
		}
		if a.Summary == "" || strings.ContainsAny(a.Summary, "<>") {
			t.Errorf("summary is not plain text: %q", a.Summary)
		}
	}
	if n != 30 {
		t.Errorf("%d articles listed, want 30 (--limit)", n)
	}
}

func TestDemoTextListAndRefresh(t *testing.T) {
	code, out, _ := runArgs(t, "--demo", "--list", "--limit", "3")
	if code != 0 || strings.Count(out, "\n") != 3 || !strings.HasPrefix(out, "●  ") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runArgs(t, "--demo", "--refresh", "--section", "health")
	if code != 0 || strings.Count(out, "ok ") != 4 || !strings.Contains(out, "4 feeds: 4 ok, 0 not modified, 0 failed") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// --show takes an id from --list --json; with --demo each run has a new
// temporary cache, so --show must fill it as --list does (it said "no
// article ... in the cache" for every demo id).
func TestDemoShowAnIDFromList(t *testing.T) {
	code, out, errOut := runArgs(t, "--demo", "--list", "--json", "--section", "markets", "--limit", "1")
	var a struct{ ID, Title string }
	if code != 0 || json.Unmarshal([]byte(out), &a) != nil || a.ID == "" {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	code, out, errOut = runArgs(t, "--demo", "--show", a.ID)
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), a.Title) {
		t.Errorf("--show %s: exit %d, %s\n%s", a.ID, code, errOut, out)
	}
}

// --demo --feeds reports the demo site's feeds as fetched, with their
// titles, not "never fetched" from an empty temporary cache.
func TestDemoFeedsAreFetched(t *testing.T) {
	code, out, errOut := runArgs(t, "--demo", "--feeds", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f struct{ URL, Status, Title string }
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("not JSON: %s", line)
		}
		n++
		if f.Status != "ok" || f.Title == "" {
			t.Errorf("%s: status %q, title %q", f.URL, f.Status, f.Title)
		}
	}
	if n < 7 {
		t.Errorf("%d feeds: %s", n, out)
	}
}

func writeConfig(t *testing.T, feedURL string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	text := fmt.Sprintf("site = \"T\"\n[[sections]]\nkey = \"top\"\nfeeds = [%q]\n", feedURL)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUnknownSectionExits2(t *testing.T) {
	code, _, errOut := runArgs(t, "--demo", "--section", "sport", "--list")
	if code != 2 || !strings.Contains(errOut, `unknown section "sport"`) || !strings.Contains(errOut, "markets") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestConfigErrorExits2(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(p, []byte("site = \"x\"\nbogus = 1\n"), 0o644)
	code, _, errOut := runArgs(t, "--config", p, "--list", "--cache", filepath.Join(t.TempDir(), "c.db"))
	if code != 2 || !strings.Contains(errOut, p+":2: unknown key \"bogus\"") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, _, _ = runArgs(t, "--limit", "0", "--list")
	if code != 2 {
		t.Errorf("--limit 0: exit %d", code)
	}
}

func TestRefreshExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	code, out, _ := runArgs(t, "--config", writeConfig(t, "http://127.0.0.1:1/closed.rss"), "--cache", db, "--refresh")
	if code != 1 || !strings.Contains(out, "error         http://127.0.0.1:1/closed.rss") {
		t.Errorf("all feeds failed: exit %d\n%s", code, out)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			http.Error(w, "gone", http.StatusGone)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Good</title><item><title>Hello</title><link>https://x.test/1</link></item></channel></rss>`)
	}))
	defer srv.Close()
	p := filepath.Join(t.TempDir(), "two.toml")
	os.WriteFile(p, []byte(fmt.Sprintf("[[sections]]\nkey = \"top\"\nfeeds = [%q, %q]\n", srv.URL+"/good", srv.URL+"/bad")), 0o644)
	// The cache keeps its subscriptions (the first config's feed is still
	// there) until they are reset from the config.
	if code, out, _ := runArgs(t, "--config", p, "--cache", db, "--reset-subscriptions"); code != 0 || !strings.Contains(out, "1 section, 2 feeds") {
		t.Fatalf("reset: exit %d\n%s", code, out)
	}
	code, out, _ = runArgs(t, "--config", p, "--cache", db, "--refresh")
	if code != 0 || !strings.Contains(out, "2 feeds: 1 ok, 0 not modified, 1 failed") || !strings.Contains(out, "HTTP 410 Gone") {
		t.Errorf("one feed failed: exit %d\n%s", code, out)
	}
	code, out, _ = runArgs(t, "--config", p, "--cache", db, "--offline", "--list")
	if code != 0 || !strings.Contains(out, "Hello") {
		t.Errorf("offline list from cache: exit %d\n%s", code, out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	if code, out, _ := runArgs(t, "-version"); code != 0 || !strings.HasPrefix(out, "newsreader ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := runArgs(t, "--help"); code != 0 || !strings.Contains(out, "  --section KEY ") || !strings.Contains(out, "  --add URL ") || strings.Contains(out, "\n  -section") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestRefreshPrintsHostileStatusSafely(t *testing.T) {
	srv := rawHTTP(t, "HTTP/1.1 500 \x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\ \u009b5m\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	code, out, errOut := runArgs(t, "--config", writeConfig(t, srv+"/feed.xml"), "--cache", filepath.Join(t.TempDir(), "c.db"), "--refresh")
	if code != 1 || !strings.Contains(out, "HTTP 500") || !strings.Contains(out, "click") {
		t.Errorf("exit %d:\n%s%s", code, out, errOut)
	}
	if v := termcheck.Violations(out+errOut, termcheck.Frame); len(v) > 0 {
		t.Errorf("--refresh output unsafe: %v\n%q", v, out)
	}
}

// rawHTTP serves response byte for byte to every request.
func rawHTTP(t testing.TB, response string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				if _, err := http.ReadRequest(bufio.NewReader(c)); err == nil {
					c.Write([]byte(response))
				}
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// A kept --cache across --demo runs keeps one set of feeds: the demo's
// feed URLs do not change from run to run.
func TestDemoKeptCacheKeepsOneSetOfFeeds(t *testing.T) {
	saved := demo.Ports
	t.Cleanup(func() { demo.Ports = saved })
	// Ports of our own, free now, so that other demos running at the same
	// time do not take the fixed ones between the two runs.
	var ports []int
	for range 2 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
		ln.Close()
	}
	demo.Ports = ports
	db := filepath.Join(t.TempDir(), "c.db")
	for run := range 2 {
		code, out, errOut := runArgs(t, "--demo", "--cache", db, "--refresh")
		if code != 0 {
			t.Fatalf("run %d: exit %d: %s%s", run+1, code, out, errOut)
		}
	}
	st, err := cache.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	feeds, err := st.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	hosts := map[string]bool{}
	for _, f := range feeds {
		u, _ := url.Parse(f.URL)
		hosts[u.Host] = true
	}
	if len(hosts) != 1 || len(feeds) != 28 {
		t.Errorf("after two demo runs the cache holds %d feeds on %v, want the demo's 28 on one address", len(feeds), hosts)
	}
}

// --section finds a section by the key its title makes as well as by its
// own ("tech-apps" for the config's "ta" titled "Tech / Apps", the key
// an OPML folder or a synced folder of that name gets).
func TestSectionByTheKeyOfItsName(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Apps</title><item><title>App store rules change</title><link>https://x.test/1</link></item></channel></rss>`)
	}))
	defer srv.Close()
	p := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(p, []byte(fmt.Sprintf("[[sections]]\nkey = \"ta\"\ntitle = \"Tech / Apps\"\nfeeds = [%q]\n", srv.URL+"/f")), 0o644)
	db := filepath.Join(t.TempDir(), "c.db")
	if code, out, errOut := runArgs(t, "--config", p, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
	}
	for _, k := range []string{"ta", "tech-apps", "Tech---Apps"} {
		code, out, errOut := runArgs(t, "--config", p, "--cache", db, "--section", k, "--list")
		if code != 0 || !strings.Contains(out, "App store rules change") {
			t.Errorf("--section %s: exit %d\n%s%s", k, code, out, errOut)
		}
	}
	if code, _, errOut := runArgs(t, "--config", p, "--cache", db, "--section", "tech", "--list"); code != 2 || !strings.Contains(errOut, `unknown section "tech"`) {
		t.Errorf("--section tech: exit %d: %s", code, errOut)
	}
}
