package opml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsreader/feed"
)

func parseFile(t *testing.T, name string) Document {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func feedsString(doc Document) string {
	var b strings.Builder
	for _, f := range doc.Feeds {
		fmt.Fprintf(&b, "%s(%s) %s %q\n", f.Section, f.SectionTitle, f.URL, f.Title)
	}
	return b.String()
}

func TestParseExports(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"newsboat.opml", `newsboat-exported-feeds(newsboat - Exported Feeds) https://blog.example.org/feed.xml "An Example Blog"
newsboat-exported-feeds(newsboat - Exported Feeds) https://news.example.com/rss?section=world&format=full "Example News — World"
newsboat-exported-feeds(newsboat - Exported Feeds) https://podcasts.example.net/atom ""
`},
		{"feedly.opml", `tech(Tech) https://gadgets.example.com/feed/ "Gadget Weekly"
tech(Tech) https://code.example.dev/index.xml "Code & Coffee"
noticias-del-día(Noticias del día) https://elejemplo.example.es/rss/portada.xml "El Ejemplo"
noticias-del-día(Noticias del día) https://gadgets.example.com/feed/ "Gadget Weekly"
`},
		{"miniflux.opml", `all(All) https://weather.example.com/feeds/alerts.atom "Example Weather"
science(Science) https://lab.example.org/notes/feed.json "Lab Notes"
science(Science) https://stars.example.org/rss "Stargazer"
`},
		{"quirks.opml", `my-feeds(My feeds) https://lower.example.com/rss "lower-case xmlurl"
my-feeds(My feeds) https://upper.example.com/feed "Upper & Co"
my-feeds(My feeds) https://untitled.example.com/feed.xml ""
news-local(News / Local) https://crier.example.com/rss.xml "Town Crier édition"
news(News) https://cafe.example.com/feed "Café culture"
mixed(Mixed) https://crier.example.com/rss.xml "Town Crier again"
ünïcödé(Ünïcödé) https://zeitung.example.de/feed "Zeitung"
`},
	} {
		doc := parseFile(t, tc.file)
		if got := feedsString(doc); got != tc.want {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", tc.file, got, tc.want)
		}
	}
	if doc := parseFile(t, "quirks.opml"); len(doc.Invalid) != 1 || doc.Invalid[0] != "javascript:alert(1)" {
		t.Errorf("invalid xmlUrl not reported: %q", doc.Invalid)
	}
}

func TestParseTopLevelWithoutTitle(t *testing.T) {
	doc, err := Parse(strings.NewReader(`<opml version="2.0"><head/><body><outline xmlUrl="https://a.example/f"/></body></opml>`))
	if err != nil || feedsString(doc) != "imported(imported) https://a.example/f \"\"\n" {
		t.Errorf("%v %s", err, feedsString(doc))
	}
}

func TestParseMalformed(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"", "empty file"},
		{"<opml version=\"2.0\">\n<body>\n<outline xmlUrl=\"https://a.example/f\">\n</body></opml>", "line 4:"},
		{"<opml><body><outline xmlUrl=\"https://a.example/f\"/></body></opml>\n<opml/>", "line 2: content after </opml>"},
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "not an OPML file"},
		{"<opml><body><outline text=\"a & b\" xmlUrl=\"https://a.example/f\"/></body></opml>", "line 1:"},
		{"just text", "line 1:"},
	} {
		doc, err := Parse(strings.NewReader(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) || len(doc.Feeds) != 0 {
			t.Errorf("%q: %v (%d feeds), want %q", tc.text, err, len(doc.Feeds), tc.want)
		}
	}
}

