package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// Every function here returns a tea.Cmd: the I/O runs off the UI loop and
// its result comes back as a message.

// listQuery is what the list shows: a section's headlines, one row per
// story, or search hits in the section or (all) the whole cache.
type listQuery struct {
	section, filter string
	all             bool // a search over every section
	byStory         bool // one row per story
}

// loadPage reads one page of the list. A fresh load replaces the whole
// list; keep names the article the cursor should stay on.
func loadPage(st *cache.Store, req int, q listQuery, page int, keep int64, fresh bool) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		m := pageMsg{req: req, offset: page * pageSize, keep: keep, index: -1, fresh: fresh, query: q}
		section := q.section
		switch {
		case q.filter != "":
			if q.all {
				section = ""
			}
			var hits []cache.Hit
			hits, m.total, m.err = st.Search(ctx, section, q.filter, m.offset, pageSize)
			m.snippets = map[int64]string{}
			for _, h := range hits {
				m.arts = append(m.arts, h.Article)
				m.snippets[h.ID] = feed.Line(h.Snippet)
			}
		case q.byStory:
			m.arts, m.err = st.StoryHeads(ctx, section, m.offset, pageSize)
			// Counting a big section's stories takes a while: the first
			// page shows at once and the count follows (storyCountMsg).
			m.total = m.offset + len(m.arts)
			if len(m.arts) == pageSize {
				m.total++
				m.countLater = fresh
			}
		default:
			m.arts, m.err = st.Articles(ctx, section, m.offset, pageSize)
			if m.err == nil {
				m.total, m.err = st.Count(ctx, section)
			}
		}
		if m.err == nil && keep != 0 && q.filter == "" && !q.byStory {
			m.index, m.err = st.IndexOf(ctx, section, keep)
		}
		return m
	}
}

// loadArticle reads the article; it renders the body unless cached holds
// this article's body already laid out for width. With preferFull it shows
// the article's full text when the cache has it (cachedFull: laid out).
func loadArticle(st *cache.Store, req int, id int64, width int, rs renderStyle, cached, cachedFull *rendered, preferFull bool) tea.Cmd {
	return func() tea.Msg {
		a, err := st.Get(context.Background(), id)
		if err != nil {
			return articleMsg{req: req, err: err}
		}
		rs.title = a.Title
		if preferFull {
			if cachedFull != nil {
				return articleMsg{req: req, art: a, width: width, body: *cachedFull, full: true}
			}
			html, ok, err := cachedFullText(st, id)
			if err != nil {
				return articleMsg{req: req, err: err}
			}
			if ok {
				return articleMsg{req: req, art: a, width: width, body: Render(html, a.Link, width, rs), full: true}
			}
		}
		if cached != nil {
			return articleMsg{req: req, art: a, width: width, body: *cached}
		}
		body := a.Content
		if len(body) < len(a.Summary) {
			body = a.Summary
		}
		return articleMsg{req: req, art: a, width: width, body: Render(WithLeadImage(body, a.Image), a.Link, width, rs)}
	}
}

// sideLimit is how many rows a side-pane tab holds.
const sideLimit = 30

// loadSide reads one side-pane tab: Related for article id, Ranking for
// the section, Recommended from the whole cache.
func loadSide(st *cache.Store, req int, tab sideTab, section string, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		m := sideMsg{req: req, tab: tab, section: section}
		switch tab {
		case RelatedTab:
			if id != 0 {
				m.items, m.err = st.Related(ctx, id, sideLimit)
			}
		case RankingTab:
			m.items, m.err = st.Ranking(ctx, section, sideLimit)
		case RecommendedTab:
			m.items, m.fallback, m.err = st.Recommended(ctx, "", sideLimit)
		}
		return m
	}
}

func loadCounts(st *cache.Store) tea.Cmd {
	return func() tea.Msg {
		c, err := st.UnreadCounts(context.Background())
		if err != nil {
			return noteMsg{text: err.Error(), err: true}
		}
		return countsMsg(c)
	}
}

func loadFeeds(st *cache.Store) tea.Cmd {
	return func() tea.Msg {
		f, err := st.Feeds(context.Background())
		if err != nil {
			return noteMsg{text: err.Error(), err: true}
		}
		return feedsMsg(f)
	}
}

// startRefresh runs a refresh in a goroutine and returns the first of its
// events; each progressMsg carries the channel for the next.
func startRefresh(st *cache.Store, f *feed.Fetcher, sections []feed.Section, now func() time.Time) tea.Cmd {
	ch := make(chan refreshEvent, 16)
	go func() {
		sum, err := st.Refresh(context.Background(), f, sections, func(r feed.Result) {
			ch <- progressMsg{res: r}
		})
		ch <- refreshDoneMsg{sum: sum, err: err, at: now()}
		close(ch)
	}()
	return waitRefresh(ch)
}

func waitRefresh(ch <-chan refreshEvent) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return nil
		}
		if p, isProgress := ev.(progressMsg); isProgress {
			p.next = ch
			return p
		}
		return ev
	}
}

func setRead(st *cache.Store, id int64, read bool, note string) tea.Cmd {
	return func() tea.Msg {
		return stateMsg{id: id, read: &read, note: note, err: st.SetRead(context.Background(), id, read)}
	}
}

// toggleRead is m: setRead, undoable with u.
func toggleRead(st *cache.Store, id int64, read bool) tea.Cmd {
	return func() tea.Msg {
		note, back := "marked read", "marked unread again"
		if !read {
			note, back = "marked unread", "marked read again"
		}
		return stateMsg{id: id, read: &read, note: note + " (u to undo)", err: st.SetRead(context.Background(), id, read),
			undo: &undoOp{ids: []int64{id}, read: !read, what: back}}
	}
}

func setStarred(st *cache.Store, id int64, starred bool) tea.Cmd {
	return func() tea.Msg {
		note := "unstarred"
		if starred {
			note = "starred"
		}
		return stateMsg{id: id, starred: &starred, note: note, err: st.SetStarred(context.Background(), id, starred)}
	}
}

func markSectionRead(st *cache.Store, section string) tea.Cmd {
	return func() tea.Msg {
		ids, err := st.MarkSectionReadIDs(context.Background(), section)
		msg := stateMsg{reload: true, note: "marked " + itoa(len(ids)) + " read", err: err}
		if len(ids) > 0 {
			msg.note += " (u to undo)"
			msg.undo = &undoOp{ids: ids, what: "marked " + itoa(len(ids)) + " unread again"}
		}
		return msg
	}
}

// undoOp is the last change of read marks (M, m), as what it takes to
// reverse it.
type undoOp struct {
	ids  []int64 // articles to mark again
	read bool    // as read (else unread)
	what string  // the note once undone
}

func undo(st *cache.Store, op *undoOp) tea.Cmd {
	return func() tea.Msg {
		return stateMsg{reload: true, note: "undone: " + op.what, err: st.SetReadMany(context.Background(), op.ids, op.read), undone: true}
	}
}

// after is how the UI schedules a message for later. Every timer goes
// through it so that tests can tell timers from I/O (they replace it with
// one that reports the timer at once instead of waiting).
var after = tea.Tick

func clearNoteAfter(seq int) tea.Cmd {
	return after(3*time.Second, func(time.Time) tea.Msg { return clearNoteMsg{seq: seq} })
}

// loadStoryCount counts a section's stories for the one-row-per-story list.
func loadStoryCount(st *cache.Store, req int, section string) tea.Cmd {
	return func() tea.Msg {
		n, err := st.StoryCount(context.Background(), section)
		return storyCountMsg{req: req, total: n, err: err}
	}
}
