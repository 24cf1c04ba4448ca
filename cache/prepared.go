package cache

import (
	"context"
	"database/sql"
	"sync"
)

// The discovery queries run the same statements again and again (the
// side pane asks for Related at every article opened); compiling one
// costs 0.1-0.2 ms, a seventh of a Related. They are prepared once per
// store and kept. They only read, through the store's reader pool.

// stmtCache holds a store's prepared statements by their SQL text.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxStmts bounds the cache; the statements kept are a handful of fixed
// texts, so past it something builds texts freely and it starts over.
const maxStmts = 64

func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	return s.stmts.get(ctx, s.reader(), query)
}

// get is the statement query prepared on db, kept.
func (c *stmtCache) get(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil || len(c.m) >= maxStmts {
		for _, old := range c.m {
			old.Close()
		}
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// query runs a kept statement.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRow runs a kept statement for one row.
func (s *Store) queryRow(ctx context.Context, query string, args ...any) scanner {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

type errRow struct{ err error }

func (e errRow) Scan(...any) error { return e.err }

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// The writes of a save are the same few statements in every transaction
// too: compiling them again in each of a cold refresh's hundreds of
// transactions (several per feed, and the index's thousand-row insert)
// was 3 % of its CPU, all of it on the one goroutine that writes. They
// are prepared once per store on the writing pool and taken into each
// transaction: Tx.StmtContext reuses a statement already prepared on the
// transaction's connection rather than compiling it again.

// txq runs statements inside tx through the store's kept statements.
// It is a querier, so schedule and the like take it as they take a Tx.
type txq struct {
	s  *Store
	tx *sql.Tx
	// m holds the statements taken into tx so far (a transaction's
	// statements close with it).
	m map[string]*sql.Stmt
}

// in is a txq for one transaction, keeping what it takes.
func (s *Store) in(tx *sql.Tx) *txq {
	return &txq{s: s, tx: tx, m: map[string]*sql.Stmt{}}
}

// PrepareContext is query prepared in the transaction.
func (q *txq) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := q.m[query]; st != nil {
		return st, nil
	}
	kept, err := q.s.wstmts.get(ctx, q.s.db, query)
	if err != nil {
		return nil, err
	}
	st := q.tx.StmtContext(ctx, kept)
	q.m[query] = st
	return st, nil
}

func (q *txq) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := q.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (q *txq) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := q.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (q *txq) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := q.PrepareContext(ctx, query)
	if err != nil {
		// The transaction's own QueryRowContext carries the error.
		return q.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}
