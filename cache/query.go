package cache

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Article is a stored article with its reading state. Content is filled
// only by Get; lists leave it empty.
type Article struct {
	ID         int64
	UID        string
	Source     string
	Title      string
	Link       string
	Author     string
	Published  time.Time
	Updated    time.Time
	Summary    string // HTML
	Content    string // HTML; only from Get
	Categories []string
	Image      string
	Comments   int
	Views      int
	Rating     float64
	Read       bool
	Starred    bool
	ReadAt     time.Time
	Story      int64  // the story it tells; equal values = same story (cache/index.go)
	StorySize  int    // distinct outlets covering the story
	Outlet     string // who published it: the site's domain, else the feed's name
}

const listColumns = `a.id, a.uid, a.source, a.title, a.link, a.author, a.published, a.updated, a.summary,
	a.categories, a.image, a.comments, a.views, a.rating, a.read, a.starred, a.read_at,
	CASE a.story WHEN 0 THEN a.id ELSE a.story END, coalesce((SELECT outlets FROM stories WHERE id = a.story), 1), a.outlet`

type scanner interface{ Scan(...any) error }

func scanArticle(row scanner, withContent bool) (Article, error) {
	var a Article
	var pub, upd, readAt int64
	var cats string
	dest := []any{&a.ID, &a.UID, &a.Source, &a.Title, &a.Link, &a.Author, &pub, &upd, &a.Summary,
		&cats, &a.Image, &a.Comments, &a.Views, &a.Rating, &a.Read, &a.Starred, &readAt,
		&a.Story, &a.StorySize, &a.Outlet}
	if withContent {
		dest = append(dest, &a.Content)
	}
	if err := row.Scan(dest...); err != nil {
		return a, err
	}
	a.Published, a.Updated = time.Unix(pub, 0), time.Unix(upd, 0)
	if readAt > 0 {
		a.ReadAt = time.Unix(readAt, 0)
	}
	if cats != "" {
		a.Categories = strings.Split(cats, "\x1f")
	}
	return a, nil
}

func collect(rows *sql.Rows, err error) ([]Article, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Articles returns a page of a section's articles, newest first.
func (s *Store) Articles(ctx context.Context, section string, offset, limit int) ([]Article, error) {
	return collect(s.db.QueryContext(ctx, `
SELECT `+listColumns+` FROM article_sections s JOIN articles a ON a.id = s.article_id
WHERE s.section = ? ORDER BY s.published DESC, s.article_id DESC LIMIT ? OFFSET ?`,
		strings.ToLower(section), limit, offset))
}

// Count is the number of articles in a section.
func (s *Store) Count(ctx context.Context, section string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT coalesce((SELECT total FROM section_counts WHERE section = ?), 0)", strings.ToLower(section)).Scan(&n)
	return n, err
}

// Get returns one article with its content.
func (s *Store) Get(ctx context.Context, id int64) (Article, error) {
	return scanArticle(s.db.QueryRowContext(ctx, "SELECT "+listColumns+", a.content FROM articles a WHERE a.id = ?", id), true)
}

// UnreadCounts maps each section key to its number of unread articles.
func (s *Store) UnreadCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT section, unread FROM section_counts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var sec string
		var n int
		if err := rows.Scan(&sec, &n); err != nil {
			return nil, err
		}
		counts[sec] = n
	}
	return counts, rows.Err()
}

// SetRead marks an article read (recording when) or unread.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	var at int64
	if read {
		at = time.Now().Unix()
	}
	return s.stateWrite(ctx, func(ctx context.Context, c *sql.Conn) error {
		_, err := c.ExecContext(ctx, "UPDATE articles SET read = ?, read_at = CASE WHEN ? THEN ? ELSE read_at END WHERE id = ?", read, read, at, id)
		return err
	})
}

// SetStarred stars or unstars an article.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error {
	return s.stateWrite(ctx, func(ctx context.Context, c *sql.Conn) error {
		_, err := c.ExecContext(ctx, "UPDATE articles SET starred = ? WHERE id = ?", starred, id)
		return err
	})
}

// MarkSectionRead marks every unread article of a section read.
func (s *Store) MarkSectionRead(ctx context.Context, section string) (int64, error) {
	var n int64
	err := s.stateWrite(ctx, func(ctx context.Context, c *sql.Conn) error {
		res, err := c.ExecContext(ctx, `
UPDATE articles SET read = 1, read_at = ? WHERE read = 0 AND id IN (SELECT article_id FROM article_sections WHERE section = ?)`,
			time.Now().Unix(), strings.ToLower(section))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

// Ranked returns a section's ranking-feed articles in rank order.
func (s *Store) Ranked(ctx context.Context, section string, limit int) ([]Article, error) {
	return collect(s.db.QueryContext(ctx, `
SELECT `+listColumns+` FROM rankings r JOIN articles a ON a.id = r.article_id
WHERE r.section = ? ORDER BY r.rank LIMIT ?`, strings.ToLower(section), limit))
}

// FeedStatus is what the cache knows of one feed's last fetch.
type FeedStatus struct {
	URL, Title, Error string
	Note              string // about the last good fetch, e.g. "kept newest 5,000 of 119,155"
	FetchedAt, OKAt   time.Time
}

// Feeds lists every feed the cache has fetched, failing ones first.
func (s *Store) Feeds(ctx context.Context) ([]FeedStatus, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT f.url, f.title, f.error, f.note, f.fetched_at, f.ok_at FROM feeds f ORDER BY f.error = '', f.url`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FeedStatus
	for rows.Next() {
		var f FeedStatus
		var fetched, ok int64
		if err := rows.Scan(&f.URL, &f.Title, &f.Error, &f.Note, &fetched, &ok); err != nil {
			return nil, err
		}
		f.FetchedAt, f.OKAt = time.Unix(fetched, 0), time.Unix(ok, 0)
		out = append(out, f)
	}
	return out, rows.Err()
}

// IndexOf is the position of article id in its section's newest-first
// order, or -1 when the section does not hold it.
func (s *Store) IndexOf(ctx context.Context, section string, id int64) (int, error) {
	var pub int64
	sec := strings.ToLower(section)
	err := s.db.QueryRowContext(ctx, "SELECT published FROM article_sections WHERE section = ? AND article_id = ?", sec, id).Scan(&pub)
	if err == sql.ErrNoRows {
		return -1, nil
	}
	if err != nil {
		return -1, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_sections
WHERE section = ?1 AND (published > ?2 OR (published = ?2 AND article_id > ?3))`, sec, pub, id).Scan(&n)
	return n, err
}
