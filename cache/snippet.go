package cache

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsreader/cache/stories"
)

// snippetWords is how many words a search hit's snippet shows.
const snippetWords = 16

// Snippet is the part of text, snippetWords words long (n), that holds
// the most of a search's words: the most distinct words first, then the
// most matches, the earliest window on a tie, widened evenly around its
// matches. "…" marks text left out before or after it (the punctuation
// at either end of the text is kept). With no match the
// text's first words stand for it. A word matches as in TitleMarks, and
// also in another form of the same stem ("recall" finds "recalled"), as
// the index's stemmer would.
func Snippet(text string, words []string, lastIsPrefix bool, n int) string {
	type tok struct {
		start, end int
		word       int // index in words of the word it matches, or -1
	}
	var toks []tok
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		t := tok{start, i, -1}
		w := strings.ToLower(text[start:i])
		for k, q := range words {
			if snippetMatch(w, q, k == len(words)-1 && lastIsPrefix) {
				t.word = k
				break
			}
		}
		toks = append(toks, t)
	}
	if len(toks) == 0 || n <= 0 {
		return ""
	}
	// The best window starts at a match: score each such start.
	best, bestScore := 0, -1
	for i, t := range toks {
		if t.word < 0 {
			continue
		}
		seen := map[int]bool{}
		hits := 0
		for _, u := range toks[i:min(i+n, len(toks))] {
			if u.word >= 0 {
				seen[u.word] = true
				hits++
			}
		}
		if score := len(seen)*1000 + hits; score > bestScore {
			best, bestScore = i, score
		}
	}
	if bestScore >= 0 {
		// Centre the matches: move the start back by half the words the
		// window holds after its last match.
		lastHit := best
		for j := best; j < min(best+n, len(toks)); j++ {
			if toks[j].word >= 0 {
				lastHit = j
			}
		}
		best = max(0, min(best-(n-(lastHit-best+1))/2, len(toks)-n))
	}
	end := min(best+n, len(toks))
	// From the text's start, or the window's first word; to the text's
	// end, or the window's last word.
	from, to := toks[best].start, toks[end-1].end
	if best == 0 {
		from = len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	}
	if end == len(toks) {
		to = len(strings.TrimRightFunc(text, unicode.IsSpace))
	}
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	b.WriteString(text[from:to])
	if end < len(toks) {
		b.WriteString("…")
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// snippetMatch says whether a word of the text (lower case) matches a
// word of the query: the same word, the same but for a plural, a word it
// begins when it is being typed, or the query word with a common ending
// ("recall": "recalled", "recalling").
func snippetMatch(w, q string, prefix bool) bool {
	if w == q || prefix && strings.HasPrefix(w, q) || stories.Normalize(w) == stories.Normalize(q) {
		return true
	}
	stem := func(s string) string {
		s = stories.Normalize(s)
		for _, suf := range []string{"ing", "ed", "es", "e", "er", "ly"} {
			if len(s) > len(suf)+2 && strings.HasSuffix(s, suf) {
				return s[:len(s)-len(suf)]
			}
		}
		return s
	}
	return len(q) >= 3 && stem(w) == stem(q)
}
