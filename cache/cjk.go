package cache

import (
	"database/sql/driver"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"modernc.org/sqlite"

	"newsreader/cache/stories"
)

// Chinese, Japanese, Thai (and Lao, Khmer, Myanmar) are written without
// spaces between words,
// and Korean glues particles to its nouns ("서울에서"). The index's
// tokenizer (unicode61) takes a whole run of such letters for one term,
// so a word inside a run could not be found. Each run of these scripts
// therefore also gives the index its overlapping two-letter pieces
// (bigrams: "東京の天気" gives 東京 京の の天 天気) and its last letter
// alone; a word being searched for is asked as all of its bigrams (a
// single letter as the prefix of a bigram, which the last letter alone
// completes for a run's end). The index keeps no positions, so bigrams
// found apart are told from the word by reading the article (see
// Search).
//
// A unit of a run is a letter the tokenizer keeps (ftsWordRune) of those
// scripts; combining marks (Thai vowels and tone marks, the kana voicing
// marks) belong to the run but are left out of its bigrams, because the
// tokenizer takes them for separators.

func init() {
	// newsreader_terms(text) is a column's text as the full-text index is
	// given it: the text, then the bigrams of its unspaced runs (ftsColumn).
	sqlite.MustRegisterDeterministicScalarFunction("newsreader_terms", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, _ := args[0].(string)
		return ftsColumn(s), nil
	})
	// newsreader_unspaced(text) says whether text (or HTML) holds a
	// letter of an unspaced script, also as a numeric character reference.
	sqlite.MustRegisterDeterministicScalarFunction("newsreader_unspaced", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, _ := args[0].(string)
		return hasUnspaced(s) || hasUnspacedReference(s), nil
	})
}

// unspaced, unspacedUnit and runMark are stories.Unspaced,
// stories.UnspacedUnit and stories.RunMark: the stories read a run as
// the index does. A unit is a letter the tokenizer keeps (ftsWordRune:
// TestUnspacedUnitFastPath checks every rune).
func unspaced(r rune) bool     { return stories.Unspaced(r) }
func unspacedUnit(r rune) bool { return stories.UnspacedUnit(r) }
func runMark(r rune) bool      { return stories.RunMark(r) }

// mayBeUnspaced says whether a UTF-8 lead byte can begin an unspaced
// letter: those are all three or four bytes long, and none begins with
// 0xE2 (U+2000-U+2FFF: punctuation, symbols, radicals).
func mayBeUnspaced(c byte) bool { return c >= 0xE0 && c != 0xE2 }

// hasUnspaced says whether text holds an unspaced letter.
func hasUnspaced(text string) bool {
	for i := 0; i < len(text); i++ {
		if mayBeUnspaced(text[i]) {
			r, _ := utf8.DecodeRuneInString(text[i:])
			if unspacedUnit(r) {
				return true
			}
		}
	}
	return false
}

// hasUnspacedReference says whether HTML holds an unspaced letter
// written as a numeric character reference (&#26481; &#x6771;).
func hasUnspacedReference(h string) bool {
	for {
		i := strings.Index(h, "&#")
		if i < 0 {
			return false
		}
		h = h[i+2:]
		base := 10
		if len(h) > 0 && (h[0] == 'x' || h[0] == 'X') {
			base, h = 16, h[1:]
		}
		j := 0
		for j < len(h) && j < 8 && (h[j] >= '0' && h[j] <= '9' || base == 16 && (h[j]|0x20 >= 'a' && h[j]|0x20 <= 'f')) {
			j++
		}
		if n, err := strconv.ParseInt(h[:j], base, 32); err == nil && unspacedUnit(rune(n)) {
			return true
		}
	}
}

// ftsColumn is a column's text as the index is given it: the text, and
// after it the extra terms of its unspaced runs (unspacedTerms); text
// with none is returned as it is, after a scan of its bytes.
func ftsColumn(text string) string {
	text = foldScriptDigits(text)
	for i := 0; i < len(text); i++ {
		if mayBeUnspaced(text[i]) {
			if extra := unspacedTerms(text, nil, nil); len(extra) > 0 {
				return text + " " + string(extra[:len(extra)-1])
			}
			break
		}
	}
	return text
}

