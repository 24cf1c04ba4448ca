package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
)

// pageSize is how many headlines one cache read brings in.
const pageSize = 200

// listModel is the headlines pane: a window onto a section that may hold
// 100,000 articles. Pages load on demand; only visible rows are drawn.
type listModel struct {
	pages  map[int][]cache.Article // page index -> rows
	total  int
	cursor int
	top    int // first visible row
	height int // visible rows
	width  int
	// titleLines is how many lines a title may take (0: compact one-line rows)
	titleLines int
	loaded     bool // the first page has arrived
	moved      bool // the reader has moved the cursor or opened an article
}

func newList() listModel { return listModel{pages: map[int][]cache.Article{}} }

// SetSize sets the inner size of the pane in cells; height becomes the
// number of headline rows that fit.
func (l *listModel) SetSize(w, h int) {
	l.titleLines = rowLines(w, h)
	l.width, l.height = w, max(h/l.rowHeight(), 1)
	l.clamp()
}

// reset empties the list for a new section or filter.
func (l *listModel) reset() {
	*l = listModel{pages: map[int][]cache.Article{}, width: l.width, height: l.height, titleLines: l.titleLines}
}

// at returns row i if its page is loaded.
func (l *listModel) at(i int) (cache.Article, bool) {
	p, ok := l.pages[i/pageSize]
	if !ok || i%pageSize >= len(p) {
		return cache.Article{}, false
	}
	return p[i%pageSize], true
}

// Selected is the article under the cursor, if loaded.
func (l *listModel) Selected() (cache.Article, bool) {
	if l.total == 0 {
		return cache.Article{}, false
	}
	return l.at(l.cursor)
}

// Move moves the cursor by delta rows, keeping it on screen.
func (l *listModel) Move(delta int) { l.cursor += delta; l.moved = true; l.clamp() }

// MoveTo puts the cursor on row i.
func (l *listModel) MoveTo(i int) { l.cursor = i; l.clamp() }

func (l *listModel) clamp() {
	l.cursor = min(max(l.cursor, 0), max(l.total-1, 0))
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+l.height {
		l.top = l.cursor - l.height + 1
	}
	l.top = min(max(l.top, 0), max(l.total-l.height, 0))
}

// Scroll moves the view by delta rows without losing the cursor.
func (l *listModel) Scroll(delta int) {
	l.moved = true
	l.top = min(max(l.top+delta, 0), max(l.total-l.height, 0))
	l.cursor = min(max(l.cursor, l.top), l.top+l.height-1)
	l.clamp()
}

