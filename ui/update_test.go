package ui

import (
	"context"
	"fmt"
	"image/color"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// fixtureStore makes a cache with n markets articles and 5 world ones.
func fixtureStore(t testing.TB, n int) *cache.Store {
	t.Helper()
	st, err := newFixture(filepath.Join(t.TempDir(), "c.db"), n)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newFixture builds fixtureStore's cache at path.
func newFixture(path string, n int) (*cache.Store, error) {
	st, err := cache.Open(path)
	if err != nil {
		return nil, err
	}
	mk := func(prefix string, count int) []feed.Article {
		var out []feed.Article
		for i := range count {
			p := testNow.Add(-time.Duration(i) * time.Hour)
			out = append(out, feed.Article{
				ID: fmt.Sprintf("%s-%d", prefix, i), Link: fmt.Sprintf("https://t.test/%s/%d", prefix, i),
				Title: fmt.Sprintf("%s story %d about rates", prefix, i), Source: "Test Source", Author: "Writer",
				Published: p, Updated: p, Content: fmt.Sprintf("<p>Body of %s %d.</p>", prefix, i),
			})
		}
		return out
	}
	save := func(url, sec string, arts []feed.Article) error {
		// Subscribed as the reader's sections are (it reloads them when
		// another process changes the cache).
		if err := st.Subscribe(context.Background(), sec, strings.ToUpper(sec[:1])+sec[1:], url); err != nil {
			return err
		}
		return st.Save(context.Background(), feed.Result{URL: url, Status: feed.StatusOK, Title: "T", Articles: arts}, cache.Membership{Sections: []string{sec}})
	}
	if err := save("https://t.test/m.rss", "markets", mk("Markets", n)); err != nil {
		st.Close()
		return nil, err
	}
	if err := save("https://t.test/w.rss", "world", mk("World", 5)); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func testModel(t testing.TB, st *cache.Store, w, h int) Model {
	t.Helper()
	m := New(Options{
		Site: "Test News", Store: st, Offline: true, MarkOnOpen: true, NoColor: true, Now: func() time.Time { return testNow },
		Sections: []feed.Section{{Key: "markets", Title: "Markets"}, {Key: "world", Title: "World"}},
	})
	m = drive(t, m, m.Init())
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send feeds msg to Update and runs the commands it returns to completion.
func send(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, cmd := m.Update(msg)
	return drive(t, next.(Model), cmd)
}

// timerMsg is what a timer command returns in tests: the delay and the
// message it would deliver. drive does not deliver it (a timer is not part
// of the step being driven); a test that wants it can call fire.
type timerMsg struct {
	d    time.Duration
	fire func(time.Time) tea.Msg
}

func TestMain(m *testing.M) {
	after = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d, fn} }
	}
	code := m.Run()
	cleanupBig()
	os.Exit(code)
}

// drive runs cmd and feeds its messages back until nothing is left,
// except timers (see timerMsg), spinner ticks once the refresh is over,
// and quit. A command still running after a minute fails the test: the
// UI's own timers go through after, so only a hung command takes that long.
func drive(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Minute):
		t.Fatalf("a command did not return within a minute (a timer not made with after?)")
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg, timerMsg:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = drive(t, m, c)
		}
		return m
	}
	next, c := m.Update(msg)
	return drive(t, next.(Model), c)
}

func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		case "shift+tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "ctrl+d":
			msg = tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
		default:
			r := []rune(k)[0]
			msg = tea.KeyPressMsg{Code: r, Text: k}
		}
		m = send(t, m, msg)
	}
	return m
}

func TestFocusCycles(t *testing.T) {
	m := testModel(t, fixtureStore(t, 30), 120, 40)
	want := []Pane{ArticlePane, SidePane, ListPane}
	for _, p := range want {
		m = press(t, m, "tab")
		if m.focus != p {
			t.Fatalf("tab: focus %v, want %v", m.focus, p)
		}
	}
	m = press(t, m, "shift+tab")
	if m.focus != SidePane {
		t.Errorf("shift+tab: %v", m.focus)
	}
	m = press(t, m, "h", "h")
	if m.focus != ListPane {
		t.Errorf("h h: %v", m.focus)
	}
	// At 80 columns the side pane is folded: focus skips it.
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(t, m, "tab", "tab")
	if m.focus != ListPane {
		t.Errorf("80 columns: tab tab lands on %v", m.focus)
	}
	m = press(t, m, "\\", "tab", "tab")
	if m.focus != SidePane {
		t.Errorf("side toggled open: focus %v", m.focus)
	}
}