// pairSet is a set of bigrams (two runes, or one), open addressing;
// past half full it takes no more and says each is new.
type pairSet struct {
	slots []uint64
	n     int
}

func (p *pairSet) reset(size int) {
	n := 64
	for n < 2*size && n < 1<<16 {
		n <<= 1
	}
	if cap(p.slots) < n {
		p.slots = make([]uint64, n)
	} else {
		p.slots = p.slots[:n]
		clear(p.slots)
	}
	p.n = 0
}

// add says whether the bigram a, b (b 0 for one rune) is new, and takes it.
func (p *pairSet) add(a, b rune) bool {
	if p == nil || 2*p.n >= len(p.slots) {
		return true
	}
	key := uint64(a)<<21 | uint64(b) // never 0: a is at least U+0E00
	mask := uint64(len(p.slots) - 1)
	for i := (key * 0x9E3779B97F4A7C15 >> 20) & mask; ; i = (i + 1) & mask {
		switch p.slots[i] {
		case key:
			return false
		case 0:
			p.slots[i] = key
			p.n++
			return true
		}
	}
}

// unspacedTerms appends to b, each followed by a space, the terms the
// index gets of text's unspaced runs beyond the tokenizer's own: each
// run's bigrams and its last unit alone, and the other letters and digits
// joined to a run without a break ("iPhone15を発売" gives iPhone15), which
// the tokenizer would take with the run as one term. With seen, each
// bigram and letter is appended once.
func unspacedTerms(text string, b []byte, seen *pairSet) []byte {
	// Full-width Latin letters and digits and half-width katakana
	// ("２０２４年", "ｺｰﾋｰ") give their terms in the usual forms too
	// (NFKC), as a search's words are (splitQuery), and then every word
	// of other letters does.
	widths := hasWidthForms(text)
	if widths {
		text = norm.NFKC.String(text)
	}
	var prev rune   // the run's last unit; 0 outside a run
	other := -1     // start of letters and digits not of a run, joined to one
	joined := false // other touches a run
	flushOther := func(end int) {
		if other >= 0 && (joined || widths) {
			b = append(b, text[other:end]...)
			b = append(b, ' ')
		}
		other, joined = -1, false
	}
	endRun := func() {
		if prev != 0 && seen.add(prev, 0) {
			b = utf8.AppendRune(b, prev)
			b = append(b, ' ')
		}
		prev = 0
	}
	for i, r := range text {
		switch {
		case unspacedUnit(r):
			if other >= 0 {
				joined = true
				flushOther(i)
			}
			if prev != 0 && seen.add(prev, r) {
				b = utf8.AppendRune(b, prev)
				b = utf8.AppendRune(b, r)
				b = append(b, ' ')
			}
			prev = r
		case prev != 0 && runMark(r):
			// inside the run, not a unit
		case ftsWordRune(r):
			if other < 0 {
				other = i
				joined = prev != 0 && unspacedUnit(lastRune(text[:i]))
			}
			endRun()
		default:
			endRun()
			flushOther(i)
		}
	}
	endRun()
	flushOther(len(text))
	return b
}

// hasWidthForms says whether s holds a full-width letter or digit
// (ＧＤＰ, ２０２４) or a half-width katakana or Hangul letter (ｺｰﾋｰ),
// which NFKC turns into the usual one. Full-width punctuation and
// symbols (，（）：！？￥), in nearly every Chinese and Japanese text,
// are not counted: they separate words in either width, and taking them
// for width forms put every such text through NFKC and gave the index
// each of its other words twice.
func hasWidthForms(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xEF && s[i+1] >= 0xBC {
			if r, _ := utf8.DecodeRuneInString(s[i:]); widthLetter(r) {
				return true
			}
		}
	}
	return false
}

