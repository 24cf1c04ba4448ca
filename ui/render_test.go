package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRenderGolden renders each HTML fixture at two widths and compares
// with testdata/render/NAME.WIDTH.golden; go test ./ui -run Golden -update
// rewrites them.
func TestRenderGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/render/*.html")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{40, 80} {
			out := Render(string(src), "https://example.test/news/story.html", w, plainStyle())
			got := strings.Join(out.lines, "\n") + "\n"
			for i, l := range out.lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s@%d: line %d is %d wide: %q", f, w, i+1, ansi.StringWidth(l), l)
				}
			}
			golden := strings.TrimSuffix(f, ".html") + "." + itoa(w) + ".golden"
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s: render differs from golden\n--- got\n%s--- want\n%s", golden, got, want)
			}
		}
	}
}

func TestRenderElements(t *testing.T) {
	src, _ := os.ReadFile("testdata/render/mixed.html")
	out := Render(string(src), "https://example.test/news/story.html", 40, plainStyle())
	text := strings.Join(out.lines, "\n")
	if wide := strings.Join(Render(string(src), "https://example.test/news/story.html", 80, plainStyle()).lines, "\n"); !strings.Contains(wide, "a long cell value here │ another long cell  │ x") {
		t.Errorf("a table that fits 80 columns should stay a table:\n%s", wide)
	}
	for _, want := range []string{
		"A HEADING & MORE", "first link[1]", "<tag> é —", "• First item", "3. Third", "4. Fourth",
		"│ A quoted paragraph", "  code   indented", "[image: A chart of rates][2] [image][3]",
		"Name  │ Value", "beta  │ 22", "Column one heading: a long cell value\n  here", "[1] https://example.test/one", "[4] https://example.test/two",
		"[2] https://example.test/x.png", "[3] https://example.test/y.png",
		"one[5], a mail link and a fragment[6].", "[5] https://example.test/more/three.html", "[6] https://example.test/news/story.html\n    #frag",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("render lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"javascript", "alert", "<strong>", "<p>"} {
		if strings.Contains(text, bad) {
			t.Errorf("render contains %q", bad)
		}
	}
	if len(out.links) != 6 {
		t.Errorf("links %v", out.links)
	}
}

func TestRenderHyperlinksAndHostileText(t *testing.T) {
	out := Render(`<p><a href="https://ex.test/a">go</a> x&#x1b;[2J y <a href="https://ex.test/&#x1b;]8;;evil">z</a></p>`, "", 60, renderStyle{
		heading: ansiID, bold: ansiID, italic: ansiID, link: ansiID, quote: ansiID, hyperlinks: true,
	})
	text := strings.Join(out.lines, "\n")
	if !strings.Contains(text, ansi.SetHyperlink("https://ex.test/a", "id=nr1")+"go"+ansi.ResetHyperlink()) {
		t.Errorf("no OSC 8 link: %q", text)
	}
	if strings.Count(text, "\x1b") != 2 {
		t.Errorf("only the one hyperlink's own OSC 8 pair may appear: %q", text)
	}
}

func ansiID(s string) string { return s }

// A link that wraps is closed at the end of each line and opened again,
// with the same id, on the next: no line leaves a hyperlink open (the
// panes beside it would fall inside), and terminals can join the pieces.
func TestRenderWrappedLinkPieces(t *testing.T) {
	html := `<p>Before <a href="https://ex.test/long">a link whose label is long enough to wrap over several lines of text</a> after.</p>`
	out := Render(html, "", 24, stylesRender(NewStyles(true, false), true))
	open := ansi.SetHyperlink("https://ex.test/long", "id=nr1")
	pieces := 0
	for i, l := range out.lines {
		opens, closes := strings.Count(l, "\x1b]8;id="), strings.Count(l, ansi.ResetHyperlink())
		if opens != closes {
			t.Errorf("line %d opens %d links and closes %d: %q", i, opens, closes, l)
		}
		if strings.Contains(l, open) {
			pieces++
		}
	}
	if pieces < 3 {
		t.Errorf("the link spans %d lines with its own OSC 8, want at least 3:\n%q", pieces, out.lines)
	}
	if got := ansi.Strip(strings.Join(out.lines, " ")); !strings.Contains(got, "a link whose label is long enough to wrap over several lines of text[1] after.") {
		t.Errorf("text lost: %q", got)
	}
}

// Underlined text costs one SGR pair per word, not one per letter.
func TestRenderStylesWordByWord(t *testing.T) {
	out := Render(`<p><a href="https://ex.test/x">underlined words here</a></p>`, "", 80, stylesRender(NewStyles(true, false), false))
	line := out.lines[0]
	if n := strings.Count(line, "\x1b["); n != 6 { // three words, one pair each
		t.Errorf("%d SGR sequences for three styled words: %q", n, line)
	}
}

func TestURLLinesBreakAnywhere(t *testing.T) {
	got := urlLines("[1] ", "https://ex.test/é/abcdefghij", 12)
	want := []string{"[1] https://", "    ex.test/", "    é/abcdef", "    ghij"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// textLine's fast path gives what feed.Line gives.
func TestTextLineMatchesFeedLine(t *testing.T) {
	for _, s := range []string{
		"", " ", "plain words", "  lead and\ttrail \n", "a\r\nb", "x&amp;y", "x & y", "caf\u00e9 \u00a0nbsp", "\u2028sep\u2029",
		"\x1b[31mred", "\u009b31m", "bidi\u202ex", "\xff\xfe bad", "emoji 📈 ok", "tab\vvt", "zero\u200bwidth", "&#x1b;[2J", "end\x85nel",
	} {
		if got, want := textLine(s), feed.Line(s); got != want {
			t.Errorf("textLine(%q) = %q, feed.Line gives %q", s, got, want)
		}
	}
}

func FuzzTextLine(f *testing.F) {
	f.Add("plain words\t and\nmore")
	f.Add("caf\u00e9 &amp; \x1b[1m")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textLine(s), feed.Line(s); got != want {
			t.Errorf("textLine(%q) = %q, feed.Line gives %q", s, got, want)
		}
	})
}

// On the whole screen, a wrapped link in the article pane never covers the
// cells of the panes beside it: every frame line closes what it opens,
// and the pieces keep their id through the frame's safety filter.
func TestFrameLinksClosePerLine(t *testing.T) {
	st := fixtureStore(t, 2)
	p := testNow.Add(time.Hour)
	st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{{
		ID: "l", Link: "https://t.test/l", Title: "Linked", Published: p, Updated: p,
		Content: `<p>Start <a href="https://ex.test/target">a long link label that must wrap across several rows of the article pane</a> end.</p>`}}},
		cache.Membership{Sections: []string{"markets"}})
	m := New(Options{Site: "T", Store: st, Offline: true, NoColor: true, Hyperlinks: true, Now: func() time.Time { return testNow },
		Sections: []feed.Section{{Key: "markets", Title: "Markets"}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	pieces := 0
	for i, l := range strings.Split(m.Render(), "\n") {
		if strings.Count(l, "\x1b]8;id=") != strings.Count(l, ansi.ResetHyperlink()) {
			t.Errorf("frame line %d leaves a link open: %q", i, l)
		}
		if strings.Contains(l, ansi.SetHyperlink("https://ex.test/target", "id=nr1")) {
			pieces++
		}
	}
	if pieces < 2 {
		t.Errorf("the wrapped link shows in %d frame lines with its id, want 2 or more", pieces)
	}
}

// An Atom summary of type "text" and a plain-text RSS description,
// fetched from a server, saved and opened, show their paragraphs apart in
// the article pane (they used to run together into one).
func TestPlainTextParagraphsInTheArticlePane(t *testing.T) {
	docs := map[string]string{
		"/atom": `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Paras</title><id>urn:paras</id><updated>2026-11-20T10:00:00Z</updated>` +
			`<entry><title>Atom text summary</title><id>urn:p1</id><link href="https://paras.test/1"/><updated>2026-11-20T10:00:00Z</updated><summary type="text">Alpha paragraph.

Beta paragraph.</summary></entry></feed>`,
		"/rss": `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Paras</title><link>https://paras.test/</link><description>d</description>` +
			`<item><title>RSS plain description</title><link>https://paras.test/r1</link><description>Gamma paragraph.

Delta paragraph.</description></item></channel></rss>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, docs[r.URL.Path]) }))
	defer srv.Close()
	st := fixtureStore(t, 0)
	f := feed.NewFetcher(feed.Options{})
	for p := range docs {
		res := f.Fetch(context.Background(), feed.Request{URL: srv.URL + p})
		if res.Status != feed.StatusOK {
			t.Fatalf("%s: %v", p, res.Err)
		}
		for i := range res.Articles {
			res.Articles[i].Published = testNow.Add(time.Duration(i) * time.Minute)
		}
		if err := st.Save(context.Background(), res, cache.Membership{Sections: []string{"markets"}}); err != nil {
			t.Fatal(err)
		}
	}
	m := testModel(t, st, 120, 40)
	for _, title := range []string{"Atom text summary", "RSS plain description"} {
		for i := 0; selectedTitle(m) != title; i++ {
			if i > 3 {
				t.Fatalf("%q not in the list (at %q, focus %v)", title, selectedTitle(m), m.focus)
			}
			m = press(t, m, "j")
		}
		m = press(t, m, "enter")
		body := strings.Join(m.article.body.lines, "\n")
		if !strings.Contains(body, "Alpha paragraph.\n\nBeta paragraph.") && !strings.Contains(body, "Gamma paragraph.\n\nDelta paragraph.") {
			t.Errorf("%s: article body\n%s", title, body)
		}
		m.focus = ListPane
		m = press(t, m, "g")
	}
}

func selectedTitle(m Model) string {
	a, _ := m.list.Selected()
	return a.Title
}

// An inline code span of several words reads as one span: `git commit
// -m fix`, not each word in its own backticks; wrapped, it still opens
// once and closes once.
func TestRenderInlineCodeIsOneSpan(t *testing.T) {
	out := Render(`<p>Run <code>git commit -m fix</code> now, then <kbd>ctrl c</kbd>.</p>`, "", 80, plainStyle())
	if got := strings.Join(out.lines, "\n"); got != "Run `git commit -m fix` now, then `ctrl c`." {
		t.Errorf("got %q", got)
	}
	out = Render(`<p>Type <code>newsreader --section markets --list --limit 5</code> in a shell.</p>`, "", 20, plainStyle())
	text := strings.Join(out.lines, " ")
	if strings.Count(text, "`") != 2 || !strings.Contains(text, "`newsreader") || !strings.Contains(text, "5`") {
		t.Errorf("wrapped span: %q", out.lines)
	}
}

// A hyphen that opens a word is a minus sign or a flag: wrapping never
// leaves it at the end of a line away from its number ("fell to -" over
// "12 degrees" says the opposite), styled or not; hyphens inside words
// still break, and the text is unchanged.
func TestWrapKeepsMinusSignsWithTheirNumbers(t *testing.T) {
	text := "Temperatures fell to -12 degrees and shares lost -5.2% on Monday; run --section markets; a well-known cross-border deal."
	bold := NewStyles(true, false).Bold
	styled := strings.Replace(text, "-12", wrapWith(bold)("-12"), 1)
	for _, src := range []string{text, styled} {
		for w := 12; w <= 40; w++ {
			lines := wrapLines(src, w, "")
			for i, l := range lines {
				plain := ansi.Strip(l)
				if ansi.StringWidth(plain) > w {
					t.Errorf("width %d: line %q is wider", w, plain)
				}
				if i+1 < len(lines) {
					next := ansi.Strip(lines[i+1])
					if strings.HasSuffix(plain, " -") || plain == "-" || strings.HasSuffix(plain, "--") || strings.HasSuffix(plain, "-") && next != "" && next[0] >= '0' && next[0] <= '9' {
						t.Errorf("width %d: %q then %q", w, plain, next)
					}
				}
			}
			nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if got := nospace(ansi.Strip(strings.Join(lines, ""))); got != nospace(text) {
				t.Errorf("width %d: text changed to %q", w, got)
			}
		}
	}
	// A minus sign after an opening bracket or quote, as prices and
	// scores are written, stays with its number too.
	quoted := `The index closed lower (-3.2%) on Friday, the "-5" low and ‘-7’ and [-1] held.`
	for w := 12; w <= 40; w++ {
		for _, l := range wrapLines(quoted, w, "") {
			for _, open := range []string{"(-", `"-`, "‘-", "[-"} {
				if strings.HasSuffix(l, open) {
					t.Errorf("width %d: a line ends %q: %q", w, open, l)
				}
			}
		}
	}
	// No line ends in the space before a word moved down, a word with a
	// hyphen inside included (--show printed them).
	for w := 12; w <= 40; w++ {
		for _, l := range wrapLines("The index closed lower well-known stocks on a cross-border deal.", w, "") {
			if strings.HasSuffix(l, " ") {
				t.Errorf("width %d: %q ends in a space", w, l)
			}
		}
	}
	if lines := wrapLines("well-known", 6, ""); len(lines) != 2 || lines[0] != "well-" {
		t.Errorf("hyphens inside words should still break: %q", lines)
	}
}

// A superscript keeps its meaning: 10<sup>6</sup> is 10⁶ (not the number
// 106), km<sup>2</sup> is km²; text with no superscript form follows a
// caret, letters alone (an ordinal) are as they were; a footnote link
// inside <sup> stays a link.
func TestRenderSuperscripts(t *testing.T) {
	out := Render(`<p>About 10<sup>6</sup> tonnes over 4 km<sup>2</sup>, x<sup>-1</sup>, the 3<sup>rd</sup> berth, e<sup>i pi</sup>, x<sup>a*b</sup>.<sup><a href="https://ex.test/n1">1</a></sup></p>`, "", 80, plainStyle())
	got := out.lines[0]
	want := "About 10⁶ tonnes over 4 km², x⁻¹, the 3rd berth, e^(i pi), x^(a*b).1[1]"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Embedded players and media are links, not gaps: an <iframe> (a video,
// a map, a post) says where it comes from and is a numbered link; an
// <audio> or <video> with an address (its src or a <source>) links to
// it. Only http(s) addresses count.
func TestRenderEmbedsAsLinks(t *testing.T) {
	out := Render(`<p>Watch the launch:</p><iframe src="https://www.youtube.com/embed/abc123"></iframe><p>Or listen:</p>`+
		`<audio controls src="/media/ep1.mp3">Your browser does not support audio.</audio> <video><source src="https://cdn.example.test/v.mp4" type="video/mp4"></video>`+
		`<iframe src="javascript:alert(1)"></iframe><audio src="data:audio/mpeg;base64,AAAA"></audio><p>End.</p>`,
		"https://ex.test/news/post.html", 60, plainStyle())
	text := strings.Join(out.lines, "\n")
	for _, want := range []string{"Watch the launch:\n\n[embedded: youtube.com][1]\n\nOr listen:", "[audio][2] [video][3] [audio]\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	want := []string{"https://www.youtube.com/embed/abc123", "https://ex.test/media/ep1.mp3", "https://cdn.example.test/v.mp4"}
	if strings.Join(out.links, " ") != strings.Join(want, " ") {
		t.Errorf("links %q, want %q", out.links, want)
	}
	if strings.Contains(text, "javascript") || strings.Contains(text, "data:") || strings.Contains(text, "browser") {
		t.Errorf("unsafe address or fallback text shown:\n%s", text)
	}
}

// Preformatted text wider than the pane is broken (at a space, else at the
// edge), never cut off: every character of a code line is there, its
// indentation kept, continuation lines are marked with ↪ in the block's
// margin, and no line is wider than the pane.
func TestPreformattedLinesWrapNotCut(t *testing.T) {
	code := "for _, s := range ships { total += s.Tonnes; log.Printf(\"%s berth %d\", s.Name, s.Berth) }"
	out := Render("<p>Code:</p><pre>func f() {\n    "+code+"\n}</pre><p>After.</p>", "", 40, plainStyle())
	var pre []string
	for _, l := range out.lines {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
		if strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "↪ ") {
			pre = append(pre, l)
		}
	}
	text := strings.Join(out.lines, "\n")
	if strings.Contains(text, "…") {
		t.Errorf("a code line was cut:\n%s", text)
	}
	joined := ""
	for _, l := range pre {
		if rest, ok := strings.CutPrefix(l, "↪ "); ok {
			joined += " " + rest // the line goes on (broken at a space, or at the edge)
		} else {
			joined += "\n" + strings.TrimPrefix(l, "  ")
		}
	}
	nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(nospace(joined), nospace(code)) || !strings.Contains(joined, "\n    for _, s := range") || !strings.Contains(text, "\n↪ ") || !strings.Contains(text, "  func f() {") {
		t.Errorf("code lost or unmarked:\n%s", text)
	}
}

// Tracking pixels (Feedburner's, WordPress's: 1×1 or hidden) show
// nothing, not an "[image]" under every article; an image's title text,
// when it says more than its alt (a comic's punchline), is shown.
func TestRenderDropsPixelsKeepsTitleText(t *testing.T) {
	out := Render(`<p>Story text.</p><img src="https://feeds.example/~r/x/~4/abc" height="1" width="1" alt=""/><img src="https://stats.example/p.gif" style="display: none"><img src="https://stats.example/q.gif" width="0">`+
		`<p><img src="https://imgs.example/comics/harbour.png" title="The tide waits for no one." alt="Harbour"></p><p><img src="https://imgs.example/a.jpg" alt="A crane" title="A crane"> <img src="https://imgs.example/b.jpg" width="640"></p>`,
		"https://ex.test/post", 60, plainStyle())
	got := strings.Join(out.lines, "\n")
	want := "Story text.\n\n[image: Harbour][1] The tide waits for no one.\n\n[image: A crane][2] [image][3]\n\nLinks\n" +
		"[1] https://imgs.example/comics/harbour.png\n[2] https://imgs.example/a.jpg\n[3] https://imgs.example/b.jpg"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Text that goes on after a block inside a list item (an embedded player
// in the middle of the item, a paragraph) stays in that item: it took a
// marker of its own and read as one more item.
func TestListItemTextAfterABlockKeepsItsItem(t *testing.T) {
	for _, src := range []string{
		`<ul><li>Watch this: <iframe src="https://www.youtube.com/embed/abc"></iframe> and then the rest</li><li>Second item</li></ul>`,
		`<ul><li><p>First paragraph</p> and then the rest</li><li>Second item</li></ul>`,
		`<ol><li><p>First paragraph</p> and then the rest</li><li>Second item</li></ol>`,
		// An empty block opening an item leaves a blank line, not the
		// item's first: the marker stays on its text.
		`<p>Intro</p><ul><li><div></div>First item</li><li><p></p><p>Second item</p></li></ul>`,
	} {
		lines := Render(src, "https://example.com/post/", 60, plainStyle()).lines
		markers := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "• ") || strings.HasPrefix(l, "1. ") || strings.HasPrefix(l, "2. ") || strings.HasPrefix(l, "3. ") {
				markers++
			}
			if strings.Contains(l, "and then the rest") && !strings.HasPrefix(l, " ") {
				t.Errorf("the item's rest is not under it: %q", l)
			}
		}
		if markers != 2 {
			t.Errorf("%d list markers for two items:\n%s", markers, strings.Join(lines, "\n"))
		}
	}
}

// Images are numbered among the links (so that o then N opens them like any
// link), their addresses resolved and sanitised as links are: a lazy
// loader's data-src or srcset stands in for a placeholder src, and an
// address that is not http(s) or holds control characters is no link.
func TestRenderNumbersImagesAsLinks(t *testing.T) {
	out := Render(`<p>Intro <a href="/story">story</a>.</p>`+
		`<p><img src="pics/chart.png" alt="Rates &amp; more"></p>`+
		`<p><img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example/lazy.jpg" alt="Lazy"></p>`+
		`<p><img srcset="https://cdn.example/s-480.jpg 480w, https://cdn.example/s-960.jpg 960w" alt="Set"></p>`+
		`<p><img src="javascript:alert(1)" alt="Evil"> <img src="https://ex.test/a&#x1b;]8;;x.png" alt="Esc"></p>`,
		"https://ex.test/news/today.html", 60, plainStyle())
	text := strings.Join(out.lines, "\n")
	for _, want := range []string{"story[1]", "[image: Rates & more][2]", "[image: Lazy][3]", "[image: Set][4]", "[image: Evil] [image: Esc]",
		"[2] https://ex.test/news/pics/chart.png", "[3] https://cdn.example/lazy.jpg", "[4] https://cdn.example/s-480.jpg"} {
		if !strings.Contains(text, want) {
			t.Errorf("render lacks %q:\n%s", want, text)
		}
	}
	if want := []string{"https://ex.test/story", "https://ex.test/news/pics/chart.png", "https://cdn.example/lazy.jpg", "https://cdn.example/s-480.jpg"}; strings.Join(out.links, " ") != strings.Join(want, " ") {
		t.Errorf("links %q, want %q", out.links, want)
	}
	if strings.ContainsAny(text, "\x1b\a") || strings.Contains(text, "javascript") {
		t.Errorf("unsafe text:\n%q", text)
	}
}

// Superscripts, quotations and deletions read the same in the article
// pane, --show and the --list --json summary: 10⁶, not 106; “…” and ~~…~~.
func TestMarksAgreeAcrossOutputs(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{`<p>Sales rose to 10<sup>6</sup> units over 3 km<sup>2</sup>, the 2<sup>nd</sup> time; x<sup>a+1</sup>.</p>`,
			"Sales rose to 10⁶ units over 3 km², the 2nd time; x^(a+1)."},
		{`<p>The minister said <q>prices will fall</q>; tickets now cost <del>$10</del> <ins>$8</ins>.</p>`,
			"The minister said “prices will fall”; tickets now cost ~~$10~~ $8."},
	} {
		html, want := tc.html, tc.want
		var b bytes.Buffer
		if err := PrintList(&b, "top", []cache.Article{{UID: "a", Title: "T", Summary: html, Published: testNow}}, true); err != nil {
			t.Fatal(err)
		}
		var o struct{ Summary string }
		if err := json.Unmarshal(b.Bytes(), &o); err != nil {
			t.Fatal(err)
		}
		if o.Summary != want {
			t.Errorf("--list --json summary %q, want %q", o.Summary, want)
		}
		if got := strings.Join(Render(html, "", 200, plainStyle()).lines, " "); got != want {
			t.Errorf("article pane %q, want %q", got, want)
		}
		if got := strings.Join(PlainArticle(cache.Article{Title: "T"}, html, 200, true), "\n"); !strings.Contains(got, want) {
			t.Errorf("--show lacks %q:\n%s", want, got)
		}
	}
}

// In a wide article pane running text keeps to readingMeasure columns
// (lines of 150 are hard to follow back), while a table that fits and
// preformatted text still take the pane's width; --show wraps to the
// whole terminal, as the README says.
func TestWidePaneKeepsAReadingMeasure(t *testing.T) {
	para := strings.Repeat("The bank kept its rate on hold while prices eased. ", 12)
	cells := strings.Repeat("x", 40)
	html := "<h2>" + strings.Repeat("Heading words ", 12) + "</h2><p>" + para + "</p><ul><li>" + para + "</li></ul>" +
		"<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td>" + cells + "</td><td>" + cells + "</td><td>" + cells + "</td></tr></table>" +
		"<pre>" + strings.Repeat("code ", 30) + "</pre>"
	longest := func(lines []string, skip func(string) bool) int {
		n := 0
		for _, l := range lines {
			if !skip(l) {
				n = max(n, ansi.StringWidth(l))
			}
		}
		return n
	}
	text := func(l string) bool {
		return strings.Contains(l, "│") || strings.Contains(l, "code") || strings.Contains(l, "─┼─")
	}
	pane := Render(html, "", 200, stylesRender(Styles{}, false)).lines
	if n := longest(pane, text); n > readingMeasure || n < readingMeasure-15 {
		t.Errorf("running text up to %d columns in a 200-column pane, want about %d", n, readingMeasure)
	}
	if n := longest(pane, func(l string) bool { return !strings.Contains(l, "│") }); n <= readingMeasure {
		t.Errorf("the table was narrowed to %d columns", n)
	}
	if n := longest(pane, func(l string) bool { return !strings.Contains(l, "code") }); n <= readingMeasure {
		t.Errorf("preformatted text broken at %d columns", n)
	}
	if n := longest(Render(html, "", 200, plainStyle()).lines, text); n <= readingMeasure {
		t.Errorf("--show kept running text to %d columns", n)
	}
	// A pane narrower than the measure wraps at its width, as before.
	if n := longest(Render(html, "", 70, stylesRender(Styles{}, false)).lines, text); n > 70 || n < 60 {
		t.Errorf("70-column pane: lines up to %d", n)
	}
}

// Marks close in place: a paragraph of many quotations reads as each
// quoted, the space after each word after its mark.
func TestManyQuotationsInOneParagraph(t *testing.T) {
	got := strings.Join(Render("<p>"+strings.Repeat("<q>yes </q>", 3)+"<del>no</del> end</p>", "", 200, plainStyle()).lines, " ")
	if want := "“yes” “yes” “yes” ~~no~~ end"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A hostile article: one paragraph of 20,000 quotations (and the
// question of whether each is closed, read once).
func BenchmarkRenderManyQuotations(b *testing.B) {
	s := "<p>" + strings.Repeat("<q>x </q>", 20000) + "</p>"
	for b.Loop() {
		Render(s, "", 80, plainStyle())
	}
}
