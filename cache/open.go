package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// ErrReadOnly is wrapped by the error Open returns when the cache file or
// its folder cannot be written.
var ErrReadOnly = errors.New("read-only")

// ReadOnlyError says the cache cannot be written and what still works.
type ReadOnlyError struct {
	Path string
	Err  error
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("cache %s cannot be written (%v). --offline --list can still read it; to refresh or keep reading state, make the file and its folder writable or pass another --cache", e.Path, e.Err)
}

func (e *ReadOnlyError) Unwrap() error { return ErrReadOnly }

// UnusableError says the cache file is damaged or belongs to something
// else, and how to get going again. The file is never touched.
type UnusableError struct {
	Path string
	Err  error
}

func (e *UnusableError) Error() string {
	return fmt.Sprintf("cache %s is damaged or is not a newsreader cache (%v). It was left as it is: move it aside (mv %s %s.bad) and a new cache will be made; or pass another --cache",
		e.Path, e.Err, e.Path, e.Path)
}

func (e *UnusableError) Unwrap() error { return e.Err }

// errForeign is why a valid SQLite file with someone else's tables is
// refused: migrating it would write our tables into their database.
var errForeign = errors.New("it holds another program's tables")

// checkWritable reports, before SQLite sees the file, whether path and its
// folder can be written (SQLite would otherwise fall back to read-only and
// leave -wal and -shm files with the database's read-only mode behind).
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
	case errors.Is(err, fs.ErrNotExist):
	default:
		return &ReadOnlyError{Path: path, Err: plainErr(err)}
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".newsreader-probe-*")
	if err != nil {
		return &ReadOnlyError{Path: path, Err: fmt.Errorf("its folder: %w", plainErr(err))}
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// plainErr drops the path os errors repeat.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// unusable tells a damaged or foreign file from other failures.
func unusable(err error) bool {
	if errors.Is(err, errForeign) {
		return true
	}
	msg := err.Error()
	for _, m := range []string{"not a database", "malformed", "file is encrypted", "SQLITE_NOTADB", "SQLITE_CORRUPT"} {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// diskError tells a full disk or failing device from other failures.
func diskError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "disk I/O error") || strings.Contains(msg, "database or disk is full") ||
		strings.Contains(msg, "no space left")
}

// checkForeign refuses a database that has tables but no schema version
// of ours.
func (s *Store) checkForeign(ctx context.Context) error {
	var v, tables int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").Scan(&tables); err != nil {
		return err
	}
	if v == 0 && tables > 0 {
		return errForeign
	}
	return nil
}

// probe looks at an existing file read-only, changing nothing, and
// refuses one that is damaged or holds another program's tables.
func probe(path string) error {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil // new or empty: SQLite makes a fresh database
	}
	// Another process may be creating or migrating the file this moment:
	// wait for it as the store's own connections do.
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(15000)")
	if err != nil {
		return err
	}
	defer db.Close()
	return (&Store{db: db, path: path}).checkForeign(context.Background())
}

// OpenReadOnly opens an existing cache for reading only, creating no file
// (no -wal or -shm): for --offline --list on a cache that cannot be
// written. Every write fails.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("cache %s: %w", path, plainErr(err))
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1") // no locks, no -shm: nothing can write here anyway
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: true}
	ctx := context.Background()
	var v int
	err = s.checkForeign(ctx)
	if err == nil {
		err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	}
	if err == nil && v != len(migrations) {
		err = fmt.Errorf("its schema is version %d, this newsreader reads %d; open it once writable to upgrade it", v, len(migrations))
		db.Close()
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	if err != nil {
		db.Close()
		if unusable(err) {
			return nil, &UnusableError{Path: path, Err: err}
		}
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	return s, nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// CheckWritable proves the cache can take a write now (not read-only, not
// on a full disk) by committing a one-page write: a refresh checks it
// before downloading anything.
func (s *Store) CheckWritable(ctx context.Context) error {
	if s.readOnly {
		return &ReadOnlyError{Path: s.path, Err: errors.New("opened read-only")}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err == nil {
		defer tx.Rollback()
		var v int
		if err = tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err == nil {
			if _, err = tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err == nil {
				err = tx.Commit()
			}
		}
	}
	if err != nil {
		return fmt.Errorf("cache %s cannot be written, so nothing was fetched (%w): free some disk space or fix its permissions, or pass another --cache", s.path, err)
	}
	return nil
}
