package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	cachesync "newsreader/cache/sync"
)

// syncState is the [sync] server's side of the reader: a sync runs after
// each refresh (in place of it with source = "server") and on quit; the
// status line says when the last one ended and how.
type syncState struct {
	req     int
	running bool
	last    time.Time // the last sync's end (or the one recorded in the cache)
	err     string    // the last sync's error, "" when it worked
	moved   int       // state changes moved by the last sync, both ways
	offered bool      // the note about the server's other feeds was shown
}

// syncDoneMsg ends a sync (or, with loaded, reports the last one recorded).
type syncDoneMsg struct {
	req    int
	at     time.Time
	rep    cachesync.Report
	err    error
	loaded bool
}

// syncTimeout bounds one sync from the UI.
const syncTimeout = 2 * time.Minute

// startSync starts a sync in the background when one is configured and
// none is running.
func (m *Model) startSync() tea.Cmd {
	acct := m.opt.Sync
	if acct == nil || m.opt.Offline || m.sy.running {
		return nil
	}
	m.sy.running = true
	m.sy.req++
	req, store, now := m.sy.req, m.opt.Store, m.opt.Now
	return tea.Batch(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
		defer cancel()
		rep, err := acct.Sync(ctx, store)
		return syncDoneMsg{req: req, at: now(), rep: rep, err: err}
	}, m.spin.Tick)
}

// loadSyncStatus reads the last sync's outcome from the cache, for the
// status line before this session's first sync.
func loadSyncStatus(store *cache.Store, req int) tea.Cmd {
	return func() tea.Msg {
		st, err := cachesync.ReadStatus(context.Background(), store)
		if err != nil || st.LastOK.IsZero() && st.LastErr == "" {
			return nil
		}
		msg := syncDoneMsg{req: req, at: st.LastOK, loaded: true}
		if st.LastErr != "" {
			msg.err = &syncError{st.LastErr}
		}
		return msg
	}
}

type syncError struct{ s string }

func (e *syncError) Error() string { return e.s }

func (m Model) handleSyncDone(msg syncDoneMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.sy.req {
		return m, nil
	}
	if msg.loaded {
		if m.sy.last.IsZero() && !m.sy.running {
			m.sy.last = msg.at
			if msg.err != nil {
				m.sy.err = msg.err.Error()
			}
		}
		return m, nil
	}
	m.sy.running = false
	m.sy.last = msg.at
	m.sy.err = ""
	m.sy.moved = msg.rep.Pushed.Total() + msg.rep.Pulled.Total()
	if msg.err != nil {
		m.sy.err = msg.err.Error()
	}
	var cmds []tea.Cmd
	if n := len(msg.rep.Offered); n > 0 && !m.sy.offered {
		m.sy.offered = true
		cmds = append(cmds, m.setNote(plural(n, "feed")+" on the sync server not here: newsreader --sync lists them", false))
	}
	if m.fromServer() {
		// The sync was the refresh: the auto-refresh counts from it.
		m.lastRefresh = msg.at
		cmds = append(cmds, m.afterRefresh())
	}
	if msg.rep.Pulled.Total() > 0 || msg.rep.Cached > 0 || len(msg.rep.Added) > 0 {
		// The server changed what the reader shows.
		cmds = append(cmds, m.reloadKeeping(), loadCounts(m.opt.Store), loadFeeds(m.opt.Store))
	}
	return m, tea.Batch(cmds...)
}

// fromServer: with source = "server" a refresh is a sync.
func (m Model) fromServer() bool {
	return m.opt.Sync != nil && m.opt.Sync.Config.FromServer()
}

// syncStatus is the status line's part for sync: "" when none is configured.
func (m Model) syncStatus() string {
	if m.opt.Sync == nil {
		return ""
	}
	switch {
	case m.sy.running:
		return m.spin.View() + " syncing"
	case m.sy.err != "":
		at := ""
		if !m.sy.last.IsZero() {
			at = " " + m.sy.last.Local().Format("15:04")
		}
		return m.styles.Error.Render("sync failed" + at + ": " + truncateText(m.sy.err, 60))
	case !m.sy.last.IsZero():
		s := "synced " + m.sy.last.Local().Format("15:04")
		if m.sy.moved > 0 {
			s += ": " + plural(m.sy.moved, "change")
		}
		return s
	}
	return "not synced yet"
}

func truncateText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// syncOnQuit runs a last sync after the reader closed, so changes made
// just before quitting reach the server.
func syncOnQuit(ctx context.Context, opt Options) error {
	if opt.Sync == nil || opt.Offline || ctx.Err() != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	_, err := opt.Sync.Sync(ctx, opt.Store)
	return err
}
