package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"newsreader/cache/stories"
	"newsreader/feed"
)

// Validators returns what the cache knows of each URL's last fetch as
// fetch requests, in the order given: ETag, Last-Modified, the hash of
// the last body parsed, and (read only when the body has changed) the
// hashes of the feed's stored items.
func (s *Store) Validators(ctx context.Context, urls []string) ([]feed.Request, error) {
	reqs := make([]feed.Request, len(urls))
	idx := make(map[string]int, len(urls))
	for i, u := range urls {
		reqs[i].URL = u
		idx[u] = i
	}
	rows, err := s.db.QueryContext(ctx, `SELECT url, id, etag, last_modified, body_hash FROM feeds`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u, etag, lm, bh string
		var id int64
		if err := rows.Scan(&u, &id, &etag, &lm, &bh); err != nil {
			return nil, err
		}
		i, ok := idx[u]
		if !ok {
			continue
		}
		reqs[i].ETag, reqs[i].LastModified, reqs[i].BodyHash = etag, lm, bh
		reqs[i].Known = func() map[string]feed.KnownItem { return s.knownItems(context.WithoutCancel(ctx), id) }
	}
	return reqs, rows.Err()
}

// knownItems is the uid, hash and row of every article first stored from
// feed id (nil on error: then nothing is skipped).
func (s *Store) knownItems(ctx context.Context, feedID int64) map[string]feed.KnownItem {
	rows, err := s.db.QueryContext(ctx, `SELECT uid, id, hash FROM articles WHERE feed_id = ? AND hash != 0`, feedID)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := map[string]feed.KnownItem{}
	for rows.Next() {
		var uid string
		var k feed.KnownItem
		if err := rows.Scan(&uid, &k.Row, &k.Hash); err != nil {
			return nil
		}
		out[uid] = k
	}
	if rows.Err() != nil {
		return nil
	}
	return out
}

// Membership says where a feed's articles go: the sections that list it
// and the sections whose ranking feed it is.
type Membership struct {
	Sections []string
	RankFor  []string
}

func (m Membership) key() string {
	return strings.Join(m.Sections, ",") + ";" + strings.Join(m.RankFor, ",")
}

// SavedHook, when set, runs inside every save transaction with the IDs of
// the articles inserted or changed in it (unchanged items are not
// listed), after they are written and before the commit: the place for
// indexing and story assignment. An error aborts the batch like any
// other save error.
var SavedHook func(ctx context.Context, tx *sql.Tx, ids []int64) error

// Save stores one feed's result. Articles are upserted by their ID or,
// failing that, by link, so a story seen in two feeds is kept once;
// reading state is never touched. A failed fetch records its reason and
// keeps everything already cached. A large feed is written in several
// bounded transactions (see Store.Refresh).
func (s *Store) Save(ctx context.Context, res feed.Result, m Membership) error {
	_, err := s.SaveCounted(ctx, res, m)
	return err
}

// Saved is what one Save changed: the articles it added and the ones whose
// title, summary, content or updated time it changed.
type Saved struct{ New, Updated []int64 }

// SaveCounted is Save, reporting which articles were new and which changed.
func (s *Store) SaveCounted(ctx context.Context, res feed.Result, m Membership) (Saved, error) {
	sv, err := s.newSaver(ctx)
	if err != nil {
		return Saved{}, err
	}
	defer sv.close()
	if err := sv.add(ctx, res, m); err != nil {
		return Saved{}, err
	}
	if err := sv.flush(ctx); err != nil {
		return Saved{}, err
	}
	return sv.counted, nil
}

// TxBudget is how long one save transaction may hold the write lock
// before it commits and lets other writers in; YieldGap is how long the
// saver then stays out of the lock. Another process's state change
// (SetRead and friends, which retry every millisecond) waits at most
// about TxBudget.
var (
	TxBudget = 50 * time.Millisecond
	YieldGap = 2 * time.Millisecond
)

