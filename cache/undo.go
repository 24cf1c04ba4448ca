package cache

import (
	"context"
	"strings"
	"time"
)

// MarkSectionReadIDs is MarkSectionRead that also returns the articles it
// changed, so that the change can be undone with SetReadMany(ids, false).
// One statement: nothing marked in between is reported or missed.
func (s *Store) MarkSectionReadIDs(ctx context.Context, section string) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `
UPDATE articles SET read = 1, read_at = ? WHERE read = 0 AND id IN (SELECT article_id FROM article_sections WHERE section = ?)
RETURNING id`, time.Now().Unix(), strings.ToLower(section))
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// SetReadMany is SetRead for many articles, in one transaction.
func (s *Store) SetReadMany(ctx context.Context, ids []int64, read bool) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var at int64
	if read {
		at = time.Now().Unix()
	}
	stmt, err := tx.PrepareContext(ctx, "UPDATE articles SET read = ?, read_at = CASE WHEN ? THEN ? ELSE read_at END WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, read, read, at, id); err != nil {
			return err
		}
	}
	return tx.Commit()
}
