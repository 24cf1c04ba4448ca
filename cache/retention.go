package cache

import (
	"context"
	"fmt"
	"os"
	"time"

	"newsreader/feed"
)

// Retention: articles older than keep_days (by publication and by when
// they were first fetched) are deleted after each refresh and by --prune;
// starred articles never are, and neither is any article younger than the
// limit, read or not. Deletion runs in bounded transactions (pruneBatch
// articles each) so readers and the refresh are never held up for long.
// Everything hanging off an article goes with it: section membership and
// counts (triggers), rankings and full text (ON DELETE CASCADE), the sync
// outbox (its trigger) and the story and search-index rows (their own
// cascades and triggers).
// A pruned article's ID is remembered (pruned_ids) so that a feed still
// listing it cannot bring it back as unread: it comes back read.

const pruneBatch = 2000

// SetRetention sets keep_days for the prune that follows each Refresh (0,
// the default for a Store, keeps everything).
func (s *Store) SetRetention(days int) { s.keepDays = days }

// PruneResult says what a prune removed.
type PruneResult struct {
	Articles    int           // articles deleted
	KeptStarred int           // old articles kept because they are starred
	FreedBytes  int64         // bytes of the file now free for reuse
	Took        time.Duration // time spent
}

// Prune deletes articles older than keepDays days, except starred ones,
// in transactions of pruneBatch articles.
func (s *Store) Prune(ctx context.Context, keepDays int, now time.Time) (PruneResult, error) {
	start := time.Now()
	var r PruneResult
	if keepDays <= 0 {
		return r, nil
	}
	cutoff := now.AddDate(0, 0, -keepDays).Unix()
	freeBefore, _ := s.freeBytes(ctx)
	for {
		n, err := s.pruneOnce(ctx, cutoff)
		if err != nil {
			return r, err
		}
		r.Articles += n
		if n < pruneBatch {
			break
		}
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE starred = 1 AND published < ?1 AND fetched_at < ?1", cutoff).Scan(&r.KeptStarred); err != nil {
		return r, err
	}
	// Tombstones outlive their articles for a while, then go too.
	if _, err := s.db.ExecContext(ctx, "DELETE FROM pruned_ids WHERE pruned_at < ?", now.AddDate(0, 0, -4*keepDays).Unix()); err != nil {
		return r, err
	}
	freeAfter, _ := s.freeBytes(ctx)
	r.FreedBytes = max(freeAfter-freeBefore, 0)
	r.Took = time.Since(start)
	return r, nil
}

func (s *Store) pruneOnce(ctx context.Context, cutoff int64) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id FROM articles INDEXED BY articles_published
WHERE published < ?1 AND fetched_at < ?1 AND starred = 0 LIMIT ?2`, cutoff, pruneBatch)
	if err != nil {
		return 0, err
	}
	found, err := scanIDs(rows)
	if err != nil || len(found) == 0 {
		return 0, err
	}
	ids := make([]any, len(found))
	for i, id := range found {
		ids[i] = id
	}
	in := "(" + placeholders(len(ids)) + ")"
	now := time.Now().Unix()
	if _, err := tx.ExecContext(ctx, `INSERT INTO pruned_ids(uid, pruned_at) SELECT uid, `+fmt.Sprint(now)+` FROM articles WHERE id IN `+in+`
ON CONFLICT(uid) DO UPDATE SET pruned_at = excluded.pruned_at`, ids...); err != nil {
		return 0, err
	}
	// The stories the pruned articles belonged to: recounted below.
	if _, err := tx.ExecContext(ctx, "CREATE TEMP TABLE IF NOT EXISTS prune_stories(id INTEGER PRIMARY KEY)"); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO prune_stories SELECT story FROM articles WHERE id IN "+in+" AND story != 0", ids...); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, "DELETE FROM articles WHERE id IN "+in, ids...)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	for _, q := range []string{
		`UPDATE stories SET articles = (SELECT count(*) FROM articles WHERE story = stories.id),
	outlets = max((SELECT count(DISTINCT outlet) FROM articles WHERE story = stories.id), 1),
	first = coalesce((SELECT min(published) FROM articles WHERE story = stories.id), first),
	last = coalesce((SELECT max(published) FROM articles WHERE story = stories.id), last)
WHERE id IN (SELECT id FROM prune_stories)`,
		"DELETE FROM stories WHERE id IN (SELECT id FROM prune_stories) AND articles = 0",
		"DELETE FROM prune_stories",
		// the story assigner reloads its memory when gen moves
		"UPDATE discover_meta SET value = value + 1 WHERE key = 'gen'",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	return int(n), tx.Commit()
}

func (s *Store) freeBytes(ctx context.Context) (int64, error) {
	var free, size int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA freelist_count").Scan(&free); err != nil {
		return 0, err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&size); err != nil {
		return 0, err
	}
	return free * size, nil
}

// FileSize is the cache's size on disk (the database and its WAL).
func (s *Store) FileSize() int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// Compact checkpoints the WAL and rebuilds the file without its free
// pages (VACUUM), returning the size before and after.
func (s *Store) Compact(ctx context.Context) (before, after int64, err error) {
	before = s.FileSize()
	if _, err = s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return before, before, err
	}
	if _, err = s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return before, s.FileSize(), err
	}
	return before, s.FileSize(), nil
}

// afterRefresh runs what follows every refresh: full text for new
// articles that ask for it, then retention.
func (s *Store) afterRefresh(ctx context.Context, f *feed.Fetcher, sections []feed.Section, start time.Time) (fullTexts, pruned int) {
	if ctx.Err() != nil {
		return 0, 0
	}
	fullTexts, _ = s.FetchNewFullTexts(ctx, f, sections, start.Add(-FullTextWindow), FullTextBudget)
	if s.keepDays > 0 {
		if r, err := s.Prune(ctx, s.keepDays, time.Now()); err == nil {
			pruned = r.Articles
		}
	}
	return fullTexts, pruned
}
