package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
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

// sideModel is the discovery pane: a list per tab.
type sideModel struct {
	tab    sideTab
	lists  [tabCount][]cache.Article
	loaded [tabCount]bool
	cursor [tabCount]int
	width  int
	height int
}

// SetSize sets the inner size of the pane.
func (sd *sideModel) SetSize(w, h int) { sd.width, sd.height = w, max(h, 1) }

// Selected is the article under the current tab's cursor.
func (sd *sideModel) Selected() (cache.Article, bool) {
	l := sd.lists[sd.tab]
	if len(l) == 0 {
		return cache.Article{}, false
	}
	return l[min(sd.cursor[sd.tab], len(l)-1)], true
}

// Move moves the current tab's cursor.
func (sd *sideModel) Move(delta int) {
	n := len(sd.lists[sd.tab])
	sd.cursor[sd.tab] = min(max(sd.cursor[sd.tab]+delta, 0), max(n-1, 0))
}

// SwitchTab moves to the next (+1) or previous (-1) tab.
func (sd *sideModel) SwitchTab(delta int) { sd.tab = (sd.tab + sideTab(delta) + tabCount) % tabCount }

// window is the first story shown and how many fit (two lines each,
// under the tab bar and a blank line).
func (sd *sideModel) window() (start, rows int) {
	rows = max((sd.height-2)/2, 1)
	return max(sd.cursor[sd.tab]-rows+1, 0), rows
}

// Click selects the story drawn at content line row, if any.
func (sd *sideModel) Click(row int) {
	if row < 2 {
		return
	}
	start, _ := sd.window()
	if i := start + (row-2)/2; i < len(sd.lists[sd.tab]) {
		sd.cursor[sd.tab] = i
	}
}

func (sd *sideModel) set(tab sideTab, arts []cache.Article) {
	sd.lists[tab], sd.loaded[tab] = arts, true
	sd.cursor[tab] = min(sd.cursor[tab], max(len(arts)-1, 0))
}

var emptyTab = [tabCount]string{
	"No related stories in the cache for this article.",
	"Nothing ranked yet: refresh with r.",
	"Recommendations will appear here once you have read and starred a few stories: they come from what you read.",
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
	l := sd.lists[sd.tab]
	switch {
	case !sd.loaded[sd.tab] && sd.tab != RecommendedTab:
		lines = append(lines, s.Dim.Render("loading…"))
	case len(l) == 0:
		lines = append(lines, wrapLines(emptyTab[sd.tab], sd.width, "")...)
	}
	start, rows := sd.window()
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
		title := fit(a.Title, max(sd.width-pw, 1))
		meta := fit(strings.Repeat(" ", pw)+a.Source+" · "+Age(a.Published, now), sd.width)
		row := fit(prefix+title, sd.width)
		if cur && focused {
			row = s.Selected.Render(row)
		} else if cur {
			row = s.Bold.Render(row)
		}
		lines = append(lines, row, s.Dim.Render(meta))
	}
	return lines
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
