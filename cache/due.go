package cache

import (
	"context"
	"time"
)

// NextDue maps each fetched feed's URL to the time its own hints (ttl,
// Cache-Control max-age, Retry-After, back-off after failures) say it may
// be fetched again; a zero time (or a feed missing from the map) is due
// now. The reader's auto-refresh fetches only the feeds that are due.
func (s *Store) NextDue(ctx context.Context) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, next_due FROM feeds WHERE next_due > 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var u string
		var due int64
		if err := rows.Scan(&u, &due); err != nil {
			return nil, err
		}
		out[u] = time.Unix(due, 0)
	}
	return out, rows.Err()
}
