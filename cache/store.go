// Package cache is the SQLite store behind the reader: feeds, articles,
// section membership, reading state, and the queries the UI runs.
package cache

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an open cache database. It is safe for concurrent use, and
// several processes may share one file.
type Store struct {
	db     *sql.DB
	path   string
	disc   discoState // the story assigner's memory (cache/index.go)
	qdf    dfCache    // document frequencies the queries have read (discover.go)
	stmts  stmtCache  // the discovery queries' prepared statements (prepared.go)
	wstmts stmtCache  // the saves' prepared statements (prepared.go, txq)

	readerDSN string // the discovery queries' pool (reader); "" = db
	rdbOnce   sync.Once
	rdb       *sql.DB
	readOnly  bool
	keepDays  int     // retention after each Refresh (0: keep everything); SetRetention
	watch     watcher // PRAGMA data_version's connection (watch.go)
}

// DefaultPath is $XDG_CACHE_HOME/newsreader/cache.db, falling back to
// os.UserCacheDir.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_CACHE_HOME")
	if dir == "" {
		var err error
		if dir, err = os.UserCacheDir(); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "newsreader", "cache.db"), nil
}

// Open opens (creating if needed) the cache at path and brings its schema
// up to date.
func Open(path string) (*Store, error) { return OpenUpgrading(path, nil) }

// OpenUpgrading is Open; upgrading, when set, runs just before the
// migrations of a cache an older newsreader wrote (some rebuild the
// search index, which takes a while on a large cache, so the caller can
// say so first). A new cache, or a current one, does not call it.
func OpenUpgrading(path string, upgrading func()) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cache folder: %w", err)
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(15000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate") // writers queue on the busy timeout instead of failing on lock upgrade
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	// The discovery queries read through a pool of their own that maps
	// the file into memory: a search or a Related reads thousands of
	// scattered pages, 20-30 % faster from the map than copied in a
	// system call each. The writers' pool does not map it: a refresh
	// touches most of the file, and mapped pages count in its resident
	// size (a 30,000-article save peaked 56 MB higher).
	r := url.Values{}
	r.Add("_pragma", "busy_timeout(15000)")
	r.Add("_pragma", "query_only(1)")
	r.Add("_pragma", "mmap_size(2147418112)") // SQLite's largest
	s := &Store{db: db, path: path, readerDSN: "file:" + path + "?" + r.Encode()}
	err = probe(path) // before the WAL pragma writes to someone else's file
	if err == nil {
		err = s.migrate(context.Background(), upgrading)
	}
	if err != nil {
		db.Close()
		if unusable(err) {
			return nil, &UnusableError{Path: path, Err: err}
		}
		if diskError(err) {
			return nil, fmt.Errorf("cache %s cannot be written (%w): free some disk space, or pass another --cache", path, err)
		}
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	return s, nil
}

// reader is the pool the discovery queries read through: the
// memory-mapped one Open describes, opened on first use, or the store's
// own when there is none.
func (s *Store) reader() *sql.DB {
	s.rdbOnce.Do(func() {
		s.rdb = s.db
		if s.readerDSN == "" {
			return
		}
		if db, err := sql.Open("sqlite", s.readerDSN); err == nil {
			s.rdb = db
		}
	})
	return s.rdb
}

// Path is the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.watch.close()
	s.stmts.close()
	s.wstmts.close()
	s.rdbOnce.Do(func() {}) // none opened from now on
	if s.rdb != nil && s.rdb != s.db {
		s.rdb.Close()
	}
	return s.db.Close()
}

func (s *Store) migrate(ctx context.Context, upgrading func()) error {
	var v int
	// The first connection sets WAL mode, which SQLite refuses at once
	// (no busy wait) while another process is creating or converting the
	// same new file: try again for a few seconds.
	for try := 0; ; try++ {
		err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
		if err == nil {
			break
		}
		if !isBusy(err) || try == 300 {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
	if v == len(migrations) {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Read again under the write lock: another process may have migrated.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this newsreader (%d)", v, len(migrations))
	}
	if v > 0 && upgrading != nil {
		upgrading()
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return err
	}
	return tx.Commit()
}