// A window narrowed until the focused side pane folds away moves the
// focus to a pane on screen: keys never go to a pane no one sees.
func TestNarrowedWindowMovesFocusOffTheFoldedPane(t *testing.T) {
	m := testModel(t, fixtureStore(t, 30), 200, 50)
	m = press(t, m, "tab", "tab")
	if m.focus != SidePane {
		t.Fatalf("tab tab: focus %v", m.focus)
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !Layout(m.width, m.height, m.sideToggled, m.focus).Shown(m.focus) {
		t.Fatalf("80 columns: focus %v is not on screen", m.focus)
	}
	before := m.list.cursor
	m = press(t, m, "j")
	if m.list.cursor != before+1 {
		t.Errorf("j after narrowing: list cursor %d, want %d", m.list.cursor, before+1)
	}
	// Below singleMaxWidth the focused pane fills the window: focus stays.
	m = press(t, m, "tab")
	f := m.focus
	m = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 20})
	if m.focus != f {
		t.Errorf("60 columns: focus %v, was %v", m.focus, f)
	}
}

func TestCursorBoundsAndArticleFollows(t *testing.T) {
	m := testModel(t, fixtureStore(t, 30), 120, 40)
	m = press(t, m, "k")
	if m.list.cursor != 0 {
		t.Errorf("k at top: %d", m.list.cursor)
	}
	m = press(t, m, "j", "j")
	if m.list.cursor != 2 || m.article.art.Title != "Markets story 2 about rates" {
		t.Errorf("cursor %d article %q", m.list.cursor, m.article.art.Title)
	}
	m = press(t, m, "G")
	if m.list.cursor != 29 {
		t.Errorf("G: %d", m.list.cursor)
	}
	m = press(t, m, "j")
	if m.list.cursor != 29 {
		t.Errorf("j at bottom: %d", m.list.cursor)
	}
	if m.list.top != max(29-m.list.height+1, 0) || m.list.cursor >= m.list.top+m.list.height {
		t.Errorf("cursor off screen: top %d height %d", m.list.top, m.list.height)
	}
	m = press(t, m, "g", "ctrl+d")
	if m.list.cursor != m.list.height/2 {
		t.Errorf("ctrl+d: %d (height %d)", m.list.cursor, m.list.height)
	}
	if !strings.Contains(m.Render(), "Markets story "+itoa(m.list.cursor)+" about rates") {
		t.Error("article pane does not show the selected story")
	}
}

func TestBigSectionLoadsPagesOnDemand(t *testing.T) {
	m := testModel(t, fixtureStore(t, 1000), 120, 40)
	if m.list.total != 1000 || len(m.pagesLoaded()) != 1 {
		t.Fatalf("total %d pages %v", m.list.total, m.pagesLoaded())
	}
	m = press(t, m, "G")
	a, ok := m.list.Selected()
	if !ok || a.Title != "Markets story 999 about rates" {
		t.Errorf("G on 1000 rows: %q %v (pages %v)", a.Title, ok, m.pagesLoaded())
	}
}

func (m Model) pagesLoaded() []int {
	var out []int
	for p, rows := range m.list.pages {
		if rows != nil {
			out = append(out, p)
		}
	}
	return out
}

func TestOpenMarksReadAndStarReachCache(t *testing.T) {
	st := fixtureStore(t, 30)
	m := testModel(t, st, 120, 40)
	m = press(t, m, "j", "enter")
	a, _ := m.list.Selected()
	if m.focus != ArticlePane || m.article.art.ID != a.ID {
		t.Fatalf("enter: focus %v article %d", m.focus, m.article.art.ID)
	}
	stored, _ := st.Get(context.Background(), a.ID)
	if !stored.Read {
		t.Error("opening did not mark read in the cache")
	}
	if sel, _ := m.list.Selected(); !sel.Read {
		t.Error("list still shows it unread")
	}
	m = press(t, m, "*")
	if stored, _ = st.Get(context.Background(), a.ID); !stored.Starred || !m.article.art.Starred {
		t.Error("star did not reach the cache")
	}
	if m.note != "starred" {
		t.Errorf("note %q", m.note)
	}
	m = press(t, m, "m")
	if stored, _ = st.Get(context.Background(), a.ID); stored.Read {
		t.Error("m did not mark unread")
	}
	m = press(t, m, "M")
	if m.counts["markets"] != 0 {
		t.Errorf("M: unread %v", m.counts)
	}
}

func TestSideTabsSwitch(t *testing.T) {
	// (Rows, reasons and opening from the side pane: discovery_test.go.)
	m := testModel(t, fixtureStore(t, 30), 120, 40)
	if m.side.tab != RelatedTab {
		t.Fatalf("first tab %v", m.side.tab)
	}
	m = press(t, m, "]", "]")
	if m.side.tab != RecommendedTab || !m.side.fallback || !strings.Contains(m.Render(), "No history yet: top stories") {
		t.Errorf("recommended without history should show the labelled top stories:\n%s", m.Render())
	}
	m = press(t, m, "]", "[", "[")
	if m.side.tab != RankingTab {
		t.Errorf("] [ [ from Recommended: tab %v", m.side.tab)
	}
}

