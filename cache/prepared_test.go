package cache

import (
	"fmt"
	"testing"
)

// indexRows enters chunks of any size through its kept statements of
// 16, 32, ... 1024 rows: every article is found by its words, and the
// unused rows of a statement enter nothing.
func TestIndexRowsAnyCount(t *testing.T) {
	s := openTemp(t)
	next := int64(1)
	total := 0
	for _, n := range []int{1, 15, 16, 17, 100, 1023, 1024, 1025, 2100} {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		arts := make([]*newArticle, n)
		first := next
		for i := range arts {
			arts[i] = &newArticle{id: next, title: fmt.Sprintf("batch%d", n), text: fmt.Sprintf("word%d", next), author: "Ann", source: "Wire", cat: "Cat"}
			next++
		}
		if err := indexRows(ctx, s.in(tx), arts); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		total += n
		var got int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", fmt.Sprintf("title:batch%d", n)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != n {
			t.Errorf("%d articles entered, %d found by their title", n, got)
		}
		for _, id := range []int64{first, first + int64(n)/2, next - 1} {
			var row int64
			if err := s.db.QueryRowContext(ctx, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", fmt.Sprintf("body:word%d", id)).Scan(&row); err != nil || row != id {
				t.Errorf("batch of %d: word%d found in row %d (%v), want %d", n, id, row, err, id)
			}
		}
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles_fts").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != total {
			t.Fatalf("after a batch of %d the index has %d rows, want %d", n, got, total)
		}
	}
	for _, n := range []int{0, 1, 16, 17, 1024, 1025} {
		if rows := indexRowsFor(max(n, 1)); rows < min(max(n, 1), indexPer) || rows > max(16, 2*n) || rows > indexPer {
			t.Errorf("a chunk of %d takes a statement of %d rows", n, rows)
		}
	}
}

// A save compiles its statements once per store: later transactions
// take the same kept statements rather than compiling them again.
func TestSaveStatementsAreKept(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://a.example/feed", news("A", "a.example", 10, "Harbor cranes idle in strike", "Dock workers walked out on Monday.")), "top")
	kept := func() map[string]any {
		s.wstmts.mu.Lock()
		defer s.wstmts.mu.Unlock()
		m := map[string]any{}
		for q, st := range s.wstmts.m {
			m[q] = st
		}
		return m
	}
	first := kept()
	for _, q := range []string{statements["feed"], statements["insert"], indexStatement(16), "UPDATE articles SET story = ?, outlet = ? WHERE id = ?"} {
		if first[q] == nil {
			t.Errorf("not kept after a save: %.60q", q)
		}
	}
	mustSave(t, s, ok("https://b.example/feed", news("B", "b.example", 5, "Rail fares to rise in spring", "Fares go up by 3% in March."),
		news("B", "b.example", 6, "Dock strike ends after two days", "Dock workers returned on Wednesday.")), "top")
	second := kept()
	for q, st := range first {
		if second[q] != st {
			t.Errorf("compiled again by a later save: %.60q", q)
		}
	}
	if len(second) > 48 {
		t.Errorf("%d statements kept: the cache (at most %d) would start over", len(second), maxStmts)
	}
	if hits, _, err := s.Search(ctx, "", "fares", 0, 10); err != nil || len(hits) != 1 {
		t.Errorf("search after the second save: %d hits, %v", len(hits), err)
	}
}

// segments is the number of segments in the full-text index.
func segments(t *testing.T, q querier) int {
	t.Helper()
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(DISTINCT segid) FROM articles_fts_idx").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The index's terms are written out before the saver waits for the
// placer (flushIndex), still as one segment per save transaction, and a
// flush with nothing pending writes none.
func TestIndexFlushesOnceBeforeStories(t *testing.T) {
	s := openTemp(t)
	before := segments(t, s.db)
	mustSave(t, s, ok("https://a.example/feed", news("A", "a.example", 10, "Harbor cranes idle in strike", "Dock workers walked out on Monday."),
		news("A", "a.example", 12, "Ferry timetable changes", "Winter sailings start next week.")), "top")
	if got := segments(t, s.db) - before; got != 1 {
		t.Errorf("one save wrote %d segments, want 1", got)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := s.in(tx)
	if err := flushIndex(ctx, q); err != nil {
		t.Fatal(err)
	}
	if err := indexRows(ctx, q, []*newArticle{{id: 1000, title: "Lighthouse", text: "keepers"}}); err != nil {
		t.Fatal(err)
	}
	n := segments(t, tx) // nothing written out yet
	if err := flushIndex(ctx, q); err != nil {
		t.Fatal(err)
	}
	if got := segments(t, tx); got != n+1 {
		t.Errorf("a flush with one row pending: %d segments after, want %d", got, n+1)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := segments(t, s.db); got != n+1 {
		t.Errorf("the commit after the flush wrote %d more segments, want none", got-n-1)
	}
	if hits, _, err := s.Search(ctx, "", "cranes", 0, 10); err != nil || len(hits) != 1 {
		t.Errorf("search: %d hits, %v", len(hits), err)
	}
}
