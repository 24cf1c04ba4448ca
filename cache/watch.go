package cache

import (
	"context"
	"database/sql"
	"sync"
)

// watcher holds the one connection PRAGMA data_version is read on: the
// value only means something compared with an earlier read on the same
// connection.
type watcher struct {
	mu   sync.Mutex
	conn *sql.Conn
}

// DataVersion is a number that changes whenever another connection (this
// process's others included, and other processes) commits a change to the
// cache. Reading it costs a few microseconds and takes no lock.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.watch.mu.Lock()
	defer s.watch.mu.Unlock()
	if s.watch.conn == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		s.watch.conn = c
	}
	var v int64
	err := s.watch.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	if err != nil {
		s.watch.conn.Close() // a broken connection: take a fresh one next time
		s.watch.conn = nil
	}
	return v, err
}

func (w *watcher) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
}