func TestSectionSwitchAndFilter(t *testing.T) {
	m := testModel(t, fixtureStore(t, 30), 120, 40)
	m = press(t, m, "2")
	if m.currentSection().Key != "world" || m.list.total != 5 || !strings.Contains(m.Render(), "Home > World") {
		t.Fatalf("section 2: %s total %d", m.currentSection().Key, m.list.total)
	}
	m = press(t, m, "s", "k", "enter")
	if m.currentSection().Key != "markets" || m.list.total != 30 {
		t.Errorf("picker: %s %d", m.currentSection().Key, m.list.total)
	}
	m = press(t, m, "/", "s", "t", "o", "r", "y", " ", "1", "enter")
	if m.filter != "story 1" || m.list.total != 1 { // whole words: a last word under three letters is not a prefix
		t.Errorf("filter %q total %d", m.filter, m.list.total)
	}
	m = press(t, m, "esc")
	if m.filter != "" || m.list.total != 30 {
		t.Errorf("esc: filter %q total %d", m.filter, m.list.total)
	}
}

func TestStaleResultsDropped(t *testing.T) {
	m := testModel(t, fixtureStore(t, 30), 120, 40)
	shown := m.article.art.ID
	m = send(t, m, articleMsg{req: m.articleReq - 1, art: cache.Article{ID: 999, Title: "stale"}})
	if m.article.art.ID != shown {
		t.Error("a stale article replaced the current one")
	}
	m = send(t, m, pageMsg{req: m.listReq - 1, total: 3, arts: []cache.Article{{ID: 5, Title: "stale"}}})
	if m.list.total != 30 {
		t.Error("a stale page replaced the list")
	}
	m = send(t, m, sideMsg{req: m.sideReq[RelatedTab] - 1, tab: RelatedTab, items: nil})
	if len(m.side.lists[RelatedTab]) == 0 {
		t.Error("stale related list applied")
	}
	m = send(t, m, sideMsg{req: m.sideReq[RankingTab], tab: RankingTab, section: "world", items: []cache.Scored{{Article: cache.Article{ID: 77, Title: "world ranking"}}}})
	if l := m.side.lists[RankingTab]; len(l) == 0 || l[0].ID == 77 {
		t.Error("another section's ranking applied")
	}
}

func TestResizeNeverGarbles(t *testing.T) {
	m := testModel(t, fixtureStore(t, 30), 120, 40)
	for _, size := range [][2]int{{120, 40}, {100, 30}, {80, 24}, {60, 20}, {59, 20}, {40, 10}, {20, 5}, {10, 3}, {1, 1}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		out := m.Render()
		lines := strings.Split(out, "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != size[0] {
				t.Errorf("%v: line %d is %d wide", size, i, w)
			}
		}
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 50, Height: 20})
	if out := m.Render(); !strings.Contains(out, "Headlines") || strings.Contains(out, "Discover") {
		t.Errorf("50 columns should show only the focused pane:\n%s", out)
	}
}

func TestActiveSectionTabStaysVisible(t *testing.T) {
	st := fixtureStore(t, 3)
	var secs []feed.Section
	for i := range 9 {
		secs = append(secs, feed.Section{Key: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Section number %d", i+1)})
	}
	m := New(Options{Site: "T", Store: st, Offline: true, NoColor: true, Sections: secs, Section: 8})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 40, Height: 12})
	header := strings.Split(m.Render(), "\n")[1]
	if !strings.Contains(header, "[9 Section number 9]") || !strings.HasPrefix(header, "…") {
		t.Errorf("active tab not visible: %q", header)
	}
}

func TestSideTabsFoldWhenNarrow(t *testing.T) {
	sd := sideModel{tab: RankingTab}
	sd.SetSize(20, 10)
	bar := ansi.Strip(sd.View(NewStyles(true, true), false, testNow)[0])
	if !strings.HasPrefix(bar, "[Ranking] 2/3") || ansi.StringWidth(bar) != 20 {
		t.Errorf("narrow tab bar %q", bar)
	}
	sd.SetSize(40, 10)
	if bar = ansi.Strip(sd.View(NewStyles(true, true), false, testNow)[0]); !strings.HasPrefix(bar, "Related [Ranking] Recommended") {
		t.Errorf("wide tab bar %q", bar)
	}
}

func TestEmptyStates(t *testing.T) {
	st, _ := cache.Open(filepath.Join(t.TempDir(), "e.db"))
	defer st.Close()
	m := testModel(t, st, 120, 40)
	if !strings.Contains(m.Render(), "Offline and the cache has nothing") {
		t.Errorf("offline empty state missing:\n%s", m.Render())
	}
	m.opt.Offline = false
	if !strings.Contains(m.Render(), "press r to") {
		t.Error("online empty state missing")
	}
}

