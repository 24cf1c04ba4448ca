package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/ui/termcheck"
)

func TestTermSafeKeepsOwnStylingOnly(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Markets │ rally", "Markets │ rally"},
		{"sgr colour kept", "\x1b[1;38;2;10;20;30mhi\x1b[0m", "\x1b[1;38;2;10;20;30mhi\x1b[0m"},
		{"256 colour 5 is not blink", "\x1b[38;5;5mx\x1b[m", "\x1b[38;5;5mx\x1b[m"},
		{"blink dropped", "a\x1b[5mb\x1b[1;6mc\x1b[05md", "abcd"},
		{"conceal dropped", "a\x1b[8mb", "ab"},
		{"https link kept", "\x1b]8;;https://ok.test/a\x1b\\t\x1b]8;;\x1b\\", "\x1b]8;;https://ok.test/a\x07t\x1b]8;;\x07"},
		{"file link dropped", "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x07", "click\x1b]8;;\x07"},
		{"javascript link dropped", "\x1b]8;id=1;javascript:alert(1)\x07x", "x"},
		{"clipboard dropped", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"title dropped", "a\x1b]0;pwned\x1b\\b", "ab"},
		{"cursor movement dropped", "a\x1b[2J\x1b[Hb\x1b7c", "abc"},
		{"dcs dropped", "a\x1bP+q544e\x1b\\b", "ab"},
		{"c1 dropped", "a\u009b5mb\u009d8;;x\u009cc\u0085", "a5mb8;;xc"},
		{"raw c1 byte dropped", "a\x9b5mb", "a5mb"},
		{"c0 dropped, tab to space", "a\x07b\x08c\td\re", "abc de"},
		{"bidi dropped", "safe\u202etxt.exe", "safetxt.exe"},
		{"newlines kept", "one\ntwo", "one\ntwo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := termSafe(c.in)
			if got != c.want {
				t.Errorf("termSafe(%q) = %q, want %q", c.in, got, c.want)
			}
			if v := termcheck.Violations(got, termcheck.Frame); len(v) > 0 {
				t.Errorf("termSafe(%q) still unsafe: %v", c.in, v)
			}
		})
	}
}

// hostileHTML is stored raw (bypassing the sanitiser, as an old or
// foreign cache might hold it): every place the renderer draws text from.
const hostileHTML = `<h1>Head&#x1b;[5mline</h1><h3>&#x9b;8m sub</h3>
<p>Text &#x1b;]8;;file:///etc/passwd&#x1b;\click&#x1b;]8;;&#x1b;\ here.</p>
<p><a href="https://ok.test/harmless">label &#x1b;]8;;javascript:alert(1)&#7;evil&#x1b;]8;;&#7;</a></p>
<p><b>bold&#x1b;[8m</b> <strong>&#x1b;]52;c;ZXZpbA==&#7;s</strong> <em>&#x9d;0;t&#x9c;</em> <i>i&#27;[6m</i>
<cite>&#x1b;[5mc</cite> <code>&#x1b;[2Jc</code> <kbd>&#x1b;7k</kbd> <samp>&#x1b;Ps</samp></p>
<img alt="alt&#x1b;[5m&#x1b;]8;;file:///x&#7;"><pre>pre&#x1b;[5m
  &#x1b;]0;title&#7;line</pre>
<table><tr><th>h&#x1b;[5m</th></tr><tr><td>&#x1b;]8;;file:///t&#7;cell</td></tr></table>
<ul><li>&#x1b;[8mitem</li></ul><blockquote>&#x1b;[5mquote</blockquote>`

func TestRenderStripsWhateverTheStoreHolds(t *testing.T) {
	for _, hyper := range []bool{false, true} {
		st := stylesRender(NewStyles(true, false), hyper)
		out := Render(hostileHTML, "https://ok.test/story", 60, st)
		all := strings.Join(out.lines, "\n")
		if v := termcheck.Violations(all, termcheck.Frame); len(v) > 0 {
			t.Errorf("hyperlinks=%v: rendered body unsafe:\n%s", hyper, strings.Join(v, "\n"))
		}
		for _, want := range []string{"click", "evil", "bold", "cell", "item", "quote", "HEAD"} {
			if !strings.Contains(ansi.Strip(all), want) {
				t.Errorf("text %q lost:\n%s", want, all)
			}
		}
	}
}

