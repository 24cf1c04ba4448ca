package feed

import (
	"bytes"
	"context"
	"errors"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// An untitled JSON Feed item takes its title from its plain-text summary:
// the cut at 80 characters counts the text's characters, not those of its
// escaped form, so it never splits an escape ("&amp;" shown as "&a"), and
// falls between words.
func TestUntitledJSONItemTitleFromSummary(t *testing.T) {
	lead := strings.Repeat("word ", 15) // 75 characters
	body := `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
  {"id": "1", "url": "https://odd.test/j/1", "summary": "` + lead + `Q&A <3 and more words after the cut"},
  {"id": "2", "url": "https://odd.test/j/2", "summary": "` + lead + `ab <3 & more words after the cut"}]}`
	_, arts := parseString(t, body, "https://odd.test/feed.json")
	got := titles(arts)
	for link, want := range map[string]string{
		"https://odd.test/j/1": lead + "Q&A…",
		"https://odd.test/j/2": lead + "ab <3…",
	} {
		if got[link] != want {
			t.Errorf("%s: title %q, want %q", link, got[link], want)
		}
	}
}

// Get unpacks a gzip body as the fetcher does, and one that unpacks past
// the size cap is ErrTooLarge, as an over-size page is.
func TestGetUnpacksGzipWithinItsCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		switch r.URL.Path {
		case "/page.gz":
			w.Write(gzipped([]byte(rssDoc("packed", 2))))
		case "/bomb.gz":
			w.Write(gzipped(bytes.Repeat([]byte(" "), 2<<20)))
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	p, err := f.Get(context.Background(), srv.URL+"/page.gz", "", 1<<20)
	if err != nil || !bytes.Contains(p.Body, []byte("<rss")) {
		t.Errorf("page.gz: %v, %.40q", err, p.Body)
	}
	if _, err := f.Get(context.Background(), srv.URL+"/bomb.gz", "", 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb.gz: %v, want ErrTooLarge", err)
	}
}

// A title that names an element ("Stop using <br> for spacing", as web
// development news writes them, escaped in RSS and Atom text) keeps it:
// a tag is markup when it closes (<b>…</b>), is empty (<br/>) or has
// attributes (<a href="…">), not when it stands alone.
func TestTitleNamingAnElementKeepsIt(t *testing.T) {
	var items strings.Builder
	want := map[string]string{}
	for i, c := range [][2]string{
		{"Stop using &lt;br&gt; for spacing", "Stop using <br> for spacing"},
		{"Why &lt;a&gt; tags need an href", "Why <a> tags need an href"},
		{"The &lt;img&gt; element, and &lt;b&gt; vs &lt;strong&gt;", "The <img> element, and <b> vs <strong>"},
		{"Stray &lt;/div&gt; tags break layouts", "Stray </div> tags break layouts"},
		{"&lt;b&gt;Bold&lt;/b&gt; claim: &lt;i&gt; stays", "Bold claim: <i> stays"},
		{"Line&lt;br/&gt;break and &lt;a href=\"https://odd.test/x\"&gt;link&lt;/a&gt;", "Line break and link"},
		{"&lt;em&gt;Nested &lt;em&gt;twice&lt;/em&gt;&lt;/em&gt; done", "Nested twice done"},
		{"A &lt;b&gt; alone, then &lt;b&gt;bold&lt;/b&gt;", "A <b> alone, then bold"},
	} {
		link := "https://odd.test/t" + string(rune('a'+i))
		items.WriteString("<item><title>" + c[0] + "</title><link>" + link + "</link></item>")
		want[link] = c[1]
	}
	_, arts := parseString(t, `<?xml version="1.0"?><rss version="2.0"><channel><title>Dev</title><link>https://odd.test/</link><description>d</description>`+items.String()+`</channel></rss>`, "https://odd.test/rss.xml")
	got := titles(arts)
	for link, w := range want {
		if got[link] != w {
			t.Errorf("%s: title %q, want %q", link, got[link], w)
		}
	}
}

// An item with no title (a microblog post, a toot) shows its text's first
// paragraph as its title, cut at a word, not every paragraph run
// together; its ID, when it has no guid or link to make one of, is still
// made from the title as it was derived before, so an upgrade does not
// bring cached items back as new ones.
func TestUntitledItemTitleIsItsFirstParagraph(t *testing.T) {
	const desc = `&lt;p&gt;Ferry back on time today.&lt;/p&gt;&lt;p&gt;Second paragraph with the details of the crossing and the weather, long enough to matter.&lt;/p&gt;`
	body := `<rss version="2.0"><channel><title>Micro</title>` +
		`<item><guid>m-1</guid><description>` + desc + `</description></item>` +
		`<item><description>` + desc + `</description><pubDate>Sat, 28 Nov 2026 08:00:00 +0000</pubDate></item>` +
		`<item><guid>m-3</guid><description>One long paragraph that keeps going past the eighty letters a title may have before it is cut.</description></item>` +
		`</channel></rss>`
	_, arts := parseString(t, body, "https://micro.test/feed.xml")
	if len(arts) != 3 {
		t.Fatalf("%d articles", len(arts))
	}
	byID := map[string]string{}
	for _, a := range arts {
		byID[a.ID] = a.Title
	}
	if got := byID["https://micro.test/feed.xml#m-1"]; got != "Ferry back on time today." {
		t.Errorf("title %q, want the first paragraph", got)
	}
	if got := byID["https://micro.test/feed.xml#m-3"]; got != "One long paragraph that keeps going past the eighty letters a title may have…" {
		t.Errorf("title %q, want a cut at a word", got)
	}
	// The item with neither guid nor link: its ID is the hash of the
	// title as derived before (the description's opening, run together).
	old := Line(truncateRunes(Line(stripTags(html.UnescapeString(desc))), 80))
	want := ""
	for id := range byID {
		if strings.HasPrefix(id, "sha1:") {
			want = id
		}
	}
	if got := hashID("https://micro.test/feed.xml", old, "Sat, 28 Nov 2026 08:00:00 +0000", ""); got != want || byID[want] != "Ferry back on time today." {
		t.Errorf("id %q (title %q), want %q from the old title %q", want, byID[want], got, old)
	}
}

// A CMS that escapes its HTML and then wraps it in CDATA (or escapes it
// twice) gives text that reads "<p>…</p>": its description and content
// are unescaped once, so the reader shows paragraphs, not tags. A text
// about HTML (real tags, or no closing tag) is left as it is.
func TestTwiceEscapedHTMLIsUnescapedOnce(t *testing.T) {
	body := `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Esc</title>` +
		`<item><guid>e-1</guid><title>Twice</title><description><![CDATA[&lt;p&gt;Quay reopens &amp;amp; ferries run.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;]]></description></item>` +
		`<item><guid>e-2</guid><title>Twice content</title><content:encoded>&amp;lt;div&amp;gt;&amp;lt;a href="https://esc.test/x"&amp;gt;Link&amp;lt;/a&amp;gt;&amp;lt;/div&amp;gt;</content:encoded></item>` +
		`<item><guid>e-3</guid><title>About tags</title><description>Use the &amp;lt;p&amp;gt; element for paragraphs.</description></item>` +
		`<item><guid>e-4</guid><title>Real HTML</title><description>&lt;p&gt;Write &amp;lt;/p&amp;gt; to close.&lt;/p&gt;</description></item>` +
		`</channel></rss>`
	_, arts := parseString(t, body, "https://esc.test/feed.xml")
	got := map[string]Article{}
	for _, a := range arts {
		got[a.Title] = a
	}
	if s := PlainText(got["Twice"].Summary); s != "Quay reopens & ferries run.\n\nSecond." {
		t.Errorf("Twice: %q (stored %q)", s, got["Twice"].Summary)
	}
	if c := got["Twice content"].Content; !strings.Contains(c, `<a href="https://esc.test/x">Link</a>`) {
		t.Errorf("Twice content: %q", c)
	}
	if s := PlainText(got["About tags"].Summary); s != "Use the <p> element for paragraphs." {
		t.Errorf("About tags: %q", s)
	}
	if s := PlainText(got["Real HTML"].Summary); s != "Write </p> to close." {
		t.Errorf("Real HTML: %q", s)
	}
}

// An Atom entry's comment count in the threading extension (thr:total, as
// Blogger and WordPress's Atom feeds give it) is its comments count, as
// slash:comments is an RSS item's.
func TestAtomThreadTotalIsTheCommentCount(t *testing.T) {
	body := `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Diary</title><id>urn:d</id>` +
		`<entry><id>urn:d:1</id><title>Gulls</title><link rel="alternate" href="https://diary.test/gulls"/><updated>2026-11-26T09:00:00Z</updated><thr:total>3</thr:total></entry>` +
		`<entry><id>urn:d:2</id><title>Quiet</title><link rel="alternate" href="https://diary.test/quiet"/><updated>2026-11-26T08:00:00Z</updated></entry></feed>`
	_, arts := parseString(t, body, "https://diary.test/feeds/posts/default")
	got := map[string]int{}
	for _, a := range arts {
		got[a.Title] = a.Comments
	}
	if got["Gulls"] != 3 || got["Quiet"] != 0 {
		t.Errorf("comments %v, want Gulls 3, Quiet 0", got)
	}
}

// An Atom entry whose content says it is plain text (type="text") is
// text: "<b>" and "x < 5" are shown as written, its lines and paragraphs
// kept. Content of type html, and content with no type (which feeds fill
// with HTML), are HTML.
func TestAtomTextContentIsText(t *testing.T) {
	body := `<feed xmlns="http://www.w3.org/2005/Atom"><title>Rel</title><id>urn:r</id>` +
		`<entry><id>urn:r:1</id><title>v2.1</title><link href="https://rel.test/1"/><updated>2026-11-26T09:00:00Z</updated>` +
		"<content type=\"text\">Changes:\n- Fixed &lt;b&gt; tags when x &lt; 5\n- Faster\n\nThanks.</content></entry>" +
		`<entry><id>urn:r:2</id><title>v2.0</title><link href="https://rel.test/2"/><updated>2026-11-25T09:00:00Z</updated>` +
		`<content type="html">&lt;p&gt;Now &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;</content></entry>` +
		`<entry><id>urn:r:3</id><title>v1.9</title><link href="https://rel.test/3"/><updated>2026-11-24T09:00:00Z</updated>` +
		`<content>&lt;p&gt;Untyped &lt;i&gt;HTML&lt;/i&gt;.&lt;/p&gt;</content></entry>` +
		`<entry><id>urn:r:4</id><title>tip</title><link href="https://rel.test/4"/><updated>2026-11-23T09:00:00Z</updated>` +
		`<content type="text">Write &lt;b&gt;bold&lt;/b&gt; &amp; mean it.</content></entry></feed>`
	_, arts := parseString(t, body, "https://rel.test/atom")
	got, html := map[string]string{}, map[string]string{}
	for _, a := range arts {
		got[a.Title], html[a.Title] = PlainText(a.Content), a.Content
	}
	if !strings.Contains(got["v2.1"], "- Fixed <b> tags when x < 5") || !strings.HasSuffix(got["v2.1"], "- Faster\n\nThanks.") ||
		strings.Count(html["v2.1"], "<br>") != 2 || strings.Count(html["v2.1"], "<p>") != 2 {
		t.Errorf("text content: %q (stored %q), want its text, lines and two paragraphs", got["v2.1"], html["v2.1"])
	}
	if got["tip"] != "Write <b>bold</b> & mean it." {
		t.Errorf("one line of text about tags: %q (stored %q)", got["tip"], html["tip"])
	}
	if got["v2.0"] != "Now bold." || got["v1.9"] != "Untyped HTML." {
		t.Errorf("html content: %q, untyped: %q", got["v2.0"], got["v1.9"])
	}
}
