package cache

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkedPage is Search's page of the matches of parts joined by op
// when some words (check) may be matched by their bigrams found apart
// (searchTerm): it reads the newest searchWindow matches, keeps those
// whose title, text, author, source or categories hold each such word
// as typed (with op " OR ", any word the index finds in it, a checked
// one only where it holds it), ranks them as
// Search's page does (the title part of the relevance counting a checked
// word only where the title holds it), and returns a page of them and
// how many it kept. When the window is full, the matches past it are
// counted unread (total).
func (s *Store) checkedPage(ctx context.Context, join, section string, now int64, parts []string, op string,
	words []string, check []bool, offset, limit int, total func(string) (int, error)) ([]Hit, int, error) {
	expr := strings.Join(parts, op)
	args := []any{expr, section}
	or := op == " OR "
	// For each part: whether the index finds it in the title, and (of
	// an OR) anywhere.
	var flags []string
	in := func(match string) string {
		args = append(args, match)
		return "(m.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?" + strconv.Itoa(len(args)) + " AND rowid >= (SELECT min(id) FROM m)))"
	}
	for _, p := range parts {
		flags = append(flags, in("("+expr+") AND {title} : "+p))
		if or {
			flags = append(flags, in(p))
		} else {
			flags = append(flags, "1")
		}
	}
	rows, err := s.query(ctx, `
WITH m AS MATERIALIZED (
	SELECT f.rowid AS id FROM articles_fts f `+join+`
	WHERE articles_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT `+strconv.Itoa(searchWindow)+`
)
SELECT m.id, a.published, a.title, a.author || char(31) || a.source || char(31) || a.categories, `+strings.Join(flags, ", ")+`
FROM m JOIN articles a ON a.id = m.id`, args...)
	if err != nil {
		return nil, 0, err
	}
	type cand struct {
		id, published int64
		title, others string // others: author, source and categories
		inTitle       []bool // by part, as the index says
		matched       []bool // by part, as the index says
		has           []bool // by part, a checked word: title or text holds it
	}
	var cands []*cand
	for rows.Next() {
		c := &cand{inTitle: make([]bool, len(parts)), matched: make([]bool, len(parts)), has: make([]bool, len(parts))}
		dest := []any{&c.id, &c.published, &c.title, &c.others}
		for i := range parts {
			dest = append(dest, &c.inTitle[i], &c.matched[i])
		}
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return nil, 0, err
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	window := len(cands)
	// passes says whether what c is known to hold is enough.
	passes := func(c *cand) bool {
		for i := range parts {
			switch {
			case or && c.matched[i] && (!check[i] || c.has[i]):
				return true
			case !or && check[i] && !c.has[i]:
				return false
			}
		}
		return !or
	}
	var unsure []int64
	for _, c := range cands {
		for i, w := range words {
			if check[i] && c.matched[i] {
				c.inTitle[i] = c.inTitle[i] && containsWord(c.title, w)
				c.has[i] = c.inTitle[i] || containsWord(c.others, w)
			}
		}
		if !passes(c) {
			unsure = append(unsure, c.id)
		}
	}
	if len(unsure) > 0 {
		// The text, for the matches the title does not settle: the
		// HTML is looked in first, the plain text only when that fails
		// (a word cut by a tag, or written as references).
		byID := make(map[int64]*cand, len(cands))
		for _, c := range cands {
			byID[c.id] = c
		}
		js, _ := json.Marshal(unsure)
		rows, err := s.query(ctx, `SELECT id, summary, content FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(js))
		if err != nil {
			return nil, 0, err
		}
		for rows.Next() {
			var id int64
			var sum, con string
			if err := rows.Scan(&id, &sum, &con); err != nil {
				rows.Close()
				return nil, 0, err
			}
			c := byID[id]
			text, flat := "", false
			for i, w := range words {
				if !check[i] || c.has[i] || !c.matched[i] {
					continue
				}
				if c.has[i] = containsWord(sum, w) || containsWord(con, w); !c.has[i] {
					if !flat {
						text, flat = indexText(sum, con), true
					}
					c.has[i] = containsWord(text, w)
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, err
		}
	}
	type scored struct {
		id, published int64
		score         float64
	}
	var kept []scored
	for _, c := range cands {
		if !passes(c) {
			continue
		}
		t := 0
		for _, in := range c.inTitle {
			if in {
				t++
			}
		}
		score := (1 + 9*float64(t)/float64(len(parts))) / (1 + float64(max(now-c.published, 0))/604800)
		kept = append(kept, scored{c.id, c.published, score})
	}
	slices.SortFunc(kept, func(a, b scored) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.published != b.published:
			if a.published > b.published {
				return -1
			}
			return 1
		case a.id > b.id:
			return -1
		case a.id < b.id:
			return 1
		}
		return 0
	})
	n := len(kept)
	if window >= searchWindow {
		all, err := total(expr)
		if err != nil {
			return nil, 0, err
		}
		n += max(all-window, 0)
	}
	pageOf := kept[min(offset, len(kept)):min(offset+limit, len(kept))]
	ids := make([]int64, len(pageOf))
	for i, k := range pageOf {
		ids[i] = k.id
	}
	arts, err := s.byIDs(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	hits := make([]Hit, 0, len(pageOf))
	for _, k := range pageOf {
		if a, ok := arts[k.id]; ok {
			hits = append(hits, Hit{Scored: Scored{Article: a, Score: k.score}})
		}
	}
	return hits, n, nil
}

// containsWord says whether text holds the query word w (lower case, as
// queryWords gives it), case and character width aside.
func containsWord(text, w string) bool {
	if strings.Contains(text, w) {
		return true
	}
	if hasWidthForms(text) { // w has none (splitQuery)
		text = norm.NFKC.String(text)
		if strings.Contains(text, w) {
			return true
		}
	}
	if !strings.ContainsFunc(w, func(r rune) bool { return unicode.ToUpper(r) != r }) {
		return false // nothing in w has a case: the bytes decide
	}
	return indexFold(text, w, 0) >= 0
}

// indexFold is the byte offset of the first match of the lower-case
// word w in s at or after from, comparing each rune of s in lower case
// and usual width (foldWidth), or -1 (matchFold says how long the match is).
func indexFold(s, w string, from int) int {
	first, _ := utf8.DecodeRuneInString(w)
	for i := from; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == first || foldWidth(r) == first) && matchFold(s[i:], w) > 0 {
			return i
		}
		i += n
	}
	return -1
}

// matchFold is how many bytes of the start of s match the lower-case
// word w rune by rune, case aside, or 0.
func matchFold(s, w string) int {
	i := 0
	for _, q := range w {
		if i >= len(s) {
			return 0
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != q && foldWidth(r) != q {
			return 0
		}
		i += n
	}
	return i
}

// foldWidth is r in lower case and, when it is a full-width or
// half-width form that NFKC makes one other rune, that rune ("Ａ" a,
// "ｺ" コ), as splitQuery gives a search's words.
func foldWidth(r rune) rune {
	if r >= 0xFF00 && r <= 0xFFEF {
		if n := norm.NFKC.String(string(r)); utf8.RuneCountInString(n) == 1 {
			r, _ = utf8.DecodeRuneInString(n)
		}
	}
	return unicode.ToLower(r)
}
