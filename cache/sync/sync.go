// Package sync keeps the cache's reading state (read, starred) the same as
// a sync server's, both ways, and reconciles subscriptions.
//
// Local changes reach the outbox through SQL triggers on articles, in the
// same transaction as the change (cache/schema.go, migration 2), so every
// writer of reading state is covered. A sync pulls the server's changes
// first, resolving each conflict to the later change, then pushes what is
// left in the outbox; an outbox row is deleted only once the server has
// acknowledged it, and only if it did not change meanwhile. Remote changes
// and the pull cursor are written in one transaction. So nothing is lost
// when the server goes away or the process dies mid-sync: the next sync
// picks up where this one stopped.
package sync

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/remote"
)

// Options tune one sync.
type Options struct {
	// Identity names the server account (kind, URL, user); when it differs
	// from the last sync's, what was known of the old server is forgotten
	// (local changes not yet pushed are kept).
	Identity string
	// FromServer caches the server's entries as articles (source = "server").
	FromServer bool
	// Subscriptions: "offer" (default) reports feeds only one side has;
	// "add" subscribes each side to the other's; "off" skips.
	Subscriptions string
	// Local lists the local subscriptions (feed URL and section key and title).
	Local []Subscription
	// Subscribe adds a remote feed locally (nil: only offered).
	Subscribe func(ctx context.Context, section, title, url string) error
	// Secrets never appear in errors (nor in the recorded last error).
	Secrets []string
}

// Error is a failed sync, its text free of secrets and control characters.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

// Subscription is a local feed and the section it is in.
type Subscription struct {
	URL, Section, SectionTitle string
}

// Counts are state changes by kind.
type Counts struct{ Read, Unread, Starred, Unstarred int }

// Total is the number of changes.
func (c Counts) Total() int { return c.Read + c.Unread + c.Starred + c.Unstarred }

func (c *Counts) add(f remote.Field, on bool) {
	switch {
	case f == remote.Read && on:
		c.Read++
	case f == remote.Read:
		c.Unread++
	case on:
		c.Starred++
	default:
		c.Unstarred++
	}
}

// Report says what moved each way.
type Report struct {
	Pushed   Counts // local changes the server acknowledged
	Pulled   Counts // server changes applied locally
	Waiting  int    // local changes whose article the server has not got (yet)
	Seen     int    // remote entries the pull returned
	Matched  int    // remote entries newly matched to cached articles
	Cached   int    // entries added to the cache from the server (source = "server")
	Offered  []remote.Feed
	Added    []string // remote feeds subscribed to locally
	PushedUp []string // local feeds subscribed to on the server
	Took     time.Duration
}

// Status is what the status line shows.
type Status struct {
	LastOK  time.Time
	LastErr string
	Pending int // local changes not yet acknowledged
}

// Meta keys.
const (
	keyCursor   = "cursor"
	keyIdentity = "identity"
	keyLastOK   = "last_ok"
	keyLastErr  = "last_error"
)

// ReadStatus returns the last sync's outcome and how many local changes wait.
func ReadStatus(ctx context.Context, store *cache.Store) (Status, error) {
	db := store.DB()
	var st Status
	var ok, msg string
	err := db.QueryRowContext(ctx, `SELECT
	coalesce((SELECT value FROM sync_meta WHERE key = ?), ''),
	coalesce((SELECT value FROM sync_meta WHERE key = ?), ''),
	(SELECT count(*) FROM sync_outbox)`, keyLastOK, keyLastErr).Scan(&ok, &msg, &st.Pending)
	if err != nil {
		return st, err
	}
	if n, err := strconv.ParseInt(ok, 10, 64); err == nil && n > 0 {
		st.LastOK = time.Unix(n, 0)
	}
	st.LastErr = msg
	return st, nil
}

