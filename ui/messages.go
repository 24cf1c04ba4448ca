package ui

import (
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// Messages that carry I/O results back into Update. Each result that
// answers a request carries the request's ID; Update drops a result whose
// ID is no longer the latest.

// pageMsg is one page of the list.
type pageMsg struct {
	req        int
	offset     int
	arts       []cache.Article
	total      int
	keep       int64 // after a refresh: the article to keep the cursor on
	index      int   // its index in the new order, or -1
	fresh      bool  // replaces the whole list (a reload), not one more page
	err        error
	query      listQuery
	snippets   map[int64]string // search hits: article ID -> snippet
	countLater bool             // one row per story: total is provisional, a storyCountMsg follows
}

// storyCountMsg is how many rows the one-row-per-story list has.
type storyCountMsg struct {
	req   int
	total int
	err   error
}

// articleMsg is the article to show, rendered for width.
type articleMsg struct {
	req   int
	art   cache.Article
	width int
	body  rendered
	full  bool // body is the article's full text
	err   error
}

// sideMsg is one side-pane tab's list.
type sideMsg struct {
	req      int
	section  string // the section a ranking is for
	tab      sideTab
	items    []cache.Scored
	fallback bool // Recommended without history: these are the top stories
	err      error
}

// countsMsg is the unread count per section.
type countsMsg map[string]int

// feedsMsg is every feed's last fetch status.
type feedsMsg []cache.FeedStatus

// progressMsg is one feed finished during a refresh.
type progressMsg struct {
	res  feed.Result
	next <-chan refreshEvent
}

// refreshDoneMsg ends a refresh.
type refreshDoneMsg struct {
	sum cache.Summary
	err error
	at  time.Time
}

// stateMsg reports that a read/star change reached the cache.
type stateMsg struct {
	id      int64
	note    string
	err     error
	reload  bool    // the whole list changed (mark all read)
	undo    *undoOp // how to reverse this change (bulk changes)
	undone  bool    // this was an undo
	read    *bool
	starred *bool
}

// noteMsg is a transient status-line message.
type noteMsg struct {
	text string
	err  bool
}

// clearNoteMsg clears a transient message if it is still the one shown.
type clearNoteMsg struct{ seq int }

// refreshEvent is what a refresh goroutine sends: a progressMsg or refreshDoneMsg.
type refreshEvent = any

// storyMsg is every version of the article's story, one per outlet first.
type storyMsg struct {
	req   int
	id    int64 // the article they are for
	story int64
	arts  []cache.Article
	err   error
}
