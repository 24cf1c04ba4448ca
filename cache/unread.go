package cache

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// AdjacentUnread finds the unread article nearest to article from in a
// section's newest-first order: the next one down (older) when forward,
// else the next one up. from = 0 starts above the first row (forward) or
// below the last (backward). It returns the article and its index in the
// section, or index -1 when there is none that way. It reads the whole
// section, not only the rows the UI has loaded.
func (s *Store) AdjacentUnread(ctx context.Context, section string, from int64, forward bool) (Article, int, error) {
	sec := strings.ToLower(section)
	q := `SELECT article_id FROM article_sections WHERE section = ?1 AND read = 0`
	var args []any
	args = append(args, sec)
	if from != 0 {
		var pub int64
		err := s.db.QueryRowContext(ctx, "SELECT published FROM article_sections WHERE section = ? AND article_id = ?", sec, from).Scan(&pub)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			from = 0 // not in this section: start from the end
		case err != nil:
			return Article{}, -1, err
		default:
			args = append(args, pub, from)
			if forward {
				q += ` AND (published < ?2 OR (published = ?2 AND article_id < ?3))`
			} else {
				q += ` AND (published > ?2 OR (published = ?2 AND article_id > ?3))`
			}
		}
	}
	if forward {
		q += ` ORDER BY published DESC, article_id DESC LIMIT 1`
	} else {
		q += ` ORDER BY published ASC, article_id ASC LIMIT 1`
	}
	var id int64
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, -1, nil
	}
	if err != nil {
		return Article{}, -1, err
	}
	a, err := scanArticle(s.db.QueryRowContext(ctx, "SELECT "+listColumns+" FROM articles a WHERE a.id = ?", id), false)
	if err != nil {
		return Article{}, -1, err
	}
	idx, err := s.IndexOf(ctx, section, id)
	return a, idx, err
}