// saver writes results in bounded batch transactions on one connection,
// with the store's kept statements (txq).
type saver struct {
	s       *Store
	conn    *sql.Conn
	tx      *sql.Tx
	began   time.Time
	q       *txq      // tx, through the kept statements
	saved   []int64   // articles written in this transaction, for SavedHook
	pending []pending // results whose last part is in this transaction
	done    []pending // results committed and not yet reported
	perItem time.Duration
	// fresh are the articles this transaction inserted, placed in
	// stories as they come (placer) and indexed just before it commits;
	// discoPer is what the commit's share cost an article last time,
	// counted in the transaction's budget.
	fresh    []*newArticle
	discoPer time.Duration
	// placer assigns stories to fresh on its own goroutine while the
	// transaction goes on (see stream); nil until the first is inserted.
	placer   *placer
	gate     *feed.Gate // the saver holds a slot of it while it works (see Refresh)
	txCounts indexed    // document frequencies counted by this transaction
	assigned bool       // stories were assigned in this transaction (see abandon)
	nextID   int64      // the next new article's ID (0: not read yet)
	// prep, when set, is the result being added read ahead by prepare,
	// one per article (Refresh does it on other cores).
	prep    []articlePrep
	txSaved Saved // new and changed articles in this transaction
	counted Saved // ... and in every transaction committed
	// schedule: also record each feed's next_due (Refresh does; a lone
	// Save does not).
	schedule bool
	ck       *checkpointer // nil: the saver checkpoints (see checkpointApart)
	// checkpointBig: hand the checkpoints to a checkpointer once
	// checkpointFrom new articles are saved (Refresh does).
	checkpointBig bool
}

type pending struct {
	res feed.Result
	m   Membership
}

func (s *Store) newSaver(ctx context.Context) (*saver, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	// FTS5 merges its segments once 16 of a level pile up rather than 4,
	// a little at every write, and all at once only past 64 (not 16):
	// each save transaction writes a segment, and merging them four at a
	// time, or sixteen in one go, rewrote every posting of a big first
	// refresh several times (the settings are kept in the index's config;
	// set here so that an index rebuilt by a later migration gets them).
	// Statement journals (an insert that fires triggers needs one) in
	// memory rather than in a temporary file: a write(2) per page saved
	// otherwise. A larger page cache keeps the indexes' hot pages, and
	// checkpoints every 32 MB of log rather than 4 copy a page changed by
	// many batches into the database fewer times.
	if _, err := conn.ExecContext(ctx, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 8192; INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 16); INSERT INTO articles_fts(articles_fts, rank) VALUES('crisismerge', 64)"); err != nil {
		conn.Close()
		return nil, err
	}
	return &saver{s: s, conn: conn}, nil
}

func (v *saver) close() {
	v.abandon()
	// The document frequencies counted and not yet written (see
	// discoState).
	if v.s.disc.hasUnsaved() {
		ctx := context.Background()
		if tx, err := v.conn.BeginTx(ctx, nil); err == nil {
			if v.s.disc.saveCounts(ctx, tx, &indexed{}) == nil && tx.Commit() == nil {
				v.s.disc.committed(&indexed{}, true)
			} else {
				tx.Rollback()
			}
		}
	}
	v.ck.stop()
	v.conn.ExecContext(context.Background(), "PRAGMA wal_autocheckpoint = 1000")
	v.conn.Close()
}

// checkpointApart hands the saver's checkpoints to a checkpointer (see
// there); without one, the saver goes on checkpointing itself.
func (v *saver) checkpointApart(ctx context.Context) {
	if v.ck = v.s.startCheckpointer(ctx); v.ck == nil {
		return
	}
	if _, err := v.conn.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		v.ck.stop()
		v.ck = nil
	}
}

