package feed

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// parseString parses an inline feed body fetched from base.
func parseString(t *testing.T, body, base string) (string, []Article) {
	t.Helper()
	u, _ := url.Parse(base)
	title, arts, err := Parse([]byte(body), u, fixedNow)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return title, arts
}

func titles(arts []Article) map[string]string {
	m := map[string]string{}
	for _, a := range arts {
		m[a.Link] = a.Title
	}
	return m
}

// Atom titles of type html and xhtml, and RSS titles in CDATA, carry
// markup that must not show as tags; text that only looks like a tag
// stays.
func TestTitleMarkupIsRemoved(t *testing.T) {
	const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Site &lt;em&gt;with&lt;/em&gt; markup</title>
  <id>tag:odd.test,2026:t</id><updated>2026-11-26T10:00:00Z</updated>
  <entry><id>tag:odd.test,2026:x1</id><updated>2026-11-26T10:00:00Z</updated>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title>
    <link href="https://odd.test/1"/></entry>
  <entry><id>tag:odd.test,2026:x2</id><updated>2026-11-26T10:00:00Z</updated>
    <title type="html">Escaped &lt;b&gt;bold&lt;/b&gt;&lt;br/&gt;words &amp;amp; more</title>
    <link href="https://odd.test/2"/></entry>
  <entry><id>tag:odd.test,2026:x3</id><updated>2026-11-26T10:00:00Z</updated>
    <title type="text">Why &lt;blink&gt; died: a &lt; b &gt; c</title>
    <link href="https://odd.test/3"/></entry>
  <entry><id>tag:odd.test,2026:x4</id><updated>2026-11-26T10:00:00Z</updated>
    <title type="html">&lt;a href="https://odd.test/x" onclick="y"&gt;Linked&lt;/a&gt; title&lt;sup&gt;2&lt;/sup&gt;</title>
    <link href="https://odd.test/4"/></entry>
</feed>`
	title, arts := parseString(t, atomFeed, "https://odd.test/atom.xml")
	if title != "Site with markup" {
		t.Errorf("feed title %q", title)
	}
	got := titles(arts)
	for link, want := range map[string]string{
		"https://odd.test/1": "An xhtml title",
		"https://odd.test/2": "Escaped bold words & more",
		"https://odd.test/3": "Why <blink> died: a < b > c",
		"https://odd.test/4": "Linked title2",
	} {
		if got[link] != want {
			t.Errorf("%s: title %q, want %q", link, got[link], want)
		}
	}

	const rssFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><link>https://odd.test/</link><description>d</description>
<item><title><![CDATA[A <strong>CDATA</strong> title &amp; <i>more</i>]]></title><link>https://odd.test/c</link></item>
</channel></rss>`
	_, arts = parseString(t, rssFeed, "https://odd.test/rss.xml")
	if got := titles(arts)["https://odd.test/c"]; got != "A CDATA title & more" {
		t.Errorf("CDATA title %q", got)
	}
}

