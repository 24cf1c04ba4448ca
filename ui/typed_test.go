package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

// typeText sends s one character at a time, as typing does.
func typeText(t *testing.T, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = send(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// A query or an address longer than the line shows its end, where the
// cursor is ("…" before it), not its start with the cursor cut off; CJK
// and emoji included.
func TestLongTypedTextShowsItsEnd(t *testing.T) {
	st := fixtureStore(t, 3)
	for _, w := range []int{40, 80} {
		m := testModel(t, st, w, 20)
		m = press(t, m, "/")
		m = typeText(t, m, strings.Repeat("interest rates ", 8)+"東京 👩\u200d👩\u200d👧 tailword")
		lines := strings.Split(ansi.Strip(m.Render()), "\n")
		prompt := lines[len(lines)-2]
		if !strings.Contains(prompt, "tailword█") || !strings.HasPrefix(prompt, "/…") {
			t.Errorf("width %d: prompt %q hides the cursor", w, prompt)
		}
		if g := ansi.StringWidth(prompt); g != w {
			t.Errorf("width %d: prompt is %d cells", w, g)
		}
		m = press(t, m, "esc")

		m.opt.Offline, m.opt.Fetcher = false, feed.NewFetcher(feed.Options{})
		m = press(t, m, "F", "a")
		m = typeText(t, m, "https://news.example/"+strings.Repeat("section/", 12)+"endmark")
		scr := ansi.Strip(m.Render())
		if !strings.Contains(scr, "endmark█") || !strings.Contains(scr, "  …") {
			t.Errorf("width %d: the address's end is not shown:\n%s", w, scr)
		}
	}
	// A short query stays whole.
	m := testModel(t, st, 80, 20)
	m = typeText(t, press(t, m, "/"), "rates")
	lines := strings.Split(ansi.Strip(m.Render()), "\n")
	if p := lines[len(lines)-2]; !strings.HasPrefix(p, "/rates█  in ") {
		t.Errorf("short prompt %q", p)
	}
}

// In a terminal of five or six rows a pane gives its title line to its
// content: the list shows a headline, not only its name, and a click on
// that row selects it; from seven rows the title is back.
func TestTinyTerminalShowsAHeadline(t *testing.T) {
	st := fixtureStore(t, 3)
	for _, c := range []struct {
		w, h  int
		title bool
	}{{20, 5, false}, {30, 6, false}, {40, 7, true}, {60, 12, true}} {
		m := testModel(t, st, c.w, c.h)
		scr := ansi.Strip(m.Render())
		lines := strings.Split(scr, "\n")
		if len(lines) != c.h {
			t.Fatalf("%dx%d: %d lines", c.w, c.h, len(lines))
		}
		if got := strings.Contains(scr, "Headlines 1/"); got != c.title {
			t.Errorf("%dx%d: pane title shown %v, want %v:\n%s", c.w, c.h, got, c.title, scr)
		}
		if !strings.Contains(scr, "●  Markets s") {
			t.Errorf("%dx%d: no headline on screen:\n%s", c.w, c.h, scr)
		}
		for i, l := range lines {
			if ansi.StringWidth(l) != c.w {
				t.Errorf("%dx%d: line %d is %d cells", c.w, c.h, i, ansi.StringWidth(l))
			}
		}
	}
}

// u undoes m too: an article marked read by mistake is unread again, and
// one marked unread is read again; a second u has nothing left.
func TestUndoToggleRead(t *testing.T) {
	st := fixtureStore(t, 30)
	m := testModel(t, st, 120, 40)
	id := m.list.pages[0][0].ID
	isRead := func() bool {
		t.Helper()
		a, err := st.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return a.Read
	}
	unread := m.counts["markets"]
	m = press(t, m, "m")
	if !isRead() || m.counts["markets"] != unread-1 || !strings.Contains(m.note, "u to undo") {
		t.Fatalf("m: read %v, %d unread, note %q", isRead(), m.counts["markets"], m.note)
	}
	m = press(t, m, "u")
	if isRead() || m.counts["markets"] != unread || !strings.Contains(m.note, "undone: marked unread again") {
		t.Fatalf("u after m: read %v, %d unread, note %q", isRead(), m.counts["markets"], m.note)
	}
	if a, _ := m.list.Selected(); a.ID != id || a.Read {
		t.Errorf("the list's row: %+v", a)
	}
	m = press(t, m, "m", "m") // read, then unread again
	m = press(t, m, "u")
	if !isRead() || !strings.Contains(m.note, "undone: marked read again") {
		t.Errorf("u after m m: read %v, note %q", isRead(), m.note)
	}
	m = press(t, m, "u")
	if m.note != "nothing to undo" || !isRead() {
		t.Errorf("second u: note %q", m.note)
	}
}

// The footer keeps "? help" and "q quit" at every width they fit in: the
// keys before them give way, from the last, in each pane.
func TestFooterAlwaysOffersHelpAndQuit(t *testing.T) {
	st := fixtureStore(t, 3)
	for _, w := range []int{30, 60, 100, 140} {
		m := testModel(t, st, w, 30)
		for _, p := range []string{"Headlines", "Article", "Discover"} {
			f := footerHelp(m)
			if !strings.HasSuffix(strings.TrimRight(f, " "), "? help • q quit") {
				t.Errorf("width %d, %s: footer %q", w, p, f)
			}
			if w >= 40 && !strings.HasPrefix(f, "tab next pane") {
				t.Errorf("width %d, %s: footer %q lost its first key", w, p, f)
			}
			if ansi.StringWidth(f) > w {
				t.Errorf("width %d: footer %d cells", w, ansi.StringWidth(f))
			}
			if p == "Headlines" && w >= 80 && !strings.Contains(f, "/ search") {
				t.Errorf("width %d: the list's footer %q does not say how to search", w, f)
			}
			m = press(t, m, "tab")
		}
	}
}

// A long query that matches nothing is said back cut ("…"), not wrapped
// over the whole list pane.
func TestLongQueryWithoutHitsIsSaidBackCut(t *testing.T) {
	st := fixtureStore(t, 3)
	m := testModel(t, st, 120, 40)
	m = typeText(t, press(t, m, "/"), strings.Repeat("zqxvorth ", 30)+"end")
	m = press(t, m, "enter")
	scr := ansi.Strip(m.Render())
	if !strings.Contains(scr, "Nothing in Markets matches “zqxvorth") || !strings.Contains(scr, "…”") || strings.Count(scr, "zqxvorth") > 20 {
		t.Errorf("long query said back whole:\n%s", scr)
	}
}

// In a narrow window the feeds-in-error overlay wraps a long reason and
// a long address instead of cutting their ends off.
func TestErrorsOverlayWrapsLongReasons(t *testing.T) {
	m := testModel(t, fixtureStore(t, 2), 50, 24)
	m = press(t, m, "e")
	m.feeds = append(m.feeds, cache.FeedStatus{URL: "https://feeds.example/news/world/europe/rss-full-text.xml?edition=int",
		Error: "no such host: feeds.example does not resolve (offline, or a mistyped address?)"})
	scr := ansi.Strip(m.Render())
	for _, want := range []string{"✗ https://feeds.example/news/world/europe/rss-fu", "    ll-text.xml?edition=int", "    no such host: feeds.example does not", "    resolve (offline, or a mistyped address?)"} {
		if !strings.Contains(scr, want) {
			t.Errorf("overlay lacks %q:\n%s", want, scr)
		}
	}
	for _, l := range strings.Split(scr, "\n") {
		if strings.HasPrefix(l, "┃") && strings.Contains(l, "…") {
			t.Errorf("something was cut: %q", l)
		}
	}
}

// The search prompt edits as the feed address does: backspace takes the
// last character as one sees it (a family emoji, a flag, an accented
// letter), ctrl+w the last word, ctrl+u all; a pasted phrase is typed at
// once, on one line.
func TestSearchPromptEditing(t *testing.T) {
	st := fixtureStore(t, 3)
	m := testModel(t, st, 100, 30)
	m = press(t, m, "/")
	m = typeText(t, m, "rates 👩\u200d👩\u200d👧🇬🇧e\u0301")
	for _, want := range []string{"rates 👩\u200d👩\u200d👧🇬🇧", "rates 👩\u200d👩\u200d👧", "rates ", "rates"} {
		m = send(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
		if *m.filterIn != want {
			t.Fatalf("backspace: %q, want %q", *m.filterIn, want)
		}
	}
	m = typeText(t, m, " story about")
	m = send(t, m, tea.KeyPressMsg{Code: 'w', Mod: tea.ModCtrl})
	if *m.filterIn != "rates story " {
		t.Errorf("ctrl+w: %q", *m.filterIn)
	}
	m = send(t, m, tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	if *m.filterIn != "" {
		t.Errorf("ctrl+u: %q", *m.filterIn)
	}
	m = send(t, m, tea.PasteMsg{Content: "Markets story\n 0\x1b[31m about\r\n"})
	if *m.filterIn != "Markets story 0 about" || m.filter != "Markets story 0 about" {
		t.Errorf("paste: %q (filter %q)", *m.filterIn, m.filter)
	}
	if scr := ansi.Strip(m.Render()); !strings.Contains(scr, "Headlines 1/") {
		t.Errorf("the pasted query found nothing:\n%s", scr)
	}
}

// An overlay's footer keeps the esc that closes it when its keys do not
// fit: the sections picker at 44 columns says "esc close".
func TestOverlayFooterKeepsEsc(t *testing.T) {
	st := fixtureStore(t, 3)
	for _, w := range []int{30, 44, 60} {
		m := testModel(t, st, w, 20)
		m = press(t, m, "s")
		if f := strings.TrimRight(footerHelp(m), " "); !strings.HasSuffix(f, "esc close") || ansi.StringWidth(f) > w {
			t.Errorf("width %d: picker footer %q", w, f)
		}
		m = press(t, m, "esc", "F")
		if f := strings.TrimRight(footerHelp(m), " "); !strings.HasSuffix(f, "esc close") {
			t.Errorf("width %d: feeds footer %q", w, f)
		}
	}
}

// Typing an emoji (which the index has no word for) finds the articles
// whose titles hold it, in the list with the emoji marked, as a word is.
func TestSearchForAnEmoji(t *testing.T) {
	st := fixtureStore(t, 3)
	p := testNow.Add(-30 * time.Minute)
	arts := []feed.Article{
		{ID: "e1", Link: "https://t.test/e/1", Title: "🚀 Launch window opens for the probe", Source: "Test Source", Published: p, Updated: p, Content: "<p>The launch is set for dawn.</p>"},
		{ID: "e2", Link: "https://t.test/e/2", Title: "Kyiv 🇺🇦 talks resume", Source: "Test Source", Published: p, Updated: p, Content: "<p>Envoys arrived.</p>"},
	}
	if err := st.Save(context.Background(), feed.Result{URL: "https://t.test/e.rss", Status: feed.StatusOK, Title: "E", Articles: arts}, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"🚀": "Launch window opens", "🇺🇦": "talks resume"} {
		m := testModel(t, st, 100, 24)
		m = press(t, m, "/")
		m = typeText(t, m, q)
		if m.list.total != 1 {
			t.Fatalf("%s: %d hits\n%s", q, m.list.total, m.Render())
		}
		if scr := ansi.Strip(m.Render()); !strings.Contains(scr, want) {
			t.Errorf("%s: the hit %q is not listed:\n%s", q, want, scr)
		}
		m.styles = NewStyles(true, true)
		if raw := m.Render(); !regexp.MustCompile(`\x1b\[[0-9;]*4[0-9;]*m` + regexp.QuoteMeta(q)).MatchString(raw) {
			t.Errorf("%s: not underlined in its title:\n%q", q, raw)
		}
	}
}

// A search that finds nothing says why when the query is only emoji
// (looked for in titles) or has nothing to look for at all.
func TestEmptySearchSaysWhatWasLookedFor(t *testing.T) {
	st := fixtureStore(t, 3)
	for q, want := range map[string]string{
		"🦄":     "Emoji and symbols are looked for in titles only.",
		"!!":    "It has no word or emoji to look for.",
		"zzyzx": "matches “zzyzx”. Press / then tab",
	} {
		m := testModel(t, st, 60, 24) // the list alone, full width
		m = press(t, m, "/")
		m = typeText(t, m, q)
		if m.list.total != 0 {
			t.Fatalf("%s: %d hits", q, m.list.total)
		}
		scr := ansi.Strip(m.Render())
		if text := strings.Join(strings.Fields(strings.ReplaceAll(scr, "┃", " ")), " "); !strings.Contains(text, want) {
			t.Errorf("%s: the list does not say %q:\n%s", q, want, scr)
		}
	}
}