var statements = map[string]string{
	"feed": `INSERT INTO feeds(url, fetched_at) VALUES(?, ?)
ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at RETURNING id, sections`,
	// An article without a link this time keeps the one it had, but for
	// one that was its ID (uid): a guid the feed now says is no permalink
	// (isPermaLink="false"; one that is gives it as the link again).
	// A new date is taken when it is earlier, or, from the article's own
	// feed (?16), when it is before the article was first seen
	// (fetched_at: a correction, a year typo's among them); a later one
	// that is not cannot be when it was published (a feed stamping its
	// items with the request's time), and another feed's later date is
	// no correction (the article would swap dates at every refresh).
	"update": `
UPDATE articles SET title = ?2, link = CASE WHEN ?3 != '' THEN ?3 WHEN link = uid THEN '' ELSE link END, author = ?4,
	published = CASE WHEN ?5 THEN published WHEN ?6 <= published OR (?6 < fetched_at AND feed_id = ?16) THEN ?6 ELSE published END, updated = max(updated, ?7),
	summary = ?8, content = CASE WHEN ?9 != '' THEN ?9 ELSE content END, categories = ?10,
	image = CASE WHEN ?11 != '' THEN ?11 ELSE image END,
	comments = max(comments, ?12), views = max(views, ?13), rating = CASE WHEN ?14 > 0 THEN ?14 ELSE rating END,
	hash = ?15
WHERE id = ?1`,
	// The ID is given (see newID), with a first story and outlet.
	"insert": `
INSERT INTO articles(id, uid, feed_id, source, title, link, author, published, updated, summary, content,
	categories, image, comments, views, rating, fetched_at, hash, story, outlet)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	// One statement per batch and section, joined over the batch's IDs.
	"sections": `
INSERT INTO article_sections(section, article_id, published, read, story)
SELECT ?1, a.id, a.published, a.read, a.story FROM json_each(?2) j JOIN articles a ON a.id = j.value
WHERE true
ON CONFLICT(section, article_id) DO UPDATE SET published = excluded.published
WHERE article_sections.published != excluded.published`,
	"byUID": `SELECT j.key, a.id FROM json_each(?) j JOIN articles a ON a.uid = j.value`,
	// differs: what the update would change in what the reader shows.
	// An undated item's Updated is the fetch time: it never counts as a change.
	"differs": `SELECT title IS NOT ?2 OR summary IS NOT ?3 OR (?4 != '' AND content IS NOT ?4) OR (NOT ?6 AND updated < ?5) FROM articles WHERE id = ?1`,
	"byLink":  `SELECT j.key, a.id FROM json_each(?) j JOIN articles a ON a.link = j.value WHERE j.value != ''`,
	// adopt: a section feed takes over an article first stored from a feed
	// that is in no section (a most-read feed: membership key ";rankfor"),
	// whose title must not stand as the article's source.
	"adopt": `UPDATE articles SET feed_id = ?2, source = ?3
WHERE id = ?1 AND feed_id != ?2 AND (SELECT substr(f.sections, 1, 1) = ';' FROM feeds f WHERE f.id = articles.feed_id)
RETURNING story, link`,
}

// stmt is the named statement prepared on the current transaction.
func (v *saver) stmt(ctx context.Context, name string) (*sql.Stmt, error) {
	return v.q.PrepareContext(ctx, statements[name])
}

// begin opens a transaction unless one is open.
func (v *saver) begin(ctx context.Context) error {
	if v.tx != nil {
		return nil
	}
	// Another writer may hold the lock (BEGIN IMMEDIATE waits for it):
	// the slot is not held meanwhile.
	v.gate.Release()
	tx, err := v.conn.BeginTx(ctx, nil)
	v.gate.Hold()
	if err != nil {
		return err
	}
	v.tx, v.began, v.q, v.saved, v.txSaved = tx, time.Now(), v.s.in(tx), v.saved[:0], Saved{}
	v.nextID = 0
	return nil
}

// newID is the ID of the next article the transaction inserts: the write
// lock is held from the transaction's start (_txlock=immediate), so no
// other writer takes it. It is above every story's ID too, not only every
// article's as SQLite would choose: a story keeps the ID of its first
// article after that article is pruned, and a new article takes its own
// ID as its first story.
func (v *saver) newID(ctx context.Context) (int64, error) {
	if v.nextID == 0 {
		if err := v.q.QueryRowContext(ctx,
			"SELECT max((SELECT coalesce(max(id), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM stories)) + 1").Scan(&v.nextID); err != nil {
			return 0, err
		}
	}
	v.nextID++
	return v.nextID - 1, nil
}

// abandon rolls the open transaction back; the story assigner then
// forgets what it learnt in it.
func (v *saver) abandon() {
	v.finishPlacing()
	if v.tx != nil {
		v.tx.Rollback()
		v.tx = nil
	}
	if v.assigned {
		v.s.disc.forget()
		v.assigned = false
	}
}

// finishPlacing waits, out of the gate, until the placer has placed
// every article sent, and drops it.
func (v *saver) finishPlacing() {
	if v.placer == nil {
		return
	}
	v.gate.Release()
	v.placer.finish()
	v.gate.Hold()
	v.placer = nil
}

// over reports whether the open transaction has used its budget.
// Indexing and story assignment of its new articles, done at the commit,
// count in the budget.
func (v *saver) over() bool {
	return v.tx != nil && time.Since(v.began)+time.Duration(len(v.fresh))*v.discoPer > TxBudget
}

// flush commits the open transaction (running SavedHook first), moves
// the results it completed to done, and keeps out of the lock for
// YieldGap if it was long.
func (v *saver) flush(ctx context.Context) error {
	if v.tx == nil {
		return nil
	}
	// Discovery (cache/index.go): the full-text index and stories for the
	// new articles, in the same transaction.
	start := time.Now()
	counted := &v.txCounts
	if v.placer == nil {
		counted.reset()
	}
	if indexing {
		v.assigned = true
		var placed func() int // nil: none placed yet
		if v.placer != nil {
			placed = v.placer.placedFresh
		}
		if err := v.s.indexNew(ctx, v.q, v.fresh, counted, placed, v.finishPlacing); err != nil {
			return err
		}
	}
	if n := len(v.fresh); n > 0 {
		v.discoPer = time.Since(start) / time.Duration(n)
	}
	clear(v.fresh)
	v.fresh = v.fresh[:0]
	writeCounts := v.s.disc.countsDue()
	if writeCounts {
		if err := v.s.disc.saveCounts(ctx, v.tx, counted); err != nil {
			return err
		}
	}
	if SavedHook != nil && len(v.saved) > 0 {
		if err := SavedHook(ctx, v.tx, v.saved); err != nil {
			return err
		}
	}
	long := v.over()
	// The commit waits for the disk at times (a checkpoint syncs the
	// database file): the work that feeds the saver has its slot meanwhile.
	v.gate.Release()
	err := v.tx.Commit()
	v.gate.Hold()
	if err != nil {
		v.abandon()
		return err
	}
	v.tx, v.assigned = nil, false
	v.ck.committed(ctx, v.conn)
	if v.checkpointBig && v.ck == nil && len(v.counted.New) >= checkpointFrom {
		v.checkpointApart(ctx)
	}
	v.s.disc.committed(counted, writeCounts)
	v.done = append(v.done, v.pending...)
	v.pending = nil
	v.counted.New = append(v.counted.New, v.txSaved.New...)
	v.counted.Updated = append(v.counted.Updated, v.txSaved.Updated...)
	v.txSaved = Saved{}
	if long {
		v.gate.Release()
		time.Sleep(YieldGap)
		v.gate.Hold()
	}
	return nil
}

// rollback abandons the open transaction and returns the results it held.
func (v *saver) rollback() []pending {
	v.abandon()
	p := v.pending
	v.pending = nil
	clear(v.fresh)
	v.fresh = v.fresh[:0]
	return p
}

// split commits the open transaction if it is over budget and opens the
// next one; results it completed wait for the next flush's report.
func (v *saver) split(ctx context.Context) error {
	if !v.over() {
		return nil
	}
	if err := v.flush(ctx); err != nil {
		return err
	}
	return v.begin(ctx)
}

// add writes one result into the open batch (opening one if needed),
// splitting it over several transactions if it runs over budget.
func (v *saver) add(ctx context.Context, res feed.Result, m Membership) error {
	if res.Status == feed.StatusError && errors.Is(res.Err, feed.ErrOffline) {
		v.done = append(v.done, pending{res, m}) // nothing was fetched: offline never touches feed state
		return nil
	}
	// What indexing reads of the articles is read before the write lock
	// is taken (Refresh reads it ahead on other cores): read inside the
	// transaction, a Save of 20,000 articles held the lock half a second
	// before its first insert.
	if indexing && res.Status == feed.StatusOK && len(res.Articles) > 0 && len(v.prep) != len(res.Articles) {
		v.prep = v.s.prepareArticles(res.Articles)
		defer func() { v.prep = nil }()
	}
	if err := v.begin(ctx); err != nil {
		return err
	}
	now := time.Now().Unix()
	if u := movedURL(res); u != res.URL {
		if err := moveFeed(ctx, v.tx, res.URL, u, now); err != nil {
			return err
		}
	}
	feedSt, err := v.stmt(ctx, "feed")
	if err != nil {
		return err
	}
	var feedID int64
	var oldSections string
	if err := feedSt.QueryRowContext(ctx, movedURL(res), now).Scan(&feedID, &oldSections); err != nil {
		return err
	}
	switch res.Status {
	case feed.StatusError:
		_, err = v.q.ExecContext(ctx, "UPDATE feeds SET error = ? WHERE id = ?", feed.Line(res.Err.Error()), feedID)
	case feed.StatusNotModified:
		_, err = v.q.ExecContext(ctx, `UPDATE feeds SET error = '', ok_at = ?1,
	etag = CASE WHEN ?2 != '' THEN ?2 ELSE etag END,
	last_modified = CASE WHEN ?3 != '' THEN ?3 ELSE last_modified END,
	body_hash = CASE WHEN ?4 != '' THEN ?4 ELSE body_hash END WHERE id = ?5`,
			now, res.ETag, res.LastModified, res.BodyHash, feedID)
	default:
		err = v.articles(ctx, feedID, now, res, m, oldSections != m.key())
		if err == nil {
			_, err = v.q.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, body_hash = ?,
	note = ?, sections = ?, error = '', ok_at = ? WHERE id = ?`,
				res.Title, res.ETag, res.LastModified, res.BodyHash, res.Note(), m.key(), now, feedID)
		}
	}
	if err == nil && v.schedule && ctx.Err() == nil {
		err = schedule(ctx, v.q, res, time.Now()) // next_due from the feed's hints or back-off
	}
	if err != nil {
		return err
	}
	v.pending = append(v.pending, pending{res, m})
	return nil
}

