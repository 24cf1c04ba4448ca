package feed

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html"
)

// oldest is the earliest date believed; anything before is a broken date.
var oldest = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// ParseOptions tune ParseWith; the zero value keeps every item.
type ParseOptions struct {
	// MaxItems keeps only the newest MaxItems items (0: all of them).
	MaxItems int
	// Known holds the stored items of this feed by ID. An item whose
	// hash matches comes back Unchanged: ID, Hash, Row and dates only,
	// with nothing re-normalised.
	Known map[string]KnownItem
}

// KnownItem is what the cache holds of one item: the hash of its source
// and its row.
type KnownItem struct{ Hash, Row int64 }

// Parsed is a parsed feed.
type Parsed struct {
	Title    string
	Articles []Article
	Total    int // items in the feed, before the cap and de-duplication
}

// Parse parses an RSS, Atom or JSON feed body fetched from base and
// normalises its items. now stands in for missing or absurd dates.
func Parse(body []byte, base *url.URL, now time.Time) (string, []Article, error) {
	p, err := ParseWith(body, base, now, ParseOptions{})
	return p.Title, p.Articles, err
}

// ParseWith is Parse with a cap on the items kept and the stored items'
// hashes, so unchanged items are not normalised again.
//
// It calls gofeed's format parsers directly and translates without the
// default translator's HTML parse of every item (an item's image is
// looked for in its HTML only when no media, enclosure or itunes image
// names one, and then with the tokenizer). Before gofeed sees an XML
// body, one streaming pass rejects nesting deeper than MaxDepth (gofeed
// would overflow the stack) and finds each item's bytes for its hash.
func ParseWith(body []byte, base *url.URL, now time.Time, opt ParseOptions) (Parsed, error) {
	p, err := parseWith(body, base, now, opt)
	if err != nil && strings.Contains(err.Error(), "invalid UTF-8") && !utf8.Valid(body) && strayLatin(body) {
		// Declared UTF-8 (prolog or header) but not: read the stray
		// bytes as windows-1252, as CMSs pasting old text into UTF-8
		// templates mean them, rather than losing the whole feed. Only
		// on that error, so good feeds pay nothing; here rather than in
		// the fetcher, so that adding a feed reads it as refresh does.
		// Only when the stray bytes look like Latin letters among ASCII
		// (strayLatin): a feed wholly in another encoding (Cyrillic,
		// Chinese) would come out garbled, and keeps its error.
		p, err = parseWith(repairUTF8(body), base, now, opt)
	}
	return p, err
}

