package feed

import (
	"bytes"
	"errors"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// looksHTML: body begins like a web page.
func looksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// webPageError is the error for a subscription that is a web page: it
// names the feed the page announces (<link rel="alternate">, the site's
// own before a comments feed), short enough for the reader's error list.
func webPageError(body []byte, base *url.URL) error {
	const msg = "a web page, not an RSS, Atom or JSON feed"
	if u := announcedFeed(body, base); u != "" {
		return errors.New(msg + "; its feed: " + u)
	}
	return errors.New(msg + ", and it names none")
}

// announcedFeed is the first feed a page's <link rel="alternate"> tags
// name (in <head> or, as some sites do, <body>), a comments feed only
// when there is no other; "" if none.
func announcedFeed(body []byte, base *url.URL) string {
	z := html.NewTokenizer(bytes.NewReader(body))
	comments := ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return comments
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "link" && string(name) != "base" {
				continue
			}
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			if string(name) == "base" {
				if b, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
					base = b
				}
				continue
			}
			typ, _, _ := strings.Cut(strings.ToLower(attrs["type"]), ";")
			switch strings.TrimSpace(typ) {
			case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
			default:
				continue
			}
			if !strings.Contains(" "+strings.ToLower(attrs["rel"])+" ", " alternate ") {
				continue
			}
			u := resolve(base, attrs["href"])
			if u == "" {
				continue
			}
			if strings.Contains(strings.ToLower(attrs["title"]+" "+u), "comment") {
				if comments == "" {
					comments = u
				}
				continue
			}
			return u
		}
	}
}
