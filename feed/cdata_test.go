package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"newsreader/feed/sitetext"
)

// cdataFeeds are RSS bodies that lift text in every way liftCDATA
// handles, and some it must leave alone.
func cdataFeeds() []string {
	long := strings.Repeat("<p>Harbour fees rise &amp; ferries wait</p>\n", 6)
	path := "page/" + strings.Repeat("harbour-fees-", 12)
	feeds := []string{
		`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><link>https://a.test/</link>
<description><![CDATA[` + long + `]]></description>
<item><title>One</title><link>https://a.test/1</link><description><![CDATA[` + long + `]]></description><content:encoded>
  <![CDATA[
` + long + `  ]]>  </content:encoded></item>
<item><title><![CDATA[` + long + `]]></title><link>https://a.test/2</link><description>before <![CDATA[` + long + `]]> between <![CDATA[` + long + `]]> after &amp; more</description>
<media:description><![CDATA[` + long + `]]></media:description><category><![CDATA[` + long + `]]></category></item>
<!-- <description><![CDATA[` + long + `]]></description> -->
<item><title>Four</title><x:encoded xmlns:x="http://x.test/ns"><![CDATA[` + long + `]]></x:encoded></item>
<item><title>Three</title><description><![CDATA[` + long + "\r\n" + long + `]]></description><content:encoded><![CDATA[short]]></content:encoded></item>
</channel></rss>`,
		// An error after the lifted text names the same line.
		`<rss version="2.0"><channel><title>T</title><item><description><![CDATA[` + long + `]]></description></item>
<item><title>broken</title></itme></channel></rss>`,
		// A feed that already holds the marker, and one in another encoding.
		`<rss version="2.0"><channel><title>T` + liftOpen + `</title><item><description><![CDATA[` + long + `]]></description></item></channel></rss>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><description><![CDATA[` + long + `]]></description></item></channel></rss>`,
		// US-ASCII, which gofeed decodes as windows-1252: UTF-8 text
		// in it comes out as gofeed reads it, lifted or not.
		`<?xml version="1.0" encoding="us-ascii"?><rss version="2.0"><channel><title>T</title><item><description><![CDATA[Café ` + long + `]]></description></item></channel></rss>`,
		// Text after what only looks like a description's start tag (in
		// a comment, a processing instruction, another CDATA section),
		// in a link gofeed resolves against xml:base.
		// (A link's text has no line break: that stops the resolving.)
		`<rss version="2.0" xml:base="https://a.test/dir/"><channel><title>T</title><item><title>One</title>
<link><!-- <description x --><![CDATA[` + path + `]]></link>
<link><?pi <description x ?><![CDATA[` + path + `]]></link>
<link><![CDATA[page<description x]]><![CDATA[` + path + `]]></link></item></channel></rss>`,
	}
	var sb strings.Builder
	sb.WriteString(`<rss version="2.0"><channel><title>Site</title>`)
	for k := range 5 {
		sb.WriteString("<item><title>" + sitetext.Title(k) + "</title><description><![CDATA[" + sitetext.Site(k) + "]]></description></item>")
	}
	sb.WriteString("</channel></rss>")
	return append(feeds, sb.String())
}

// Lifting changes nothing gofeed makes of a feed, only how fast.
func TestLiftedCDATAParsesTheSame(t *testing.T) {
	bodies := cdataFeeds()
	files, _ := filepath.Glob("testdata/*.rss")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	liftedSome := 0
	for i, b := range bodies {
		if _, texts := liftCDATA([]byte(b)); len(texts) > 0 {
			liftedSome++
		}
		sameParse(t, i, []byte(b))
	}
	if liftedSome < 3 {
		t.Errorf("only %d bodies had text lifted", liftedSome)
	}
	// What is lifted: only description and content:encoded text.
	_, texts := liftCDATA([]byte(bodies[0]))
	// The channel's and the first item's description and its
	// content:encoded, and another namespace's encoded (gofeed keeps it
	// among the extensions); not a title, a media:description, text after
	// other text, a comment's, text with a CR, or short text.
	if len(texts) != 4 {
		t.Errorf("%d texts lifted from the first feed, want 4", len(texts))
	}
	for _, l := range texts {
		if strings.HasPrefix(l.text, " ") || strings.HasSuffix(l.text, "\n") {
			t.Errorf("lifted text keeps its outer white space: %q", l.text)
		}
	}
}

