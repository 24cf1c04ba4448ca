package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

// Text in Indic scripts takes as many cells to the layout as on a
// terminal that adds up code points, and reads the same once the
// zero width spaces are taken out.
func TestStableWidth(t *testing.T) {
	for _, s := range []string{
		"प्रधानमंत्री ने कहा",  // Devanagari: conjuncts, vowel signs
		"বাংলা সংবাদ",          // Bengali
		"தமிழ்நாடு செய்திகள்",  // Tamil
		"ગુજરાતી સમાચાર",       // Gujarati
		"Plain ASCII headline", // untouched
		"東京の天気 مرحبا Ελληνικά",
	} {
		out := stableWidth(s)
		if g, wc := ansi.StringWidth(out), ansi.StringWidthWc(out); g != wc {
			t.Errorf("%q: layout %d cells, terminal %d", s, g, wc)
		}
		if strings.ReplaceAll(out, string(wordJoiner), "") != s {
			t.Errorf("%q became %q", s, out)
		}
		if stableWidth(out) != out {
			t.Errorf("%q: not stable after one pass", s)
		}
	}
	// Emoji sequences: both count alike once drawn, the emoji themselves
	// stay, and a joiner that spells a script stays too.
	for in, want := range map[string]string{
		"Family \U0001F469\u200d\U0001F469\u200d\U0001F467 day": "Family \U0001F469\U0001F469\U0001F467 day",
		"Thumbs \U0001F44D\U0001F3FD up":                        "Thumbs \U0001F44D up",
		"Love \u2764\ufe0f it":                                  "Love \u2764 it",
		"Key 1\ufe0f\u20e3 pad":                                 "Key 1 pad",
		"Pride \U0001F3F3\ufe0f\u200d\U0001F308 flag":           "Pride \U0001F3F3\U0001F308 flag",
		"Ukraine \U0001F1FA\U0001F1E6 flag":                     "Ukraine \U0001F1FA\U0001F1E6 flag",
		"Coder \U0001F469\U0001F3FD\u200d\U0001F4BB at work":    "Coder \U0001F469\U0001F4BB at work",
		"അവന്\u200d വന്നു \U0001F44D\U0001F3FF":                 "അവന്\u200d വന്നു \U0001F44D",
	} {
		out := stableWidth(in)
		if g, wc := ansi.StringWidth(out), ansi.StringWidthWc(out); g != wc {
			t.Errorf("%q: layout %d cells, terminal %d", in, g, wc)
		}
		if got := strings.ReplaceAll(out, string(wordJoiner), ""); got != want {
			t.Errorf("stableWidth(%q) = %q, want %q", in, got, want)
		}
		if stableWidth(out) != out {
			t.Errorf("%q: not stable after one pass", in)
		}
	}
	if s := "東京の天気 مرحبا"; stableWidth(s) != s {
		t.Errorf("text both count alike changed: %q", stableWidth(s))
	}
	// A title too long for its row is cut and padded to the row's width
	// in both counts.
	row := fit("प्रधानमंत्री ने कहा कि सरकार नई योजना लाएगी", 20)
	if g, wc := ansi.StringWidth(row), ansi.StringWidthWc(row); g != 20 || wc != 20 {
		t.Errorf("fit: layout %d, terminal %d cells: %q", g, wc, row)
	}
	for _, l := range wrapLines("प्रधानमंत्री ने कहा कि सरकार नई योजना लाएगी", 12, "") {
		if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g != wc || g > 12 {
			t.Errorf("wrapLines: layout %d, terminal %d cells: %q", g, wc, l)
		}
	}
}

// An anchor without an address (a named anchor, a script hook) is text,
// not a numbered link back to the article itself.
func TestAnchorWithoutHrefIsText(t *testing.T) {
	out := Render(`<p>An <a name="x">anchor</a>, an <a href="">empty one</a>, a <a href="  ">blank one</a> and a <a href="/real">real link</a>.</p>`,
		"https://example.test/news/story.html", 80, plainStyle())
	if len(out.links) != 1 || out.links[0] != "https://example.test/real" {
		t.Errorf("links %q", out.links)
	}
	if got := strings.Join(out.lines, "\n"); !strings.Contains(got, "An anchor, an empty one, a blank one and a real link[1].") {
		t.Errorf("text %q", got)
	}
}