// Emoji sequences are kept as the feed wrote them (the UI evens out their
// width as it draws: ui's stableWidth); soft hyphens go, so a word holding
// one is one word to search and to the terminal.
func TestEmojiSequencesAreKept(t *testing.T) {
	for in, want := range map[string]string{
		"Family \U0001F469\u200d\U0001F469\u200d\U0001F467 day": "Family \U0001F469\u200d\U0001F469\u200d\U0001F467 day",
		"Thumbs \U0001F44D\U0001F3FD up":                        "Thumbs \U0001F44D\U0001F3FD up",
		"Love \u2764\ufe0f it":                                  "Love \u2764\ufe0f it",
		"Key 1\ufe0f\u20e3 pad":                                 "Key 1\ufe0f\u20e3 pad",
		"Hindi \u0915\u094d\u200d\u0937 joiner":                 "Hindi \u0915\u094d\u200d\u0937 joiner",
		"Entity &#x2764;&#xFE0F; heart":                         "Entity \u2764\ufe0f heart",
		"Bundes\u00adregierung und Landes&shy;regierung":        "Bundesregierung und Landesregierung",
	} {
		for name, f := range map[string]func(string) string{"Line": Line, "Block": Block, "titleLine": titleLine} {
			if got := f(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
			}
		}
		if got := PlainText("<p>" + in + "</p>"); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
	const rssFeed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed \u2764\ufe0f</title><link>https://odd.test/</link><description>d</description>" +
		"<item><title>Win \U0001F44D\U0001F3FF</title><link>https://odd.test/e</link><description>&lt;p&gt;Body \U0001F469\u200d\U0001F4BB&lt;/p&gt;</description></item></channel></rss>"
	title, arts := parseString(t, rssFeed, "https://odd.test/rss.xml")
	if title != "Feed \u2764\ufe0f" || arts[0].Title != "Win \U0001F44D\U0001F3FF" || arts[0].Summary != "<p>Body \U0001F469\u200d\U0001F4BB</p>" {
		t.Errorf("feed %q, item %q, summary %q", title, arts[0].Title, arts[0].Summary)
	}
}

// JSON Feed's content_text and summary are plain text: angle brackets
// and ampersands are text and blank lines separate paragraphs. An item
// with no title takes one from its text; a UTF-8 BOM is no error.
func TestJSONFeedPlainText(t *testing.T) {
	const body = "\xef\xbb\xbf" + `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Odd",
  "items": [
    {"id": "1", "url": "https://odd.test/j/1", "title": "Text item",
     "summary": "Use <b> & <i> tags",
     "content_text": "First line\nsame paragraph with <angle> brackets & more.\n\nSecond paragraph."},
    {"id": "2", "url": "https://odd.test/j/2",
     "content_text": "A note with no title that goes on for some while, enough words to need cutting when it becomes the title of the item in the list."},
    {"id": "3", "url": "https://odd.test/j/3", "content_html": "<p>An <b>HTML</b> note without a title.</p><script>var x = 'LEAK';</script>"}
  ]}`
	title, arts := parseString(t, body, "https://odd.test/feed.json")
	if title != "JSON Odd" || len(arts) != 3 {
		t.Fatalf("title %q, %d articles", title, len(arts))
	}
	byLink := map[string]Article{}
	for _, a := range arts {
		byLink[a.Link] = a
	}
	a := byLink["https://odd.test/j/1"]
	if a.Content != "<p>First line<br>same paragraph with &lt;angle&gt; brackets &amp; more.</p><p>Second paragraph.</p>" {
		t.Errorf("content_text stored as %q", a.Content)
	}
	if got := PlainText(a.Summary); got != "Use <b> & <i> tags" {
		t.Errorf("summary as text: %q (stored %q)", got, a.Summary)
	}
	if got := byLink["https://odd.test/j/2"].Title; got != "A note with no title that goes on for some while, enough words to need cutting…" {
		t.Errorf("derived title %q", got)
	}
	if got := byLink["https://odd.test/j/3"].Title; got != "An HTML note without a title." {
		t.Errorf("derived title %q", got)
	}
}

// An item with no link whose guid (or Atom id) is a web address links
// there, as RSS means a permalink guid; other guids give no link.
func TestGUIDStandsInForMissingLink(t *testing.T) {
	const rssFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><link>https://odd.test/</link><description>d</description>
<item><title>Permalink guid</title><guid>https://odd.test/story/1</guid></item>
<item><title>Opaque guid</title><guid isPermaLink="false">urn:uuid:1234</guid></item>
<item><title>Script guid</title><guid>javascript:alert(1)</guid></item>
</channel></rss>`
	_, arts := parseString(t, rssFeed, "https://odd.test/rss.xml")
	links := map[string]string{}
	for _, a := range arts {
		links[a.Title] = a.Link
	}
	if links["Permalink guid"] != "https://odd.test/story/1" || links["Opaque guid"] != "" || links["Script guid"] != "" {
		t.Errorf("links %q", links)
	}
	const atomFeed = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Id only</title><id>https://odd.test/a/2</id><updated>2026-11-26T10:00:00Z</updated></entry></feed>`
	_, arts = parseString(t, atomFeed, "https://odd.test/atom.xml")
	if len(arts) != 1 || arts[0].Link != "https://odd.test/a/2" {
		t.Errorf("atom id as link: %+v", arts)
	}
}

// The zero width joiner is part of the spelling of several scripts: it
// makes the Malayalam chillu letters of text encoded before Unicode 5.1,
// the Sinhala rakaaransaya and yansaya, Marathi's eyelash ra and
// Bengali's ya-phala after ra. There it joins no emoji and changes no
// width, so it stays; between emoji it still goes.
func TestJoinerStaysInScripts(t *testing.T) {
	for _, s := range []string{
		"അവന്\u200d വന്നു",              // Malayalam, chillu n
		"ශ්\u200dරී ලංකා ව්\u200dයාපාර", // Sinhala rakaaransaya, yansaya
		"दर्\u200dया",                   // Marathi eyelash ra
		"র\u200d্যাব",                   // Bengali ra + ZWJ + ya-phala
		"क्\u200dष",                     // Devanagari half form asked for
		"\u0643\u200d",                  // Arabic letter shown in its joining form
	} {
		for name, f := range map[string]func(string) string{"Line": Line, "Block": Block, "titleLine": titleLine} {
			if got := f(s); got != s {
				t.Errorf("%s(%q) = %q, want it unchanged", name, s, got)
			}
		}
		if got := PlainText("<p>" + s + "</p>"); got != s {
			t.Errorf("PlainText(%q) = %q", s, got)
		}
	}
	// Nor does it go between emoji.
	for _, in := range []string{"x\U0001F469\u200d\U0001F4BB", "\U0001F441\ufe0f\u200d\U0001F5E8\ufe0f eye"} {
		if got := Line(in); got != in {
			t.Errorf("Line(%q) = %q, want it unchanged", in, got)
		}
	}
}

// Media fallback text, templates, noscript markup and inline SVG text
// stay out of the plain text (summaries, search), as they stay out of
// the article pane.
func TestPlainTextLeavesOutFallbacks(t *testing.T) {
	got := PlainText(`<p>Before.</p><video src="v.mp4">Your browser does not support the video tag.</video>` +
		`<audio>No audio support.</audio><template><p>Template text</p></template>` +
		`<noscript><img src="x.jpg" alt="lazy"></noscript><svg><title>Chart title</title><text>Axis</text></svg>` +
		`<iframe src="https://odd.test/embed">Frame text</iframe><p>After.</p>`)
	if got != "Before.\n\nAfter." {
		t.Errorf("%q", got)
	}
}

// Dates gofeed cannot read, or reads as UTC for a zone it does not know,
// are read right instead of becoming the fetch time.
func TestLooseDates(t *testing.T) {
	for in, want := range map[string]string{
		"Sat,20 Nov 2026 08:00:00 GMT":       "2026-11-20T08:00:00Z",
		"Sa, 20 Nov 2026 08:00:00 +0100":     "2026-11-20T07:00:00Z",
		"Sam, 20 nov. 2026 08:00:00 +0100":   "2026-11-20T07:00:00Z",
		"Samstag, 28. Dez. 2025 08:00 MEZ":   "2025-12-28T07:00:00Z",
		"Sat, 20 Nov. 2026 08:00:00 GMT":     "2026-11-20T08:00:00Z",
		"Monday, November 23, 2026 - 4:15pm": "2026-11-23T16:15:00Z",
		"Sat, 20 Nov 2026 8:00 am EST":       "2026-11-20T13:00:00Z",
		"2026/11/20 08:00":                   "2026-11-20T08:00:00Z",
		"28 März 2026 10:30 +0100":           "2026-03-28T09:30:00Z",
		"Sat, 20 Nov 2026 08:00:00 AEDT":     "2026-11-19T21:00:00Z",
		"Sat, 20 Nov 2026 08:00:00 CEST":     "2026-11-20T06:00:00Z",
		"Tue, 5 Nov 2026 9:03:00 EST":        "2026-11-05T14:03:00Z",
		"Fri, 20 Nov 26 08:15 GMT":           "2026-11-20T08:15:00Z", // RFC 822's two-digit year
		"20 Nov 26 08:15:30 +0100":           "2026-11-20T07:15:30Z",
	} {
		body := `<rss version="2.0"><channel><title>D</title><item><title>x</title><link>https://odd.test/d</link><pubDate>` + in + `</pubDate></item></channel></rss>`
		_, arts := parseString(t, body, "https://odd.test/rss.xml")
		if got := arts[0].Published.Format(time.RFC3339); got != want || arts[0].Undated {
			t.Errorf("%q: %s (undated %v), want %s", in, got, arts[0].Undated, want)
		}
	}
	if _, ok := looseDate("not a date at all", ""); ok {
		t.Error("nonsense read as a date")
	}
}

// Video feeds (a YouTube channel's Atom, broadcasters' video RSS) carry
// an item's text only in media:description (plain text), inside
// media:group or not: it becomes the summary, so the article pane is not
// empty and the item's title can come from it.
func TestMediaDescriptionIsTheSummary(t *testing.T) {
	const atomFeed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:yt="http://www.youtube.com/xml/schemas/2015">
 <title>Odd Channel</title>
 <entry><id>yt:video:abc</id><title>Harbour tour</title><link rel="alternate" href="https://video.odd.test/watch?v=abc"/>
  <published>2026-11-26T10:00:00+00:00</published>
  <media:group><media:title>Harbour tour</media:title><media:thumbnail url="https://img.odd.test/abc.jpg" width="480" height="360"/>
   <media:description>We walk the harbour &amp; its &lt;three&gt; piers.

Chapters:
0:00 Start</media:description></media:group>
 </entry></feed>`
	_, arts := parseString(t, atomFeed, "https://video.odd.test/feeds/videos.xml")
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	a := arts[0]
	if a.Summary != "<p>We walk the harbour &amp; its &lt;three&gt; piers.</p><p>Chapters:<br>0:00 Start</p>" || a.Image != "https://img.odd.test/abc.jpg" {
		t.Errorf("summary %q image %q", a.Summary, a.Image)
	}
	const rssFeed = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>V</title>
<item><link>https://odd.test/v/1</link><media:content url="https://odd.test/v/1.mp4" medium="video"><media:description>Clip of the ferry launch.</media:description></media:content></item>
<item><title>Has text</title><link>https://odd.test/v/2</link><description>Own text</description><media:description>Media text</media:description></item>
</channel></rss>`
	_, arts = parseString(t, rssFeed, "https://odd.test/v.rss")
	got := map[string]Article{}
	for _, a := range arts {
		got[a.Link] = a
	}
	if a := got["https://odd.test/v/1"]; a.Summary != "<p>Clip of the ferry launch.</p>" || a.Title != "Clip of the ferry launch." {
		t.Errorf("rss media:content description: title %q summary %q", a.Title, a.Summary)
	}
	if a := got["https://odd.test/v/2"]; a.Summary != "Own text" {
		t.Errorf("own description replaced: %q", a.Summary)
	}
}

// A feed without dates (RSS 0.91, hand-made feeds) lists its newest item
// first: its undated items keep that order, a second apart from the
// fetch time down, rather than all taking the same instant (and the
// cache's newest-first order then reversing the feed's).
func TestUndatedItemsKeepFeedOrder(t *testing.T) {
	const rssFeed = `<rss version="0.91"><channel><title>Old</title><link>https://odd.test/</link>
<item><title>Top story</title><link>https://odd.test/1</link></item>
<item><title>Second story</title><link>https://odd.test/2</link></item>
<item><title>Third story</title><link>https://odd.test/3</link></item>
</channel></rss>`
	_, arts := parseString(t, rssFeed, "https://odd.test/old.rss")
	if len(arts) != 3 {
		t.Fatalf("%d articles", len(arts))
	}
	for i, a := range arts {
		if !a.Undated || fixedNow.Sub(a.Published) > time.Minute || a.Published.After(fixedNow) {
			t.Errorf("%q: published %v undated %v", a.Title, a.Published, a.Undated)
		}
		if i > 0 && !a.Published.Before(arts[i-1].Published) {
			t.Errorf("%q (%v) is not older than %q (%v)", a.Title, a.Published, arts[i-1].Title, arts[i-1].Published)
		}
	}
}

// An RSS item whose only link is an atom:link (rel alternate or none)
// links there.
func TestRSSItemAtomLink(t *testing.T) {
	const rssFeed = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>S</title>
<item><title>Atom link only</title><atom:link rel="enclosure" href="https://odd.test/a.mp3"/><atom:link href="/story/3" rel="alternate" type="text/html"/></item>
<item><title>Self only</title><atom:link href="https://odd.test/self" rel="self"/><guid isPermaLink="false">s1</guid></item>
</channel></rss>`
	_, arts := parseString(t, rssFeed, "https://odd.test/feed.rss")
	got := map[string]string{}
	for _, a := range arts {
		got[a.Title] = a.Link
	}
	if got["Atom link only"] != "https://odd.test/story/3" || got["Self only"] != "" {
		t.Errorf("links %q", got)
	}
}

// Atom entries and JSON Feed items without an author are by the feed's
// author(s), as both specifications say; an RSS channel's editor is not
// its items' author.
func TestFeedAuthorIsTheDefault(t *testing.T) {
	const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "authors": [{"name": "Feed Writer"}, {"name": "Co Writer"}],
  "items": [{"id": "1", "url": "https://odd.test/j/1", "title": "Own", "authors": [{"name": "Item Writer"}], "content_text": "x"},
            {"id": "2", "url": "https://odd.test/j/2", "title": "Inherits", "content_text": "y"}]}`
	const atomFeed = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><author><name>Atom Feed Writer</name></author>
<entry><id>https://odd.test/a/1</id><title>Own</title><updated>2026-11-20T10:00:00Z</updated><author><name>Entry Writer</name></author></entry>
<entry><id>https://odd.test/a/2</id><title>Inherits</title><updated>2026-11-20T10:00:00Z</updated></entry></feed>`
	const rssFeed = `<rss version="2.0"><channel><title>R</title><managingEditor>editor@odd.test (Desk Editor)</managingEditor>
<item><title>Inherits</title><link>https://odd.test/r/2</link></item></channel></rss>`
	for _, c := range []struct{ body, url, own, inherited string }{
		{jsonFeed, "https://odd.test/feed.json", "Item Writer", "Feed Writer, Co Writer"},
		{atomFeed, "https://odd.test/atom.xml", "Entry Writer", "Atom Feed Writer"},
		{rssFeed, "https://odd.test/rss.xml", "", ""},
	} {
		_, arts := parseString(t, c.body, c.url)
		for _, a := range arts {
			want := c.inherited
			if a.Title == "Own" {
				want = c.own
			}
			if a.Author != want {
				t.Errorf("%s %q: author %q, want %q", c.url, a.Title, a.Author, want)
			}
		}
	}
}

// Feeds that give every item the same guid (the site's address, a
// constant) or the same link give each item its own ID; items alike in
// guid, link and title stay one. (The cache joins items with one link
// into one article, as it does across feeds.)
func TestSharedGUIDsKeepEveryItem(t *testing.T) {
	const rssFeed = `<rss version="2.0"><channel><title>S</title><link>https://odd.test/</link>
<item><title>First</title><link>https://odd.test/1</link><guid>https://odd.test/</guid></item>
<item><title>Second</title><link>https://odd.test/2</link><guid>https://odd.test/</guid></item>
<item><title>Third</title><link>https://odd.test/home</link></item>
<item><title>Fourth</title><link>https://odd.test/home</link></item>
<item><title>Fourth</title><link>https://odd.test/home</link></item>
<item><title>Own guid</title><link>https://odd.test/5</link><guid>https://odd.test/5</guid></item>
</channel></rss>`
	parse := func() []Article {
		_, arts := parseString(t, rssFeed, "https://odd.test/feed.rss")
		return arts
	}
	arts := parse()
	ids := map[string]string{}
	for _, a := range arts {
		if other, dup := ids[a.ID]; dup {
			t.Errorf("%q and %q share the ID %q", a.Title, other, a.ID)
		}
		ids[a.ID] = a.Title
	}
	if len(arts) != 5 {
		t.Errorf("%d articles, want 5 (the two identical Fourths are one): %v", len(arts), ids)
	}
	for i, a := range parse() {
		if a.ID != arts[i].ID {
			t.Errorf("%q: ID %q then %q", a.Title, arts[i].ID, a.ID)
		}
	}
	if ids["https://odd.test/1"] != "First" || ids["https://odd.test/2"] != "Second" || ids["https://odd.test/5"] != "Own guid" {
		t.Errorf("IDs %v", ids)
	}
}

// An element that hides what it holds (a video's fallback, an object's) is
// hidden only when it is closed: left open, as some feeds leave it, it
// would hide the rest of the article from summaries and search.
func TestPlainTextKeepsTextAfterUnclosedMedia(t *testing.T) {
	for _, tag := range []string{"video", "audio", "object", "svg", "canvas", "template"} {
		open := `<p>Before the clip.</p><` + tag + ` src="/clip">` + `<p>The council met on Monday.</p>`
		if got := PlainText(open); !strings.Contains(got, "council met on Monday") || !strings.Contains(got, "Before the clip") {
			t.Errorf("%s left open: %q", tag, got)
		}
		closed := `<p>Before the clip.</p><` + tag + ` src="/clip">Your browser cannot play this.</` + strings.ToUpper(tag) + `><p>The council met on Monday.</p>`
		if got := PlainText(closed); strings.Contains(got, "browser") || !strings.Contains(got, "council met on Monday") {
			t.Errorf("%s closed: %q", tag, got)
		}
	}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"<video></video>", true}, {"<video></VIDEO >", true}, {"<video></video/>", true},
		{"<video></videos>", false}, {"<video></video", false}, {"<video><video>", false}, {"</ſvg>", false},
	} {
		name := "video"
		if strings.Contains(c.in, "ſ") {
			name = "svg"
		}
		if got := HasEndTag(c.in, name); got != c.want {
			t.Errorf("HasEndTag(%q, %q) = %v", c.in, name, got)
		}
	}
}
