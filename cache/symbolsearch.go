package cache

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsreader/cache/rank"
)

// Emoji and other symbols are no words to the index's tokenizer
// (unicode61 keeps letters and digits only), so a search for "🚀" or
// "🇺🇦" found nothing. A query with no word but symbols in it is looked
// for in the titles instead (searchSymbols): a scan, but of one column,
// and only for such queries; a query with words takes the index as
// before.

// maxSymbolTerms bounds the symbols a search takes.
const maxSymbolTerms = 8

// symbolTerms are the emoji and other symbols of a query, one term each
// as a person sees them: a flag's two regional indicators, a sequence
// joined by ZWJ (👩‍🔬), a symbol with its skin-tone modifier, keycap or tag
// characters (🏴 of a UK nation) are one term. Variation selectors are
// dropped: titles write "❤" with and without U+FE0F. Letters, digits,
// punctuation and spaces end a term.
func symbolTerms(q string) []string {
	var out []string
	var cur strings.Builder
	joined := false // the last rune of cur is a ZWJ
	single := false // cur is one regional indicator
	flush := func() {
		t := strings.TrimSuffix(cur.String(), "\u200d")
		cur.Reset()
		joined, single = false, false
		if t != "" && len(out) < maxSymbolTerms && !containsString(out, t) {
			out = append(out, t)
		}
	}
	for _, r := range q {
		switch {
		case r == 0xFE0E || r == 0xFE0F:
		case r == 0x200D:
			if cur.Len() > 0 && !joined {
				cur.WriteRune(r)
				joined = true
			}
		case r >= 0x1F3FB && r <= 0x1F3FF, r == 0x20E3, r >= 0xE0020 && r <= 0xE007F: // modifiers, keycap, tags
			if cur.Len() > 0 {
				cur.WriteRune(r)
				single = false
			}
		case r >= 0x1F1E6 && r <= 0x1F1FF: // regional indicators pair into a flag
			switch {
			case single:
				cur.WriteRune(r)
				single = false
			case joined:
				cur.WriteRune(r)
				joined = false
			default:
				flush()
				cur.WriteRune(r)
				single = true
			}
		case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sc, r):
			if !joined {
				flush()
			}
			cur.WriteRune(r)
			joined, single = false, false
		default:
			flush()
		}
	}
	flush()
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// searchSymbols finds the articles whose titles hold every term (or, when
// none holds them all, any), newest first, in a section or all of them.
func (s *Store) searchSymbols(ctx context.Context, section string, terms []string, offset, limit int) ([]Hit, int, error) {
	hits, n, err := s.titleScan(ctx, section, terms, " AND ", offset, limit)
	if err == nil && n == 0 && len(terms) > 1 {
		hits, n, err = s.titleScan(ctx, section, terms, " OR ", offset, limit)
	}
	if err != nil || n == 0 {
		return nil, 0, err
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	snippets, err := s.snippets(ctx, ids, terms, false) // the texts' openings: the emoji are in the titles
	if err != nil {
		return nil, 0, err
	}
	for i := range hits {
		h := &hits[i]
		h.Snippet = snippets[h.ID]
		h.TitleMarks = symbolMarks(h.Title, terms)
		h.Why = "matches the title · " + rank.Age(time.Since(h.Published))
	}
	return hits, n, nil
}

func (s *Store) titleScan(ctx context.Context, section string, terms []string, op string, offset, limit int) ([]Hit, int, error) {
	args := []any{section, time.Now().Unix(), limit, offset}
	conds := make([]string, len(terms))
	for i, t := range terms {
		args = append(args, t)
		conds[i] = "instr(replace(replace(a.title, char(65039), ''), char(65038), ''), ?" + strconv.Itoa(len(args)) + ") > 0"
	}
	from := "articles a"
	if section != "" {
		from = "article_sections s JOIN articles a ON a.id = s.article_id AND s.section = ?1"
	}
	rows, err := s.query(ctx, `
WITH m AS MATERIALIZED (
	SELECT a.id, a.published FROM `+from+` WHERE ?1 = ?1 AND (`+strings.Join(conds, op)+`)
), top AS (
	SELECT id, published FROM m ORDER BY published DESC, id DESC LIMIT ?3 OFFSET ?4
)
SELECT `+listColumns+`, 1.0 / (1.0 + max(?2 - top.published, 0) / 604800.0), (SELECT count(*) FROM m)
FROM top JOIN articles a ON a.id = top.id ORDER BY top.published DESC, a.id DESC`, args...)
	if err != nil {
		return nil, 0, err
	}
	hits, n, err := scanHits(rows)
	if err != nil {
		return nil, 0, err
	}
	if len(hits) == 0 && offset > 0 { // past the end: how many there are
		err = s.queryRow(ctx, `SELECT count(*) FROM `+from+` WHERE ?1 = ?1 AND ?2 = ?2 AND ?3 = ?3 AND ?4 = ?4 AND (`+strings.Join(conds, op)+`)`, args...).Scan(&n)
	}
	return hits, n, err
}

// symbolMarks are where the terms stand in a title (byte offsets, a term
// with the variation selectors the title has in it).
func symbolMarks(title string, terms []string) [][2]int {
	var marks [][2]int
	for i := 0; i < len(title); {
		matched := 0
		for _, t := range terms {
			if n := matchSkippingSelectors(title[i:], t); n > matched {
				matched = n
			}
		}
		if matched > 0 {
			marks = append(marks, [2]int{i, i + matched})
			i += matched
			continue
		}
		_, n := utf8.DecodeRuneInString(title[i:])
		i += n
	}
	return marks
}

// matchSkippingSelectors is how many bytes at the start of s match t when
// variation selectors in s are skipped (and a selector right after the
// match is taken in), 0 when they do not.
func matchSkippingSelectors(s, t string) int {
	i := 0
	for _, want := range t {
		for {
			r, n := utf8.DecodeRuneInString(s[i:])
			if n == 0 {
				return 0
			}
			if r == 0xFE0E || r == 0xFE0F {
				i += n
				continue
			}
			if r != want {
				return 0
			}
			i += n
			break
		}
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); r == 0xFE0E || r == 0xFE0F {
		i += n
	}
	return i
}
