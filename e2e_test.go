package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmuxSession runs the real binary in a detached tmux session of the given size.
type tmuxSession struct {
	t    *testing.T
	name string
	sock string
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsreader")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, w, h int, command string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required in CI")
		}
		t.Skip("tmux not installed")
	}
	s := &tmuxSession{t: t, name: "nr", sock: filepath.Join(t.TempDir(), "tmux.sock")}
	s.run("new-session", "-d", "-s", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), command)
	t.Cleanup(func() { exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", s.name) }

func (s *tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// waitFor polls the screen until it contains every want, or fails.
func (s *tmuxSession) waitFor(what string, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(scr, w) {
				ok = false
				break
			}
		}
		if ok {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("%s: screen never showed %q:\n%s", what, want, scr)
	return ""
}

func TestEndToEndInTmux(t *testing.T) {
	bin := buildBinary(t)
	marker := filepath.Join(t.TempDir(), "exit")
	s := startTmux(t, 120, 40, bin+" --demo --section markets; echo $? > "+marker+"; printf 'SHELL-BACK\\n'; sleep 30")

	scr := s.waitFor("first screen", "Demo News", "Home > Markets", "Headlines 1/", "Related", "Ranking", "Recommended", "refreshed")
	lines := strings.Split(scr, "\n")
	if !strings.Contains(lines[1], "Markets") || !strings.Contains(scr, "▶ Headlines") {
		t.Errorf("header or focus marker missing:\n%s", scr)
	}
	// The article pane shows the selected headline's story: its byline,
	// then body text.
	if !regexp.MustCompile(`Demo (Herald|Wire|Courier) · `).MatchString(scr) {
		t.Errorf("article byline missing:\n%s", scr)
	}

	s.keys("Tab")
	s.waitFor("focus moves to the article", "▶ Article")
	s.keys("Tab")
	s.waitFor("focus moves to the side pane", "▶ Discover")
	s.keys("Tab", "j", "j", "j", "Enter")
	// (the read mark lands when the state change's message does, maybe after the article)
	scr = s.waitFor("open the fourth headline", "▶ Article", "Headlines 4/", "│▶   ")
	// The cursor has its own column: the fourth row carries it and, opened,
	// is read (no unread mark in the next column).
	var cursorRows []string
	for _, row := range strings.Split(scr, "\n") {
		if strings.HasPrefix(row, "│▶") {
			cursorRows = append(cursorRows, row)
		}
	}
	if len(cursorRows) != 1 || !strings.HasPrefix(cursorRows[0], "│▶   ") {
		t.Errorf("one list row should carry the cursor and be read: %q", cursorRows)
	}

	s.keys("2")
	s.waitFor("switch section", "Home > World")
	s.keys("q")
	scr = s.waitFor("quit", "SHELL-BACK")
	if strings.Contains(scr, "Headlines") {
		t.Errorf("terminal not restored after quit:\n%s", scr)
	}
	code, _ := os.ReadFile(marker)
	if strings.TrimSpace(string(code)) != "0" {
		t.Errorf("exit code %q", code)
	}
}

func TestEndToEndNarrowInTmux(t *testing.T) {
	bin := buildBinary(t)
	s := startTmux(t, 60, 20, bin+" --demo --section markets; printf 'SHELL-BACK\\n'; sleep 30")
	scr := s.waitFor("narrow first screen", "Home > Markets", "Headlines 1/")
	for i, l := range strings.Split(strings.TrimRight(scr, "\n"), "\n") {
		if len([]rune(l)) > 60 {
			t.Errorf("line %d wider than 60: %q", i, l)
		}
	}
	if strings.Contains(scr, "Discover") {
		t.Errorf("side pane should fold away at 60 columns:\n%s", scr)
	}
	s.keys("Tab")
	s.waitFor("article at 60 columns", "▶ Article")
	s.keys("q")
	s.waitFor("quit", "SHELL-BACK")
}
