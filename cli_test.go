package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

func TestHelpGoesToStdout(t *testing.T) {
	code, out, errOut := runArgs(t, "--help")
	if code != 0 || !strings.Contains(out, "-section") || !strings.HasPrefix(out, "Usage: newsreader") || errOut != "" {
		t.Errorf("--help: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestUnknownFlagSaysSoOnce(t *testing.T) {
	code, out, errOut := runArgs(t, "--bogus")
	if code != 2 || out != "" || strings.Count(errOut, "bogus") != 1 || strings.Contains(errOut, "-section") || !strings.Contains(errOut, "--help") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestModifiersNeedTheirVerb(t *testing.T) {
	for _, args := range [][]string{{"--json"}, {"--limit", "5"}, {"--demo", "--json"}, {"--demo", "--refresh", "--limit", "3"}} {
		code, _, errOut := runArgs(t, args...)
		if code != 2 || !strings.Contains(errOut, "does nothing on its own") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestInitConfigTwiceKeepsTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "config.toml")
	if code, out, errOut := runArgs(t, "--init-config", "--config", p); code != 0 || !strings.Contains(out, p) {
		t.Fatalf("first: exit %d %q %q", code, out, errOut)
	}
	os.WriteFile(p, []byte("site = \"Mine\"\n"), 0o644)
	code, out, errOut := runArgs(t, "--init-config", "--config", p)
	if code != 0 || !strings.Contains(out, "already exists; kept it") || strings.Contains(errOut, "file exists") {
		t.Errorf("second: exit %d %q %q", code, out, errOut)
	}
	if b, _ := os.ReadFile(p); string(b) != "site = \"Mine\"\n" {
		t.Errorf("the existing config changed: %q", b)
	}
	if code, _, errOut := runArgs(t, "--demo", "--init-config"); code != 2 || !strings.Contains(errOut, "--demo") {
		t.Errorf("--demo --init-config: exit %d %q", code, errOut)
	}
}

func TestListOnEmptyCacheSaysHowToFillIt(t *testing.T) {
	cfg := writeConfig(t, "http://127.0.0.1:1/feed.xml")
	code, out, errOut := runArgs(t, "--config", cfg, "--cache", filepath.Join(t.TempDir(), "c.db"), "--offline", "--list")
	if code != 0 || out != "" || !strings.Contains(errOut, "no articles in top") || !strings.Contains(errOut, "--refresh") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestNoTerminalPointsAtList(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "--demo", "--offline")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // no controlling terminal
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(string(out), "needs a terminal") || !strings.Contains(string(out), "--list") || strings.Contains(string(out), "TTY") {
		t.Errorf("%v: %s", err, out)
	}
}

// Closing the terminal (SIGHUP) cleans up the demo's temporary cache as q does.
func TestDemoCleansUpOnSIGHUP(t *testing.T) {
	bin := buildBinary(t)
	tmp := t.TempDir()
	s := startTmux(t, 100, 30, "TMPDIR="+tmp+" exec "+bin+" --demo --offline")
	s.waitFor("demo on screen", "Headlines")
	if m, _ := filepath.Glob(filepath.Join(tmp, "newsreader-demo-*")); len(m) != 1 {
		t.Fatalf("demo directory: %v", m)
	}
	pid := strings.TrimSpace(s.run("display-message", "-p", "-t", s.name, "#{pane_pid}"))
	if out, err := exec.Command("kill", "-HUP", pid).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	for range 100 {
		if m, _ := filepath.Glob(filepath.Join(tmp, "newsreader-demo-*")); len(m) == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	m, _ := filepath.Glob(filepath.Join(tmp, "newsreader-demo-*"))
	t.Errorf("SIGHUP left %v behind", m)
}

// The first headline reads whole in the list pane of the real binary at
// common widths (the title wraps; it is never cut).
func TestHeadlineReadableInTmux(t *testing.T) {
	code, out, errOut := runArgs(t, "--demo", "--list", "--json", "--limit", "1", "--section", "markets")
	if code != 0 {
		t.Fatalf("list: %d %s", code, errOut)
	}
	var first struct{ Title string }
	if err := json.Unmarshal([]byte(out), &first); err != nil || first.Title == "" {
		t.Fatalf("first headline: %v %q", err, out)
	}
	bin := buildBinary(t)
	for _, w := range []int{60, 80, 100, 120, 200} {
		s := startTmux(t, w, 24, bin+" --demo --section markets")
		scr := s.waitFor("list at "+strconv.Itoa(w), "Headlines 1/", "refreshed")
		var text []string
		for _, line := range strings.Split(scr, "\n")[2:] {
			r := []rune(line)
			if len(r) < 2 || (r[0] != '┃' && r[0] != '│') {
				continue
			}
			end := strings.IndexAny(string(r[1:]), "┃│")
			if end < 0 {
				continue
			}
			cell := []rune(string(r[1:])[:end])
			if len(cell) > 4 {
				text = append(text, strings.TrimSpace(string(cell[4:])))
			}
		}
		if joined := strings.Join(text, " "); !strings.Contains(joined, first.Title) {
			t.Errorf("%d columns: %q not whole in the list:\n%s", w, first.Title, scr)
		}
	}
}

// A cache from an older version is upgraded on open, and the user is told
// first (a rebuild of the search index takes a while on a big cache); a
// current cache opens without a word.
func TestOldCacheSaysItIsUpdated(t *testing.T) {
	cfg := writeConfig(t, "http://127.0.0.1:1/feed.xml")
	path := filepath.Join(t.TempDir(), "c.db")
	list := func() string {
		t.Helper()
		code, _, errOut := runArgs(t, "--config", cfg, "--cache", path, "--offline", "--list")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return errOut
	}
	if errOut := list(); strings.Contains(errOut, "updating the cache") {
		t.Errorf("a new cache said it was updated: %q", errOut)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v < 2 {
		t.Fatalf("version %d: %v", v, err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v-1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Read-only, it cannot be upgraded: no promise of an update, only why
	// it cannot be read.
	makeReadOnly(t, path, 0o444)
	code, _, errOut := runArgs(t, "--config", cfg, "--cache", path, "--offline", "--list")
	if code == 0 || strings.Contains(errOut, "updating the cache") || !strings.Contains(errOut, "writable") {
		t.Errorf("older read-only cache: exit %d, stderr %q", code, errOut)
	}
	os.Chmod(path, 0o644)
	if os.Geteuid() == 0 {
		exec.Command("chattr", "-i", path).Run()
	}
	if errOut := list(); !strings.Contains(errOut, "updating the cache") {
		t.Errorf("an older cache opened without a word: %q", errOut)
	}
	if errOut := list(); strings.Contains(errOut, "updating the cache") {
		t.Errorf("the upgrade was announced again: %q", errOut)
	}
}