// widthLetter says whether r is a full-width Latin letter or digit, or
// a half-width katakana or Hangul letter (or the marks written with
// them: ｰ ﾞ ﾟ).
func widthLetter(r rune) bool {
	return r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A || r >= 0xFF66 && r <= 0xFFDC
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// searchTerm is what the index is asked for one word of a search
// (queryWords): the word itself, or, for a word with unspaced letters,
// the terms its runs gave the index, all of them: each run's bigrams (a
// run of one letter: as a prefix, which finds the bigrams it begins and
// the runs it ends), and the letters of other scripts joined to a run.
// check says whether an article the index finds may still lack the
// word (its bigrams may be apart, its marks differ), so that it has to
// be read to know (see Search): not for a word of one or two letters.
func searchTerm(w string) (expr string, check bool) {
	if !hasUnspaced(w) {
		if v := sharpS(w); v != "" {
			return "(" + ftsPhrase(w) + " OR " + ftsPhrase(v) + ")", false
		}
		return ftsPhrase(w), false
	}
	var parts []string
	add := func(p string) {
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	var run []rune
	endRun := func() {
		if len(run) == 1 {
			add(ftsPhrase(string(run)) + "*")
		}
		for k := 0; k+1 < len(run); k++ {
			add(ftsPhrase(string(run[k : k+2])))
		}
		run = run[:0]
	}
	other := -1
	for i, r := range w {
		switch {
		case unspacedUnit(r):
			if other >= 0 {
				add(ftsPhrase(w[other:i]))
				other = -1
			}
			run = append(run, r)
		case len(run) > 0 && runMark(r):
		case ftsWordRune(r):
			endRun()
			if other < 0 {
				other = i
			}
		default:
			endRun()
			if other >= 0 {
				add(ftsPhrase(w[other:i]))
				other = -1
			}
		}
	}
	endRun()
	if other >= 0 {
		add(ftsPhrase(w[other:]))
	}
	check = utf8.RuneCountInString(w) > 2 || strings.ContainsFunc(w, func(r rune) bool { return !unspacedUnit(r) })
	if len(parts) == 1 {
		return parts[0], check
	}
	return "(" + strings.Join(parts, " AND ") + ")", check
}

// splitQuery splits what a person typed into words (queryWords): runs of
// letters and digits (ftsWordRune), with the combining marks written
// inside a run of unspaced letters (Thai vowels and tone marks) kept in
// it, all in lower case, full-width and half-width forms in their usual
// ones (NFKC).
func splitQuery(q string) []string {
	q = foldScriptDigits(q) // as the index has them (ftsBody, ftsColumn)
	if hasWidthForms(q) {
		q = norm.NFKC.String(q) // as the index has them (unspacedTerms)
	}
	q = strings.ToLower(q)
	var out []string
	start := -1
	inRun := false // the last rune was an unspaced letter, or a mark after one
	for i, r := range q {
		in := ftsWordRune(r) || inRun && runMark(r)
		inRun = unspacedUnit(r) || inRun && runMark(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, q[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, q[start:])
	}
	return firstDistinct(out, maxQueryWords)
}

// maxQueryWords bounds the words a search takes: each is a subquery of
// the statement Search builds, and a paragraph pasted as a query (the
// fuzzer's 400 words) went past SQLite's nesting limit ("VIEWs and/or
// subqueries nested too deep"). More words than this find nothing all
// together anyway.
const maxQueryWords = 32

// firstDistinct keeps the first n distinct words, in order.
func firstDistinct(words []string, n int) []string {
	out := words[:0]
	for _, w := range words {
		if len(out) == n {
			break
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// sharpS is w with German's ß written as ss ("straße": "strasse"), or
// its ss as ß, as a German reader types either for the other (a
// keyboard without ß, Swiss spelling): the index keeps ß as a letter of
// its own. "" when w has neither.
func sharpS(w string) string {
	l := strings.ToLower(w)
	switch {
	case strings.Contains(l, "ß"):
		return strings.ReplaceAll(l, "ß", "ss")
	case strings.Contains(l, "ss"):
		return strings.ReplaceAll(l, "ss", "ß")
	}
	return ""
}