func parseWith(body []byte, base *url.URL, now time.Time, opt ParseOptions) (Parsed, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")) // a UTF-8 BOM (JSON's parser refuses it)
	if len(bytes.TrimSpace(body)) == 0 {
		return Parsed{}, errors.New("empty response")
	}
	// XML parsers drop a raw ESC but keep the rest of its sequence ("[2J"),
	// so remove whole sequences first. ESC is ASCII in every encoding a
	// feed may declare, so this is safe before decoding.
	if bytes.IndexByte(body, 0x1b) >= 0 {
		body = stripEscapeBytes(body)
	}
	f, spans, err := parseFormat(body)
	if err == errNotFeed && looksHTML(body) {
		return Parsed{}, webPageError(body, base)
	}
	if err != nil {
		return Parsed{}, err
	}
	title := titleLine(f.Title)
	if title == "" {
		title = base.Hostname()
	}
	items := f.Items
	// Item i's source bytes are spans[i] only when the scan and gofeed
	// agree on the items; otherwise nothing is hashed (nothing skipped).
	var hashes []int64
	if len(spans) == len(items) && len(spans) > 0 {
		hashes = itemHashes(body, spans, base.String(), title)
	}
	out := Parsed{Title: title, Total: len(items)}
	// Atom and JSON Feed make the feed's authors those of every item
	// that names none (an RSS channel's editor is not).
	feedAuthor := ""
	if f.FeedType == "atom" || f.FeedType == "json" {
		feedAuthor = personNames(f.Authors)
	}
	order := newestFirst(items, now, opt.MaxItems, f.Language)
	out.Articles = make([]Article, 0, len(order))
	type ident struct {
		id, link, title string
		siteItem        bool // no guid, and its link (its ID) is the feed's own page
	}
	idents := make([]ident, len(order))
	uses := make(map[string]int, len(order))
	// The links other items give too: an item listed twice (its guid,
	// link and title again) shares its link with no other item.
	linkIDs := make(map[string]string, len(order)) // a link -> the ID and title of the first item giving it
	shared := map[string]bool{}
	// The feed's own pages (its site, its address) are no item's own
	// either, even when one item alone links to them (a feed listing only
	// its latest notice or episode).
	site, self := resolve(base, f.Link), base.String()
	for k, i := range order {
		it := items[i]
		if it.Description == "" && it.Content == "" {
			it.Description = mediaDescription(it)
		}
		id, link, itemTitle := identity(it, base)
		siteItem := id == link && (link == site || link == self) && strings.TrimSpace(it.GUID) == ""
		idents[k] = ident{id, link, itemTitle, siteItem}
		uses[id]++
		if first, ok := linkIDs[link]; !ok {
			linkIDs[link] = id + "\x00" + itemTitle
		} else if first != id+"\x00"+itemTitle {
			shared[link] = true
		}
	}
	for k := range idents {
		if uses[idents[k].id] > 1 {
			idents[k].id = distinctID(base, idents[k].id, idents[k].link, idents[k].title, uses)
		} else if idents[k].siteItem {
			// The one item with no guid linking to the feed's own page
			// (a daily puzzle's to the front page): the page is no ID,
			// its title is (not its date: a feed may stamp it anew).
			idents[k].id = hashID(base.String(), "site item", idents[k].title)
		}
	}
	seen := make(map[string]bool, len(order))
	for k, i := range order {
		it := items[i]
		var h int64
		if hashes != nil {
			h = hashes[i]
		}
		id, link, itemTitle := idents[k].id, idents[k].link, idents[k].title
		if seen[id] {
			continue
		}
		seen[id] = true
		var a Article
		if k, ok := opt.Known[id]; ok && h != 0 && k.Hash == h {
			a = Article{ID: id, Unchanged: true, Row: k.Row}
			a.Published, a.Updated, a.Undated = dates(it, now, f.Language)
		} else {
			a = normalise(it, base, now, id, link, itemTitle, f.Language)
			if a.Author == "" {
				a.Author = feedAuthor
			}
		}
		if a.Undated {
			// The feed's order is the only one it gives: its first item
			// is its newest, a second ahead of the next.
			a.Published = a.Published.Add(-time.Duration(i) * time.Second)
			a.Updated = a.Published
		}
		a.Hash = h
		a.SharedLink = link != "" && (shared[link] || link == site || link == self)
		a.FeedURL = base.String()
		a.Source = title
		out.Articles = append(out.Articles, a)
	}
	return out, nil
}

// parseFormat detects the format and runs gofeed's parser for it and
// its translator (for RSS, without the HTML image scan).
func parseFormat(body []byte) (*gofeed.Feed, []span, error) { return parseFormatLifting(body, true) }

