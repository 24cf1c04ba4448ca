package feed

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Plain text keeps its paragraphs: an Atom summary or content of type
// "text" (said, or by default), an RSS description with no tags, becomes
// a <p> per paragraph. A line wrapped in the source stays one line; short
// lines and list items keep their breaks; text with markup is HTML as
// before. (ui's TestPlainTextParagraphsInTheArticlePane renders them.)
func TestPlainTextKeepsItsParagraphs(t *testing.T) {
	wrappedPara := "This first paragraph was wrapped by whoever wrote the feed, at a width\n    of about seventy columns, and reads as one."
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Paras</title><id>urn:paras</id><updated>2026-11-20T10:00:00Z</updated>` +
		`<entry><title>summary text</title><id>urn:1</id><link href="https://paras.test/1"/><updated>2026-11-20T10:00:00Z</updated><summary type="text">First para, a &amp; b &lt; c.

Second para.</summary></entry>` +
		`<entry><title>content text</title><id>urn:2</id><link href="https://paras.test/2"/><updated>2026-11-20T10:00:00Z</updated><content type="text">` + wrappedPara + `

Ingredients:
- flour
- water

  Closing line.  </content></entry>` +
		`<entry><title>content default</title><id>urn:3</id><link href="https://paras.test/3"/><updated>2026-11-20T10:00:00Z</updated><content>One.
` + "\r\n" + `Two.</content></entry>` +
		`<entry><title>html</title><id>urn:4</id><link href="https://paras.test/4"/><updated>2026-11-20T10:00:00Z</updated><summary type="html">&lt;p&gt;Tagged
one&lt;/p&gt;
&lt;p&gt;Tagged two&lt;/p&gt;</summary></entry>` +
		`</feed>`
	rss := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Paras</title><link>https://paras.test/</link><description>d</description>` +
		`<item><title>plain</title><link>https://paras.test/r1</link><description>Plain one.

Plain two, Tom &amp;amp; Jerry.</description></item>` +
		`<item><title>cdata</title><link>https://paras.test/r2</link><description><![CDATA[Cdata one.

Cdata two.]]></description></item>` +
		`<item><title>tagged</title><link>https://paras.test/r3</link><description>&lt;b&gt;Bold&lt;/b&gt; start.

Same block.</description></item>` +
		`</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/atom" {
			fmt.Fprint(w, atom)
			return
		}
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	text := map[string]string{}
	for _, p := range []string{"/atom", "/rss"} {
		res := fetchOne(t, f, Request{URL: srv.URL + p})
		if res.Status != StatusOK {
			t.Fatalf("%s: %v %v", p, res.Status, res.Err)
		}
		for _, a := range res.Articles {
			text[a.Title] = a.Summary + a.Content
		}
	}
	want := map[string]string{
		"summary text":    "<p>First para, a & b &lt; c.</p><p>Second para.</p>",
		"content text":    "<p>" + strings.Join(strings.Fields(wrappedPara), " ") + "</p><p>Ingredients:<br>- flour<br>- water</p><p>Closing line.</p>",
		"content default": "<p>One.</p><p>Two.</p>",
		"html":            "<p>Tagged\none</p>\n<p>Tagged two</p>",
		"plain":           "<p>Plain one.</p><p>Plain two, Tom &amp; Jerry.</p>",
		"cdata":           "<p>Cdata one.</p><p>Cdata two.</p>",
		"tagged":          "<b>Bold</b> start.\n\nSame block.", // HTML: as it was
	}
	for title, w := range want {
		if got := text[title]; got != w {
			t.Errorf("%s:\n got %q\nwant %q", title, got, w)
		}
	}
}

// paragraphs changes only plain text with line breaks, and then only
// its layout: the words, read back as HTML reads them, are the same, and
// the only tags are its own.
func FuzzParagraphs(f *testing.F) {
	for _, s := range []string{"東京" + strings.Repeat("は", 60) + "\n「晴れ」 です\n\n次", "a\n\nb", "x <b>y</b>\n\nz", "a < b\r\n\r\n& c &amp; d", "Items:\n- one\n- two", "1) a\n2) b", "&lt;p&gt;\n\n<", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := paragraphs(s)
		if !strings.ContainsAny(s, "\n\r") || hasMarkup(s) {
			if out != s {
				t.Fatalf("%q changed to %q", s, out)
			}
			return
		}
		tags := strings.NewReplacer("<p>", " ", "</p>", " ", "<br>", " ").Replace(out)
		if strings.ContainsAny(tags, "<>") {
			t.Fatalf("%q: a tag of the text's own in %q", s, out)
		}
		// (Chinese and Japanese lines join without a space: whitespace
		// between two such letters is not counted on either side.)
		words := func(s string) string { return joinSpaceless(strings.Join(strings.Fields(html.UnescapeString(s)), " ")) }
		if words(tags) != words(s) {
			t.Fatalf("%q: words changed:\n%q\n%q", s, words(tags), words(s))
		}
	})
}

// Chinese and Japanese are written without spaces: a line wrapped in the
// source joins the next without one (a space there showed as a gap in
// the sentence and split the run for search); Korean, which spaces its
// words, and Latin text join with a space as before.
func TestWrappedCJKLinesJoinWithoutASpace(t *testing.T) {
	ja := strings.Repeat("気象台によると明日の東京は一日中晴れるでしょう", 3) // 66 letters: wrapped
	ko := strings.Repeat("서울에서 열린 회의에서 날씨 이야기가 나왔다 ", 3)
	for _, c := range [][2]string{
		{ja + "\n続きの文です。\n\n次の段落。", "<p>" + ja + "続きの文です。</p><p>次の段落。</p>"},
		{ja + "。\n「続き」", "<p>" + ja + "。「続き」</p>"},
		{strings.TrimSpace(ko) + "\n계속", "<p>" + strings.TrimSpace(ko) + " 계속</p>"},
		// Wrapped at thirty letters (sixty columns: a short line counts
		// its columns, a Chinese or Japanese letter two), as plain-text
		// Japanese is: one paragraph. A short heading keeps its break.
		{"見出し\n気象台によると、明日の東京は一日中晴れるでしょう。コーヒー\n店の前には朝から人々が並び、市の担当者は交通機関の\n混雑に注意するよう呼びかけました。",
			"<p>見出し<br>気象台によると、明日の東京は一日中晴れるでしょう。コーヒー店の前には朝から人々が並び、市の担当者は交通機関の混雑に注意するよう呼びかけました。</p>"},
	} {
		if got := paragraphs(c[0]); got != c[1] {
			t.Errorf("paragraphs(%q):\n got %q\nwant %q", c[0], got, c[1])
		}
	}
}

// joinSpaceless drops the single spaces between two letters of a script
// written without them (spacelessScript).
func joinSpaceless(s string) string {
	rs := []rune(s)
	out := rs[:0]
	for i, r := range rs {
		if r == ' ' && len(out) > 0 && i+1 < len(rs) && spacelessScript(out[len(out)-1]) && spacelessScript(rs[i+1]) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