// Run syncs once. On failure it records the error for the status line and
// returns it; whatever was done before the failure stays done.
func Run(ctx context.Context, store *cache.Store, srv remote.Server, opt Options) (Report, error) {
	start := time.Now()
	rep, err := run(ctx, store, srv, opt, start)
	rep.Took = time.Since(start)
	db := store.DB()
	if err != nil {
		e := &Error{msg: redact(err.Error(), opt.Secrets)}
		setMeta(context.WithoutCancel(ctx), db, keyLastErr, e.msg)
		return rep, e
	}
	setMeta(ctx, db, keyLastErr, "")
	setMeta(ctx, db, keyLastOK, strconv.FormatInt(time.Now().Unix(), 10))
	return rep, nil
}

func setMeta(ctx context.Context, db *sql.DB, k, v string) {
	db.ExecContext(ctx, "INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", k, v)
}

func getMeta(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, k string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM sync_meta WHERE key = ?", k).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

func run(ctx context.Context, store *cache.Store, srv remote.Server, opt Options, start time.Time) (Report, error) {
	var rep Report
	db := store.DB()
	if err := forgetOtherServer(ctx, db, opt.Identity); err != nil {
		return rep, err
	}
	cur, err := getMeta(ctx, db, keyCursor)
	if err != nil {
		return rep, err
	}
	cursor, _ := strconv.ParseInt(cur, 10, 64)
	known, err := knownStates(ctx, db)
	if err != nil {
		return rep, err
	}
	entries, next, err := srv.Changes(ctx, cursor, known)
	if err != nil {
		return rep, fmt.Errorf("pull: %w", err)
	}
	for _, e := range entries {
		if !e.Gone {
			rep.Seen++
		}
	}
	if opt.FromServer {
		if rep.Cached, err = cacheEntries(ctx, store, entries); err != nil {
			return rep, err
		}
	}
	if err := apply(ctx, db, entries, next, &rep); err != nil {
		return rep, err
	}
	if err := push(ctx, db, srv, &rep); err != nil {
		return rep, fmt.Errorf("push: %w", err)
	}
	if opt.Subscriptions != "off" {
		moves, err := feedMoves(ctx, db)
		if err != nil {
			return rep, fmt.Errorf("subscriptions: %w", err)
		}
		if err := reconcile(ctx, srv, opt, moves, &rep); err != nil {
			return rep, fmt.Errorf("subscriptions: %w", err)
		}
	}
	return rep, nil
}

// forgetOtherServer drops what was known of a previous server account.
func forgetOtherServer(ctx context.Context, db *sql.DB, identity string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	old, err := getMeta(ctx, tx, keyIdentity)
	if err != nil || old == identity {
		return err
	}
	for _, q := range []string{
		"DELETE FROM sync_remote",
		"DELETE FROM sync_meta WHERE key = 'cursor'",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", keyIdentity, identity); err != nil {
		return err
	}
	return tx.Commit()
}

func knownStates(ctx context.Context, db *sql.DB) (map[string]remote.State, error) {
	rows, err := db.QueryContext(ctx, "SELECT remote_id, read, starred FROM sync_remote")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]remote.State{}
	for rows.Next() {
		var id string
		var st remote.State
		if err := rows.Scan(&id, &st.Read, &st.Starred); err != nil {
			return nil, err
		}
		m[id] = st
	}
	return m, rows.Err()
}

