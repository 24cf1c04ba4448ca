package feed

import (
	"bytes"
	"net/url"
	"strings"

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
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil
	}
	base := pageURL
	var out []Announced
	seen := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Base:
				if b, err := pageURL.Parse(strings.TrimSpace(nodeAttr(n, "href"))); err == nil && nodeAttr(n, "href") != "" {
					base = b
				}
			case atom.Link:
				if c, ok := announced(n, base); ok && !seen[c.URL] {
					seen[c.URL] = true
					out = append(out, c)
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
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
