package feed

import (
	"bytes"
	"cmp"
	"errors"
	"net/url"
)

// looksHTML: body begins like a web page.
func looksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// webPageError is the error for a subscription that is a web page: it
// names the feed the page announces (AnnouncedFeeds; the site's own
// before a comments feed), short enough for the reader's error list.
func webPageError(body []byte, base *url.URL) error {
	const msg = "a web page, not an RSS, Atom or JSON feed"
	var site, comments string
	for _, a := range AnnouncedFeeds(body, base) {
		if !a.Comments && site == "" {
			site = a.URL
		} else if a.Comments && comments == "" {
			comments = a.URL
		}
	}
	if u := cmp.Or(site, comments); u != "" {
		return errors.New(msg + "; its feed: " + u)
	}
	return errors.New(msg + ", and it names none")
}