func TestScreenIsSafeWhateverTheStoreHolds(t *testing.T) {
	st := fixtureStore(t, 3)
	raw := feed.Result{URL: "https://evil.test/feed", Status: feed.StatusOK, Title: "Evil\x1b[5m",
		Articles: []feed.Article{{
			ID: "evil-1", Link: "https://evil.test/1", Source: "Src\x1b]8;;file:///etc/passwd\x07",
			Title: "Title\x1b[5m\x1b]52;c;ZXZpbA==\x07 \u009b8m end", Author: "Au\x1b[8mthor\u202e",
			Published: testNow.Add(time.Hour), Updated: testNow.Add(time.Hour), Content: hostileHTML,
		}}}
	if err := st.Save(context.Background(), raw, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	bad := feed.Result{URL: "https://evil.test/\x1b]8;;file:///etc/passwd\x1b\\x", Status: feed.StatusError,
		Err: errString("HTTP 500 \x1b]8;;file:///etc/passwd\x1b\\click\u009b5m")}
	if err := st.Save(context.Background(), bad, cache.Membership{}); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Site: "Site\x1b]0;t\x07", Store: st, Offline: true, MarkOnOpen: true, Hyperlinks: true, Now: func() time.Time { return testNow },
		Sections: []feed.Section{{Key: "markets", Title: "Markets\x1b[5m"}, {Key: "world", Title: "World"}}})
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: 140, Height: 40})
	m = press(t, m, "enter")
	screens := map[string]string{"list and article": m.Render()}
	m = press(t, m, "tab")
	screens["article focused"] = m.Render()
	m = press(t, m, "e")
	screens["error overlay"] = m.Render()
	if !strings.Contains(screens["error overlay"], "click") {
		t.Errorf("error overlay does not show the error:\n%s", screens["error overlay"])
	}
	if !strings.Contains(screens["list and article"], "Title") {
		t.Errorf("hostile article not on screen:\n%s", screens["list and article"])
	}
	for name, s := range screens {
		if v := termcheck.Violations(s, termcheck.Frame); len(v) > 0 {
			t.Errorf("%s: unsafe screen:\n%s", name, strings.Join(v, "\n"))
		}
	}
	if title := m.View().WindowTitle; strings.ContainsRune(title, 0x1b) || strings.ContainsRune(title, 0x07) {
		t.Errorf("window title %q", title)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// FuzzParseRender runs the whole parse path: feed bytes in, articles out,
// every text field safe, every rendered line and list row safe.
func FuzzParseRender(f *testing.F) {
	wrap := func(item string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>` + item + `</item></channel></rss>`
	}
	for _, s := range []string{
		wrap(`<title>&amp;#&amp;#1;x1b;[5m</title><description>&lt;p&gt;&amp;#&amp;#1;x1b;[5mx&lt;/p&gt;</description>`),
		wrap(`<title>a</title><description><![CDATA[<h1>&#&#1;x1b;[5m</h1><a href="https://ok.test/">&#x&#1;1b;]8;;file:///etc/passwd&#7;x</a>]]></description>`),
		wrap(`<title>b</title><description><![CDATA[<b>&&#1;#x9b;5m</b><img alt="&#&#0;27;[8m"><code>&#&#1;x1b;]52;c;eA==&#7;</code>]]></description>`),
		wrap("<title>\x1b[5mraw\u009b8m</title><link>javascript:alert(1)</link><description>\u009d8;;file:///x\u009c</description>"),
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title type="html">&amp;#&amp;#1;x1b;[5m</title><content type="html">&lt;em&gt;&amp;#x&amp;#1;1b;[8m&lt;/em&gt;</content><id>1</id></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"\u001b[5mj","content_html":"<i>&#&#1;x1b;[5m</i>"}]}`,
	} {
		f.Add([]byte(s))
	}
	base, _ := url.Parse("https://feed.test/rss")
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 1<<16 {
			return
		}
		_, arts, err := feed.Parse(body, base, testNow)
		if err != nil {
			if v := termcheck.Violations(err.Error(), termcheck.Frame); len(v) > 0 {
				t.Fatalf("error message unsafe: %v", v)
			}
			return
		}
		st := stylesRender(NewStyles(true, false), true)
		for _, a := range arts {
			for _, field := range append([]string{a.ID, a.Source, a.Title, a.Author, a.Link, a.Image, a.Summary, a.Content}, a.Categories...) {
				if v := termcheck.Violations(field, termcheck.Frame); len(v) > 0 || strings.ContainsRune(field, 0x1b) {
					t.Fatalf("field %q unsafe: %v", field, v)
				}
			}
			if a.Link != "" && feed.Link(a.Link) != a.Link {
				t.Fatalf("link %q is not http(s)", a.Link)
			}
			for _, body := range []string{a.Content, a.Summary} {
				out := Render(body, a.Link, 50, st)
				for _, l := range out.lines {
					if v := termcheck.Violations(l, termcheck.Frame); len(v) > 0 {
						t.Fatalf("rendered line %q unsafe: %v", l, v)
					}
				}
			}
			l := newList()
			l.SetSize(60, 5)
			l.total, l.loaded = 1, true
			l.pages[0] = []cache.Article{{ID: 1, UID: a.ID, Source: a.Source, Title: a.Title, Link: a.Link, Author: a.Author, Published: a.Published}}
			for _, row := range l.View(NewStyles(true, false), true, testNow, "") {
				if v := termcheck.Violations(row, termcheck.Frame); len(v) > 0 {
					t.Fatalf("list row %q unsafe: %v", row, v)
				}
			}
		}
	})
}