func TestHelpAndQuit(t *testing.T) {
	m := testModel(t, fixtureStore(t, 3), 120, 40)
	m = press(t, m, "?")
	if !strings.Contains(m.Render(), "mark section read") {
		t.Error("full help missing")
	}
	m = press(t, m, "esc")
	if m.overlay != noOverlay {
		t.Error("esc did not close help")
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		t.Fatal("q returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q does not quit")
	}
}

func TestRefreshKeepsCursorOnArticle(t *testing.T) {
	st := fixtureStore(t, 30)
	m := testModel(t, st, 120, 40)
	m = press(t, m, "j", "j", "j")
	reading, _ := m.list.Selected()
	p := testNow.Add(time.Hour)
	newer := []feed.Article{
		{ID: "new-1", Link: "https://t.test/new/1", Title: "Newer one", Published: p, Updated: p},
		{ID: "new-2", Link: "https://t.test/new/2", Title: "Newer two", Published: p.Add(time.Minute), Updated: p},
	}
	if err := st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: newer}, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, refreshDoneMsg{at: testNow})
	if sel, _ := m.list.Selected(); sel.ID != reading.ID || m.list.cursor != 5 || m.list.total != 32 {
		t.Errorf("after refresh: cursor %d on %q (total %d), want 5 on %q", m.list.cursor, sel.Title, m.list.total, reading.Title)
	}
	if m.article.art.ID != reading.ID {
		t.Errorf("article pane moved to %q", m.article.art.Title)
	}
}

func TestRefreshBeforeAnyMoveStaysOnNewest(t *testing.T) {
	st := fixtureStore(t, 30)
	m := testModel(t, st, 120, 40)
	p := testNow.Add(time.Hour)
	newer := feed.Article{ID: "new-1", Link: "https://t.test/new/1", Title: "Newest arrival", Published: p, Updated: p}
	st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{newer}}, cache.Membership{Sections: []string{"markets"}})
	m = send(t, m, refreshDoneMsg{at: testNow})
	if sel, _ := m.list.Selected(); m.list.cursor != 0 || sel.Title != "Newest arrival" || m.article.art.Title != "Newest arrival" {
		t.Errorf("untouched list after refresh: cursor %d on %q, article %q", m.list.cursor, sel.Title, m.article.art.Title)
	}
}

func TestNoColorHasNoColourButShowsFocus(t *testing.T) {
	m := testModel(t, fixtureStore(t, 5), 120, 40)
	out := m.Render()
	if strings.Contains(out, "38;") || strings.Contains(out, "48;") {
		t.Error("NO_COLOR output has colour codes")
	}
	if !strings.Contains(out, "▶ Headlines") || !strings.Contains(out, "┏") {
		t.Error("focus not visible without colour")
	}
	m.opt.NoColor = false
	m = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.isDark || !strings.Contains(m.Render(), "38;") {
		t.Error("light background: styles not rebuilt in colour")
	}
}

func TestMouseWheelAndClick(t *testing.T) {
	m := testModel(t, fixtureStore(t, 60), 120, 40)
	g := Layout(120, 40, false, ListPane)
	r := g.Panes[ListPane]
	m = send(t, m, tea.MouseWheelMsg{X: r.X + 2, Y: r.Y + 5, Button: tea.MouseWheelDown})
	if m.list.top != 3 {
		t.Errorf("wheel: top %d", m.list.top)
	}
	// Rows are several lines high: a click on any line of the fifth row shown selects it.
	m = send(t, m, tea.MouseClickMsg{X: r.X + 2, Y: r.Y + 2 + 4*m.list.rowHeight() + m.list.rowHeight() - 1, Button: tea.MouseLeft})
	if m.list.cursor != m.list.top+4 {
		t.Errorf("click: cursor %d top %d", m.list.cursor, m.list.top)
	}
	if m.article.art.ID != m.list.pages[0][m.list.cursor].ID {
		t.Errorf("click: article pane shows %q", m.article.art.Title)
	}
	a := g.Panes[ArticlePane]
	m = send(t, m, tea.MouseClickMsg{X: a.X + 3, Y: a.Y + 3, Button: tea.MouseLeft})
	if m.focus != ArticlePane {
		t.Errorf("click on article pane: focus %v", m.focus)
	}
	// The side list scrolled down: a click selects the story drawn there.
	m = press(t, m, "tab", "]")
	var many []cache.Scored
	for i := range 30 {
		many = append(many, cache.Scored{Article: cache.Article{ID: int64(1000 + i), Title: fmt.Sprintf("Ranked %d", i), Published: testNow}, Why: "2 outlets · 1h"})
	}
	m = send(t, m, sideMsg{req: m.sideReq[RankingTab], tab: RankingTab, section: "markets", items: many})
	rows := len(m.side.lists[RankingTab])
	m = press(t, m, "G")
	start, _ := m.side.window()
	if start == 0 || m.side.cursor[RankingTab] != rows-1 {
		t.Fatalf("side list did not scroll: start %d cursor %d of %d", start, m.side.cursor[RankingTab], rows)
	}
	sd := g.Panes[SidePane]
	m = send(t, m, tea.MouseClickMsg{X: sd.X + 3, Y: sd.Y + 2 + 2 + 2*3, Button: tea.MouseLeft})
	if m.side.cursor[RankingTab] != start+3 {
		t.Errorf("side click: cursor %d, want %d", m.side.cursor[RankingTab], start+3)
	}
}

