package feed

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Markets rally", "Markets rally"},
		{"entities", "Tom &amp; Jerry &lt;3", "Tom & Jerry <3"},
		{"csi colour", "red \x1b[31mALERT\x1b[0m done", "red ALERT done"},
		{"osc title set", "a\x1b]0;pwned\x07b", "ab"},
		{"osc 8 link with ST", "x\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\y", "xclicky"},
		{"c1 csi", "a\u009b2Jb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"bell and backspace", "ding\x07\x08\x08x", "dingx"},
		{"bidi override", "abc\u202eevil\u202c", "abcevil"},
		{"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"entity escape", "a&#27;[2Jb", "ab"},
		{"hex entity escape", "a&#x1B;]0;t&#x07;b", "ab"},
		{"entity bidi", "safe&#x202E;txt.exe", "safetxt.exe"},
		{"named bidi marks", "a&rlm;b&lrm;c", "abc"},
		{"double encoded escape", "a&amp;#27;[31mb", "ab"},
		{"double encoded text", "AT&amp;amp;T &amp;lt;3", "AT&T <3"},
		{"entity spliced by a control", "a&#&#1;x1b;[5mb", "ab"},
		{"named spliced by a control", "&amp;&#1;amp;#x1b;[5mX", "X"},
		{"newlines collapse", "one\r\ntwo\n\n three\u2028four", "one two three four"},
		{"invalid utf8", "ok\xff\xfeok", "okok"},
		{"del", "a\x7fb", "ab"},
		{"nul", "a\x00b", "ab"},
		{"lone esc at end", "abc\x1b", "abc"},
		{"unicode kept", "Zürich — 東京 🙂", "Zürich — 東京 🙂"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Line(c.in); got != c.want {
				t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestBlockKeepsParagraphs(t *testing.T) {
	got := Block("first  line\n\n\n\nsecond\x1b[1m line\r\nthird")
	want := "first line\n\nsecond line\nthird"
	if got != want {
		t.Errorf("Block = %q, want %q", got, want)
	}
}

func TestHTMLKeepsMarkupDropsControls(t *testing.T) {
	in := "<p>ok &amp; fine</p>\x1b[2J<b>&#27;[31mred&#x202e;</b>&#9;&#233;\u009b1m"
	got := HTML(in)
	want := "<p>ok &amp; fine</p><b>[31mred</b>&#9;&#233;"
	if got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
}

// splices are references that removing an inner one would re-form.
var splices = []string{
	"&#&#1;x1b;[5m", "&#x&#1;1b;[5m", "&&#1;#x9b;5m", "&#&#0;27;[8m", "&#&#x1;x1b;]8;;file:///etc/passwd&#x1b;\\",
	"&#&#0;&#0;27;", "&#&#1;&#&#1;x1b;;x1b;", "&rl&#1;m;", "&&lrm;#x1b;", "&#x1&#1;b;", "&#820&#1;6;",
	"&#x1000&#1;0001b;", "<a href=\"https://ok.test/\">&#&#1;x1b;]8;;javascript:alert(1)&#&#1;x7;x</a>",
	"<h1>&#&#1;x1b;[5mblink</h1>", "<img alt=\"&#&#1;x9b;8m\">", "&amp;&#1;#x1b;[5m",
}

func TestHTMLIsAFixpoint(t *testing.T) {
	for _, in := range splices {
		h := HTML(in)
		if again := HTML(h); again != h {
			t.Errorf("HTML(%q) = %q, but cleaning that again gives %q", in, h, again)
		}
		dec := html.UnescapeString(h)
		if strings.ContainsAny(dec, "\x1b\x07\u009b\u009d\u200e\u200f") {
			t.Errorf("HTML(%q) = %q decodes to %q", in, h, dec)
		}
		for _, f := range []func(string) string{Line, Block} {
			once := f(in)
			if twice := f(once); twice != once || strings.ContainsRune(once, 0x1b) {
				t.Errorf("Line/Block(%q) = %q, again %q", in, once, twice)
			}
		}
	}
	if got, want := HTML("&#&#1;x1b;[5m"), "&amp;#x1b;[5m"; got != want {
		t.Errorf("HTML splice = %q, want %q", got, want)
	}
	if got, want := HTML("<p>caf&#233; &amp; &#x2014;</p>"), "<p>caf&#233; &amp; &#x2014;</p>"; got != want {
		t.Errorf("HTML changed harmless references: %q", got)
	}
}

func TestLineNeverDecodesAgain(t *testing.T) {
	deep := "&amp;amp;amp;amp;amp;amp;#x1b;[5m"
	got := Line(deep)
	if html.UnescapeString(got) != got || Line(got) != got {
		t.Errorf("Line(%q) = %q still decodes", deep, got)
	}
}

func TestLink(t *testing.T) {
	cases := map[string]string{
		"https://example.com/a?b=c":   "https://example.com/a?b=c",
		"HTTP://EXAMPLE.COM/":         "HTTP://EXAMPLE.COM/",
		"javascript:alert(1)":         "",
		"file:///etc/passwd":          "",
		"data:text/html,hi":           "",
		"https://ex.com/\x1b]8;;x":    "",
		"https://ex.com/a b":          "",
		"https://ex.com/\u202etxt":    "",
		"  https://ex.com/trimmed  ":  "https://ex.com/trimmed",
		"mailto:someone@example.com":  "",
		"//example.com/protocol-rel":  "",
		"ftp://example.com/somefile":  "",
		"https://example.com/%1b%5b2": "https://example.com/%1b%5b2",
	}
	for in, want := range cases {
		if got := Link(in); got != want {
			t.Errorf("Link(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkSafe fails when s still holds anything a terminal would act on.
func checkSafe(t *testing.T, fn, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s(%q) is not valid UTF-8: %q", fn, in, s)
	}
	for _, r := range s {
		if Forbidden(r) {
			t.Fatalf("%s(%q) kept forbidden rune %U: %q", fn, in, r, s)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{
		"plain", "\x1b[31mred", "\x1b]0;title\x07", "\u202eevil", "&#27;[2J", "&#x9b;1m", "a\u009d8;;x\u009cb",
		"&amp;#27;", "\xff\xfe", "<p>hi</p>", "\r\n\u2028", "&#x202E;", "&#1114112;", "\x1bP+q\x1b\\",
	} {
		f.Add(seed)
	}
	for _, seed := range splices {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		line := Line(in)
		checkSafe(t, "Line", in, line)
		if strings.ContainsAny(line, "\n\t") {
			t.Fatalf("Line(%q) kept a line break or tab: %q", in, line)
		}
		if again := Line(line); again != line {
			t.Fatalf("Line is not stable on its own output: %q -> %q", line, again)
		}
		block := Block(in)
		checkSafe(t, "Block", in, block)
		if again := Block(block); again != block {
			t.Fatalf("Block is not stable on its own output: %q -> %q", block, again)
		}
		h := HTML(in)
		checkSafe(t, "HTML", in, h)
		if again := HTML(h); again != h {
			t.Fatalf("HTML is not stable on its own output: %q -> %q", h, again)
		}
		// What HTML keeps must stay safe once a renderer decodes its entities.
		checkSafe(t, "UnescapeString(HTML)", in, strings.ToValidUTF8(html.UnescapeString(h), ""))
		checkSafe(t, "PlainText(HTML)", in, PlainText(h))
		if l := Link(in); l != "" {
			checkSafe(t, "Link", in, l)
		}
	})
}

// Stored HTML keeps no tab (a control character a frame must not carry):
// each becomes the four spaces the renderer shows for it inside <pre>,
// raw or decoded by the parser from "&#x9;", and the fast path agrees.
func TestHTMLTabsBecomeSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"<pre>a\tb</pre>": "<pre>a    b</pre>",
		"\t":              "    ",
		"x\t&#x9;y":       "x    &#x9;y",
	} {
		if got := HTML(in); got != want {
			t.Errorf("HTML(%q) = %q, want %q", in, got, want)
		}
		if got := plainHTML(in); got != want {
			t.Errorf("plainHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

// A numeric reference is measured over all its digits, as the HTML
// decoder reads it: one too long for 32 bits (which the decoder wraps,
// "&#X000100000001" to U+0001) is removed, and a long run of leading
// zeros still names its rune (found by CI's FuzzSanitize).
func TestLongNumericReferences(t *testing.T) {
	for in, want := range map[string]string{
		"a&#X000100000001 z": "a z",
		"a&#4294967297;b":    "ab",
		"a&#x0000000041;b":   "a&#x0000000041;b",
		"a&#0000000000065b":  "a&#0000000000065b",
		"a&#x00000000001b;b": "ab",
	} {
		got := HTML(in)
		if got != want {
			t.Errorf("HTML(%q) = %q, want %q", in, got, want)
		}
		for _, r := range html.UnescapeString(got) {
			if Forbidden(r) {
				t.Errorf("HTML(%q) decodes to forbidden %U", in, r)
			}
		}
	}
}