// chunkFor is how many articles to write between budget checks: about
// half a budget's worth at the cost per article seen so far (writing,
// indexing and story assignment), between 16 and 512.
func (v *saver) chunkFor() int {
	if v.perItem <= 0 {
		return 64
	}
	return min(max(int(TxBudget/2/v.perItem), 16), 512)
}

// articles upserts a feed's articles chunk by chunk, committing between
// chunks when over budget, then replaces the feed's rankings.
func (v *saver) articles(ctx context.Context, feedID, now int64, res feed.Result, m Membership, membershipChanged bool) error {
	arts := res.Articles
	ids := make([]int64, len(arts))
	all := v.prep
	if len(all) != len(arts) && indexing {
		all = v.s.prepareArticles(arts) // not read ahead (Save, --add)
	}
	for lo := 0; lo < len(arts); {
		if err := v.split(ctx); err != nil {
			return err
		}
		start := time.Now()
		hi := min(lo+v.chunkFor(), len(arts))
		var prep []articlePrep
		if len(all) == len(arts) {
			prep = all[lo:hi]
		}
		written, err := v.upsert(ctx, feedID, now, arts[lo:hi], ids[lo:hi], len(m.Sections) > 0, prep)
		if err != nil {
			return err
		}
		if len(written) > 0 {
			v.perItem = time.Since(start) / time.Duration(hi-lo)
		}
		place := written
		if membershipChanged {
			place = ids[lo:hi]
		}
		if err := v.addToSections(ctx, place, m.Sections); err != nil {
			return err
		}
		lo = hi
	}
	for _, sec := range m.RankFor {
		if err := replaceRanking(ctx, v.tx, sec, ids); err != nil {
			return err
		}
	}
	return nil
}