// parseFormatLifting is parseFormat, lifting the long CDATA texts of an
// RSS body out of gofeed's way when lift is set (see liftCDATA).
func parseFormatLifting(body []byte, lift bool) (*gofeed.Feed, []span, error) {
	bad := func(err error) error { return fmt.Errorf("bad feed: %s", firstLine(err.Error())) }
	typ := gofeed.DetectFeedType(bytes.NewReader(body[:min(len(body), 4096)]))
	var spans []span
	if typ == gofeed.FeedTypeRSS || typ == gofeed.FeedTypeAtom {
		var err error
		if spans, err = scanXML(body); err != nil {
			return nil, nil, err
		}
	}
	switch typ {
	case gofeed.FeedTypeRSS:
		var texts []lifted
		in := body
		if lift {
			in, texts = liftCDATA(body)
		}
		rf, err := (&rss.Parser{}).Parse(bytes.NewReader(in))
		if texts != nil {
			releaseBody(&in) // parsed: the parser kept copies
		}
		if err != nil && texts != nil {
			// A broken feed's error is the one its own bytes give: the
			// parser may stop elsewhere once sections are lifted (found
			// by FuzzLiftCDATA). Broken feeds are rare; they are read
			// twice.
			return parseFormatLifting(body, false)
		}
		if err != nil {
			return nil, nil, bad(err)
		}
		f, err := (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf)
		if err != nil {
			return nil, nil, bad(err)
		}
		restoreCDATA(f, texts)
		markGUIDsNotPermalinks(rf, f)
		return f, spans, nil
	case gofeed.FeedTypeAtom:
		af, err := (&atom.Parser{}).Parse(bytes.NewReader(body))
		if err != nil {
			return nil, nil, bad(err)
		}
		f, err := (&gofeed.DefaultAtomTranslator{}).Translate(af)
		if err != nil {
			return nil, nil, bad(err)
		}
		atomPlainText(af, f)
		return f, spans, nil
	case gofeed.FeedTypeJSON:
		jf, err := (&json.Parser{}).Parse(bytes.NewReader(body))
		if err != nil {
			return nil, nil, bad(err)
		}
		f, err := (&gofeed.DefaultJSONTranslator{}).Translate(jf)
		if err != nil {
			return nil, nil, bad(err)
		}
		jsonPlainText(jf, f)
		return f, nil, nil
	}
	return nil, nil, errNotFeed
}

var errNotFeed = errors.New("not an RSS, Atom or JSON feed")

// guidNotPermalink is the key in an item's Custom map that says its RSS
// guid is isPermaLink="false" (the translator drops the attribute); no
// element's name has a space, so no feed's own element collides with it.
const guidNotPermalink = "guid isPermaLink=false"

// markGUIDsNotPermalinks notes on each RSS item whose guid says
// isPermaLink="false" that it is an ID, not the item's address.
func markGUIDsNotPermalinks(rf *rss.Feed, f *gofeed.Feed) {
	if len(rf.Items) != len(f.Items) {
		return
	}
	for i, ri := range rf.Items {
		if ri == nil || ri.GUID == nil || f.Items[i] == nil || !strings.EqualFold(strings.TrimSpace(ri.GUID.IsPermalink), "false") {
			continue
		}
		custom := make(map[string]string, len(f.Items[i].Custom)+1)
		for k, v := range f.Items[i].Custom {
			custom[k] = v
		}
		custom[guidNotPermalink] = "1"
		f.Items[i].Custom = custom
	}
}

// jsonPlainText writes JSON Feed's plain-text fields, which the
// translator passes on as they are, as the HTML the rest expects:
// summary, and content_text when there is no content_html.
func jsonPlainText(jf *json.Feed, f *gofeed.Feed) {
	if len(jf.Items) != len(f.Items) {
		return
	}
	for i, ji := range jf.Items {
		it := f.Items[i]
		if ji == nil || it == nil {
			continue
		}
		if ji.Summary != "" {
			it.Description = html.EscapeString(ji.Summary)
		}
		if ji.ContentHTML == "" && ji.ContentText != "" {
			it.Content = textHTML(ji.ContentText)
		}
	}
}

// atomPlainText writes the content of the entries that say it is plain
// text (type="text", "text/plain"), which the translator passes on as
// text, as the HTML the rest expects: a release note's "<b> tags" and
// "x < 5" are text, its lines and paragraphs kept. Content with no type
// is left as it is: feeds that leave the type out mostly hold HTML.
func atomPlainText(af *atom.Feed, f *gofeed.Feed) {
	if len(af.Entries) != len(f.Items) {
		return
	}
	for i, e := range af.Entries {
		if e == nil || e.Content == nil || f.Items[i] == nil {
			continue
		}
		if t := strings.ToLower(strings.TrimSpace(e.Content.Type)); (t == "text" || t == "text/plain") && strings.TrimSpace(e.Content.Value) != "" {
			// Escaped, then laid out in paragraphs as any plain text
			// is; a <p> round it when it is one, so that nothing later
			// takes its escaped text for escaped markup.
			h := paragraphs(html.EscapeString(e.Content.Value))
			if !strings.Contains(h, "<") {
				h = "<p>" + strings.TrimSpace(h) + "</p>"
			}
			f.Items[i].Content = h
		}
	}
}

