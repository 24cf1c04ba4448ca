package ui

import (
	"newsreader/cache"
)

// PlainArticle lays out an article as the article pane does (the title,
// the meta line, a rule, then the body wrapped at width with numbered link
// footnotes) without any styling: what --show prints. body is the HTML to
// show: the feed's content, or the extracted full text. With exact (the
// output is a file, not a terminal) the text keeps its grapheme clusters
// as they are (a family emoji stays one); else they are drawn as on the
// terminal (see stableWidth). Either way no line breaks inside one.
func PlainArticle(art cache.Article, body string, width int, exact bool) []string {
	width = max(width, 20)
	st := plainStyle()
	if exact {
		st = exactStyle()
	}
	st.title = art.Title
	a := articleModel{width: width, height: 1 << 20, exact: exact}
	a.show(art, Render(body, art.Link, width, st))
	return a.View(Styles{}, "")
}
