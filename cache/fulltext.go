package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsreader/feed"
	"newsreader/feed/extract"
)

// Full text: the readable text of an article's web page, extracted by
// feed/extract and kept in the full_texts table, so it reads offline
// afterwards. The UI's "f" calls LoadFullText in a command; --show --full
// does the same; refresh fetches it for new articles of sections and
// feeds that ask for it (FetchNewFullTexts, a small budget per refresh).

// FullText returns an article's extracted text when it has been fetched
// successfully before. A text extracted from a file's bytes before Fetch
// refused files (extract.LooksLikeFile: a PDF or an MP3 as mojibake) is
// dropped as it is read, so the next load fetches again and today's
// extractor says what the address gives.
func (s *Store) FullText(ctx context.Context, articleID int64) (html string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT html FROM full_texts WHERE article_id = ? AND html != ''", articleID).Scan(&html)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	if err == nil && extract.LooksLikeFile(html) {
		// Dropping it is for the next load's sake; a cache that cannot
		// be written (read-only) still serves none of it.
		if !s.readOnly {
			s.db.ExecContext(ctx, "DELETE FROM full_texts WHERE article_id = ?", articleID)
		}
		return "", false, nil
	}
	return html, err == nil, err
}

// SetFullText stores an article's extracted text, or why extraction
// failed (html "" and errMsg set; a later "f" tries again).
func (s *Store) SetFullText(ctx context.Context, articleID int64, html, errMsg string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO full_texts(article_id, html, error, fetched_at) VALUES(?, ?, ?, ?)
ON CONFLICT(article_id) DO UPDATE SET html = excluded.html, error = excluded.error, fetched_at = excluded.fetched_at`,
		articleID, html, errMsg, time.Now().Unix())
	return err
}

// LoadFullText returns the article's full text from the cache or, when
// it has none yet, fetches the article's page with f (the hardened
// client), extracts and sanitises it, and stores it.
func (s *Store) LoadFullText(ctx context.Context, f *feed.Fetcher, articleID int64) (string, error) {
	if html, ok, err := s.FullText(ctx, articleID); err != nil || ok {
		return html, err
	}
	var link string
	if err := s.db.QueryRowContext(ctx, "SELECT link FROM articles WHERE id = ?", articleID).Scan(&link); err != nil {
		return "", err
	}
	if feed.Link(link) == "" {
		return "", errors.New("the article has no web address")
	}
	art, err := extract.Fetch(ctx, f, link)
	if err != nil {
		msg := feed.Line(err.Error())
		if !errors.Is(err, feed.ErrOffline) && ctx.Err() == nil {
			if serr := s.SetFullText(ctx, articleID, "", msg); serr != nil {
				return "", serr
			}
		}
		return "", errors.New(msg)
	}
	return art.HTML, s.SetFullText(ctx, articleID, art.HTML, "")
}

// FullTextBudget is how many pages one refresh fetches for full text;
// articles first seen within FullTextWindow that still lack it are caught
// up on by the following refreshes, newest first.
const (
	FullTextBudget = 12
	FullTextWindow = 48 * time.Hour
)

// FetchNewFullTexts fetches the full text of articles saved since the
// given time in sections (or feeds) that ask for it, newest first, at most
// budget of them, two at a time (and the Fetcher's per-host limit). Pages
// that fail are recorded and not tried again by later refreshes. It
// returns how many were stored.
func (s *Store) FetchNewFullTexts(ctx context.Context, f *feed.Fetcher, sections []feed.Section, since time.Time, budget int) (int, error) {
	var secs, feeds []any
	for _, sec := range sections {
		if sec.FullText {
			secs = append(secs, strings.ToLower(sec.Key))
		}
		for _, u := range sec.FullTextFeeds {
			feeds = append(feeds, u)
		}
	}
	if (len(secs) == 0 && len(feeds) == 0) || budget <= 0 {
		return 0, nil
	}
	q := `SELECT a.id FROM articles a
WHERE a.fetched_at >= ? AND a.link != '' AND NOT EXISTS (SELECT 1 FROM full_texts t WHERE t.article_id = a.id)
AND (a.id IN (SELECT article_id FROM article_sections WHERE section IN (` + placeholders(len(secs)) + `))
  OR a.feed_id IN (SELECT id FROM feeds WHERE url IN (` + placeholders(len(feeds)) + `)))
ORDER BY a.published DESC LIMIT ?`
	args := append(append(append([]any{since.Unix()}, secs...), feeds...), budget)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return 0, err
	}
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
		next = make(chan int64)
	)
	for range min(2, len(ids)) {
		wg.Go(func() {
			for id := range next {
				if _, err := s.LoadFullText(ctx, f, id); err == nil {
					mu.Lock()
					done++
					mu.Unlock()
				}
			}
		})
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			break
		}
		next <- id
	}
	close(next)
	wg.Wait()
	return done, nil
}

// ArticleRef finds an article by its row ID or by its feed ID (the "id"
// of --list --json).
func (s *Store) ArticleRef(ctx context.Context, ref string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM articles WHERE uid = ?", ref).Scan(&id)
	if err == nil {
		return id, nil
	}
	if err != sql.ErrNoRows {
		return 0, err
	}
	if n, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		err = s.db.QueryRowContext(ctx, "SELECT id FROM articles WHERE id = ?", n).Scan(&id)
		if err == nil {
			return id, nil
		}
		if err != sql.ErrNoRows {
			return 0, err
		}
	}
	return 0, unknownArticle(ref)
}

// unknownArticle is the error for an article reference the cache does not
// hold: it names the reference, says where ids come from, and is
// ErrNotFound (the command line exits 2 on it).
func unknownArticle(ref string) error { return unknownArticleError(ref) }

type unknownArticleError string

func (e unknownArticleError) Error() string {
	return fmt.Sprintf("no article %q in the cache (--list --json shows the ids)", string(e))
}

func (e unknownArticleError) Is(target error) bool { return target == ErrNotFound }