// upsert writes the changed articles of one chunk, filling ids (unchanged
// articles keep their stored row), and returns the IDs it wrote. Existing
// rows are found with two joins over the chunk, by uid then by link.
// inSection says the feed is some section's: it then takes over the
// articles a ranking-only feed stored first (see "adopt").
func (v *saver) upsert(ctx context.Context, feedID, now int64, arts []feed.Article, ids []int64, inSection bool, prep []articlePrep) ([]int64, error) {
	var uids, links []string
	var pos []int // chunk index of each looked-up article
	for i, a := range arts {
		if a.Unchanged && a.Row > 0 {
			ids[i] = a.Row
			continue
		}
		uids, links, pos = append(uids, a.ID), append(links, a.Link), append(pos, i)
	}
	if len(pos) == 0 {
		return nil, nil
	}
	if err := v.lookup(ctx, "byUID", uids, pos, ids); err != nil {
		return nil, err
	}
	var missLinks []string
	var missPos []int
	for k, i := range pos {
		if ids[i] == 0 && links[k] != "" && !arts[i].SharedLink {
			missLinks, missPos = append(missLinks, links[k]), append(missPos, i)
		}
	}
	if len(missPos) > 0 {
		if err := v.lookup(ctx, "byLink", missLinks, missPos, ids); err != nil {
			return nil, err
		}
	}
	insert, err := v.stmt(ctx, "insert")
	if err != nil {
		return nil, err
	}
	update, err := v.stmt(ctx, "update")
	if err != nil {
		return nil, err
	}
	differs, err := v.stmt(ctx, "differs")
	if err != nil {
		return nil, err
	}
	written := make([]int64, 0, len(pos))
	placing := make([]*newArticle, 0, len(pos)) // inserted here, for the placer
	var inserted map[string]int64               // links inserted in this chunk: later items with the same link update that row
	for _, i := range pos {
		a := arts[i]
		cats := strings.Join(a.Categories, "\x1f")
		if ids[i] == 0 && a.Link != "" && !a.SharedLink && inserted[a.Link] != 0 {
			ids[i] = inserted[a.Link]
		}
		if ids[i] == 0 {
			// A new article is written with a story of its own and its
			// outlet: story assignment, at the commit, rewrites only the
			// rows that join another story (most start their own).
			var id, story int64
			var outlet string
			if id, err = v.newID(ctx); err != nil {
				return nil, err
			}
			if indexing {
				story, outlet = id, stories.Outlet(a.Link, a.Source)
			}
			_, err = insert.ExecContext(ctx, id, a.ID, feedID, a.Source, a.Title, a.Link, a.Author,
				a.Published.Unix(), a.Updated.Unix(), a.Summary, a.Content, cats, a.Image,
				a.Comments, a.Views, a.Rating, now, a.Hash, story, outlet)
			if err == nil {
				ids[i] = id
				v.txSaved.New = append(v.txSaved.New, ids[i])
				var p articlePrep
				if prep != nil && prep[i].words != nil {
					p = prep[i]
				} else if indexing {
					p = v.s.prepareArticle(a)
				}
				na := &newArticle{id: ids[i], published: a.Published.Unix(), title: a.Title, link: a.Link,
					source: a.Source, author: a.Author, cat: strings.Join(a.Categories, " "), text: p.text, fts: p.fts, words: p.words, reply: p.reply,
					stored: indexing, guess: outlet}
				v.fresh = append(v.fresh, na)
				placing = append(placing, na)
			}
			if a.Link != "" && !a.SharedLink && err == nil {
				if inserted == nil {
					inserted = map[string]int64{}
				}
				inserted[a.Link] = ids[i]
			}
		} else {
			var d bool
			if err = differs.QueryRowContext(ctx, ids[i], a.Title, a.Summary, a.Content, a.Updated.Unix(), a.Undated).Scan(&d); err != nil {
				return nil, err
			}
			if d {
				v.txSaved.Updated = append(v.txSaved.Updated, ids[i])
			}
			_, err = update.ExecContext(ctx, ids[i], a.Title, a.Link, a.Author, a.Undated, a.Published.Unix(),
				a.Updated.Unix(), a.Summary, a.Content, cats, a.Image, a.Comments, a.Views, a.Rating, a.Hash, feedID)
			if err == nil && inSection {
				err = v.adopt(ctx, ids[i], feedID, a)
			}
		}
		if err != nil {
			return nil, err
		}
		written = append(written, ids[i])
	}
	v.saved = append(v.saved, written...)
	return written, v.stream(ctx, placing)
}