// missing lists the pages the visible rows and cursor need but lack.
func (l *listModel) missing() []int {
	var out []int
	if l.total == 0 {
		return nil
	}
	first, last := l.top/pageSize, min(l.top+l.height, l.total-1)/pageSize
	for p := first; p <= last; p++ {
		if _, ok := l.pages[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}

// setState changes one article's read/starred marks in place.
func (l *listModel) setState(id int64, read, starred *bool) {
	for _, p := range l.pages {
		for i := range p {
			if p[i].ID == id {
				if read != nil {
					p[i].Read = *read
				}
				if starred != nil {
					p[i].Starred = *starred
				}
			}
		}
	}
}

// Age formats how long ago t was: "now", "5m", "3h", "2d", "6w", "1y".
func Age(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	case d < 14*24*time.Hour:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	case d < 365*24*time.Hour:
		return fmt.Sprintf("%dw", int(d.Hours()/24/7))
	}
	return fmt.Sprintf("%dy", int(d.Hours()/24/365))
}

// Row geometry. Each headline is a row of rowH lines: the title, wrapped
// onto up to titleLines lines, then a meta line (source · age, and more
// facts about the story). The first gutter columns hold the cursor, the
// unread mark and the star, each in its own column.
const (
	gutter        = 4  // cursor, unread, star, space
	headlineChars = 80 // a typical headline should fit whole
	maxTitleLines = 3
)

// rowLines is how many title lines a row gets in a pane of inner width w
// and h lines: enough for a typical headline, fewer when the pane is too
// short to show at least three rows that way. 0 means compact one-line
// rows (title and age only) for panes too short for anything else.
func rowLines(w, h int) int {
	if h < 4 {
		return 0
	}
	tw := max(w-gutter, 1)
	n := min(max((headlineChars+tw-1)/tw, 1), maxTitleLines)
	for n > 1 && h/(n+1) < 3 {
		n--
	}
	return n
}

// rowHeight is the number of screen lines per headline row.
func (l *listModel) rowHeight() int { return l.titleLines + 1 }

// RowAt is the row drawn at content line y of the pane, if any.
func (l *listModel) RowAt(y int) (int, bool) {
	if y < 0 {
		return 0, false
	}
	i := l.top + y/l.rowHeight()
	return i, i < l.total && i < l.top+l.height
}

// rowMeta is the facts under a headline: its source, age and, from story
// data, how many other outlets cover it. Parts are joined with " · ".
func rowMeta(a cache.Article, now time.Time) []string {
	return []string{a.Source, Age(a.Published, now)}
}

// marks is the gutter before a row's first line: cursor, unread, star.
func marks(a cache.Article, cursor bool) string {
	c, u, st := " ", "●", " "
	if cursor {
		c = "▶"
	}
	if a.Read {
		u = " "
	}
	if a.Starred {
		st = "*"
	}
	return c + u + st + " "
}

// View draws the visible rows.
func (l *listModel) View(s Styles, focused bool, now time.Time, empty string) []string {
	if l.total == 0 {
		if !l.loaded {
			return []string{s.Dim.Render("loading…")}
		}
		return wrapLines(empty, l.width, "")
	}
	lines := make([]string, 0, l.height*l.rowHeight())
	tw := max(l.width-gutter, 1)
	for i := l.top; i < min(l.top+l.height, l.total); i++ {
		a, ok := l.at(i)
		if !ok {
			lines = append(lines, s.Dim.Render(fit("    …", l.width)))
			for range l.rowHeight() - 1 {
				lines = append(lines, "")
			}
			continue
		}
		cur := i == l.cursor
		var row []string
		if l.titleLines == 0 {
			age := " " + Age(a.Published, now)
			row = []string{marks(a, cur) + fit(a.Title, max(tw-len(age), 1)) + age}
		} else {
			row = l.rowText(a, cur, now, tw)
		}
		st := s.Unread
		if a.Read {
			st = s.Read
		}
		for k, line := range row {
			line = fit(line, l.width)
			switch {
			case cur && focused:
				line = s.Selected.Render(line)
			case cur:
				line = s.Bold.Render(line)
			case k > 0 && k == len(row)-1:
				line = s.Dim.Render(line)
			default:
				line = st.Render(line)
			}
			lines = append(lines, line)
		}
	}
	return lines
}

// rowText is a row's lines, unstyled: the wrapped title (the last line cut
// with "…" when it does not fit), then the meta line.
func (l *listModel) rowText(a cache.Article, cur bool, now time.Time, tw int) []string {
	title := wrapLines(a.Title, tw, "")
	if len(title) > l.titleLines {
		rest := strings.Join(title[l.titleLines-1:], " ")
		title = append(title[:l.titleLines-1], ansi.Truncate(rest, tw, "…"))
	}
	pad := strings.Repeat(" ", gutter)
	out := make([]string, 0, l.rowHeight())
	for k, t := range title {
		if k == 0 {
			out = append(out, marks(a, cur)+t)
		} else {
			out = append(out, pad+t)
		}
	}
	meta := rowMeta(a, now)
	// The source gives way first: the age and the rest always show.
	rest := ""
	for _, p := range meta[1:] {
		rest += " · " + p
	}
	src := ansi.Truncate(meta[0], max(tw-ansi.StringWidth(rest), 1), "…")
	out = append(out, pad+src+rest)
	for len(out) < l.rowHeight() {
		out = append(out, "")
	}
	return out
}

// fit pads or truncates s to exactly w columns.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