// hashes maps Miniflux-style entry hashes to a feed's cached articles. An
// article's uid is its GUID (prefixed with the feed URL and "#" when the
// GUID is not globally unique), else its link.
type hashes struct {
	byFeed map[string]map[string]int64
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func (h *hashes) lookup(ctx context.Context, tx *sql.Tx, feedURL, hash string) (int64, error) {
	if feedURL == "" || hash == "" {
		return 0, nil
	}
	m, ok := h.byFeed[feedURL]
	if !ok {
		m = map[string]int64{}
		// The server may know the feed at an address it has since moved
		// from (feed_moves): its articles, and their IDs, are the new one's.
		rows, err := tx.QueryContext(ctx, `SELECT a.id, a.uid, f.url FROM articles a JOIN feeds f ON f.id = a.feed_id
WHERE f.url = ?1 OR f.url = (SELECT new FROM feed_moves WHERE old = ?1)`, feedURL)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var id int64
			var uid, at string
			if err := rows.Scan(&id, &uid, &at); err != nil {
				rows.Close()
				return 0, err
			}
			m[sha(uid)] = id
			if guid, ok := strings.CutPrefix(uid, at+"#"); ok {
				m[sha(guid)] = id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
		h.byFeed[feedURL] = m
	}
	return m[hash], nil
}

type prior struct {
	known         bool
	read, starred bool
	article       sql.NullInt64
}

// apply records the pulled entries, matches them to cached articles and
// applies the server's changes that win, in one transaction with the new
// cursor. The outbox triggers are off inside it.
func apply(ctx context.Context, db *sql.DB, entries []remote.Entry, next int64, rep *Report) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE sync_flags SET applying = 1"); err != nil {
		return err
	}
	getPrior, err := tx.PrepareContext(ctx, "SELECT read, starred, article_id FROM sync_remote WHERE remote_id = ?")
	if err != nil {
		return err
	}
	defer getPrior.Close()
	upsert, err := tx.PrepareContext(ctx, `
INSERT INTO sync_remote(remote_id, feed_url, hash, link, read, starred, changed_at, article_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT(remote_id) DO UPDATE SET feed_url = ?2, hash = ?3, link = ?4, read = ?5, starred = ?6, changed_at = ?7, article_id = ?8`)
	if err != nil {
		return err
	}
	defer upsert.Close()
	m := &matcher{h: &hashes{byFeed: map[string]map[string]int64{}}}
	if err := m.prepare(ctx, tx); err != nil {
		return err
	}
	defer m.close()

	for _, e := range entries {
		if e.Gone {
			if _, err := tx.ExecContext(ctx, "DELETE FROM sync_remote WHERE remote_id = ?", e.ID); err != nil {
				return err
			}
			continue
		}
		var p prior
		err := getPrior.QueryRowContext(ctx, e.ID).Scan(&p.read, &p.starred, &p.article)
		switch {
		case err == nil:
			p.known = true
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		art := p.article
		if !art.Valid {
			id, err := m.match(ctx, tx, e.FeedURL, e.Hash, e.Link)
			if err != nil {
				return err
			}
			if id != 0 {
				art = sql.NullInt64{Int64: id, Valid: true}
				rep.Matched++
			}
		}
		if _, err := upsert.ExecContext(ctx, e.ID, e.FeedURL, e.Hash, e.Link, e.Read, e.Starred, e.Changed.UnixMilli(), art); err != nil {
			return err
		}
		if !art.Valid {
			continue
		}
		changed := func(f remote.Field) bool {
			if f == remote.Read {
				return p.known && p.read != e.Read || !p.known && e.Read
			}
			return p.known && p.starred != e.Starred || !p.known && e.Starred
		}
		if err := m.settle(ctx, tx, art.Int64, e.Read, e.Starred, changed(remote.Read), changed(remote.Starred), e.Changed, rep); err != nil {
			return err
		}
	}
	// Entries pulled before their article was cached match now.
	if err := matchWaiting(ctx, tx, m, rep); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", keyCursor, strconv.FormatInt(next, 10)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE sync_flags SET applying = 0"); err != nil {
		return err
	}
	return tx.Commit()
}

type matcher struct {
	h      *hashes
	byLink *sql.Stmt
	quick  *sql.Stmt
}

func (m *matcher) prepare(ctx context.Context, tx *sql.Tx) error {
	var err error
	m.byLink, err = tx.PrepareContext(ctx, "SELECT id FROM articles WHERE link = ? AND link != '' ORDER BY id LIMIT 1")
	if err != nil {
		return err
	}
	m.quick, err = tx.PrepareContext(ctx, "SELECT read, starred, EXISTS (SELECT 1 FROM sync_outbox WHERE article_id = ?1) FROM articles WHERE id = ?1")
	return err
}

