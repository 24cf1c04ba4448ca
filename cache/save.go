package cache

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"newsreader/feed"
)

// Validators returns the stored ETag and Last-Modified of each URL as
// fetch requests, in the order given.
func (s *Store) Validators(ctx context.Context, urls []string) ([]feed.Request, error) {
	reqs := make([]feed.Request, len(urls))
	for i, u := range urls {
		reqs[i].URL = u
		err := s.db.QueryRowContext(ctx, "SELECT etag, last_modified FROM feeds WHERE url = ?", u).
			Scan(&reqs[i].ETag, &reqs[i].LastModified)
		if err != nil && err != sql.ErrNoRows {
			return nil, err
		}
	}
	return reqs, nil
}

// Membership says where a feed's articles go: the sections that list it
// and the sections whose ranking feed it is.
type Membership struct {
	Sections []string
	RankFor  []string
}

// Save stores one feed's result in one transaction. Articles are upserted
// by their ID or, failing that, by link, so a story seen in two feeds is
// kept once; reading state is never touched. A failed fetch records its
// reason and keeps everything already cached.
func (s *Store) Save(ctx context.Context, res feed.Result, m Membership) error {
	_, err := s.SaveCounted(ctx, res, m)
	return err
}

// Saved is what one Save changed: the articles it added and the ones whose
// title, summary, content or updated time it changed.
type Saved struct{ New, Updated []int64 }

// SaveCounted is Save, reporting which articles were new and which changed.
func (s *Store) SaveCounted(ctx context.Context, res feed.Result, m Membership) (saved Saved, err error) {
	if res.Status == feed.StatusError && errors.Is(res.Err, feed.ErrOffline) {
		return saved, nil // nothing was fetched: offline never touches feed state
	}
	now := time.Now().Unix()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return saved, err
	}
	defer tx.Rollback()

	var feedID int64
	err = tx.QueryRowContext(ctx, `
INSERT INTO feeds(url, fetched_at) VALUES(?, ?)
ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at
RETURNING id`, res.URL, now).Scan(&feedID)
	if err != nil {
		return saved, err
	}
	switch res.Status {
	case feed.StatusError:
		_, err = tx.ExecContext(ctx, "UPDATE feeds SET error = ? WHERE id = ?", feed.Line(res.Err.Error()), feedID)
		if err != nil {
			return saved, err
		}
		return saved, tx.Commit()
	case feed.StatusNotModified:
		_, err = tx.ExecContext(ctx, "UPDATE feeds SET error = '', ok_at = ? WHERE id = ?", now, feedID)
		if err != nil {
			return saved, err
		}
		return saved, tx.Commit()
	}
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, error = '', ok_at = ? WHERE id = ?`,
		res.Title, res.ETag, res.LastModified, now, feedID)
	if err != nil {
		return saved, err
	}
	ids, err := upsertArticles(ctx, tx, feedID, now, res.Articles, &saved)
	if err != nil {
		return saved, err
	}
	if err := addToSections(ctx, tx, ids, res.Articles, m.Sections); err != nil {
		return saved, err
	}
	for _, sec := range m.RankFor {
		if err := replaceRanking(ctx, tx, sec, ids); err != nil {
			return saved, err
		}
	}
	// Discovery (cache/index.go): stories for the new articles. The
	// full-text index is kept by triggers.
	if err := s.assignStories(ctx, tx); err != nil {
		return saved, err
	}
	return saved, tx.Commit()
}

func upsertArticles(ctx context.Context, tx *sql.Tx, feedID, now int64, arts []feed.Article, saved *Saved) ([]int64, error) {
	// changed: what the update below would change in what the reader shows.
	const changed = `(title IS NOT ?3 OR summary IS NOT ?4 OR (?5 != '' AND content IS NOT ?5) OR updated < ?6)`
	find, err := tx.PrepareContext(ctx, `SELECT id, `+changed+` FROM articles WHERE uid = ?1
UNION ALL SELECT id, `+changed+` FROM articles WHERE link = ?2 AND link != '' LIMIT 1`)
	if err != nil {
		return nil, err
	}
	defer find.Close()
	update, err := tx.PrepareContext(ctx, `
UPDATE articles SET title = ?2, link = CASE WHEN ?3 != '' THEN ?3 ELSE link END, author = ?4,
	published = CASE WHEN ?5 THEN published ELSE ?6 END, updated = max(updated, ?7),
	summary = ?8, content = CASE WHEN ?9 != '' THEN ?9 ELSE content END, categories = ?10,
	image = CASE WHEN ?11 != '' THEN ?11 ELSE image END,
	comments = max(comments, ?12), views = max(views, ?13), rating = CASE WHEN ?14 > 0 THEN ?14 ELSE rating END
WHERE id = ?1`)
	if err != nil {
		return nil, err
	}
	defer update.Close()
	insert, err := tx.PrepareContext(ctx, `
INSERT INTO articles(uid, feed_id, source, title, link, author, published, updated, summary, content,
	categories, image, comments, views, rating, fetched_at)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return nil, err
	}
	defer insert.Close()

	ids := make([]int64, len(arts))
	for i, a := range arts {
		cats := strings.Join(a.Categories, "\x1f")
		var id int64
		var differs bool
		err := find.QueryRowContext(ctx, a.ID, a.Link, a.Title, a.Summary, a.Content, a.Updated.Unix()).Scan(&id, &differs)
		switch {
		case err == sql.ErrNoRows:
			err = insert.QueryRowContext(ctx, a.ID, feedID, a.Source, a.Title, a.Link, a.Author,
				a.Published.Unix(), a.Updated.Unix(), a.Summary, a.Content, cats, a.Image,
				a.Comments, a.Views, a.Rating, now).Scan(&id)
			saved.New = append(saved.New, id)
		case err == nil:
			if differs {
				saved.Updated = append(saved.Updated, id)
			}
			_, err = update.ExecContext(ctx, id, a.Title, a.Link, a.Author, a.Undated, a.Published.Unix(),
				a.Updated.Unix(), a.Summary, a.Content, cats, a.Image, a.Comments, a.Views, a.Rating)
		}
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

func addToSections(ctx context.Context, tx *sql.Tx, ids []int64, arts []feed.Article, sections []string) error {
	if len(sections) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `
INSERT INTO article_sections(section, article_id, published, read)
SELECT ?1, id, published, read FROM articles WHERE id = ?2
ON CONFLICT(section, article_id) DO UPDATE SET published = excluded.published`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, sec := range sections {
		for _, id := range ids {
			if _, err := st.ExecContext(ctx, strings.ToLower(sec), id); err != nil {
				return err
			}
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
		if seen[id] {
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
