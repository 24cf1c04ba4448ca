package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsreader/feed"
)

// Per-feed scheduling: after each fetch the feed's next_due is set from
// what the server and the feed said (Cache-Control max-age, RSS <ttl> or
// sy:updatePeriod, Retry-After) or, for a failing feed, an exponential
// back-off. --refresh (unless --force) and the reader's auto-refresh
// fetch only feeds that are due (NextDue, DueSections).

// Back-off and hint limits.
const (
	backoffBase = 5 * time.Minute
	backoffMax  = 6 * time.Hour
	hintMax     = 12 * time.Hour // a feed cannot ask to be left alone longer than this
	// backoffNetMax caps the back-off after errors that may be the
	// reader's own network (no route, no DNS, timeouts), so a laptop back
	// online catches up within half an hour.
	backoffNetMax = 30 * time.Minute
)

func networkish(err error) bool {
	if err == nil {
		return false
	}
	m := strings.ToLower(err.Error())
	for _, w := range []string{"timed out", "timeout", "no such host", "connection refused", "network is unreachable", "no route to host", "connection reset", "dial ", "eof", "temporary failure"} {
		if strings.Contains(m, w) {
			return true
		}
	}
	return false
}

// Schedule records when feed r.URL is next due, from its result.
func (s *Store) Schedule(ctx context.Context, r feed.Result, now time.Time) error {
	return schedule(ctx, s.db, r, now)
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schedule is Schedule on q: Refresh runs it inside its save transaction.
func schedule(ctx context.Context, q querier, r feed.Result, now time.Time) error {
	if errors.Is(r.Err, feed.ErrOffline) {
		return nil // nothing was asked: nothing learnt
	}
	var failures int
	var ttl int64
	err := q.QueryRowContext(ctx, "SELECT failures, ttl FROM feeds WHERE url = ?", movedURL(r)).Scan(&failures, &ttl)
	if err != nil {
		return err // Save has created the row
	}
	switch r.Status {
	case feed.StatusOK: // the body said (or no longer says) how long to wait
		ttl = int64(r.Hints.TTL / time.Second)
	case feed.StatusNotModified: // no body: the last one's ttl still holds
		r.Hints.TTL = max(r.Hints.TTL, time.Duration(ttl)*time.Second)
	}
	due, hint, failures := nextDue(r, failures, now)
	var at int64
	if !due.IsZero() {
		at = due.Unix()
	}
	_, err = q.ExecContext(ctx, "UPDATE feeds SET next_due = ?, failures = ?, hint = ?, ttl = ? WHERE url = ?", at, failures, hint, ttl, movedURL(r))
	return err
}

// nextDue is the scheduling rule: zero time means due at any time.
func nextDue(r feed.Result, failures int, now time.Time) (time.Time, string, int) {
	if r.Status == feed.StatusError {
		failures++
		wait := backoffBase << min(failures-1, 10)
		wait = min(wait, backoffMax)
		if networkish(r.Err) {
			// Maybe our own connection is down, not the feed: never wait long.
			wait = min(wait, backoffNetMax)
		}
		hint := "back-off after 1 failed fetch"
		if failures > 1 {
			hint = fmt.Sprintf("back-off after %d failed fetches", failures)
		}
		if r.Hints.RetryAfter > wait {
			wait = min(r.Hints.RetryAfter, 24*time.Hour)
			hint = "Retry-After " + wait.Round(time.Second).String()
		}
		return now.Add(wait), hint, failures
	}
	h := r.Hints
	wait := min(h.Interval(), hintMax)
	if wait <= 0 {
		return time.Time{}, "", 0
	}
	hint := "ttl " + h.TTL.String()
	if h.MaxAge >= h.TTL {
		hint = "max-age " + h.MaxAge.String()
	}
	return now.Add(wait), hint, 0
}

// DueSections keeps, of each section, the feeds due at now (their ranking
// feed too); sections with nothing due are left out. skipped counts the
// feeds left out.
func DueSections(sections []feed.Section, due map[string]time.Time, now time.Time) (out []feed.Section, skipped int) {
	isDue := func(u string) bool { d := due[u]; return d.IsZero() || !d.After(now) }
	for _, s := range sections {
		keep := s
		keep.Feeds, keep.Ranking = nil, ""
		for _, u := range s.Feeds {
			if isDue(u) {
				keep.Feeds = append(keep.Feeds, u)
			} else {
				skipped++
			}
		}
		if s.Ranking != "" {
			if isDue(s.Ranking) {
				keep.Ranking = s.Ranking
			} else {
				skipped++
			}
		}
		if len(keep.Feeds) > 0 || keep.Ranking != "" {
			out = append(out, keep)
		}
	}
	return out, skipped
}