func sameParse(t *testing.T, i int, body []byte) {
	t.Helper()
	want, _, errWant := parseFormatLifting(body, false)
	got, _, errGot := parseFormatLifting(body, true)
	if (errWant == nil) != (errGot == nil) || (errWant != nil && errWant.Error() != errGot.Error()) {
		t.Fatalf("body %d: error %v, lifted %v", i, errWant, errGot)
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("body %d: lifted parse differs\nwant %+v\ngot  %+v", i, want, got)
	}
}

func FuzzLiftCDATA(f *testing.F) {
	for _, b := range cdataFeeds() {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		sameParse(t, 0, body)
	})
}

// The lifted copy of a body goes back to its pool once parsed: nothing
// the parse returns reads it (scribbled over after, the feed parsed from
// it is the feed parsed without lifting).
func TestLiftedCopyIsNotKept(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbor</title>`)
	for i := range 5 {
		text := strings.Repeat(fmt.Sprintf("Ferry %d sails again after the storm. ", i), 8)
		fmt.Fprintf(&b, `<item><title>Ferry %d</title><link>https://harbor.example/%d</link><description><![CDATA[<p>%s</p>]]></description><content:encoded><![CDATA[<p>%s full</p>]]></content:encoded></item>`, i, i, text, text)
	}
	b.WriteString(`</channel></rss>`)
	body := []byte(b.String())
	if _, texts := liftCDATA(body); len(texts) == 0 {
		t.Fatal("nothing lifted")
	}
	lifted, _, err := parseFormatLifting(body, true)
	if err != nil {
		t.Fatal(err)
	}
	for range 8 {
		buf := liftBuf(len(body) + 64)
		buf = buf[:cap(buf)]
		for i := range buf {
			buf[i] = 'x'
		}
		releaseBody(&buf)
	}
	plain, _, err := parseFormatLifting(body, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(lifted.Items) != len(plain.Items) {
		t.Fatalf("%d items lifted, %d not", len(lifted.Items), len(plain.Items))
	}
	for i, it := range lifted.Items {
		p := plain.Items[i]
		if it.Title != p.Title || it.Description != p.Description || it.Content != p.Content || it.Link != p.Link {
			t.Errorf("item %d lifted: %q %.40q %.40q, not lifted: %q %.40q %.40q", i, it.Title, it.Description, it.Content, p.Title, p.Description, p.Content)
		}
	}
}

// A directive is skipped as encoding/xml reads it (its first byte
// whatever it is, quotes, nested brackets, comments): a CDATA section
// the parser takes as part of one is not lifted, and the parses agree;
// text after a directive that ends is still lifted.
func TestLiftSkipsDirectivesAsTheParserReadsThem(t *testing.T) {
	long := strings.Repeat("Ferries sail again after the storm. ", 6)
	for i, body := range []string{
		`<rss>0<!><encoded><![CDATA["` + long + `]]>></A>`,
		`<rss><!x "a>b" <![CDATA[` + long + `]]> ><channel><description><![CDATA[` + long + `]]></description></channel></rss>`,
		`<rss><!x <!-- > " --> <y> ><channel><description><![CDATA[` + long + `]]></description></channel></rss>`,
		`<rss><!x <!- <![CDATA[` + long + `]]> > ><channel></channel></rss>`,
	} {
		sameParse(t, i, []byte(body))
	}
	after := `<?xml version="1.0"?><!x [<!y "a>"> <!-- a comment > -->]><rss version="2.0"><channel><title>T</title><item><title>A</title><description><![CDATA[<p>` + long + `</p>]]></description></item></channel></rss>`
	if _, texts := liftCDATA([]byte(after)); len(texts) != 1 {
		t.Errorf("%d texts lifted after a directive, want 1", len(texts))
	}
	sameParse(t, 9, []byte(after))
}
