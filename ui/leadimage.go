package ui

import (
	"html"
	"strings"

	"newsreader/feed"
)

// WithLeadImage puts the article's picture (its feed's media:content,
// media:thumbnail, image enclosure, itunes:image or JSON Feed image) at
// the top of body when body shows no picture of its own: news feeds (the
// BBC's, the Guardian's) give their photo only there, and the article
// pane then notes it as [image][n], a link like any other. A body with a
// picture, or naming this one, is left as it is.
func WithLeadImage(body, image string) string {
	image = feed.Link(image)
	if image == "" {
		return body
	}
	esc := html.EscapeString(image)
	if strings.Contains(body, esc) || strings.Contains(body, image) || strings.Contains(strings.ToLower(body), "<img") {
		return body
	}
	return `<p><img src="` + esc + `" alt=""></p>` + body
}