func TestMarkReadOnOpenCanBeOff(t *testing.T) {
	st := fixtureStore(t, 5)
	m := New(Options{Site: "T", Store: st, Offline: true, MarkOnOpen: false, NoColor: true, Now: func() time.Time { return testNow },
		Sections: []feed.Section{{Key: "markets", Title: "Markets"}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(t, m, "enter")
	a, _ := m.list.Selected()
	if stored, _ := st.Get(context.Background(), a.ID); stored.Read || m.focus != ArticlePane {
		t.Errorf("opened with mark-on-open off: read %v focus %v", stored.Read, m.focus)
	}
}

func TestRenderCacheReusedPerWidth(t *testing.T) {
	m := testModel(t, fixtureStore(t, 5), 120, 40)
	first := m.article.art.ID
	key := [2]int64{first, int64(m.article.bodyW)}
	if m.article.bodyW != m.article.width {
		t.Errorf("body laid out for %d columns, pane has %d", m.article.bodyW, m.article.width)
	}
	if _, ok := m.renderCache[key]; !ok {
		t.Fatalf("no cached render for %v", key)
	}
	m.renderCache[key] = rendered{lines: []string{"SENTINEL from cache"}}
	m = press(t, m, "j", "k")
	if m.article.art.ID != first || len(m.article.body.lines) != 1 || m.article.body.lines[0] != "SENTINEL from cache" {
		t.Errorf("coming back did not reuse the cached render: %v", m.article.body.lines)
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	if m.article.bodyW != m.article.width || strings.Contains(strings.Join(m.article.body.lines, ""), "SENTINEL") {
		t.Error("a new width must render again")
	}
}

func TestRefreshWithAFailingFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/broken.rss" {
			fmt.Fprint(w, "<html>not a feed</html>")
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Loop</title><item><title>Fresh loopback story</title><link>https://l.test/1</link></item></channel></rss>`)
	}))
	defer srv.Close()
	st, err := cache.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := New(Options{Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true, MarkOnOpen: true,
		Sections: []feed.Section{{Key: "top", Title: "Top", Feeds: []string{srv.URL + "/good.rss", srv.URL + "/broken.rss"}}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if out := m.Render(); !strings.Contains(out, "press r to") || !strings.Contains(out, "Related stories show here") || strings.Contains(out, "for this article") || strings.Contains(out, "loading") {
		t.Fatalf("empty state before refresh:\n%s", out)
	}
	m = press(t, m, "r")
	out := m.Render()
	if m.refreshing || m.list.total != 1 || !strings.Contains(out, "Fresh loopback story") {
		t.Fatalf("after refresh: refreshing %v total %d\n%s", m.refreshing, m.list.total, out)
	}
	if !strings.Contains(out, "1 feed in error (e)") || !strings.Contains(out, "refreshed") {
		t.Errorf("status line:\n%s", out)
	}
	m = press(t, m, "e")
	out = m.Render()
	if !strings.Contains(out, srv.URL+"/broken.rss") || !strings.Contains(out, "not an RSS, Atom or JSON feed") {
		t.Errorf("error list:\n%s", out)
	}
}

func TestOpenBrowserRunsWithoutShell(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browser")
	os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > "+out+"\n"), 0o755)
	t.Setenv("BROWSER", script)
	link := "https://ex.test/a?b=1&c=$(touch%20pwned);x"
	msg := openBrowser(link)()
	if n, ok := msg.(noteMsg); !ok || n.err {
		t.Fatalf("open: %+v", msg)
	}
	var got []byte
	for range 100 {
		if got, _ = os.ReadFile(out); len(got) > 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if string(got) != link+"\n" {
		t.Errorf("browser got %q, want the link as one argument", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("a shell interpreted the link")
	}
	if n := openBrowser("javascript:alert(1)")().(noteMsg); !n.err {
		t.Error("a non-http link was opened")
	}
}

func TestArticlePaneScrollBounds(t *testing.T) {
	st := fixtureStore(t, 3)
	long := feed.Article{ID: "long", Link: "https://t.test/long", Title: "Long read", Published: testNow.Add(time.Hour), Updated: testNow,
		Content: strings.Repeat("<p>Paragraph of a long article that goes on.</p>", 80)}
	st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{long}}, cache.Membership{Sections: []string{"markets"}})
	m := testModel(t, st, 120, 40)
	m = press(t, m, "enter")
	if m.article.art.Title != "Long read" {
		t.Fatalf("opened %q", m.article.art.Title)
	}
	m = press(t, m, "k")
	if m.article.offset != 0 {
		t.Errorf("k at top: %d", m.article.offset)
	}
	m = press(t, m, "j", "j")
	if m.article.offset != 2 {
		t.Errorf("j j: %d", m.article.offset)
	}
	m = press(t, m, "G")
	bottom := m.article.offset
	if bottom != len(m.article.body.lines)-(m.article.height-len(m.article.headerLines(m.styles))) {
		t.Errorf("G: offset %d for %d lines in %d rows", bottom, len(m.article.body.lines), m.article.height)
	}
	last := m.article.body.lines[len(m.article.body.lines)-1]
	if !strings.Contains(m.Render(), last) {
		t.Errorf("last line %q not on screen", last)
	}
	m = press(t, m, "j", "g")
	if m.article.offset != 0 {
		t.Errorf("g: %d", m.article.offset)
	}
}

func TestListRowsNeverWrapWideTitles(t *testing.T) {
	l := newList()
	l.SetSize(30, 12)
	l.loaded, l.total = true, 3
	l.pages[0] = []cache.Article{
		{ID: 1, Title: "東京の市場が大きく上昇した日の記録と分析", Source: "新聞", Published: testNow},
		{ID: 2, Title: "Emoji 📈📉 markets swing wildly all day long", Source: "Wire 🙂", Published: testNow.Add(-3 * time.Hour), Read: true},
		{ID: 3, Title: "short", Source: "S", Published: testNow.Add(-50 * 24 * time.Hour), Starred: true},
	}
	for _, focused := range []bool{true, false} {
		lines := l.View(NewStyles(true, true), focused, testNow, "")
		if len(lines) != 3*l.rowHeight() {
			t.Fatalf("%d lines for 3 rows of %d", len(lines), l.rowHeight())
		}
		for i, r := range lines {
			if w := ansi.StringWidth(r); w != 30 {
				t.Errorf("line %d is %d wide: %q", i, w, ansi.Strip(r))
			}
			if !utf8.ValidString(r) {
				t.Errorf("line %d is not valid UTF-8: %q", i, r)
			}
		}
		rh := l.rowHeight()
		if plain := ansi.Strip(lines[0]); !strings.HasPrefix(plain, "▶●  東京") {
			t.Errorf("cursor row (focused %v): %q", focused, plain)
		}
		if plain := ansi.Strip(lines[2*rh]); !strings.HasPrefix(plain, " ●* short") {
			t.Errorf("starred row: %q", plain)
		}
		if plain := strings.TrimRight(ansi.Strip(lines[2*rh+1]), " "); plain != "    S · 7w" {
			t.Errorf("starred row's meta line: %q", plain)
		}
		if plain := ansi.Strip(lines[rh]); !strings.HasPrefix(plain, "    Emoji") {
			t.Errorf("read row: %q", plain)
		}
	}
	// Starred and unread: both marks show, each in its own column.
	l.pages[0][0].Starred = true
	if plain := ansi.Strip(l.View(NewStyles(true, true), false, testNow, "")[0]); !strings.HasPrefix(plain, "▶●* ") {
		t.Errorf("starred unread cursor row: %q", plain)
	}
}

// A typical 60-80 character headline must be readable whole in the list
// at every common terminal width: the title may wrap, never be cut.
func TestHeadlinesReadableAtCommonWidths(t *testing.T) {
	st := fixtureStore(t, 3)
	p := testNow.Add(time.Hour)
	title := "Central bank of Tirvana holds rates as inflation cools for a third month" // 73 characters
	st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{
		{ID: "long-title", Link: "https://t.test/lt", Title: title, Source: "Herald", Published: p, Updated: p, Content: "<p>x</p>"}}},
		cache.Membership{Sections: []string{"markets"}})
	for _, size := range [][2]int{{60, 24}, {80, 24}, {100, 30}, {120, 40}, {200, 50}} {
		m := testModel(t, st, size[0], size[1])
		g := Layout(size[0], size[1], false, ListPane)
		r := g.Panes[ListPane]
		// The list pane's text, line by line, joined: the title must be in it.
		var text []string
		for _, line := range strings.Split(ansi.Strip(m.Render()), "\n")[r.Y+2 : r.Y+r.H-1] {
			cells := []rune(line)
			inner := strings.TrimSpace(string(cells[r.X+1+gutter : r.X+r.W-1]))
			text = append(text, inner)
		}
		joined := strings.Join(text, " ")
		if !strings.Contains(joined, title) {
			t.Errorf("%dx%d: headline not readable whole in the list:\n%s", size[0], size[1], strings.Join(text, "\n"))
		}
		if m.list.height < 4 {
			t.Errorf("%dx%d: only %d headlines on screen", size[0], size[1], m.list.height)
		}
	}
}

func TestCursorHasItsOwnColumnInRanking(t *testing.T) {
	sd := sideModel{tab: RankingTab}
	sd.SetSize(40, 40)
	var arts []cache.Scored
	for i := range 12 {
		arts = append(arts, cache.Scored{Article: cache.Article{ID: int64(i + 1), Title: fmt.Sprintf("Story %d", i+1), Source: "S", Published: testNow}, Why: "2 outlets · 1h"})
	}
	sd.set(RankingTab, arts)
	for _, cur := range []int{0, 10} {
		sd.cursor[RankingTab] = cur
		lines := sd.View(NewStyles(true, true), false, testNow)
		for i := range arts {
			plain := ansi.Strip(lines[2+2*i])
			want := fmt.Sprintf("%2d. Story %d", i+1, i+1)
			if plain[len(string([]rune(plain)[0])):][:len(want)] != want {
				t.Errorf("cursor on %d: row %d reads %q, want the rank %q intact", cur, i, plain, want)
			}
			if (i == cur) != strings.HasPrefix(plain, "▶") {
				t.Errorf("cursor on %d: row %d %q", cur, i, plain)
			}
		}
	}
}

func TestAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "now", 5 * time.Minute: "5m", 3 * time.Hour: "3h", 49 * time.Hour: "2d",
		20 * 24 * time.Hour: "2w", 800 * 24 * time.Hour: "2y", -time.Hour: "now",
	} {
		if got := Age(testNow.Add(-d), testNow); got != want {
			t.Errorf("Age(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestResizeReRendersWithoutReloadingRelated(t *testing.T) {
	m := testModel(t, fixtureStore(t, 10), 120, 40)
	req, related := m.sideReq[RelatedTab], len(m.side.lists[RelatedTab])
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.sideReq[RelatedTab] != req || len(m.side.lists[RelatedTab]) != related {
		t.Errorf("resize asked for related again: req %d -> %d", req, m.sideReq[RelatedTab])
	}
	m = press(t, m, "j")
	if m.sideReq[RelatedTab] == req || m.relatedFor != m.article.art.ID {
		t.Errorf("another article did not ask for its related stories")
	}
}

// Every key of the full help can be read at 80x24 and, by scrolling, in
// a window too short to show them all at once.
func TestHelpFitsAndScrolls(t *testing.T) {
	var descs []string
	for _, g := range DefaultKeyMap().FullHelp() {
		for _, b := range g {
			descs = append(descs, b.Help().Desc)
		}
	}
	for _, size := range [][2]int{{80, 24}, {60, 12}, {40, 10}} {
		m := testModel(t, fixtureStore(t, 3), size[0], size[1])
		m = press(t, m, "?")
		seen := map[string]bool{}
		for range 80 {
			for _, line := range strings.Split(ansi.Strip(m.Render()), "\n") {
				for _, d := range descs {
					if strings.Contains(line, " "+d+" ") || strings.HasSuffix(strings.TrimRight(line, " │┃"), " "+d) {
						seen[d] = true
					}
				}
			}
			m = press(t, m, "j")
		}
		for _, d := range descs {
			if !seen[d] {
				t.Errorf("%dx%d: help never shows %q", size[0], size[1], d)
			}
		}
		if m.overlay != helpOverlay {
			t.Errorf("%dx%d: j closed the help", size[0], size[1])
		}
	}
}

// A short window still shows the article's body under its header.
func TestArticleHeaderLeavesRoomForBody(t *testing.T) {
	st := fixtureStore(t, 3)
	p := testNow.Add(time.Hour)
	st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{{
		ID: "h", Link: "https://t.test/h", Title: "A very long headline about the central bank of a faraway republic that keeps going on",
		Source: "Herald", Author: "A. Writer", Published: p, Updated: p, Content: "<p>BODYSTART of the article text.</p>"}}},
		cache.Membership{Sections: []string{"markets"}})
	for _, size := range [][2]int{{40, 12}, {80, 24}, {30, 9}} {
		m := testModel(t, st, size[0], size[1])
		m = press(t, m, "enter")
		if out := m.Render(); !strings.Contains(out, "BODYSTART") {
			t.Errorf("%dx%d: no body under the header:\n%s", size[0], size[1], out)
		}
	}
	// Wide enough: the date is whole on one line.
	m := testModel(t, st, 80, 24)
	m = press(t, m, "enter")
	if !strings.Contains(m.Render(), p.Local().Format("Mon 2 Jan 2006 15:04")) {
		t.Errorf("date split:\n%s", m.Render())
	}
}