// textHTML is plain text as HTML: escaped, a paragraph for each run of
// lines between blank lines, its lines joined with <br>.
func textHTML(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	for _, para := range strings.Split(s, "\n\n") {
		para = strings.Trim(para, "\n")
		if strings.TrimSpace(para) == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

// normVersion changes whenever normalising would give different output
// for the same input (the sanitiser's behaviour on these probes), so
// items stored by an older build are normalised again.
var normVersion = normVersionAt(normRevision)

// normRevision counts the changes to normalising that the probes of
// normVersionAt cannot show: bump it when normalising reads more of an
// item (2: media:description when there is no other text; 3: the feed's
// author for Atom entries and JSON Feed items without one; 4: an RSS
// guid that is isPermaLink="false" is never the link; 5: plain text
// keeps its paragraphs; 6: zone abbreviations by the feed's language; 7:
// an abbreviation the machine's zone uses is not moved twice; 8: wrapped
// Chinese and Japanese lines join without a space; 9: and a line's
// length counts their letters as two columns; 10: audio and video
// enclosures join the text).
const normRevision = 10

// normVersionAt is normVersion at a revision.
func normVersionAt(revision int) string {
	probes := []string{"&#&#1;x1b;[5m", "<p onclick=x>a&#x9b;b\x1b[31m</p>", "\u202eexe.txt", "&amp;lt;b&amp;gt;", "<em>x</em> &lt;b&gt;y", "\u2764\ufe0f\U0001F44D\U0001F3FD", "\u0d28\u0d4d\u200d", "a <b> c"}
	h := sha256.New()
	for _, p := range probes {
		h.Write([]byte(HTML(p)))
		h.Write([]byte{0})
		h.Write([]byte(Line(p)))
		h.Write([]byte{0})
		h.Write([]byte(titleLine(p)))
		h.Write([]byte{0})
	}
	h.Write([]byte("revision " + strconv.Itoa(revision)))
	return string(h.Sum(nil))
}

// itemHashes hashes each item's source bytes with what else shapes its
// article: the feed's address, its title, and the normaliser's version.
func itemHashes(body []byte, spans []span, base, title string) []int64 {
	out := make([]int64, len(spans))
	var head fingerprint
	head.writeString(normVersion)
	head.writeString(base)
	head.write([]byte{0})
	head.writeString(title)
	head.write([]byte{0})
	for i, s := range spans {
		h := head
		h.write(body[s.start:s.end])
		v := int64(h.sum64())
		if v == 0 {
			v = 1 // 0 means "no hash"
		}
		out[i] = v
	}
	return out
}

// newestFirst returns the indexes of the items to keep: all of them in
// feed order, or, when there are more than max, the newest max.
func newestFirst(items []*gofeed.Item, now time.Time, max int, lang string) []int {
	order := make([]int, 0, len(items))
	for i, it := range items {
		if it != nil {
			order = append(order, i)
		}
	}
	if max <= 0 || len(order) <= max {
		return order
	}
	pub := make([]int64, len(items))
	for _, i := range order {
		p, _, _ := dates(items[i], now, lang)
		pub[i] = p.Unix()
	}
	sort.SliceStable(order, func(a, b int) bool { return pub[order[a]] > pub[order[b]] })
	return order[:max]
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return Line(s)
}

// identity is an item's ID, link and title, which the hash check needs
// before anything else is normalised.
func identity(it *gofeed.Item, base *url.URL) (id, link, title string) {
	link = resolve(base, it.Link)
	if link == "" {
		for _, l := range it.Links {
			if link = resolve(base, l); link != "" {
				break
			}
		}
	}
	if link == "" {
		// An RSS item whose page is only an atom:link.
		for _, l := range it.Extensions["atom"]["link"] {
			if rel := l.Attrs["rel"]; rel == "" || rel == "alternate" {
				if link = resolve(base, l.Attrs["href"]); link != "" {
					break
				}
			}
		}
	}
	title = titleLine(it.Title)
	derived := title == ""
	if title == "" {
		title = Line(truncateRunes(Line(stripTags(it.Description)), 80)) // cut the text, not its escapes
	}
	if title == "" && it.Content != "" {
		title = Line(truncateRunes(Line(PlainText(it.Content)), 80))
	}
	if title == "" {
		title = "(untitled)"
	}
	guid := strings.TrimSpace(it.GUID)
	if link == "" && it.Custom[guidNotPermalink] == "" && (strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://")) {
		// A permalink guid (isPermaLink absent or true), or an Atom id
		// that is the page's address. A guid that says it is not a
		// permalink is only an ID, even when it looks like an address:
		// the article then has none.
		link = resolve(base, guid)
	}
	switch {
	case guid != "" && (strings.Contains(guid, "://") || strings.HasPrefix(guid, "tag:") || strings.HasPrefix(guid, "urn:")):
		id = guid
	case guid != "":
		id = base.String() + "#" + guid // a bare guid is only unique within its feed
	case link != "":
		id = link
	default:
		id = hashID(base.String(), title, it.Published, it.Updated)
	}
	if derived && title != "(untitled)" {
		// Shown: the text's first paragraph, cut at a word; the ID
		// above is made as it always was.
		title = textTitle(it.Description, it.Content, title)
	}
	return plainLine(id), link, title
}

// distinctID is the ID of an item whose guid (or link) other items of
// the feed share: feeds that give every item the same guid (the site's
// address, a constant) would otherwise keep only one of them. Its link
// when that is its own, else a hash of the shared ID, link and title;
// items alike in all three stay one (and the cache joins items with one
// link into one article, as it does across feeds).
func distinctID(base *url.URL, id, link, title string, uses map[string]int) string {
	if link != "" && link != id && uses[link] == 0 {
		return link
	}
	return hashID(base.String(), id, link, title)
}

func normalise(it *gofeed.Item, base *url.URL, now time.Time, id, link, title, lang string) Article {
	a := Article{
		ID:      id,
		Title:   title,
		Link:    link,
		Summary: plainHTML(paragraphs(UnescapeMarkup(it.Description))),
		Content: plainHTML(paragraphs(UnescapeMarkup(it.Content))),
	}
	a.Author = author(it)
	a.Published, a.Updated, a.Undated = dates(it, now, lang)
	for _, c := range it.Categories {
		if c = plainLine(c); c != "" {
			a.Categories = append(a.Categories, c)
		}
	}
	a.Image = image(it, base)
	a.Content, a.Summary = withEnclosures(it, base, a.Content, a.Summary)
	a.Comments, a.Views, a.Rating = popularity(it)
	return a
}

func author(it *gofeed.Item) string {
	names := personList(it.Authors)
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := plainLine(c); n != "" {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, ", ")
}

// personNames is the names of people (their addresses when nameless),
// joined.
func personNames(ps []*gofeed.Person) string { return strings.Join(personList(ps), ", ") }

func personList(ps []*gofeed.Person) []string {
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		n := plainLine(p.Name)
		if n == "" {
			n = plainLine(p.Email)
		}
		if n != "" {
			names = append(names, n)
		}
	}
	return names
}

// dates picks published and updated times, treating missing, pre-1995 and
// future (beyond a day of clock skew) dates as unknown; lang is the
// feed's language, which says what a shared zone abbreviation means.
func dates(it *gofeed.Item, now time.Time, lang string) (pub, upd time.Time, undated bool) {
	ok := func(t *time.Time) bool {
		return t != nil && !t.Before(oldest) && !t.After(now.Add(24*time.Hour))
	}
	published, updated := parsedDate(it.Published, it.PublishedParsed, lang), parsedDate(it.Updated, it.UpdatedParsed, lang)
	switch {
	case ok(published):
		pub = published.UTC()
	case ok(updated):
		pub = updated.UTC()
	default:
		pub, undated = now.UTC(), true
	}
	upd = pub
	if ok(updated) && updated.After(pub) {
		upd = updated.UTC()
	}
	if pub.After(now) {
		pub = now.UTC()
	}
	return pub, upd, undated
}

// parsedDate is gofeed's reading of a date, its zone corrected when
// gofeed took an abbreviation it does not know for UTC, or looseDate's
// when gofeed gave up.
func parsedDate(raw string, t *time.Time, lang string) *time.Time {
	if t != nil {
		return fixZone(raw, lang, t)
	}
	if raw == "" {
		return nil
	}
	if l, ok := looseDate(raw, lang); ok {
		return &l
	}
	return nil
}

func image(it *gofeed.Item, base *url.URL) string {
	for _, th := range mediaElements(it.Extensions, "thumbnail") {
		if u := resolve(base, th.Attrs["url"]); u != "" {
			return u
		}
	}
	if it.Image != nil {
		if u := resolve(base, it.Image.URL); u != "" {
			return u
		}
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(e.Type, "image/") {
			if u := resolve(base, e.URL); u != "" {
				return u
			}
		}
	}
	for _, doc := range []string{it.Content, it.Description} {
		if u := resolve(base, firstImg(doc)); u != "" {
			return u
		}
	}
	return ""
}

// firstImg is the src of the first <img> in an HTML fragment, found with
// the tokenizer (no tree is built) and only if the fragment has one.
func firstImg(doc string) string {
	if !strings.Contains(doc, "<img") && !strings.Contains(doc, "<IMG") {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "img" {
				continue
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "src" && len(v) > 0 {
					return string(v)
				}
			}
		}
	}
}