func TestWriteIsOPML2AndRoundTrips(t *testing.T) {
	in := []Section{
		{Key: "top", Title: "Top stories & more", Feeds: []Outline{{URL: "https://a.example/rss?x=1&y=2", Title: `The "A" <Times>`}, {URL: "https://b.example/atom"}}, Ranking: "https://a.example/most-read"},
		{Key: "café", Title: "Café", Feeds: []Outline{{URL: "https://c.example/feed", Title: "Ç"}}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "newsreader", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC), in); err != nil {
		t.Fatal(err)
	}
	// Structure as OPML 2.0 readers expect it (checked with a plain decode, not our parser).
	var raw struct {
		XMLName xml.Name
		Version string `xml:"version,attr"`
		Head    struct {
			Title       string `xml:"title"`
			DateCreated string `xml:"dateCreated"`
		} `xml:"head"`
		Body []struct {
			Text     string `xml:"text,attr"`
			Outlines []struct {
				Type   string `xml:"type,attr"`
				Text   string `xml:"text,attr"`
				XMLURL string `xml:"xmlUrl,attr"`
			} `xml:"outline"`
		} `xml:"body>outline"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if raw.XMLName.Local != "opml" || raw.Version != "2.0" || raw.Head.Title != "newsreader" || len(raw.Body) != 2 ||
		raw.Body[0].Text != "Top stories & more" || raw.Body[0].Outlines[0].Type != "rss" || raw.Body[0].Outlines[0].Text != `The "A" <Times>` ||
		raw.Body[0].Outlines[0].XMLURL != "https://a.example/rss?x=1&y=2" || raw.Body[0].Outlines[1].Text != "https://b.example/atom" {
		t.Errorf("structure: %+v\n%s", raw, buf.String())
	}
	if !strings.Contains(buf.String(), "<dateCreated>Sat, 28 Nov 2026 09:00:00 +0000</dateCreated>") {
		t.Errorf("dateCreated missing (RFC 822):\n%s", buf.String())
	}
	doc, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := `top(Top stories & more) https://a.example/rss?x=1&y=2 "The \"A\" <Times>"
top(Top stories & more) https://b.example/atom "https://b.example/atom"
top(Top stories & more) https://a.example/most-read "Top stories & more (most read)"
café(Café) https://c.example/feed "Ç"
`
	if got := feedsString(doc); got != want || !doc.Feeds[2].Ranking || doc.Feeds[0].Ranking {
		t.Errorf("round trip:\n got:\n%s\nwant:\n%s", got, want)
	}
}

// Exports in the encodings older and Windows tools write: UTF-16 with a
// byte order mark (either order), UTF-16 without one, and Latin-1 or
// Windows-1252 bytes under a prolog that names no encoding or says UTF-8;
// each reads as the text it spells. feed: addresses, as subscribe
// buttons write them, are their http(s) address.
func TestParseOddEncodings(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="%s"?>
<opml version="1.0"><head><title>Lecteur</title></head><body>
<outline text="Cafés “du port”"><outline text="Quai" xmlUrl="https://quai.example/rss"/></outline>
<outline text="Ports"><outline text="Button" xmlUrl="feed://ports.example/atom.xml"/><outline text="Wrapped" xmlUrl="feed:https://ports.example/s.xml"/></outline>
</body></opml>
`
	const want = `cafés-du-port(Cafés “du port”) https://quai.example/rss "Quai"
ports(Ports) http://ports.example/atom.xml "Button"
ports(Ports) https://ports.example/s.xml "Wrapped"
`
	utf16 := func(s string, big, bom bool) []byte {
		var out []byte
		if bom {
			s = "\ufeff" + s
		}
		for _, r := range s {
			u := uint16(r) // the text is all in the BMP
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	cp1252 := func(s string) []byte {
		var out []byte
		for _, r := range s {
			switch r {
			case '“':
				out = append(out, 0x93)
			case '”':
				out = append(out, 0x94)
			default:
				if r > 0xff {
					t.Fatalf("%q is not in Windows-1252", r)
				}
				out = append(out, byte(r))
			}
		}
		return out
	}
	noDecl := strings.Replace(doc, ` encoding="%s"`, "", 1)
	for name, data := range map[string][]byte{
		"utf-16le bom": utf16(fmt.Sprintf(doc, "UTF-16"), false, true),
		"utf-16be bom": utf16(fmt.Sprintf(doc, "UTF-16"), true, true),
		"utf-16le":     utf16(fmt.Sprintf(doc, "UTF-16"), false, false),
		"utf-16be":     utf16(fmt.Sprintf(doc, "UTF-16"), true, false),
		// Neither a byte order mark nor a prolog: the zero bytes of
		// the first characters tell UTF-16 and its byte order.
		"utf-16le bare":       utf16(doc[strings.Index(doc, "<opml"):], false, false),
		"utf-16be bare":       utf16(doc[strings.Index(doc, "<opml"):], true, false),
		"utf-16le bare space": utf16("\r\n  "+doc[strings.Index(doc, "<opml"):], false, false),
		"utf-16be bare space": utf16("\n"+doc[strings.Index(doc, "<opml"):], true, false),
		"cp1252 bare":         cp1252(noDecl),
		"cp1252 utf-8":        cp1252(fmt.Sprintf(doc, "UTF-8")),
		"declared":            cp1252(fmt.Sprintf(doc, "windows-1252")),
		"utf-8 bom":           append([]byte("\xef\xbb\xbf"), fmt.Sprintf(doc, "UTF-8")...),
	} {
		d, err := Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := feedsString(d); got != want || d.Title != "Lecteur" || len(d.Invalid) != 0 {
			t.Errorf("%s: title %q, invalid %q, feeds:\n%s", name, d.Title, d.Invalid, got)
		}
	}
	// A broken file in UTF-16 still names its line.
	broken := utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<opml>\n<body>\n<outline xmlUrl=\"https://a.example/f\">\n</body></opml>", false, true)
	if _, err := Parse(bytes.NewReader(broken)); err == nil || !strings.Contains(err.Error(), "line 5:") {
		t.Errorf("broken UTF-16: %v", err)
	}
}

// Top-level feeds go to a section named after the file's title; the web
// address an exporter puts in it (Inoreader's) is left out of the name,
// so the key is one a user can type.
func TestTopLevelSectionLeavesOutAddresses(t *testing.T) {
	for title, want := range map[string]string{
		"Subscriptions from Inoreader [https://www.inoreader.com]": `subscriptions-from-inoreader(Subscriptions from Inoreader) https://a.example/f ""`,
		"My reads (www.example.org)":                               `my-reads(My reads) https://a.example/f ""`,
		"https://reader.example/export":                            `imported(imported) https://a.example/f ""`,
		"Jane subscriptions in feedly Cloud":                       `jane-subscriptions-in-feedly-cloud(Jane subscriptions in feedly Cloud) https://a.example/f ""`,
	} {
		doc, err := Parse(strings.NewReader(`<opml version="1.0"><head><title>` + title + `</title></head><body><outline type="rss" xmlUrl="https://a.example/f"/></body></opml>`))
		if got := strings.TrimSpace(feedsString(doc)); err != nil || got != want {
			t.Errorf("%q: %v\n got %s\nwant %s", title, err, got, want)
		}
	}
}

// A category with a long name (or a long path of nested ones) gets a key
// of at most feed.MaxSectionKey characters, cut at a word; the section's
// title keeps the whole name.
func TestLongCategoryGetsAShortKey(t *testing.T) {
	doc, err := Parse(strings.NewReader(`<opml version="2.0"><body>
<outline text="International Affairs"><outline text="Europe and the Eastern Partnership Countries of the Union">
<outline type="rss" text="A" xmlUrl="https://a.example/f"/></outline></outline></body></opml>`))
	if err != nil {
		t.Fatal(err)
	}
	want := `international-affairs-europe-and-the(International Affairs / Europe and the Eastern Partnership Countries of the Union) https://a.example/f "A"` + "\n"
	if got := feedsString(doc); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Sibling categories whose long names share their first words keep
// sections of their own: keys cut alike are told apart ("-2"), within
// feed.MaxSectionKey characters; a category met again keeps its key.
func TestLongCategoriesCutAlikeStayApart(t *testing.T) {
	doc, err := Parse(strings.NewReader(`<opml version="2.0"><body>
<outline text="International Affairs">
<outline text="Europe and the Eastern Partnership Countries of the Union"><outline type="rss" text="A" xmlUrl="https://a.example/f"/></outline>
<outline text="Europe and the Middle East"><outline type="rss" text="B" xmlUrl="https://b.example/f"/></outline>
<outline text="Europe and the Eastern Partnership Countries of the Union"><outline type="rss" text="C" xmlUrl="https://c.example/f"/></outline>
</outline></body></opml>`))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Feeds) != 3 {
		t.Fatalf("%d feeds: %s", len(doc.Feeds), feedsString(doc))
	}
	a, b, c := doc.Feeds[0], doc.Feeds[1], doc.Feeds[2]
	if a.Section == b.Section {
		t.Errorf("%q and %q share the key %q", a.SectionTitle, b.SectionTitle, a.Section)
	}
	if c.Section != a.Section {
		t.Errorf("the same category again: key %q, then %q", a.Section, c.Section)
	}
	for _, f := range doc.Feeds {
		if n := utf8.RuneCountInString(f.Section); n > feed.MaxSectionKey {
			t.Errorf("key %q: %d characters", f.Section, n)
		}
	}
}

// A file that is not OPML says what it is instead: a feed (with how to
// subscribe to one), binary data.
func TestParseNamesWhatTheFileIs(t *testing.T) {
	for in, want := range map[string]string{
		`<rss version="2.0"><channel><title>x</title></channel></rss>`:      "not an OPML file: the root element is <rss>, not <opml>; it is a feed: --add subscribes to one",
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`: "not an OPML file: the root element is <feed>, not <opml>; it is a feed: --add subscribes to one",
		"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR":                               "not an OPML file: it holds binary data (an image, an archive…), not text",
		"PK\x03\x04\x14\x00\x00\x00\x08\x00":                                "not an OPML file: it holds binary data (an image, an archive…), not text",
	} {
		if _, err := Parse(strings.NewReader(in)); err == nil || err.Error() != want {
			t.Errorf("%.20q: %v, want %q", in, err, want)
		}
	}
}
