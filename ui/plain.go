package ui

import (
	"newsreader/cache"
)

// PlainArticle lays out an article as the article pane does (the title,
// the meta line, a rule, then the body wrapped at width with numbered link
// footnotes) without any styling: what --show prints. body is the HTML to
// show: the feed's content, or the extracted full text.
func PlainArticle(art cache.Article, body string, width int) []string {
	width = max(width, 20)
	a := articleModel{width: width, height: 1 << 20}
	a.show(art, Render(body, art.Link, width, plainStyle()))
	return a.View(Styles{}, "")
}