// stream hands articles just inserted to the placer, which assigns their
// stories on its own goroutine while the transaction goes on (the saver
// writes the next results and the full-text index meanwhile); flush waits
// for it before writing the stories. The placer's memory is made ready
// here, on the saver, which holds the transaction: at the first articles
// of a transaction (reloaded if another process has saved since), and
// with the stored articles older than it covers whenever older articles
// come.
func (v *saver) stream(ctx context.Context, arts []*newArticle) error {
	if !indexing || len(arts) == 0 {
		return nil
	}
	sortByPublished(arts)
	d := &v.s.disc
	if v.placer == nil {
		v.assigned = true
		v.txCounts.reset()
		if err := d.ready(ctx, v.tx, arts[0].published); err != nil {
			return err
		}
		v.placer = d.startPlacer(&v.txCounts, v.gate)
	}
	job := placeJob{arts: arts}
	if from := arts[0].published - int64(stories.WindowHours*3600); from < v.placer.from {
		rows, err := readRecent(ctx, v.tx, from, v.placer.from)
		if err != nil {
			return err
		}
		job.recent, job.from, v.placer.from = rows, from, from
	}
	v.placer.sent = append(v.placer.sent, len(v.fresh))
	select {
	case v.placer.jobs <- job:
	default: // the placer is behind: it needs the slot
		v.gate.Release()
		v.placer.jobs <- job
		v.gate.Hold()
	}
	return nil
}

