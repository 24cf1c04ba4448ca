package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
)

// sideTab is one tab of the side pane.
type sideTab int

// The side pane's tabs.
const (
	RelatedTab sideTab = iota
	RankingTab
	RecommendedTab
	tabCount
)

func (t sideTab) String() string { return [...]string{"Related", "Ranking", "Recommended"}[t] }

// sideModel is the discovery pane: a list per tab, each row with the
// reason it is there.
type sideModel struct {
	tab       sideTab
	lists     [tabCount][]cache.Scored
	loaded    [tabCount]bool
	cursor    [tabCount]int
	fallback  bool // Recommended shows the top stories: there is no history yet
	noArticle bool // Related has no article to relate to (the list is empty)
	width     int
	height    int
}

// SetSize sets the inner size of the pane.
func (sd *sideModel) SetSize(w, h int) { sd.width, sd.height = w, max(h, 1) }

// Selected is the article under the current tab's cursor.
func (sd *sideModel) Selected() (cache.Article, bool) {
	l := sd.lists[sd.tab]
	if len(l) == 0 {
		return cache.Article{}, false
	}
	return l[min(sd.cursor[sd.tab], len(l)-1)].Article, true
}

// Move moves the current tab's cursor.
func (sd *sideModel) Move(delta int) {
	n := len(sd.lists[sd.tab])
	sd.cursor[sd.tab] = min(max(sd.cursor[sd.tab]+delta, 0), max(n-1, 0))
}

// SwitchTab moves to the next (+1) or previous (-1) tab.
func (sd *sideModel) SwitchTab(delta int) { sd.tab = (sd.tab + sideTab(delta) + tabCount) % tabCount }

// head is how many lines come before the rows: the tab bar, then a blank
// line or, for Recommended without history, the line that says so.
const sideHead = 2

// window is the first story shown and how many fit under the tab bar
// and a blank line, the cursor's among them. A story takes its title's
// lines (one or two) and the line of its reason.
func (sd *sideModel) window() (start, rows int) { return sd.windowBy(sd.rowHeight) }

// windowBy is window with each row's height given by height.
func (sd *sideModel) windowBy(height func(i int) int) (start, rows int) {
	avail := max(sd.height-sideHead, 1)
	l := sd.lists[sd.tab]
	cur := min(sd.cursor[sd.tab], max(len(l)-1, 0))
	used := 0
	start = cur
	for start >= 0 && start < len(l) {
		h := height(start)
		if used+h > avail && start < cur {
			break
		}
		used += h
		start--
	}
	start = max(start+1, 0)
	used = 0
	for i := start; i < len(l); i++ {
		h := height(i)
		if used+h > avail && rows > 0 {
			break
		}
		used += h
		rows++
	}
	return start, max(rows, 1)
}

// prefixWidth is the width of the columns before a row's title: the
// cursor's, and the rank's on the Ranking tab.
func (sd *sideModel) prefixWidth() int {
	if sd.tab == RankingTab {
		return 5
	}
	return 2
}

// titleLines is the title of row i wrapped over up to two lines (the
// second cut with "…" when the title needs more), so that a typical
// headline reads whole.
func (sd *sideModel) titleLines(i int) []string {
	w := max(sd.width-sd.prefixWidth(), 1)
	title := feed.Line(sd.lists[sd.tab][i].Title)
	lines := wrapLines(title, w, "")
	if len(lines) <= 2 {
		return lines
	}
	rest := strings.TrimSpace(strings.TrimPrefix(stableWidth(title), lines[0]))
	return []string{lines[0], strings.TrimRight(fit(rest, w), " ")}
}

func (sd *sideModel) rowHeight(i int) int { return len(sd.titleLines(i)) + 1 }

// Click selects the story drawn at content line row, if any.
func (sd *sideModel) Click(row int) {
	if row < sideHead {
		return
	}
	start, rows := sd.window()
	y := sideHead
	for i := start; i < start+rows && i < len(sd.lists[sd.tab]); i++ {
		y += sd.rowHeight(i)
		if row < y {
			sd.cursor[sd.tab] = i
			return
		}
	}
}