// mediaElements finds media:NAME elements at item level and inside
// media:group and media:content.
func mediaElements(exts ext.Extensions, name string) []ext.Extension {
	media := exts["media"]
	if media == nil {
		return nil
	}
	out := append([]ext.Extension{}, media[name]...)
	for _, parent := range []string{"group", "content"} {
		for _, g := range media[parent] {
			out = append(out, g.Children[name]...)
			for _, c := range g.Children["content"] {
				out = append(out, c.Children[name]...)
			}
		}
	}
	return out
}

// mediaDescription is the HTML of an item's media:description (video
// feeds put their text only there), plain text unless it says type="html".
func mediaDescription(it *gofeed.Item) string {
	for _, d := range mediaElements(it.Extensions, "description") {
		if v := strings.TrimSpace(d.Value); v != "" {
			if d.Attrs["type"] == "html" {
				return v
			}
			return textHTML(v)
		}
	}
	return ""
}

func popularity(it *gofeed.Item) (comments, views int, rating float64) {
	if sl := it.Extensions["slash"]; sl != nil {
		for _, c := range sl["comments"] {
			if n, err := strconv.Atoi(strings.TrimSpace(c.Value)); err == nil && n >= 0 {
				comments = n
			}
		}
	}
	if comments == 0 && it.Extensions["thr"] != nil {
		// Atom's threading extension (Blogger, WordPress's Atom feed).
		for _, c := range it.Extensions["thr"]["total"] {
			if n, err := strconv.Atoi(strings.TrimSpace(c.Value)); err == nil && n >= 0 {
				comments = n
			}
		}
	}
	for _, comm := range mediaElements(it.Extensions, "community") {
		for _, st := range comm.Children["statistics"] {
			if n, err := strconv.Atoi(st.Attrs["views"]); err == nil && n >= 0 {
				views = n
			}
		}
		for _, sr := range comm.Children["starRating"] {
			if f, err := strconv.ParseFloat(sr.Attrs["average"], 64); err == nil && f >= 0 && f <= 1e6 {
				rating = f
			}
		}
	}
	return comments, views, rating
}

// resolve makes ref absolute against base and keeps it only if http(s).
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Host == "" {
		return ""
	}
	return Link(u.String())
}

// stripTags removes markup crudely, for deriving a title from a summary.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
