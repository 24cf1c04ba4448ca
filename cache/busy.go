package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
)

// StateRetry is how long a reader's own state change (read, star) keeps
// trying while other writers hold the database; only then does it fail,
// with an error the UI shows.
var StateRetry = 30 * time.Second

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == 5 || c == 6 // SQLITE_BUSY, SQLITE_LOCKED
	}
	return false
}

// stateWrite runs a small write for the reader on one connection, trying
// again every millisecond while another writer holds the lock. SQLite's
// own busy handler backs off to 100 ms between tries and can keep missing
// the short gaps a refresh leaves between its batch transactions; this
// loop catches the first gap, so the wait is about one batch (TxBudget).
func (s *Store) stateWrite(ctx context.Context, write func(context.Context, *sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA busy_timeout = 15000")
	deadline := time.Now().Add(StateRetry)
	for {
		err := write(ctx, conn)
		if err == nil || !isBusy(err) {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("cache busy for %s, change not saved: %w", StateRetry, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Millisecond):
		}
	}
}
