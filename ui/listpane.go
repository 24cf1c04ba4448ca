package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
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
	paneH      int  // the pane's inner height, to lay rows out again
	// search, when the list shows search hits: the query's words (matches
	// are highlighted) and each hit's snippet, shown under its title.
	search *listSearch
}

// listSearch is what the list knows of a search it shows.
type listSearch struct {
	words    []string
	prefix   bool             // the last word also matches words it begins
	snippets map[int64]string // article ID -> text around the matches
}

func newList() listModel { return listModel{pages: map[int][]cache.Article{}} }

// SetSize sets the inner size of the pane in cells; height becomes the
// number of headline rows that fit.
func (l *listModel) SetSize(w, h int) {
	l.paneH = h
	l.titleLines = rowLines(w, h)
	l.width, l.height = w, max(h/l.rowHeight(), 1)
	l.clamp()
}

// reset empties the list for a new section or filter.
func (l *listModel) reset() {
	*l = listModel{pages: map[int][]cache.Article{}, width: l.width, height: l.height, titleLines: l.titleLines, paneH: l.paneH, search: l.search}
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

// rowHeight is the number of screen lines per headline row: the title's,
// the meta line and, for search hits, a snippet line.
func (l *listModel) rowHeight() int {
	if l.search != nil && l.titleLines > 0 {
		return l.titleLines + 2
	}
	return l.titleLines + 1
}

// setSearch shows search hits (or, with nil, plain rows) and lays the
// rows out again for their height.
func (l *listModel) setSearch(s *listSearch) {
	l.search = s
	l.height = max(l.paneH/l.rowHeight(), 1)
	l.clamp()
}

// RowAt is the row drawn at content line y of the pane, if any.
func (l *listModel) RowAt(y int) (int, bool) {
	if y < 0 {
		return 0, false
	}
	i := l.top + y/l.rowHeight()
	return i, i < l.total && i < l.top+l.height
}

// rowMeta is the facts under a headline: its source, age and, from story
// data, how many other outlets cover it ("+2"), then its liveliest
// reaction count where the feed gives one. Parts are joined with " · ".
func rowMeta(a cache.Article, now time.Time) []string {
	meta := []string{a.Source, Age(a.Published, now)}
	if a.StorySize > 1 {
		meta = append(meta, "+"+itoa(a.StorySize-1))
	}
	if r := reactions(a); len(r) > 0 {
		meta = append(meta, r[0])
	}
	return meta
}

// reactions are an article's reaction counts from its feed, most telling
// first: comments, views, rating.
func reactions(a cache.Article) []string {
	var out []string
	if a.Comments > 0 {
		out = append(out, count(a.Comments, "comment"))
	}
	if a.Views > 0 {
		out = append(out, count(a.Views, "view"))
	}
	if a.Rating > 0 {
		out = append(out, fmt.Sprintf("rated %.1f", a.Rating))
	}
	return out
}

// count is "1 comment", "12 comments", "4.5k views", "2.1M views".
func count(n int, noun string) string {
	var num string
	switch {
	case n >= 1_000_000:
		num = fmt.Sprintf("%.1fM", float64(n)/1e6)
	case n >= 10_000:
		num = fmt.Sprintf("%dk", n/1000)
	case n >= 1000:
		num = fmt.Sprintf("%.1fk", float64(n)/1000)
	default:
		num = itoa(n)
	}
	if n != 1 {
		noun += "s"
	}
	return num + " " + noun
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
		metaLine := len(row) - 1
		if l.search != nil && l.titleLines > 0 {
			metaLine = len(row) - 2
		}
		for k, line := range row {
			line = fit(line, l.width)
			var ls lipgloss.Style
			switch {
			case cur && focused:
				ls = s.Selected
			case cur:
				ls = s.Bold
			case k > 0 && k >= metaLine:
				ls = s.Dim
			default:
				ls = st
			}
			if l.search != nil && k != metaLine {
				line = highlight(line, l.search, ls)
			} else {
				line = ls.Render(line)
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
		title = append(title[:l.titleLines-1], truncate(rest, tw, "…"))
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
	// A reaction count gives way first ("Dem… · 13h · +2 · 255 comments"
	// named no outlet), then the source: the age and "+N" always show.
	if len(reactions(a)) > 0 && ansi.StringWidth(strings.Join(meta, " · ")) > tw {
		meta = meta[:len(meta)-1]
	}
	rest := ""
	for _, p := range meta[1:] {
		rest += " · " + p
	}
	src := ansi.Truncate(meta[0], max(tw-ansi.StringWidth(rest), 1), "…")
	out = append(out, pad+src+rest)
	if l.search != nil {
		out = append(out, pad+fitSnippet(l.search.snippets[a.ID], l.search, tw))
	}
	for len(out) < l.rowHeight() {
		out = append(out, "")
	}
	return out
}

// fitSnippet is a hit's snippet cut to w cells: from its start when its
// first match fits, else from a few words before that match ("…" marks
// what is left out), so that a narrow pane still shows why the article
// matched (the snippet holds its matches in the middle).
func fitSnippet(sn string, q *listSearch, w int) string {
	if ansi.StringWidth(sn) <= w {
		return sn
	}
	marks := cache.TitleMarks(sn, q.words, q.prefix)
	if len(marks) == 0 || marks[0][0] == 0 || ansi.StringWidth(sn[:marks[0][1]]) < w {
		return ansi.Truncate(sn, w, "…")
	}
	// Up to a third of the width of the words before the match.
	at := marks[0][0]
	from := at
	for {
		i := strings.LastIndexByte(strings.TrimRight(sn[:from], " "), ' ')
		if i < 0 || ansi.StringWidth(sn[i+1:at]) > w/3 {
			break
		}
		from = i + 1
	}
	return ansi.Truncate("…"+sn[from:], w, "…")
}

// highlight styles a row's line with st, its words that match the search
// underlined and bold on top.
func highlight(line string, q *listSearch, st lipgloss.Style) string {
	marks := cache.TitleMarks(line, q.words, q.prefix)
	if len(marks) == 0 {
		return st.Render(line)
	}
	match := wrapWith(st.Bold(true).Underline(true)) // one SGR pair per word
	var b strings.Builder
	at := 0
	for _, mk := range marks {
		if mk[0] > at {
			b.WriteString(st.Render(line[at:mk[0]]))
		}
		b.WriteString(match(line[mk[0]:mk[1]]))
		at = mk[1]
	}
	if at < len(line) {
		b.WriteString(st.Render(line[at:]))
	}
	return b.String()
}

// fit pads or truncates s to exactly w columns.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = truncate(stableWidth(s), w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
