package ui

// Pane names one of the three panes.
type Pane int

// The panes, in focus order.
const (
	ListPane Pane = iota
	ArticlePane
	SidePane
	paneCount
)

func (p Pane) String() string { return [...]string{"Headlines", "Article", "Discover"}[p] }

// Rect is a pane's place on screen, border included.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell (x, y) is inside r.
func (r Rect) Contains(x, y int) bool { return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H }

// Geometry is where every pane goes for one window size. A pane with a
// zero width is not shown.
type Geometry struct {
	Panes        [paneCount]Rect
	HeaderH      int
	FooterH      int
	SideFoldable bool // the window is narrow enough that the side pane is folded by default
}

// Layout thresholds.
const (
	sideMinWidth   = 120 // narrower: the side pane folds away unless toggled open
	singleMaxWidth = 80  // narrower: only the focused pane shows, full width
)

// Layout is a pure function of the window size, whether the user toggled
// the side pane, and focus (which matters only when one pane shows).
func Layout(w, h int, sideToggled bool, focus Pane) Geometry {
	g := Geometry{HeaderH: 2, FooterH: 2}
	if h < 8 {
		g.HeaderH, g.FooterH = 1, 1
	}
	bodyH := max(h-g.HeaderH-g.FooterH, 0)
	if w <= 0 || bodyH <= 0 {
		return g
	}
	y := g.HeaderH
	if w < singleMaxWidth {
		g.Panes[focus] = Rect{0, y, w, bodyH}
		return g
	}
	showSide := w >= sideMinWidth
	g.SideFoldable = !showSide
	if sideToggled {
		showSide = !showSide
	}
	if !showSide {
		listW := w * 9 / 20
		g.Panes[ListPane] = Rect{0, y, listW, bodyH}
		g.Panes[ArticlePane] = Rect{listW, y, w - listW, bodyH}
		return g
	}
	listW := w * 7 / 20
	sideW := w * 27 / 100
	g.Panes[ListPane] = Rect{0, y, listW, bodyH}
	g.Panes[ArticlePane] = Rect{listW, y, w - listW - sideW, bodyH}
	g.Panes[SidePane] = Rect{w - sideW, y, sideW, bodyH}
	return g
}

// Shown reports whether pane p has room on screen.
func (g Geometry) Shown(p Pane) bool { return g.Panes[p].W > 0 && g.Panes[p].H > 0 }