func TestMetaLinesBreakBetweenParts(t *testing.T) {
	got := metaLines([]string{"Herald", "A. Writer", "Mon 2 Jan 2006 15:04"}, 22, false)
	want := []string{"Herald · A. Writer", "Mon 2 Jan 2006 15:04"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPickerDigitsAndFoldedTabFeedback(t *testing.T) {
	m := testModel(t, fixtureStore(t, 5), 80, 24)
	m = press(t, m, "s", "2")
	if m.overlay != noOverlay || m.currentSection().Key != "world" {
		t.Errorf("2 in the picker: overlay %v section %s", m.overlay, m.currentSection().Key)
	}
	m = press(t, m, "]")
	if m.side.tab != RankingTab || !strings.Contains(m.Render(), "Discover: Ranking") {
		t.Errorf("] with the side pane folded gave no feedback:\n%s", m.Render())
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 140, Height: 40})
	m.note = ""
	m = press(t, m, "]")
	if m.side.tab != RecommendedTab || m.note != "" {
		t.Errorf("] with the side pane shown: tab %v note %q", m.side.tab, m.note)
	}
}

// The status line says each fact once: failed feeds are counted by "in
// error" only, and a refresh where every feed failed is not "refreshed".
func TestStatusLineOneFactOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	}))
	defer srv.Close()
	st, err := cache.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := New(Options{Site: "T", Store: st, Fetcher: feed.NewFetcher(feed.Options{}), NoColor: true,
		Now:      func() time.Time { return time.Date(2026, 11, 27, 13, 0, 0, 0, time.Local) }, // no 2 in the time shown
		Sections: []feed.Section{{Key: "top", Title: "Top", Feeds: []string{srv.URL + "/a.rss", srv.URL + "/b.rss"}}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(t, m, "r")
	lines := strings.Split(ansi.Strip(m.Render()), "\n")
	status := lines[len(lines)-2]
	counts := regexp.MustCompile(`\b\d+\b`).FindAllString(regexp.MustCompile(`\d\d:\d\d`).ReplaceAllString(status, ""), -1)
	if len(counts) != 1 || !strings.Contains(status, "2 feeds in error (e)") || strings.Contains(status, "failed:") {
		t.Errorf("status line counts the failures more than once: %q", status)
	}
	if strings.Contains(status, "refreshed") || !strings.Contains(status, "refresh failed") {
		t.Errorf("every feed failed, status says %q", status)
	}
	if out := m.Render(); strings.Contains(out, "press r to refresh") || !strings.Contains(out, "failed to refresh") {
		t.Errorf("empty list after a failed refresh:\n%s", out)
	}
}

// A refresh restarted while the last one's spinner tick is pending runs
// one tick chain, not two.
func TestSpinnerRestartKeepsOneChain(t *testing.T) {
	m := testModel(t, fixtureStore(t, 3), 120, 40)
	m.refreshing = true
	first := m.spin.Tick()
	next, cmd := m.Update(first)
	m = next.(Model)
	if cmd == nil {
		t.Fatal("no next tick while refreshing")
	}
	pending := cmd() // the chain's next tick, not yet delivered
	// The refresh ends and another starts at once: a second Tick.
	restart := m.spin.Tick()
	alive := 0
	for _, msg := range []tea.Msg{pending, restart} {
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			alive++
		}
	}
	if alive != 1 {
		t.Errorf("%d tick chains after a restart, want 1", alive)
	}
}

// M marks a section read; u brings back exactly the articles it marked.
func TestUndoMarkSectionRead(t *testing.T) {
	st := fixtureStore(t, 30)
	m := testModel(t, st, 120, 40)
	m = press(t, m, "enter", "esc", "j", "enter", "esc") // two read before M
	if m.counts["markets"] != 28 {
		t.Fatalf("before M: %d unread", m.counts["markets"])
	}
	m = press(t, m, "M")
	if m.counts["markets"] != 0 || !strings.Contains(m.note, "u to undo") {
		t.Fatalf("M: %d unread, note %q", m.counts["markets"], m.note)
	}
	m = press(t, m, "u")
	if m.counts["markets"] != 28 || !strings.Contains(m.note, "undone") {
		t.Errorf("u: %d unread (want the 28 M marked), note %q", m.counts["markets"], m.note)
	}
	first, _ := st.Get(context.Background(), m.list.pages[0][0].ID)
	if !first.Read {
		t.Error("u also unmarked an article read before M")
	}
	m = press(t, m, "u")
	if m.note != "nothing to undo" || m.counts["markets"] != 28 {
		t.Errorf("second u: note %q, %d unread", m.note, m.counts["markets"])
	}
}