// set replaces a tab's list. The cursor stays on the same article when it
// is still listed (lists refresh as articles arrive), else where it was.
func (sd *sideModel) set(tab sideTab, items []cache.Scored) {
	var keep int64
	if old := sd.lists[tab]; len(old) > 0 && sd.loaded[tab] {
		keep = old[min(sd.cursor[tab], len(old)-1)].ID
	}
	sd.lists[tab], sd.loaded[tab] = items, true
	for i, it := range items {
		if it.ID == keep {
			sd.cursor[tab] = i
			return
		}
	}
	sd.cursor[tab] = min(sd.cursor[tab], max(len(items)-1, 0))
}

var emptyTab = [tabCount]string{
	"No related stories in the cache for this article.",
	"Nothing ranked yet: refresh with r.",
	"Nothing new like what you have read yet: read or star a few more stories.",
}

// View draws the tab bar and the current tab's list (two lines a story).
func (sd *sideModel) View(s Styles, focused bool, now time.Time) []string {
	var tabs []string
	for t := range tabCount {
		if t == sd.tab {
			tabs = append(tabs, s.ActiveTab.Render("["+t.String()+"]"))
		} else {
			tabs = append(tabs, s.Tab.Render(t.String()))
		}
	}
	bar := strings.Join(tabs, " ")
	if ansi.StringWidth(bar) > sd.width {
		// Too narrow for every tab: name the current one and where it sits.
		bar = s.ActiveTab.Render("["+sd.tab.String()+"]") + s.Tab.Render(" "+itoa(int(sd.tab)+1)+"/"+itoa(int(tabCount))+" [ ]")
	}
	lines := []string{fit(bar, sd.width), ""}
	if sd.tab == RecommendedTab && sd.fallback && sd.loaded[sd.tab] {
		// No reading history: say what is shown instead.
		lines[1] = s.Dim.Render(fit("No history yet: top stories", sd.width))
	}
	l := sd.lists[sd.tab]
	switch {
	case !sd.loaded[sd.tab]:
		lines = append(lines, s.Dim.Render("loading…"))
	case len(l) == 0 && sd.tab == RelatedTab && sd.noArticle:
		lines = append(lines, wrapLines("Related stories show here for the article you are reading.", sd.width, "")...)
	case len(l) == 0:
		lines = append(lines, wrapLines(emptyTab[sd.tab], sd.width, "")...)
	}
	// Each row's title is wrapped once a frame: the window needs the
	// rows' heights, the drawing their lines.
	titles := make([][]string, len(l))
	titleLines := func(i int) []string {
		if titles[i] == nil {
			titles[i] = sd.titleLines(i)
		}
		return titles[i]
	}
	start, rows := sd.windowBy(func(i int) int { return len(titleLines(i)) + 1 })
	for i := start; i < min(len(l), start+rows); i++ {
		a := l[i]
		// The cursor has a column of its own, before the rank number.
		cur := i == sd.cursor[sd.tab]
		prefix := " "
		if cur {
			prefix = "▶"
		}
		if sd.tab == RankingTab {
			prefix += fmt.Sprintf("%2d. ", i+1)
		} else {
			prefix += " "
		}
		pw := ansi.StringWidth(prefix)
		for k, t := range titleLines(i) {
			if k > 0 {
				prefix = strings.Repeat(" ", pw)
			}
			row := fit(prefix+t, sd.width)
			if cur && focused {
				row = s.Selected.Render(row)
			} else if cur {
				row = s.Bold.Render(row)
			}
			lines = append(lines, row)
		}
		lines = append(lines, s.Dim.Render(fit(strings.Repeat(" ", pw)+sideReason(a, sd.tab, now), sd.width)))
	}
	return lines
}

// sideReason is the line under a side-pane row: the outlet and why the
// story is listed ("same story, other outlet", "5 outlets · 2h", "#2 most
// read", "because you read …"); the reason comes first when space is short.
func sideReason(a cache.Scored, tab sideTab, now time.Time) string {
	why := feed.Line(a.Why)
	if why == "" {
		why = Age(a.Published, now)
	}
	if tab == RankingTab || a.Source == "" {
		return why
	}
	return why + " · " + feed.Line(a.Source)
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
