package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

// A section picker with more sections than the window has rows (an OPML
// import of a reader with dozens of folders) scrolls to keep the cursor
// in view and says which it shows; its numbers line up; enter opens the
// section under the cursor.
func TestSectionPickerScrollsToTheCursor(t *testing.T) {
	var secs []feed.Section
	for i := range 40 {
		secs = append(secs, feed.Section{Key: fmt.Sprintf("folder-%d", i+1), Title: fmt.Sprintf("Folder %d", i+1)})
	}
	m := New(Options{Site: "Many", Store: fixtureStore(t, 2), Offline: true, NoColor: true, Now: func() time.Time { return testNow }, Sections: secs})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	screen := func() string { return ansi.Strip(m.Render()) }
	row := func(n int) string {
		for _, l := range strings.Split(screen(), "\n") {
			if strings.Contains(strings.TrimRight(strings.Trim(l, "┃│"), " ")+"|", fmt.Sprintf("%d  Folder %d|", n, n)) {
				return l
			}
		}
		return ""
	}
	m = press(t, m, "s")
	for range 30 {
		m = press(t, m, "j")
	}
	if l := row(31); !strings.Contains(l, "▶") {
		t.Fatalf("the cursor's section 31 is not on screen:\n%s", screen())
	}
	if !strings.Contains(screen(), "of 40") || row(1) != "" {
		t.Errorf("scrolled picker should say what it shows and leave out section 1:\n%s", screen())
	}
	// Numbers right-aligned: "Folder" starts in one column on every row.
	col := -1
	for _, l := range strings.Split(screen(), "\n") {
		if i := strings.Index(l, "Folder "); i >= 0 && strings.Contains(l, "  Folder") {
			c := len([]rune(l[:i]))
			if col >= 0 && c != col {
				t.Errorf("labels start at columns %d and %d:\n%s", col, c, screen())
				break
			}
			col = c
		}
	}
	for range 25 {
		m = press(t, m, "k")
	}
	if l := row(6); !strings.Contains(l, "▶") {
		t.Errorf("back up at section 6, not on screen:\n%s", screen())
	}
	m = press(t, m, "G")
	if l := row(40); !strings.Contains(l, "▶") {
		t.Errorf("G: section 40 not on screen:\n%s", screen())
	}
	m = press(t, m, "enter")
	if m.section != 39 {
		t.Errorf("enter opened section %d, want 39", m.section)
	}
}

// The feeds-in-error overlay scrolls (a cache of many feeds opened
// offline, or a network outage, lists more than a screen).
func TestErrorsOverlayScrolls(t *testing.T) {
	m := testModel(t, fixtureStore(t, 2), 80, 24)
	m = press(t, m, "e") // (it reloads the feeds' status from the cache)
	for i := range 30 {
		m.feeds = append(m.feeds, cache.FeedStatus{URL: fmt.Sprintf("https://f%d.example/rss", i), Error: "dial tcp: lookup failed"})
	}
	if !strings.Contains(ansi.Strip(m.Render()), "https://f0.example/rss") {
		t.Fatalf("first feed not shown:\n%s", ansi.Strip(m.Render()))
	}
	m = press(t, m, "G")
	scr := ansi.Strip(m.Render())
	if !strings.Contains(scr, "https://f29.example/rss") || strings.Contains(scr, "https://f0.example/rss") || !strings.Contains(scr, "of 60") {
		t.Errorf("G should show the last feeds in error:\n%s", scr)
	}
}
