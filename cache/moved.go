package cache

import (
	"context"
	"database/sql"
	"errors"

	"newsreader/feed"
)

// A feed that answers at a new address after permanent redirects (301,
// 308: feed.Result.MovedTo) is asked there from the next refresh on: its
// row in feeds, its subscriptions and a section's ranking feed take the
// new address in the transaction that saves the fetch, so its articles,
// their reading state and its sections stay as they were. feed_moves
// remembers the old address, so the config's (which still names it, in
// feeds, ranking or full_text_feeds) means the feed at its new one.

// currentURL is where the feed once at u now is: u unless it moved.
func currentURL(ctx context.Context, q querier, u string) string {
	var to string
	if err := q.QueryRowContext(ctx, "SELECT new FROM feed_moves WHERE old = ?", u).Scan(&to); err != nil || to == "" {
		return u
	}
	return to
}

// movedURL is the address a result was saved under: its new one when it
// moved, else the one asked.
func movedURL(r feed.Result) string {
	if r.MovedTo != "" && r.Status != feed.StatusError {
		return r.MovedTo
	}
	return r.URL
}

// moveFeed gives the feed at from the address to, in tx. If a feed is
// already stored at to (subscribed to under both), the two become one:
// from's articles join it. A section listing both keeps one.
func moveFeed(ctx context.Context, tx *sql.Tx, from, to string, now int64) error {
	if from == to || to == "" {
		return nil
	}
	var fromID, toID int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM feeds WHERE url = ?", from).Scan(&fromID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	err = tx.QueryRowContext(ctx, "SELECT id FROM feeds WHERE url = ?", to).Scan(&toID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	switch {
	case fromID != 0 && toID == 0:
		_, err = tx.ExecContext(ctx, "UPDATE feeds SET url = ? WHERE id = ?", to, fromID)
	case fromID != 0:
		if _, err = tx.ExecContext(ctx, "UPDATE articles SET feed_id = ? WHERE feed_id = ?", toID, fromID); err == nil {
			_, err = tx.ExecContext(ctx, "DELETE FROM feeds WHERE id = ?", fromID)
		}
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	// An address the feed was moved to (a server giving a new one at
	// every fetch) is no address anyone subscribed to: the moves to it
	// now lead on, and it gets no row of its own, so feed_moves keeps
	// one row per address subscribed, not one per address ever given.
	var passing bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM feed_moves WHERE new = ?)", from).Scan(&passing); err != nil {
		return err
	}
	record := `INSERT INTO feed_moves(old, new, moved_at) VALUES(?1, ?2, ?3)
ON CONFLICT(old) DO UPDATE SET new = excluded.new, moved_at = excluded.moved_at`
	if passing {
		record = "UPDATE feed_moves SET new = ?2, moved_at = ?3 WHERE old = ?1"
	}
	for _, st := range []struct {
		q    string
		args []any
	}{
		// An item known only by a guid of its own ("1234") has the ID
		// feed address#guid (see feed.Parse), which the feed's items now
		// get with the new address: the stored ones and the marks of
		// pruned ones follow, so none comes back as a new unread article.
		{`UPDATE OR IGNORE articles SET uid = ?2 || substr(uid, length(?1) + 1)
WHERE feed_id IN (SELECT id FROM feeds WHERE url = ?2) AND substr(uid, 1, length(?1) + 1) = ?1 || '#'`, []any{from, to}},
		{`UPDATE OR IGNORE pruned_ids SET uid = ?2 || substr(uid, length(?1) + 1) WHERE substr(uid, 1, length(?1) + 1) = ?1 || '#'`, []any{from, to}},
		// A section that lists both keeps its row of the new address.
		{"UPDATE OR IGNORE subscriptions SET url = ?2 WHERE url = ?1", []any{from, to}},
		{"DELETE FROM subscriptions WHERE url = ?", []any{from}},
		{"UPDATE sections SET ranking = ?2 WHERE ranking = ?1", []any{from, to}},
		// Earlier moves to the old address now lead to the new one.
		{"UPDATE feed_moves SET new = ?2 WHERE new = ?1", []any{from, to}},
		{record, []any{from, to, now}},
		// A feed that moves back is where it was.
		{"DELETE FROM feed_moves WHERE old = new", nil},
	} {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return err
		}
	}
	return nil
}
