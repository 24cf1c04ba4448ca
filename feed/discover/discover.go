// Package discover finds the feeds behind a web address: the address may
// be a feed itself, or an HTML page that announces its feeds with
// <link rel="alternate"> (RSS, Atom, JSON Feed), or a site that serves one
// at a common path (/feed, /rss.xml, /atom.xml, ...).
package discover

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"newsreader/feed"
)

// Candidate is one feed found for an address.
type Candidate struct {
	URL      string
	Title    string // as announced (sanitised); may be ""
	Type     string // "rss", "atom", "json" or "" when unknown
	Comments bool   // a comments feed (WordPress's "Comments Feed", /comments/feed)
	Via      string // "self" (the address is a feed), "link", "anchor" (an <a> to it) or "path"
}

// CommonPaths are tried, in order, on the site's root when a page
// announces no feed.
var CommonPaths = []string{"/feed", "/rss.xml", "/atom.xml", "/feed.xml", "/rss", "/index.xml", "/feed.json", "/feeds/posts/default", "/?feed=rss2"}

// ErrNoFeed is returned when nothing at or behind the address is a feed.
var ErrNoFeed = errors.New("no feed found")

const accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"

// maxPage caps a page fetched for discovery (feeds themselves take the
// Fetcher's cap).
const maxPage = 5 << 20

// Discover returns the feeds found for raw, site feeds before comments
// feeds, each group in document order. A feed address gives itself.
func Discover(ctx context.Context, f *feed.Fetcher, raw string) ([]Candidate, error) {
	raw = feed.FeedScheme(strings.TrimSpace(raw))
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw // "example.com" as people type it
	}
	page, err := f.Get(ctx, raw, accept, maxPage)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", raw, err)
	}
	c, ok, parseErr := asFeedErr(page, raw)
	if ok {
		return []Candidate{c}, nil
	}
	cands := Links(page.Body, page.URL)
	if len(cands) == 0 {
		cands = linked(ctx, f, page)
	}
	if len(cands) == 0 {
		cands = probe(ctx, f, page.URL)
	}
	if len(cands) == 0 {
		if !looksHTML(page.Body) {
			// A feed's address that gives no feed: say what is wrong
			// with it, not where else no feed was found.
			return nil, fmt.Errorf("%s: %w: %s", raw, ErrNoFeed, feed.Line(parseErr.Error()))
		}
		return nil, fmt.Errorf("%s: %w (no <link rel=\"alternate\"> feed, nothing at %s, … under the page's folder or the site's root)", raw, ErrNoFeed, strings.Join(CommonPaths[:4], ", "))
	}
	return Order(cands), nil
}

// asFeed reports whether a fetched document is itself a feed: whether it
// parses as one (a web page does not; looking for HTML first took feeds
// whose first item holds a <header> or <body> in CDATA for pages).
func asFeed(p feed.Page, raw string) (Candidate, bool) {
	c, ok, _ := asFeedErr(p, raw)
	return c, ok
}

// asFeedErr is asFeed with the parser's error when it is not a feed.
func asFeedErr(p feed.Page, raw string) (Candidate, bool, error) {
	title, _, err := feed.Parse(p.Body, p.URL, time.Now())
	if err != nil {
		return Candidate{}, false, err
	}
	return Candidate{URL: raw, Title: feed.Line(title), Type: sniffType(p.Body), Via: "self"}, true, nil
}

// looksHTML says whether a document's opening is a web page's.
func looksHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 4096)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<head") || strings.Contains(head, "<body") || strings.Contains(head, "<!doctype html")
}

func sniffType(b []byte) string {
	head := string(b[:min(len(b), 2048)])
	switch {
	case strings.Contains(head, "<feed"):
		return "atom"
	case strings.HasPrefix(strings.TrimSpace(head), "{"):
		return "json"
	case strings.Contains(head, "<rss") || strings.Contains(head, "<rdf:RDF"):
		return "rss"
	}
	return ""
}

// Links returns the feeds an HTML page announces (feed.AnnouncedFeeds),
// as candidates found by link.
func Links(body []byte, pageURL *url.URL) []Candidate {
	var out []Candidate
	for _, a := range feed.AnnouncedFeeds(body, pageURL) {
		out = append(out, Candidate{URL: a.URL, Title: a.Title, Type: a.Type, Comments: a.Comments, Via: "link"})
	}
	return out
}

// linked fetches the feeds a page's ordinary links seem to point at (an
// "RSS" link in the footer of a page that announces none with <link>),
// at most four, and returns those that parse as feeds.
func linked(ctx context.Context, f *feed.Fetcher, page feed.Page) []Candidate {
	var out []Candidate
	for _, u := range feed.LinkedFeeds(page.Body, page.URL, 4) {
		doc, err := f.Get(ctx, u, accept, 0)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, feed.ErrOffline) {
				return nil
			}
			continue
		}
		if c, ok := asFeed(doc, u); ok {
			c.Via = "anchor"
			out = append(out, c)
		}
	}
	return out
}

// probe tries the common feed paths, first under the page's own folder
// (a blog at /blog/ has its feed at /blog/feed), then on the site's root,
// and returns the first that parses as a feed.
func probe(ctx context.Context, f *feed.Fetcher, page *url.URL) []Candidate {
	var tries []string
	var dirs []string
	if p := strings.TrimSuffix(page.Path, "/"); p != "" {
		if strings.HasSuffix(page.Path, "/") {
			dirs = append(dirs, p)
		} else if d := path.Dir(p); d != "/" && d != "." {
			dirs = append(dirs, d)
		}
	}
	for _, dir := range dirs {
		for _, p := range CommonPaths[:4] {
			tries = append(tries, dir+p)
		}
	}
	tries = append(tries, CommonPaths...)
	for i := 0; i < len(tries); i++ {
		p := tries[i]
		u, err := page.Parse(p)
		if err != nil {
			continue
		}
		doc, err := f.Get(ctx, u.String(), accept, 0)
		if err == nil {
			if c, ok := asFeed(doc, u.String()); ok {
				c.Via = "path"
				return []Candidate{c}
			}
		} else if ctx.Err() != nil || errors.Is(err, feed.ErrOffline) {
			return nil
		}
		if b := path.Base(p); (b == "feed" || b == "rss") && !strings.HasSuffix(p, "/") {
			// WordPress's /feed/ and Ghost's /rss/ are folders; a
			// server that does not redirect /feed there (a static
			// copy, a proxy) answers only with the slash.
			tries = slices.Insert(tries, i+1, p+"/")
		}
	}
	return nil
}

// Order puts site feeds before comments feeds, keeping document order
// within each group.
func Order(cands []Candidate) []Candidate {
	out := make([]Candidate, 0, len(cands))
	for _, pass := range []bool{false, true} {
		for _, c := range cands {
			if c.Comments == pass {
				out = append(out, c)
			}
		}
	}
	return out
}