// adopt moves article id to feed feedID if a ranking-only feed holds it,
// with the section feed's source; a story it already has recounts its
// outlets, which the source may name.
func (v *saver) adopt(ctx context.Context, id, feedID int64, a feed.Article) error {
	st, err := v.stmt(ctx, "adopt")
	if err != nil {
		return err
	}
	var story int64
	var link string
	switch err := st.QueryRowContext(ctx, id, feedID, a.Source).Scan(&story, &link); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	for _, f := range v.fresh { // stored by this transaction: indexed, and its outlet written, with the new source
		if f.id == id {
			f.source = a.Source
		}
	}
	if story == 0 {
		return nil // story assignment computes the outlet from the new source
	}
	if _, err := v.q.ExecContext(ctx, "UPDATE articles SET outlet = ? WHERE id = ?", stories.Outlet(link, a.Source), id); err != nil {
		return err
	}
	_, err = v.q.ExecContext(ctx, `UPDATE stories SET outlets = (SELECT count(DISTINCT outlet) FROM articles WHERE story = ?1) WHERE id = ?1`, story)
	return err
}

// lookup runs a byUID or byLink join over keys and fills ids[pos[k]] for
// each key k found (the first match wins).
func (v *saver) lookup(ctx context.Context, name string, keys []string, pos []int, ids []int64) error {
	st, err := v.stmt(ctx, name)
	if err != nil {
		return err
	}
	js, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, string(js))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k int
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return err
		}
		if k >= 0 && k < len(pos) && ids[pos[k]] == 0 {
			ids[pos[k]] = id
		}
	}
	return rows.Err()
}

func (v *saver) addToSections(ctx context.Context, ids []int64, sections []string) error {
	if len(sections) == 0 || len(ids) == 0 {
		return nil
	}
	st, err := v.stmt(ctx, "sections")
	if err != nil {
		return err
	}
	js, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	for _, sec := range sections {
		if _, err := st.ExecContext(ctx, strings.ToLower(sec), string(js)); err != nil {
			return err
		}
	}
	return nil
}

func replaceRanking(ctx context.Context, tx *sql.Tx, section string, ids []int64) error {
	section = strings.ToLower(section)
	if _, err := tx.ExecContext(ctx, "DELETE FROM rankings WHERE section = ?", section); err != nil {
		return err
	}
	seen := map[int64]bool{}
	rank := 0
	for _, id := range ids {
		if seen[id] || id == 0 {
			continue
		}
		seen[id] = true
		rank++
		if _, err := tx.ExecContext(ctx, "INSERT INTO rankings(section, rank, article_id) VALUES(?, ?, ?)", section, rank, id); err != nil {
			return err
		}
	}
	return nil
}
