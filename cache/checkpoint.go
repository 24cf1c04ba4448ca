package cache

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
	"time"
)

// checkpointer copies the write-ahead log into the database file on a
// connection and goroutine of its own while a refresh saves, instead of
// the saver doing it inside a commit every 32 MB of log (SQLite's
// automatic checkpoint). The saver is a refresh's critical path: every
// other part (fetching, parsing, reading ahead, placing in stories) waits
// on it, while the other core has room. A passive checkpoint neither
// waits for the writer nor stops it. The log is started again from its
// beginning once past restartFrames (see committed), so the file stays
// about as long as with the automatic checkpoint.
type checkpointer struct {
	conn *sql.Conn
	kick chan struct{}
	done chan struct{}
	// log is the log's length in frames (pages) at the last checkpoint.
	log atomic.Int64
	// mu is held through every checkpoint, the saver's too: two at once
	// would find each other busy.
	mu sync.Mutex
}

// restartFrames is the log's length (in 4 KB frames: 32 MB) past which
// the saver checkpoints what is left itself between two transactions: a
// log is started again from its beginning only by a transaction that
// begins once all of it is copied, which the checkpointer, copying while
// the next transaction writes, seldom sees.
var restartFrames int64 = 8192

// checkpointFrom is how many new articles a refresh saves before it
// starts a checkpointer: a small refresh writes too little for one to
// help, and would wait for its last checkpoint at the end.
var checkpointFrom = 1000

// checkpointEvery is the least time between two checkpoints: about 32 MB
// of log in a big refresh, as the automatic checkpoint the saver used
// (each copies a page changed by many commits once).
var checkpointEvery = 500 * time.Millisecond

// startCheckpointer starts a checkpointer, or returns nil when it cannot
// have a connection of its own (the saver then checkpoints itself).
func (s *Store) startCheckpointer(ctx context.Context) *checkpointer {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil
	}
	c := &checkpointer{conn: conn, kick: make(chan struct{}, 1), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	var last time.Time
	for range c.kick {
		if time.Since(last) < checkpointEvery {
			continue
		}
		// A checkpoint another process (or the saver) runs makes this
		// one busy; the next commit tries again.
		c.mu.Lock()
		if log, _, ok := checkpoint(context.Background(), c.conn); ok {
			c.log.Store(log)
		}
		c.mu.Unlock()
		last = time.Now()
	}
}

// committed tells the checkpointer a transaction committed on conn, the
// saver's connection, and, when the log has grown past restartFrames,
// copies what is left of it on conn so that the next transaction starts
// it again.
func (c *checkpointer) committed(ctx context.Context, conn *sql.Conn) {
	if c == nil {
		return
	}
	if c.log.Load() >= restartFrames {
		c.mu.Lock()
		if log, done, ok := checkpoint(ctx, conn); ok && log == done {
			c.log.Store(0)
		}
		c.mu.Unlock()
	}
	select {
	case c.kick <- struct{}{}:
	default: // one is waiting already
	}
}

// checkpoint runs a passive checkpoint on conn: the log's length and how
// much of it is in the database, in frames; ok false when it could not
// (another process checkpointing).
func checkpoint(ctx context.Context, conn *sql.Conn) (log, done int64, ok bool) {
	var busy int64
	err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &done)
	return log, done, err == nil && busy == 0
}

// stop ends the checkpointer once its checkpoint, if any, is done.
func (c *checkpointer) stop() {
	if c == nil {
		return
	}
	close(c.kick)
	<-c.done
	c.conn.Close()
}