// The space after an inline element that the renderer has no style for
// (span, sup, abbr, time …) survives, and media fallback text ("your
// browser does not support …") and templates never show.
func TestInlineSpacingAndMediaFallback(t *testing.T) {
	out := Render(`<p><span class="dateline">LONDON</span> — Talks <abbr title="x">UN</abbr> said <time>Monday</time>, note<sup>1</sup> and <b>bold</b> <i>it</i> end.</p>`+
		`<video src="https://example.test/v.mp4" controls>Your browser does not support the video tag.</video>`+
		`<audio src="https://example.test/a.mp3">Your browser does not support audio.</audio><template><p>Hidden template</p></template><p>After.</p>`,
		"https://example.test/news/story.html", 100, plainStyle())
	got := strings.Join(out.lines, "\n")
	if !strings.Contains(got, "LONDON — Talks UN said Monday, note¹ and bold it end.") {
		t.Errorf("spacing: %q", got)
	}
	if strings.Contains(got, "browser") || strings.Contains(got, "Hidden") || !strings.Contains(got, "[video]") || !strings.Contains(got, "[audio]") || !strings.Contains(got, "After.") {
		t.Errorf("media: %q", got)
	}
}

// simpleRune's runes take one cell to the layout and to the terminal,
// alone and between letters, so stableWidth may skip measuring them.
func TestSimpleRunesNeedNoMeasuring(t *testing.T) {
	n := 0
	for r := rune(0x80); r < 0x3000; r++ {
		if !simpleRune(r) {
			continue
		}
		n++
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r), "1" + string(r)} {
			if g, wc := ansi.StringWidth(s), ansi.StringWidthWc(s); g != wc || g != len([]rune(s)) {
				t.Errorf("%U in %q: layout %d cells, terminal %d", r, s, g, wc)
			}
		}
	}
	if n < 400 {
		t.Errorf("only %d simple runes", n)
	}
	headline := "Minister’s “bold” plan — café owners’ €5 levy…"
	if stableWidth(headline) != headline {
		t.Errorf("changed: %q", stableWidth(headline))
	}
}

// An element left open holds the rest of the article in the parsed tree:
// the rest is shown, not dropped with the fallback it would hide.
func TestUnclosedMediaKeepsTheRest(t *testing.T) {
	for _, tag := range []string{"video", "audio", "object", "template", "canvas"} {
		out := Render(`<p>Before the clip.</p><`+tag+` src="https://example.test/v.mp4"><p>The council met on Monday.</p><p>Its vote is due in June.</p>`,
			"https://example.test/news/story.html", 100, plainStyle())
		got := strings.Join(out.lines, "\n")
		if !strings.Contains(got, "Before the clip.") || !strings.Contains(got, "The council met on Monday.") || !strings.Contains(got, "Its vote is due in June.") {
			t.Errorf("%s left open: %q", tag, got)
		}
	}
}

