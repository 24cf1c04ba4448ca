package ui

import (
	"strings"

	"newsreader/cache"
)

// articleModel is the reading pane: a header and the rendered body,
// scrolled by offset.
type articleModel struct {
	art    cache.Article
	body   rendered
	has    bool
	bodyW  int // the width body was laid out for
	offset int
	width  int
	height int
}

// SetSize sets the inner size of the pane.
func (a *articleModel) SetSize(w, h int) { a.width, a.height = w, max(h, 1); a.Scroll(0) }

// show replaces the article; the scroll resets when it is another one.
func (a *articleModel) show(art cache.Article, body rendered) {
	if !a.has || a.art.ID != art.ID {
		a.offset = 0
	}
	a.art, a.body, a.has = art, body, true
	a.Scroll(0)
}

func (a *articleModel) headerLines(s Styles) []string {
	art := a.art
	lines := wrapLines(s.ArticleTitle.Render(art.Title), a.width, "")
	lines = append(lines, wrapLines(s.Meta.Render(a.meta()), a.width, "")...)
	return append(lines, s.Dim.Render(strings.Repeat("─", max(a.width, 1))))
}

// meta is the line under the title: source, author, date, star.
func (a *articleModel) meta() string {
	art := a.art
	meta := art.Source
	if art.Author != "" {
		meta += " · " + art.Author
	}
	meta += " · " + art.Published.Local().Format("Mon 2 Jan 2006 15:04")
	if art.Starred {
		meta += " · ★ starred"
	}
	return meta
}

// Scroll moves the body by delta lines, no further than shows its last
// line at the bottom of the pane.
func (a *articleModel) Scroll(delta int) {
	header := 0
	if a.has {
		header = len(a.headerLines(Styles{}))
	}
	maxOff := max(len(a.body.lines)-(a.height-header), 0)
	a.offset = min(max(a.offset+delta, 0), maxOff)
}

// View draws the header then as much body as fits from offset.
func (a *articleModel) View(s Styles, empty string) []string {
	if !a.has {
		return wrapLines(empty, a.width, "")
	}
	lines := a.headerLines(s)
	body := a.body.lines[min(a.offset, len(a.body.lines)):]
	for _, l := range body {
		if len(lines) >= a.height {
			break
		}
		lines = append(lines, l)
	}
	return lines
}
