// Package opml reads and writes OPML subscription lists with
// encoding/xml: what newsboat, Feedly, Miniflux and most readers export
// and import.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	utf16 "golang.org/x/text/encoding/unicode"

	"newsreader/feed"
)

// Namespace marks the attributes only newsreader reads back (a section's
// key, a ranking feed); other readers ignore them.
const Namespace = "https://newsreader.invalid/opml"

// Feed is one subscription found in a file.
type Feed struct {
	URL          string
	Title        string // the outline's title or text ("" when it has neither)
	Section      string // section key
	SectionTitle string
	Ranking      bool // the section's most-read feed (newsreader's own exports)
}

// Document is a parsed OPML file.
type Document struct {
	Title   string
	Feeds   []Feed   // in document order; a URL may appear more than once
	Invalid []string // xmlUrl values that are not http(s) URLs, skipped
}

// DefaultSection takes the feeds that sit outside any category when the
// file has no title.
const DefaultSection = "imported"

type outline struct {
	Attrs    []xml.Attr `xml:",any,attr"`
	Outlines []outline  `xml:"outline"`
}

func (o outline) attr(name string) string {
	for _, a := range o.Attrs {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// own reads one of newsreader's namespaced attributes.
func (o outline) own(name string) string {
	for _, a := range o.Attrs {
		if a.Name.Space == Namespace && a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

type file struct {
	XMLName xml.Name
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

// Parse reads an OPML file. Any outline with an xmlUrl attribute (in any
// letter case, whatever its type) is a feed; outlines nested in a category
// go to that category's section (nested categories join their names: "News
// / Local"); top-level feeds go to a section named by the file's title, or
// "imported". A file that is not well-formed OPML is an error naming the
// line, and nothing of it is returned.
func Parse(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, 50<<20+1))
	if err != nil {
		return Document{}, err
	}
	if len(data) > 50<<20 {
		return Document{}, errors.New("OPML file larger than 50 MB")
	}
	if binary(data) {
		return Document{}, errors.New("not an OPML file: it holds binary data (an image, an archive…), not text")
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Entity = xml.HTMLEntity // &nbsp;, &eacute; ... as real exports write them
	dec.CharsetReader = charset.NewReaderLabel
	if u, ok := toUTF8(data); ok {
		// Decoded already: the prolog's label (UTF-16) must not decode
		// it again. Lines still count alike.
		data = u
		dec = xml.NewDecoder(bytes.NewReader(data))
		dec.Entity = xml.HTMLEntity
		dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	}
	var f file
	if err := dec.Decode(&f); err != nil {
		return Document{}, syntaxError(data, err)
	}
	// Decode stops at the root's end; anything but whitespace and comments
	// after it means a broken file.
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Document{}, syntaxError(data, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return Document{}, fmt.Errorf("line %d: content after </%s>", line(data, dec.InputOffset()), f.XMLName.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return Document{}, fmt.Errorf("line %d: text after </%s>", line(data, dec.InputOffset()), f.XMLName.Local)
			}
		}
	}
	if !strings.EqualFold(f.XMLName.Local, "opml") {
		msg := fmt.Sprintf("not an OPML file: the root element is <%s>, not <opml>", feed.Words(f.XMLName.Local))
		switch strings.ToLower(f.XMLName.Local) {
		case "rss", "feed", "rdf":
			msg += "; it is a feed: --add subscribes to one"
		}
		return Document{}, errors.New(msg)
	}
	doc := Document{Title: feed.Words(f.Title)}
	topTitle := withoutAddresses(doc.Title)
	if topTitle == "" {
		topTitle = DefaultSection
	}
	var cut cutKeys
	var walk func(os []outline, path []string)
	walk = func(os []outline, path []string) {
		for _, o := range os {
			name := feed.Words(o.attr("title"))
			if name == "" {
				name = feed.Words(o.attr("text"))
			}
			if raw := o.attr("xmlUrl"); raw != "" {
				u := feed.Link(feed.FeedScheme(raw))
				if pu, err := url.Parse(u); u == "" || err != nil || pu.Host == "" {
					doc.Invalid = append(doc.Invalid, feed.Line(raw))
					continue
				}
				key, title := sectionOf(path, topTitle)
				if len(path) == 0 || !strings.HasPrefix(path[0], "\x00") { // not a key given
					key = cut.key(title)
				}
				doc.Feeds = append(doc.Feeds, Feed{URL: u, Title: name, Section: key, SectionTitle: title, Ranking: o.own("role") == "ranking"})
				continue // a feed's children, if any, are not feeds of a section named after it
			}
			if len(o.Outlines) > 0 {
				p := append(path[:len(path):len(path)], name)
				if k := o.own("key"); k != "" && len(path) == 0 {
					p = []string{"\x00" + k, name}
				}
				walk(o.Outlines, p)
			}
		}
	}
	walk(f.Body, nil)
	return doc, nil
}

// toUTF8 decodes what encoding/xml cannot read as its prolog says:
// UTF-16 (Windows tools write it, with a byte order mark, and a prolog
// saying so that the XML decoder cannot act on; or with neither, told by
// its zero bytes), and a file that is not
// UTF-8 although its prolog names no other encoding (or names UTF-8), as
// hand-edited and older exports are: read as Windows-1252, the superset of
// Latin-1 those are written in, rather than refused. ok is false when
// the data is readable as it is.
func toUTF8(data []byte) ([]byte, bool) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{'<', 0, '?', 0}):
		enc = utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM)
		if data[0] == '<' {
			enc = utf16.UTF16(utf16.LittleEndian, utf16.IgnoreBOM)
		}
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0, '<', 0, '?'}):
		enc = utf16.UTF16(utf16.BigEndian, utf16.ExpectBOM)
		if data[0] == 0 {
			enc = utf16.UTF16(utf16.BigEndian, utf16.IgnoreBOM)
		}
	case zeroPattern(data) == 1:
		enc = utf16.UTF16(utf16.LittleEndian, utf16.IgnoreBOM)
	case zeroPattern(data) == 2:
		enc = utf16.UTF16(utf16.BigEndian, utf16.IgnoreBOM)
	case utf8.Valid(data):
		return nil, false
	default:
		if l := prologEncoding(data); l != "" && !strings.EqualFold(l, "utf-8") && !strings.EqualFold(l, "utf8") {
			return nil, false // the decoder reads the encoding it names
		}
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, false
	}
	return out, true
}

