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
	loaded bool // the first page has arrived
	moved  bool // the reader has moved the cursor or opened an article
}

func newList() listModel { return listModel{pages: map[int][]cache.Article{}} }

// SetSize sets the inner size of the pane.
func (l *listModel) SetSize(w, h int) {
	l.width, l.height = w, max(h, 1)
	l.clamp()
}

// reset empties the list for a new section or filter.
func (l *listModel) reset() {
	*l = listModel{pages: map[int][]cache.Article{}, width: l.width, height: l.height}
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

// View draws the visible rows: unread mark, star, title, source, age.
func (l *listModel) View(s Styles, focused bool, now time.Time, empty string) []string {
	if l.total == 0 {
		if !l.loaded {
			return []string{s.Dim.Render("loading…")}
		}
		return wrapLines(empty, l.width, "")
	}
	lines := make([]string, 0, l.height)
	for i := l.top; i < min(l.top+l.height, l.total); i++ {
		a, ok := l.at(i)
		if !ok {
			lines = append(lines, s.Dim.Render(fit("  …", l.width)))
			continue
		}
		mark := "●"
		if a.Read {
			mark = " "
		}
		if a.Starred {
			mark = "*"
		}
		age := fmt.Sprintf("%3s", Age(a.Published, now))
		srcW := max(l.width/4, 4)
		src := fit(a.Source, srcW)
		titleW := max(l.width-2-1-ansi.StringWidth(src)-1-len(age), 1)
		title := ansi.Truncate(a.Title, titleW, "…")
		row := mark + " " + title + strings.Repeat(" ", max(titleW-ansi.StringWidth(title), 0)) + " " + src + " " + age
		row = fit(row, l.width)
		switch {
		case i == l.cursor && focused:
			row = s.Selected.Render(row)
		case i == l.cursor:
			row = s.Bold.Render(">" + row[1:])
		case a.Read:
			row = s.Read.Render(row)
		default:
			row = s.Unread.Render(row)
		}
		lines = append(lines, row)
	}
	return lines
}

// fit pads or truncates s to exactly w columns.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