func (m *matcher) close() {
	for _, st := range []*sql.Stmt{m.byLink, m.quick} {
		if st != nil {
			st.Close()
		}
	}
}

// settle resolves both fields of an article against the server's state;
// the common case, both sides agreeing with nothing pending, costs one
// query.
func (m *matcher) settle(ctx context.Context, tx *sql.Tx, article int64, read, starred, readChanged, starChanged bool, at time.Time, rep *Report) error {
	var lr, ls, pending bool
	err := m.quick.QueryRowContext(ctx, article).Scan(&lr, &ls, &pending)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if lr == read && ls == starred && !pending {
		return nil
	}
	if err := resolve(ctx, tx, article, remote.Read, read, readChanged, at, rep); err != nil {
		return err
	}
	return resolve(ctx, tx, article, remote.Starred, starred, starChanged, at, rep)
}

// match finds the cached article of a remote entry: by feed URL and GUID
// hash, else by link.
func (m *matcher) match(ctx context.Context, tx *sql.Tx, feedURL, hash, link string) (int64, error) {
	id, err := m.h.lookup(ctx, tx, feedURL, hash)
	if err != nil || id != 0 {
		return id, err
	}
	if link == "" {
		return 0, nil
	}
	err = m.byLink.QueryRowContext(ctx, link).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// matchWaiting matches remote entries seen before their article was cached
// and applies their state unless a later local change says otherwise.
func matchWaiting(ctx context.Context, tx *sql.Tx, m *matcher, rep *Report) error {
	rows, err := tx.QueryContext(ctx, `
SELECT r.remote_id, r.feed_url, r.hash, r.link, r.read, r.starred, r.changed_at FROM sync_remote r
WHERE r.article_id IS NULL AND (
	EXISTS (SELECT 1 FROM articles a WHERE a.link = r.link AND r.link != '') OR
	EXISTS (SELECT 1 FROM feeds f WHERE f.url = r.feed_url) OR
	EXISTS (SELECT 1 FROM feed_moves m JOIN feeds f ON f.url = m.new WHERE m.old = r.feed_url))`)
	if err != nil {
		return err
	}
	type waiting struct {
		id, feed, hash, link string
		read, starred        bool
		changed              int64
	}
	var ws []waiting
	for rows.Next() {
		var w waiting
		if err := rows.Scan(&w.id, &w.feed, &w.hash, &w.link, &w.read, &w.starred, &w.changed); err != nil {
			rows.Close()
			return err
		}
		ws = append(ws, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, w := range ws {
		art, err := m.match(ctx, tx, w.feed, w.hash, w.link)
		if err != nil {
			return err
		}
		if art == 0 {
			continue
		}
		rep.Matched++
		if _, err := tx.ExecContext(ctx, "UPDATE sync_remote SET article_id = ? WHERE remote_id = ?", art, w.id); err != nil {
			return err
		}
		at := time.UnixMilli(w.changed)
		if err := m.settle(ctx, tx, art, w.read, w.starred, w.read, w.starred, at, rep); err != nil {
			return err
		}
	}
	return nil
}

// resolve settles one field of one article against the server's value.
// remoteChanged says the server's value is news (it differs from what the
// server said last time, or is not the default for a new entry). The
// later change wins; a local change with no remote news always wins.
func resolve(ctx context.Context, tx *sql.Tx, article int64, f remote.Field, value, remoteChanged bool, changedAt time.Time, rep *Report) error {
	col := string(f)
	var local bool
	err := tx.QueryRowContext(ctx, "SELECT "+col+" FROM articles WHERE id = ?", article).Scan(&local)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var pendingAt int64
	pending := true
	err = tx.QueryRowContext(ctx, "SELECT at FROM sync_outbox WHERE article_id = ? AND field = ?", article, col).Scan(&pendingAt)
	if errors.Is(err, sql.ErrNoRows) {
		pending = false
	} else if err != nil {
		return err
	}
	if local == value {
		if pending { // both sides agree: nothing to push
			_, err = tx.ExecContext(ctx, "DELETE FROM sync_outbox WHERE article_id = ? AND field = ?", article, col)
			return err
		}
		return nil
	}
	if pending && (!remoteChanged || changedAt.UnixMilli() <= pendingAt) {
		return nil // the local change is later: it will be pushed
	}
	// Otherwise the server's value wins: it is later, or the local state
	// differs with no record of changing.
	if f == remote.Read {
		var at int64
		if value {
			at = changedAt.Unix()
			if at <= 0 {
				at = time.Now().Unix()
			}
		}
		_, err = tx.ExecContext(ctx, "UPDATE articles SET read = ?, read_at = CASE WHEN ? THEN ? ELSE read_at END WHERE id = ?", value, value, at, article)
	} else {
		_, err = tx.ExecContext(ctx, "UPDATE articles SET starred = ? WHERE id = ?", value, article)
	}
	if err != nil {
		return err
	}
	if pending {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sync_outbox WHERE article_id = ? AND field = ?", article, col); err != nil {
			return err
		}
	}
	rep.Pulled.add(f, value)
	return nil
}

type change struct {
	article int64
	field   remote.Field
	value   bool
	seq     int64
	remote  string
}

// push sends the outbox to the server, a group at a time, deleting each
// group's rows once acknowledged (unless they changed meanwhile).
func push(ctx context.Context, db *sql.DB, srv remote.Server, rep *Report) error {
	rows, err := db.QueryContext(ctx, `
SELECT o.article_id, o.field, o.value, o.seq, coalesce((SELECT r.remote_id FROM sync_remote r WHERE r.article_id = o.article_id ORDER BY r.remote_id LIMIT 1), '')
FROM sync_outbox o ORDER BY o.seq`)
	if err != nil {
		return err
	}
	groups := map[string][]change{}
	var order []string
	for rows.Next() {
		var c change
		var f string
		if err := rows.Scan(&c.article, &f, &c.value, &c.seq, &c.remote); err != nil {
			rows.Close()
			return err
		}
		c.field = remote.Field(f)
		if c.remote == "" {
			rep.Waiting++
			continue
		}
		k := f + strconv.FormatBool(c.value)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	const chunk = 1000
	for _, k := range order {
		g := groups[k]
		for len(g) > 0 {
			part := g[:min(chunk, len(g))]
			g = g[len(part):]
			ids := make([]string, len(part))
			for i, c := range part {
				ids[i] = c.remote
			}
			if err := srv.Mark(ctx, ids, part[0].field, part[0].value); err != nil {
				return err
			}
			if err := acknowledge(ctx, db, part); err != nil {
				return err
			}
			for _, c := range part {
				rep.Pushed.add(c.field, c.value)
			}
		}
	}
	return nil
}

func acknowledge(ctx context.Context, db *sql.DB, part []change) error {
	// The server has these changes even if we are cancelled now.
	ctx = context.WithoutCancel(ctx)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().UnixMilli()
	for _, c := range part {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sync_outbox WHERE article_id = ? AND field = ? AND seq = ?", c.article, string(c.field), c.seq); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sync_remote SET "+string(c.field)+" = ?, changed_at = ? WHERE remote_id = ?", c.value, now, c.remote); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// reconcile compares subscriptions: remote feeds missing locally are
// offered (or added into the section named after their category), local
// feeds missing remotely are offered (or subscribed to, under their
// section's title).
//
// A feed that moved here (a permanent redirect, moves: old address to
// new) is one feed with the server's at its old address, as the server
// may still have it: neither side is subscribed to it again.
func reconcile(ctx context.Context, srv remote.Server, opt Options, moves map[string]string, rep *Report) error {
	feeds, err := srv.Feeds(ctx)
	if err != nil {
		return err
	}
	local := map[string]bool{}
	for _, s := range opt.Local {
		local[normURL(s.URL)] = true
	}
	for old, moved := range moves {
		if local[normURL(moved)] {
			local[normURL(old)] = true
		}
	}
	remoteURLs := map[string]bool{}
	for _, f := range feeds {
		remoteURLs[normURL(f.URL)] = true
		if local[normURL(f.URL)] {
			continue
		}
		if opt.Subscriptions == "add" && opt.Subscribe != nil {
			cat := f.Category
			if cat == "" {
				cat = "All"
			}
			if err := opt.Subscribe(ctx, SectionKey(cat), feed.Line(cat), f.URL); err != nil {
				return err
			}
			rep.Added = append(rep.Added, f.URL)
			continue
		}
		rep.Offered = append(rep.Offered, f)
	}
	if opt.Subscriptions != "add" {
		return nil
	}
	for old, moved := range moves {
		if remoteURLs[normURL(old)] {
			remoteURLs[normURL(moved)] = true
		}
	}
	for _, s := range opt.Local {
		if remoteURLs[normURL(s.URL)] || slices.Contains(rep.PushedUp, s.URL) {
			continue
		}
		title := s.SectionTitle
		if title == "" {
			title = s.Section
		}
		if err := srv.Subscribe(ctx, s.URL, title); err != nil {
			return err
		}
		rep.PushedUp = append(rep.PushedUp, s.URL)
	}
	return nil
}

// feedMoves is the cache's record of feeds that moved: old address to new
// (see cache/moved.go).
func feedMoves(ctx context.Context, db *sql.DB) (map[string]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT old, new FROM feed_moves")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	moves := map[string]string{}
	for rows.Next() {
		var old, moved string
		if err := rows.Scan(&old, &moved); err != nil {
			return nil, err
		}
		moves[old] = moved
	}
	return moves, rows.Err()
}

// SectionKey turns a category title into a section key: feed.SectionKey,
// as an OPML folder of that name gets, so a folder synced and imported is
// one section; "all" when the title has no letter or digit.
func SectionKey(category string) string {
	if k := feed.SectionKey(feed.Line(category)); k != "" {
		return k
	}
	return "all"
}

func normURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return u
	}
	p.Scheme = strings.ToLower(p.Scheme)
	p.Host = strings.ToLower(p.Host)
	return p.String()
}

// cacheEntries stores server entries that match no cached article as
// articles of their feed, in the section named after their category.
func cacheEntries(ctx context.Context, store *cache.Store, entries []remote.Entry) (int, error) {
	byFeed := map[string][]remote.Entry{}
	var order []string
	for _, e := range entries {
		if e.FeedURL == "" || e.Gone {
			continue
		}
		if _, ok := byFeed[e.FeedURL]; !ok {
			order = append(order, e.FeedURL)
		}
		byFeed[e.FeedURL] = append(byFeed[e.FeedURL], e)
	}
	n := 0
	for _, u := range order {
		es := byFeed[u]
		res := feed.Result{URL: u, Status: feed.StatusOK, Title: feed.Line(es[0].FeedTitle)}
		for _, e := range es {
			link := feed.Link(e.Link)
			uid := link
			if uid == "" {
				uid = "remote:" + e.Hash
				if e.Hash == "" {
					uid = "remote:" + u + "#" + e.ID
				}
			}
			pub := e.Published
			if pub.IsZero() {
				pub = time.Now()
			}
			res.Articles = append(res.Articles, feed.Article{
				ID: uid, FeedURL: u, Source: res.Title, Title: feed.Line(e.Title), Link: link,
				Author: feed.Line(e.Author), Published: pub, Updated: pub, Content: feed.HTML(e.Content),
			})
		}
		sec, err := store.SectionFor(ctx, SectionKey(es[0].Category), feed.Line(es[0].Category)) // a section held under an older key, or titled alike
		if err != nil {
			return n, err
		}
		if err := store.Save(ctx, res, cache.Membership{Sections: []string{sec}}); err != nil {
			return n, err
		}
		n += len(res.Articles)
	}
	return n, nil
}
