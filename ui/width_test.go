package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
		if strings.ReplaceAll(out, "\u200b", "") != s {
			t.Errorf("%q became %q", s, out)
		}
		if stableWidth(out) != out {
			t.Errorf("%q: not stable after one pass", s)
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
	if !strings.Contains(got, "LONDON — Talks UN said Monday, note1 and bold it end.") {
		t.Errorf("spacing: %q", got)
	}
	if strings.Contains(got, "browser") || strings.Contains(got, "Hidden") || !strings.Contains(got, "[video]") || !strings.Contains(got, "[audio]") || !strings.Contains(got, "After.") {
		t.Errorf("media: %q", got)
	}
}