// binary says whether data is no text file: a NUL byte (XML has no NUL
// character) in its first 512 bytes that is not UTF-16's.
func binary(data []byte) bool {
	head := data[:min(len(data), 512)]
	return bytes.IndexByte(head, 0) >= 0 && zeroPattern(data) == 0 &&
		!bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// zeroPattern tells UTF-16 with neither a byte order mark nor a prolog
// (an export that starts "<opml" or with a line break) by the zero bytes
// of its first characters, which are ASCII markup: every second byte is
// zero, the odd ones in little endian (1), the even ones in big endian
// (2); 0 when the data does not look so. XML has no NUL character, so
// UTF-8 and the 8-bit encodings never do.
func zeroPattern(data []byte) int {
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return 0
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	switch pairs := n / 2; {
	case even == 0 && odd*2 >= pairs && data[1] == 0:
		return 1
	case odd == 0 && even*2 >= pairs && data[0] == 0:
		return 2
	}
	return 0
}

// prologEncoding is the encoding an XML prolog names ("" when none).
func prologEncoding(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	prolog := string(data[:end])
	i := strings.Index(prolog, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(prolog[i+len("encoding"):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest == "" || rest[0] != '"' && rest[0] != '\'' {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		return strings.TrimSpace(rest[:j])
	}
	return ""
}

// withoutAddresses is a file's title without the web addresses exporters
// put in it ("Subscriptions from Inoreader [https://www.inoreader.com]"):
// a section named after it gets a key one can type.
func withoutAddresses(title string) string {
	var keep []string
	for _, w := range strings.Fields(title) {
		bare := strings.Trim(w, "[]()<>{}")
		if l := strings.ToLower(bare); bare == "" || strings.Contains(l, "://") || strings.HasPrefix(l, "www.") {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Trim(strings.Join(keep, " "), " -–—:|")
}

// sectionOf names the section of a feed found under the category path.
func sectionOf(path []string, top string) (key, title string) {
	if len(path) > 0 && strings.HasPrefix(path[0], "\x00") {
		return Key(path[0][1:]), path[1] // newsreader's own export: the key is given
	}
	var names []string
	for _, p := range path {
		if p != "" {
			names = append(names, p)
		}
	}
	if len(names) == 0 {
		return Key(top), top
	}
	title = strings.Join(names, " / ")
	return Key(title), title
}

// Key makes a section key from a category name: feed.SectionKey (lower
// case, runs of spaces, slashes and punctuation one "-", cut to
// feed.MaxSectionKey characters), the key a sync server's folder of that
// name gets too; DefaultSection when the name has no letter or digit.
func Key(name string) string { return feed.ShortKey(fullKey(name)) }

// fullKey is Key before the cut.
func fullKey(name string) string {
	if k := feed.NameKey(name); k != "" {
		return k
	}
	return DefaultSection
}

// cutKeys tells apart the sections whose long names were cut to the same
// key ("International Affairs / Europe and the Middle East" and "… / Europe
// and the Eastern Partnership …" both "international-affairs-europe-and-
// the"): the later ones end "-2", "-3", …; a name met again keeps its key.
type cutKeys struct {
	owner map[string]string // key → the full key it stands for
}

func (c *cutKeys) key(title string) string {
	full := fullKey(title)
	short := feed.ShortKey(full)
	k := short
	if c.owner == nil {
		c.owner = map[string]string{}
	}
	for n := 2; ; n++ {
		if o, ok := c.owner[k]; !ok || o == full {
			c.owner[k] = full
			return k
		}
		suffix := "-" + strconv.Itoa(n)
		base := short
		for utf8.RuneCountInString(base)+len(suffix) > feed.MaxSectionKey {
			_, size := utf8.DecodeLastRuneInString(base)
			base = base[:len(base)-size]
		}
		k = strings.TrimRight(base, "-") + suffix
	}
}

func syntaxError(data []byte, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.EOF) {
		if len(bytes.TrimSpace(data)) > 0 {
			return errors.New("line 1: not an OPML file: no XML element")
		}
		return errors.New("empty file")
	}
	return err
}

func line(data []byte, off int64) int {
	return bytes.Count(data[:min(int(off), len(data))], []byte("\n")) + 1
}

// Section is one category to write.
type Section struct {
	Key, Title string
	Feeds      []Outline
	Ranking    string
}

// Outline is one feed to write.
type Outline struct{ URL, Title string }

// Write writes an OPML 2.0 document: one category outline per section
// (text and title = the section's title) holding its feeds as
// type="rss" outlines with text, title and xmlUrl. The section's key and
// its ranking feed ride along in newsreader's own namespace.
func Write(w io.Writer, title string, now time.Time, sections []Section) error {
	var b strings.Builder
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return strings.ReplaceAll(e.String(), `"`, "&#34;")
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<opml version="2.0" xmlns:newsreader="` + Namespace + `">` + "\n")
	fmt.Fprintf(&b, "  <head>\n    <title>%s</title>\n    <dateCreated>%s</dateCreated>\n  </head>\n  <body>\n", esc(title), now.UTC().Format(time.RFC1123Z))
	for _, s := range sections {
		t := s.Title
		if t == "" {
			t = s.Key
		}
		fmt.Fprintf(&b, "    <outline text=\"%s\" title=\"%s\" newsreader:key=\"%s\">\n", esc(t), esc(t), esc(s.Key))
		for _, f := range s.Feeds {
			ft := f.Title
			if ft == "" {
				ft = f.URL
			}
			fmt.Fprintf(&b, "      <outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"%s\"/>\n", esc(ft), esc(ft), esc(f.URL))
		}
		if s.Ranking != "" {
			fmt.Fprintf(&b, "      <outline type=\"rss\" text=\"%s (most read)\" title=\"%s (most read)\" xmlUrl=\"%s\" newsreader:role=\"ranking\"/>\n", esc(t), esc(t), esc(s.Ranking))
		}
		b.WriteString("    </outline>\n")
	}
	b.WriteString("  </body>\n</opml>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