func TestSafeWriter(t *testing.T) {
	var b strings.Builder
	w := SafeWriter(&b)
	for _, chunk := range []string{
		"ok\tcol \x1b[1mbold\x1b[m\n",
		"evil \x1b]8;;file:///etc/passwd\x07click\x1b]8;;\x07 \u009b5m\n",
		"split \x1b", "]52;c;ZXZpbA==\x07 tail\n",
		"link \x1b]8;;https://ok.test/\x07x\x1b]8;;\x07\n",
	} {
		if n, err := w.Write([]byte(chunk)); err != nil || n != len(chunk) {
			t.Fatalf("Write(%q) = %d, %v", chunk, n, err)
		}
	}
	got := b.String()
	want := "ok\tcol \x1b[1mbold\x1b[m\nevil click\x1b]8;;\x07 5m\nsplit ]52;c;ZXZpbA== tail\nlink \x1b]8;;https://ok.test/\x07x\x1b]8;;\x07\n"
	if got != want {
		t.Errorf("SafeWriter wrote %q\nwant %q", got, want)
	}
	if v := termcheck.Violations(strings.ReplaceAll(got, "\t", " "), termcheck.Frame); len(v) > 0 {
		t.Errorf("unsafe: %v", v)
	}
}

// BenchmarkTermSafeFrame: the frame filter's cost on a full 160x50 screen
// (go test ./ui -run '^$' -bench TermSafeFrame -benchmem).
func BenchmarkTermSafeFrame(b *testing.B) {
	st := fixtureStore(b, 300)
	m := testModel(b, st, 160, 50)
	m = press(b, m, "enter")
	frame := strings.Join(strings.Split(m.Render(), "\n"), "\n")
	b.SetBytes(int64(len(frame)))
	b.ResetTimer()
	for b.Loop() {
		termSafe(frame)
	}
}

// BenchmarkDataVersion: one PRAGMA data_version check, as the reader makes
// every two seconds.
func BenchmarkDataVersion(b *testing.B) {
	st := fixtureStore(b, 10)
	ctx := context.Background()
	for b.Loop() {
		if _, err := st.DataVersion(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzTermSafe: whatever the frame holds, the filtered frame is safe and
// filtering it again changes nothing.
func FuzzTermSafe(f *testing.F) {
	for _, s := range []string{"a\x1b[5mb", "\x1b]8;;file:///x\x07y\x1b]8;;\x07", "│\u009b2J│", "a\x9bb", "\xc2\x9b\xe2\x80\xae",
		"\x1b[38;5;5m\x1b[1;4;38;2;1;2;3mx", "\x1b]8;id=a;https://ok.test/\x1b\\l\x1b]8;;\x1b\\", "\xe2\x94", "\t\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := termSafe(s)
		if v := termcheck.Violations(out, termcheck.Frame); len(v) > 0 {
			t.Fatalf("termSafe(%q) = %q: %v", s, out, v)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("termSafe(%q) = %q is not UTF-8", s, out)
		}
		if again := termSafe(out); again != out {
			t.Fatalf("termSafe not stable: %q -> %q", out, again)
		}
	})
}
