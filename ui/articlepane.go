package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
)

// articleModel is the reading pane: a header and the rendered body,
// scrolled by offset.
type articleModel struct {
	art    cache.Article
	body   rendered
	has    bool
	bodyW  int  // the width body was laid out for
	full   bool // body is the article's full text (fulltext.go)
	offset int
	width  int
	height int
	// versions is the story's coverage, one article per outlet (this one
	// among them), for "Also in" and c; story is the story they are of.
	versions []cache.Article
	story    int64
	alsoKey  string // the key that goes to the next version
	exact    bool   // clusters kept as they are (--show to a file)
}

// SetSize sets the inner size of the pane.
func (a *articleModel) SetSize(w, h int) { a.width, a.height = w, max(h, 1); a.Scroll(0) }

// show replaces the article; the scroll resets when it is another one.
func (a *articleModel) show(art cache.Article, body rendered) {
	if !a.has || a.art.ID != art.ID {
		a.offset = 0
	}
	if art.Story != a.story {
		a.versions, a.story = nil, 0
	}
	a.art, a.body, a.has = art, body, true
	a.Scroll(0)
}

// headerLines is the pinned header: the title, the meta line and a rule.
// It takes at most half the pane so that the body always has room: the
// title is cut to fit, and in very short panes the rule and then the meta
// line go.
func (a *articleModel) headerLines(s Styles) []string {
	budget := max(a.height/2, 1)
	w := max(a.width, 1)
	var meta []string
	if budget >= 2 {
		meta = metaLines(a.meta(), w, a.exact)
	}
	if also := a.alsoIn(); also != "" && budget >= 3 {
		meta = append(meta, truncate(stableFor(also, a.exact), w, "…"))
	}
	rule := budget >= 4
	titleMax := budget - len(meta)
	if rule {
		titleMax--
	}
	titleMax = max(titleMax, 1)
	title := wrapText(a.art.Title, w, "", a.exact)
	if len(title) > titleMax {
		rest := strings.Join(title[titleMax-1:], " ")
		title = append(title[:titleMax-1], truncate(rest, w, "…"))
	}
	lines := make([]string, 0, budget)
	for _, t := range title {
		lines = append(lines, s.ArticleTitle.Render(t))
	}
	for _, l := range meta[:min(len(meta), max(budget-len(lines), 0))] {
		lines = append(lines, s.Meta.Render(l))
	}
	if rule && len(lines) < budget {
		lines = append(lines, s.Dim.Render(strings.Repeat("─", w)))
	}
	return lines
}

// metaLines wraps the meta parts onto lines, breaking only between parts
// (a date never splits between the day and the time); a part wider than
// the line is cut.
func metaLines(parts []string, w int, exact bool) []string {
	var out []string
	line := ""
	for _, p := range parts {
		p = truncate(stableFor(p, exact), w, "…")
		switch {
		case line == "":
			line = p
		case ansi.StringWidth(line)+3+ansi.StringWidth(p) <= w:
			line += " · " + p
		default:
			out = append(out, line)
			line = p
		}
	}
	return append(out, line)
}

// meta is the facts under the title: source, author, date, star.
func (a *articleModel) meta() []string {
	art := a.art
	parts := []string{art.Source}
	if art.Author != "" {
		parts = append(parts, art.Author)
	}
	parts = append(parts, art.Published.Local().Format("Mon 2 Jan 2006 15:04"))
	parts = append(parts, reactions(art)...)
	if art.Starred {
		parts = append(parts, "★ starred")
	}
	if a.full {
		parts = append(parts, "full text")
	}
	return parts
}

// alsoIn names the other outlets that tell this story, for the line under
// the byline: "Also in: Demo Wire, Demo Courier (c)"; "" when none do.
func (a *articleModel) alsoIn() string {
	var names []string
	for _, v := range a.versions {
		if v.Outlet != a.art.Outlet && v.ID != a.art.ID {
			names = append(names, v.Source)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "Also in: " + strings.Join(names, ", ") + " (" + a.alsoKey + ")"
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
