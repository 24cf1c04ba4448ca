package feed

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Announced is a feed a web page announces with <link rel="alternate">.
type Announced struct {
	URL      string
	Title    string // as announced (sanitised); may be ""
	Type     string // "rss", "atom" or "json"
	Comments bool   // a comments feed (WordPress's "Comments Feed", /comments/feed)
}

// feedTypes maps the <link type> values of feeds to a short name.
var feedTypes = map[string]string{
	"application/rss+xml":   "rss",
	"application/rdf+xml":   "rss",
	"application/atom+xml":  "atom",
	"application/feed+json": "json",
	"application/json":      "json", // JSON Feed 1.0 pages may say only this; see announced
	"text/xml":              "rss",
	"application/xml":       "rss",
}

// AnnouncedFeeds returns the feeds an HTML page announces with <link
// rel="alternate" type="..."> (in <head> or, as some sites do, <body>),
// resolved against <base href> or the page's address, in document order,
// without duplicates.
func AnnouncedFeeds(body []byte, pageURL *url.URL) []Announced {
	var out []Announced
	seen := map[string]bool{}
	walkElements(body, pageURL, atom.Link, func(n *html.Node, base *url.URL) bool {
		if c, ok := announced(n, base); ok && !seen[c.URL] {
			seen[c.URL] = true
			out = append(out, c)
		}
		return true
	})
	return out
}

// walkElements calls visit with each element of a page of kind a, in
// document order, and the address its links resolve against (<base
// href>, else the page's), passing over scripts, styles and templates,
// until visit returns false.
func walkElements(body []byte, pageURL *url.URL, a atom.Atom, visit func(n *html.Node, base *url.URL) bool) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return
	}
	base := pageURL
	more := true
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Base:
				if b, err := pageURL.Parse(strings.TrimSpace(nodeAttr(n, "href"))); err == nil && nodeAttr(n, "href") != "" {
					base = b
				}
			case atom.Script, atom.Style, atom.Template:
				return
			case a:
				more = visit(n, base)
			}
		}
		for c := n.FirstChild; c != nil && more; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// maxLinked is how many of a page's links LinkedFeeds weighs: a page
// holds a few hundred.
const maxLinked = 1000

// LinkedFeeds returns, in document order and at most max, the http(s)
// addresses a page's ordinary links (<a href>) give that look like feeds:
// a feed type attribute, an address ending .rss, .xml, .atom or .rdf or
// with a feed, rss or atom path segment, or else a short label saying
// RSS, Atom or feed ("RSS", "Atom feed", an RSS icon's alt text). Pages
// that announce no feed with <link> often still link one ("RSS" in the
// footer). Links that look like feeds by their type or address come
// first: a headline that mentions a feed is no feed, and a news site's
// front page has several before the footer. They are guesses, to be
// fetched and checked.
func LinkedFeeds(body []byte, pageURL *url.URL, max int) []string {
	type link struct {
		u      string
		strong bool
	}
	var found []link
	seen := map[string]bool{pageURL.String(): true}
	strong, n := 0, 0
	walkElements(body, pageURL, atom.A, func(a *html.Node, base *url.URL) bool {
		n++
		if u, st, ok := linkedFeed(a, base); ok && !seen[u] {
			seen[u] = true
			found = append(found, link{u, st})
			if st {
				strong++
			}
		}
		return strong < max && n < maxLinked
	})
	weak := max - strong
	var out []string
	for _, l := range found {
		if l.strong || weak > 0 {
			if !l.strong {
				weak--
			}
			out = append(out, l.u)
		}
	}
	return out[:min(len(out), max)]
}

// linkedFeed says whether an <a> looks like a link to a feed, and strong
// when by its type or address rather than by its label.
func linkedFeed(n *html.Node, base *url.URL) (u string, strong, ok bool) {
	href := strings.TrimSpace(nodeAttr(n, "href"))
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false, false
	}
	pu, err := base.Parse(href)
	if err != nil || Link(pu.String()) == "" {
		return "", false, false
	}
	pu.Fragment = ""
	typ, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(nodeAttr(n, "type"))), ";")
	_, typed := feedTypes[strings.TrimSpace(typ)]
	p := strings.ToLower(pu.Path)
	if strings.Contains(p, "sitemap") {
		return "", false, false
	}
	strong = typed || strings.HasSuffix(p, ".rss") || strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".atom") || strings.HasSuffix(p, ".rdf")
	for _, seg := range strings.Split(p, "/") {
		strong = strong || seg == "feed" || seg == "rss" || seg == "atom" || seg == "feeds"
	}
	if strong {
		return pu.String(), true, true
	}
	var b strings.Builder
	anchorText(n, &b)
	words := strings.FieldsFunc(strings.ToLower(b.String()), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) > maxFeedLabel {
		return "", false, false // a headline that mentions a feed
	}
	for _, w := range words {
		if w == "rss" || w == "atom" || w == "feed" || w == "feeds" {
			return pu.String(), false, true
		}
	}
	return "", false, false
}

// maxFeedLabel is the most words a link's label has to say it is a feed:
// "RSS", "Atom feed", "Subscribe to our RSS feed".
const maxFeedLabel = 5

func anchorText(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Img {
		b.WriteString(" " + nodeAttr(n, "alt") + " ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		anchorText(c, b)
	}
}

func announced(n *html.Node, base *url.URL) (Announced, bool) {
	rels := strings.Fields(strings.ToLower(nodeAttr(n, "rel")))
	alternate := false
	for _, r := range rels {
		if r == "alternate" {
			alternate = true
		}
	}
	typ := strings.ToLower(strings.TrimSpace(nodeAttr(n, "type")))
	typ, _, _ = strings.Cut(typ, ";")
	typ = strings.TrimSpace(typ)
	kind, ok := feedTypes[typ]
	href := strings.TrimSpace(nodeAttr(n, "href"))
	if !alternate || !ok || href == "" {
		return Announced{}, false
	}
	// Plain application/json is also WordPress's REST API link on every
	// page (/wp-json/...): only a *.json address naming a feed counts.
	if typ == "application/json" {
		lh := strings.ToLower(href)
		if strings.Contains(lh, "wp-json") || !strings.Contains(lh, "feed") {
			return Announced{}, false
		}
	}
	u, err := base.Parse(href)
	if err != nil || Link(u.String()) == "" {
		return Announced{}, false
	}
	u.Fragment = ""
	title := Line(nodeAttr(n, "title"))
	return Announced{URL: u.String(), Title: title, Type: kind, Comments: isComments(title, u)}, true
}

func isComments(title string, u *url.URL) bool {
	t := strings.ToLower(title)
	p := strings.ToLower(u.Path + "?" + u.RawQuery)
	return strings.Contains(t, "comments") || strings.Contains(t, "comment feed") ||
		strings.Contains(p, "/comments/") || strings.HasSuffix(strings.TrimSuffix(p, "?"), "/comments") ||
		strings.Contains(p, "feed=comments")
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// FeedScheme turns the feed: scheme of sites' subscribe buttons into
// the address it wraps: feed://host/path is http://host/path, and
// feed:https://host/path is https://host/path.
func FeedScheme(raw string) string {
	if len(raw) < 5 || !strings.EqualFold(raw[:5], "feed:") {
		return raw
	}
	rest := raw[5:]
	if strings.HasPrefix(rest, "//") {
		return "http:" + rest
	}
	return rest
}
