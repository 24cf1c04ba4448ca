package cache

import (
	"context"
	"strings"
)

// One row per story: the reader's list can show each story once, by its
// newest article in the section, instead of once per outlet.

// StoryHeads returns a page of a section's stories, newest first, each as
// its newest article in the section (with StorySize saying how many
// outlets cover it). A story's head is the first of its rows in
// article_sections_story; the page is chosen there before any article is
// read.
func (s *Store) StoryHeads(ctx context.Context, section string, offset, limit int) ([]Article, error) {
	return collect(s.db.QueryContext(ctx, `
WITH h AS (
	SELECT s.article_id, s.published FROM article_sections s
	WHERE s.section = ?1 AND (s.story = 0 OR s.article_id = (
		SELECT t.article_id FROM article_sections t WHERE t.section = ?1 AND t.story = s.story
		ORDER BY t.published DESC, t.article_id DESC LIMIT 1))
	ORDER BY s.published DESC, s.article_id DESC LIMIT ?2 OFFSET ?3
)
SELECT `+listColumns+` FROM h JOIN articles a ON a.id = h.article_id ORDER BY h.published DESC, h.article_id DESC`,
		strings.ToLower(section), limit, offset))
}

// StoryCount is how many stories a section's articles tell (an article
// not yet given one tells its own).
func (s *Store) StoryCount(ctx context.Context, section string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `
SELECT (SELECT count(DISTINCT story) FROM article_sections WHERE section = ?1 AND story != 0)
	+ (SELECT count(*) FROM article_sections WHERE section = ?1 AND story = 0)`, strings.ToLower(section)).Scan(&n)
	return n, err
}
