package cache

import (
	"context"
	"strings"
)

// One row per story: the reader's list can show each story once, by its
// newest article in the section, instead of once per outlet.

// StoryHeads returns a page of a section's stories, newest first, each as
// its newest article in the section (with StorySize saying how many
// outlets cover it).
func (s *Store) StoryHeads(ctx context.Context, section string, offset, limit int) ([]Article, error) {
	return collect(s.db.QueryContext(ctx, `
SELECT `+listColumns+` FROM article_sections s JOIN articles a ON a.id = s.article_id
WHERE s.section = ?1 AND (a.story = 0 OR NOT EXISTS (
	SELECT 1 FROM articles b JOIN article_sections t ON t.article_id = b.id AND t.section = ?1
	WHERE b.story = a.story AND b.id != a.id
	  AND (t.published > s.published OR (t.published = s.published AND b.id > a.id))))
ORDER BY s.published DESC, s.article_id DESC LIMIT ?2 OFFSET ?3`, strings.ToLower(section), limit, offset))
}

// StoryCount is how many stories a section's articles tell.
func (s *Store) StoryCount(ctx context.Context, section string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `
SELECT count(DISTINCT CASE a.story WHEN 0 THEN a.id ELSE a.story END)
FROM article_sections s JOIN articles a ON a.id = s.article_id WHERE s.section = ?`, strings.ToLower(section)).Scan(&n)
	return n, err
}