// An article whose feed gives no text (title-only feeds) says so in the
// article pane and names the keys that get the text, as rebound.
func TestArticleWithoutTextSaysHowToGetIt(t *testing.T) {
	st, err := cache.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.Subscribe(ctx, "markets", "Markets", "https://t.test/n.rss"); err != nil {
		t.Fatal(err)
	}
	arts := []feed.Article{
		{ID: "bare", Link: "https://t.test/bare", Title: "Headline only", Source: "T", Published: testNow, Updated: testNow},
		{ID: "full", Link: "https://t.test/full", Title: "With a body", Source: "T", Published: testNow.Add(-time.Hour), Updated: testNow.Add(-time.Hour), Content: "<p>Body text.</p>"},
	}
	if err := st.Save(ctx, feed.Result{URL: "https://t.test/n.rss", Status: feed.StatusOK, Title: "T", Articles: arts}, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	keys := DefaultKeyMap()
	keys.FullText = key.NewBinding(key.WithKeys("F2"), key.WithHelp("F2", "full text"))
	m := New(Options{Site: "T", Store: st, Offline: true, NoColor: true, Now: func() time.Time { return testNow }, Keys: &keys,
		Sections: []feed.Section{{Key: "markets", Title: "Markets"}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = press(t, m, "enter")
	if out := m.Render(); !strings.Contains(out, "Headline only") || !strings.Contains(out, "No text in the feed") || !strings.Contains(out, "F2") {
		t.Errorf("bare article:\n%s", out)
	}
	m = press(t, m, "shift+tab", "j", "enter")
	if out := m.Render(); !strings.Contains(out, "Body text.") || strings.Contains(out, "No text in the feed") {
		t.Errorf("article with a body:\n%s", out)
	}
}

// --list keeps its columns with sources in wide or combining scripts: the
// source column is 16 cells on the terminal, not 16 code points.
func TestListColumnsWithWideSources(t *testing.T) {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.Local)
	var b strings.Builder
	arts := []cache.Article{
		{Source: "Plain Wire", Title: "First", Published: at},
		{Source: "東京新聞ニュース速報サイト", Title: "Second", Published: at},
		{Source: "हिंदी समाचार", Title: "Third", Published: at},
		{Source: "A very long source name indeed", Title: "Fourth", Published: at},
	}
	if err := PrintList(&b, "top", arts, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	col := -1
	for i, l := range lines {
		title := []string{"First", "Second", "Third", "Fourth"}[i]
		j := strings.Index(l, title)
		if j < 0 {
			t.Fatalf("line %q lacks %q", l, title)
		}
		c := ansi.StringWidthWc(l[:j])
		if col >= 0 && c != col {
			t.Errorf("title of line %d at column %d, not %d:\n%s", i, c, col, b.String())
		}
		col = c
	}
}

// A feed titled "Outlet - Section" too long for the source column shows
// the outlet ("Harbour Times", not "Harbour Times -"); a name too long
// anyway ends in "…", so a cut name reads as cut.
func TestListSourceColumnShowsTheOutlet(t *testing.T) {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.Local)
	for _, c := range []struct{ source, want string }{
		{"Harbour Times - world", "Harbour Times   "},
		{"湾岸新報 - kokusai", "湾岸新報        "},
		{"World | The Ledger", "World | The Led…"},
		{"A very long source name indeed", "A very long sou…"},
		{"The Daily Ledger", "The Daily Ledger"},
	} {
		var b strings.Builder
		if err := PrintList(&b, "top", []cache.Article{{Source: c.source, Title: "T", Published: at}}, false); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "  "+c.want+"  T\n") {
			t.Errorf("source %q: %q, want the column %q", c.source, b.String(), c.want)
		}
	}
}

// Emoji sequences (a family joined by ZWJ, a flag of two regional
// indicators, a keycap, a skin tone) are never split by wrapping or
// truncating: not in a file (--show > file keeps them as they are) and not
// on a terminal (where stableWidth draws a family as its members, which
// stay on one line together).
func TestWrapKeepsGraphemeClustersWhole(t *testing.T) {
	family := "\U0001F469\u200d\U0001F469\u200d\U0001F467"
	flag := "\U0001F1EC\U0001F1E7"
	pride := "\U0001F3F3\ufe0f\u200d\U0001F308"
	seqs := []string{family, flag, "\U0001F1EB\U0001F1F7", pride, "1\ufe0f\u20e3", "\U0001F44D\U0001F3FD"}
	text := "The family " + family + " went to " + flag + " and \U0001F1EB\U0001F1F7 with " + pride +
		" flags and 1\ufe0f\u20e3 keycaps and \U0001F44D\U0001F3FD thumbs " + family + family + family + family
	for _, exact := range []bool{true, false} {
		// (On a terminal a family takes 6 cells: narrower lines cut it.)
		for w := 6; w <= 40; w++ {
			lines := wrapText(text, w, "", exact)
			joined := strings.Join(lines, "\n")
			for _, seq := range seqs {
				want := seq
				if !exact {
					want = stableWidth(seq)
				}
				if n, m := strings.Count(joined, want), strings.Count(stableFor(text, exact), want); n != m {
					t.Errorf("exact=%v width %d: %q whole %d times, want %d: %q", exact, w, seq, n, m, lines)
				}
			}
			for _, l := range lines {
				if g := ansi.StringWidth(l); g > w {
					t.Errorf("exact=%v width %d: line %q is %d cells", exact, w, l, g)
				}
				if !exact && ansi.StringWidth(l) != ansi.StringWidthWc(l) {
					t.Errorf("width %d: line %q counts differently on a terminal", w, l)
				}
			}
		}
	}
	// The list's truncation drops a family whole, never leaving part of it.
	for w := 3; w <= 12; w++ {
		got := fit("ab "+family+" cd", w)
		if strings.Contains(got, "\U0001F469") && !strings.Contains(got, stableWidth(family)) {
			t.Errorf("fit(%d) = %q: part of the family", w, got)
		}
		if g, wc := ansi.StringWidth(got), ansi.StringWidthWc(got); g != w || wc != w {
			t.Errorf("fit(%d) = %q: %d/%d cells", w, got, g, wc)
		}
	}
}

// --show to a file keeps the text's emoji sequences as the feed wrote
// them, and wraps between them, never inside.
func TestPlainArticleExactKeepsEmojiSequences(t *testing.T) {
	family := "\U0001F469\u200d\U0001F469\u200d\U0001F467"
	flag := "\U0001F1EC\U0001F1E7"
	body := "<p>" + strings.Repeat("Families "+family+" from "+flag+" came. ", 6) + "</p>"
	art := cache.Article{Title: "Visit " + family + " " + flag, Source: "Wire"}
	for w := 20; w <= 40; w++ {
		out := strings.Join(PlainArticle(art, body, w, true), "\n")
		if n := strings.Count(out, family); n != 7 {
			t.Errorf("width %d: %d whole families, want 7:\n%s", w, n, out)
		}
		if n := strings.Count(out, flag); n != 7 {
			t.Errorf("width %d: %d whole flags, want 7:\n%s", w, n, out)
		}
	}
}

// typedTailRef is typedTail as first written: the width of what is left
// measured again after each cluster dropped.
func typedTailRef(s string, w int) string {
	s = stableWidth(s)
	if ansi.StringWidth(s) <= w {
		return s
	}
	w = max(w-1, 0)
	for s != "" && ansi.StringWidth(s) > w {
		s = s[len(cluster(s)):]
		for strings.HasPrefix(s, string(wordJoiner)) {
			s = strings.TrimPrefix(s, string(wordJoiner))
			if s != "" {
				s = s[len(cluster(s)):]
			}
		}
	}
	return "…" + s
}

// typedTail keeps the end of what is typed, exactly as measuring what is
// left at each step does, for text of every kind, at every width; a
// typed word joiner at the end of a line one cell wide is cut, not a
// crash.
func TestTypedTailKeepsTheEnd(t *testing.T) {
	texts := []string{
		"ASCII only query text that runs on",
		"東京都の天気予報と週末の見通し",
		"family 👨‍👩‍👧 and flag 🇫🇷🇩🇪 and skin 👍🏽 ok",
		"e\u0301te\u0301 cafe\u0301 re\u0301sume\u0301",
		"tab\tand\x00controls and 👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
		"ends in a joiner\u2060",
		"\u2060\u2060joiners\u2060\u2060 between\u2060",
		"",
	}
	for _, s := range texts {
		for w := 0; w <= 40; w++ {
			got, want := typedTail(s, w), typedTailRef(s, w)
			if got != want {
				t.Errorf("typedTail(%q, %d) = %q, want %q", s, w, got, want)
			}
			if ansi.StringWidth(got) > max(w, 1) && ansi.StringWidth(s) > w {
				t.Errorf("typedTail(%q, %d) = %q: %d cells", s, w, got, ansi.StringWidth(got))
			}
			if !strings.HasSuffix(stableWidth(s), strings.TrimPrefix(got, "…")) {
				t.Errorf("typedTail(%q, %d) = %q: not the text's end", s, w, got)
			}
		}
	}
	if got := typedTail("abcdefgh\u2060", 1); got != "…" {
		t.Errorf("a trailing joiner at one cell: %q, want …", got)
	}
}

// A pasted page in the search or the feed address line: drawn at every
// frame, so linear in its length.
func BenchmarkTypedTailLongPaste(b *testing.B) {
	s := strings.Repeat("pasted words of a whole article ", 500) // 16 KB
	for b.Loop() {
		typedTail(s, 60)
	}
}

// A hostile title: one emoji sequence of 8,000 members, which
// stableWidth draws as pieces joined (word joiners) that wrapping keeps
// together: linear in its length.
func BenchmarkWrapJoinedEmojiTitle(b *testing.B) {
	s := strings.Repeat("👨\u200d", 8000) + "👨"
	for b.Loop() {
		wrapLines(s, 60, "")
	}
}
