package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestDiscoveryInTmux drives the real binary on the demo: coverage counts
// on rows, "Also in" and c, the side tabs' reasons, one row per story, and
// search as you type over the whole cache.
func TestDiscoveryInTmux(t *testing.T) {
	bin := buildBinary(t)
	s := startTmux(t, 160, 45, bin+" --demo --section markets; printf 'SHELL-BACK\\n'; sleep 30")
	scr := s.waitFor("first screen", "Home > Markets", "refreshed")

	// Rows covered by several outlets say how many more; the article
	// under the cursor names them, and c goes to the next one.
	plus := regexp.MustCompile(`· (\d+[mhd]|now) · \+\d`)
	if !plus.MatchString(scr) {
		t.Fatalf("no row shows +n:\n%s", scr)
	}
	lines := strings.Split(scr, "\n")
	read := false
	if len(lines) > 6 && plus.MatchString(lines[6]) { // the first row's meta line
		scr = s.waitFor("also in", "Also in: ")
		s.keys("c") // opens it: now there is a reading history
		s.waitFor("next version", " of ")
		read = true
	}

	// Side tabs: every row says why it is there.
	s.keys("]")
	scr = s.waitFor("ranking", "[Ranking]")
	if !regexp.MustCompile(`\d+ outlets|#\d+ most read`).MatchString(scr) {
		t.Errorf("ranking rows give no reason:\n%s", scr)
	}
	s.keys("]")
	if read {
		s.waitFor("recommended", "[Recommended]", "because you")
	} else {
		s.waitFor("recommended", "[Recommended]", "No history yet: top stories")
	}

	// One row per story and back.
	s.keys("v") // (no esc before it: a terminal sends esc v as alt+v)
	s.waitFor("by story", "one row per story")
	s.keys("v")
	s.waitFor("every article", "every article")

	// Search as you type, this section then every section.
	s.keys("/")
	s.keys("-l", "measles")
	// measles is not markets news: nothing in this section
	s.waitFor("search in markets", "search “measles” in Markets", "Nothing in Markets matches")
	s.keys("Tab")
	scr = s.waitFor("search everywhere", "search “measles” in all sections", "Measles")
	s.keys("Enter")
	raw := s.run("capture-pane", "-p", "-e", "-t", s.name)
	if !regexp.MustCompile(`\x1b\[[0-9;]*4[0-9;]*m[^\x1b]*(M|m)easles`).MatchString(raw) {
		t.Errorf("search matches are not underlined:\n%q", raw)
	}
	s.keys("q")
	s.waitFor("quit", "SHELL-BACK")
}
