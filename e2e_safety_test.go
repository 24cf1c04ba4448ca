package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsreader/ui/termcheck"
)

// hostileItem is an RSS item whose every text carries spliced references:
// removing the inner "&#1;" would re-form ESC/C1 introducers that make an
// OSC 8 link to a local file or javascript:, OSC 52, blink and conceal.
const hostileItem = `<item><title>Spliced &amp;#&amp;#1;x1b;[5mblink&amp;#&amp;#1;x1b;[8m title</title>
<link>https://ok.test/spliced</link><guid>spliced-1</guid><pubDate>%s</pubDate>
<description><![CDATA[<h2>Head &#&#1;x1b;[5mline</h2>
<p>Para &#&#1;x1b;]8;;file:///etc/passwd&#&#1;x1b;\click here&#&#1;x1b;]8;;&#&#1;x1b;\ end.</p>
<p><a href="https://ok.test/harmless">real &#x&#1;1b;]8;;javascript:alert(1)&#&#1;x7;nested&#&#1;x1b;]8;;&#&#1;x7; link</a></p>
<p><b>&&#1;#x9b;5mbold</b> <em>&#&#0;27;[8mem</em> <code>&#&#1;x1b;]52;c;ZXZpbA==&#&#1;x7;code</code>
<strong>&#x&#1;9d;8;;file:///x&#x&#1;9c;strong</strong></p><img alt="alt &#&#1;x1b;[5m">]]></description></item>`

// TestTerminalSafetyEndToEnd runs the real binary in tmux and captures
// every byte it writes to the pty (pipe-pane) while the article with
// spliced references is open and while the feed-error overlay shows a
// hostile HTTP reason phrase. Only the program's own sequences may appear.
func TestTerminalSafetyEndToEnd(t *testing.T) {
	bin := buildBinary(t)
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Hostile &amp;#&amp;#1;x1b;]0;pwned&amp;#&amp;#1;x7; Wire</title>`+hostileItem+`</channel></rss>`,
			time.Now().Add(-time.Hour).UTC().Format(time.RFC1123Z))
	}))
	defer good.Close()
	bad := rawHTTP(t, "HTTP/1.1 500 \x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\ \u009b5mnow \x1b]52;c;ZXZpbA==\x07\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

	dir := t.TempDir()
	cfg, db, capture := filepath.Join(dir, "c.toml"), filepath.Join(dir, "c.db"), filepath.Join(dir, "pty.bin")
	os.WriteFile(cfg, []byte(fmt.Sprintf("site = \"Hostile\"\n[[sections]]\nkey = \"top\"\nfeeds = [%q, %q]\n", good.URL+"/feed.xml", bad+"/feed.xml")), 0o644)
	if code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 || !strings.Contains(out, "1 failed") {
		t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
	}

	// The program waits for a line so that pipe-pane is in place before
	// it writes its first byte.
	s := startTmux(t, 120, 40, "read _; exec "+bin+" --config "+cfg+" --cache "+db+" --offline")
	s.run("pipe-pane", "-O", "-t", s.name, "cat > "+capture)
	s.keys("Enter")
	s.waitFor("first screen", "Spliced", "Head", "in error")
	s.keys("Enter")
	s.waitFor("article open", "▶ Article", "nested", "click here", "bold")
	s.keys("e")
	s.waitFor("error overlay", "HTTP 500", "click")
	s.keys("Escape")
	s.waitFor("overlay closed", "Spliced")
	s.keys("q")
	// The session ends with the program (exec): then the capture is whole.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if exec.Command("tmux", "-S", s.sock, "has-session", "-t", s.name).Run() != nil {
			break
		}
	}
	time.Sleep(100 * time.Millisecond)

	raw, err := os.ReadFile(capture)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("HTTP 500")) || !bytes.Contains(raw, []byte("nested")) {
		t.Fatalf("the capture missed the screens (%d bytes)", len(raw))
	}
	if !regexp.MustCompile(`\x1b\]8;[^;\x07\x1b]*;https://ok\.test/harmless`).Match(raw) {
		t.Errorf("the program's own http(s) hyperlink is missing: the check would pass vacuously")
	}
	if v := termcheck.Violations(string(raw), termcheck.Pty); len(v) > 0 {
		t.Errorf("hostile bytes reached the terminal (%d bytes captured):\n%s", len(raw), strings.Join(v, "\n"))
	}
}
