package cache

import (
	"context"
	"sort"
	"strings"
	"unicode"
)

// NewestUnread returns a section's newest unread articles.
func (s *Store) NewestUnread(ctx context.Context, section string, limit int) ([]Article, error) {
	return collect(s.db.QueryContext(ctx, `
SELECT `+listColumns+` FROM article_sections s JOIN articles a ON a.id = s.article_id
WHERE s.section = ? AND a.read = 0 ORDER BY s.published DESC, s.article_id DESC LIMIT ?`,
		strings.ToLower(section), limit))
}

// Filter returns a page of a section's articles whose title, source or
// author contains text (case-insensitively), newest first, and how many match.
func (s *Store) Filter(ctx context.Context, section, text string, offset, limit int) ([]Article, int, error) {
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(text) + "%"
	const where = `FROM article_sections s JOIN articles a ON a.id = s.article_id
WHERE s.section = ?1 AND (a.title LIKE ?2 ESCAPE '\' OR a.source LIKE ?2 ESCAPE '\' OR a.author LIKE ?2 ESCAPE '\')`
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) "+where, strings.ToLower(section), like).Scan(&n); err != nil {
		return nil, 0, err
	}
	arts, err := collect(s.db.QueryContext(ctx, "SELECT "+listColumns+" "+where+
		" ORDER BY s.published DESC, s.article_id DESC LIMIT ?3 OFFSET ?4", strings.ToLower(section), like, limit, offset))
	return arts, n, err
}

// stopwords are too common in headlines to say two stories are alike.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of in on at to for from by with as is are was were be been
		after before over under into out up down new says say said its it this that these those will would could
		has have had not no more than about amid as what why how who when`) {
		stopwords[w] = true
	}
}

// TitleWords splits a title into lower-case content words.
func TitleWords(title string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len([]rune(w)) > 2 && !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// Related returns up to limit recent articles sharing the most title
// words with article id (at least two), most shared first.
func (s *Store) Related(ctx context.Context, id int64, limit int) ([]Article, error) {
	var title string
	if err := s.db.QueryRowContext(ctx, "SELECT title FROM articles WHERE id = ?", id).Scan(&title); err != nil {
		return nil, err
	}
	words := map[string]bool{}
	for _, w := range TitleWords(title) {
		words[w] = true
	}
	// Score titles alone (cheap), then read the few winners whole.
	rows, err := s.db.QueryContext(ctx, "SELECT id, title FROM articles WHERE id != ? ORDER BY published DESC LIMIT 1500", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type scored struct {
		id int64
		n  int
	}
	var hits []scored
	for rows.Next() {
		var cid int64
		var ctitle string
		if err := rows.Scan(&cid, &ctitle); err != nil {
			return nil, err
		}
		n := 0
		seen := map[string]bool{}
		for _, w := range TitleWords(ctitle) {
			if words[w] && !seen[w] {
				n++
				seen[w] = true
			}
		}
		if n >= 2 {
			hits = append(hits, scored{cid, n})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].n > hits[j].n })
	out := make([]Article, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		a, err := scanArticle(s.db.QueryRowContext(ctx, "SELECT "+listColumns+" FROM articles a WHERE a.id = ?", h.id), false)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
