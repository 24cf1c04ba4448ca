package cache

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsreader/cache/stories"
)

// snippetWords is how many words a search hit's snippet shows.
const snippetWords = 16

// Snippet is the part of text, snippetWords words long (n), that holds
// the most of a search's words: the most distinct words first, then the
// most matches, the earliest window on a tie, widened evenly around its
// matches. "…" marks text left out before or after it (the punctuation
// at either end of the text is kept), and the end of a word, or of what
// lies between two, cut at snippetRunes. With no match the
// text's first words stand for it. A word matches as in TitleMarks, and
// also in another form of the same stem ("recall" finds "recalled"), as
// the index's stemmer would.
func Snippet(text string, words []string, lastIsPrefix bool, n int) string {
	sn, _ := snippet(text, false, words, lastIsPrefix, n)
	return sn
}

// snippet is Snippet, and how many of the words its window holds. With
// cut, text is the start of a longer text: its end is no end.
func snippet(text string, cut bool, words []string, lastIsPrefix bool, n int) (string, int) {
	type tok struct {
		start, end int
		word       int // index in words of the word it matches, or -1
		at         int // where in text a word of unspaced letters matches
	}
	// A word matches only words that begin with its first letter: the
	// rest of the test runs for those only. A word of Chinese, Japanese,
	// Korean or Thai letters matches a word of the text that holds it
	// (a run of such letters is one word here), as typed (fold would
	// drop a Thai word's marks).
	typed := words[:min(len(words), 64)]
	words = foldAll(typed)
	first := make([]rune, len(words))
	inside := make([]bool, len(words))
	for k, q := range words {
		first[k], _ = utf8.DecodeRuneInString(q)
		inside[k] = hasUnspaced(typed[k])
	}
	// next is the rune at i, its size and whether it is part of a word,
	// without decoding ASCII.
	next := func(i int) (rune, int, bool) {
		if c := text[i]; c < utf8.RuneSelf {
			return rune(c), 1, 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		return r, size, isWordRune(r)
	}
	toks := make([]tok, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		r, size, in := next(i)
		if !in {
			i += size
			continue
		}
		// A word ends where letters of an unspaced script meet others
		// ("iPhone15を発売": iPhone15, を発売), as the index splits it.
		start, unit := i, size > 1 && unspacedUnit(r)
		inRun := false // the last rune was an unspaced letter, or a mark after one
		for i < len(text) {
			r, size, in := next(i)
			if !in && !(inRun && runMark(r)) || in && (size > 1 && unspacedUnit(r)) != unit {
				break
			}
			inRun = size > 1 && (unspacedUnit(r) || inRun && runMark(r))
			i += size
		}
		t := tok{start, i, -1, -1}
		lr := foldRune(r)
		w := ""
		for k, q := range words {
			if inside[k] {
				if at := indexFold(text[start:i], typed[k], 0); at >= 0 {
					t.word, t.at = k, start+at
					break
				}
				continue
			}
			if first[k] != lr {
				continue
			}
			if w == "" {
				w = fold(text[start:i])
			}
			if snippetMatch(w, q, k == len(words)-1 && lastIsPrefix) {
				t.word = k
				break
			}
		}
		toks = append(toks, t)
	}
	if len(toks) == 0 || n <= 0 {
		return "", 0
	}
	// The best window starts at a match: score each such start.
	best, bestScore := 0, -1
	for i, t := range toks {
		if t.word < 0 {
			continue
		}
		var seen uint64
		hits := 0
		for _, u := range toks[i:min(i+n, len(toks))] {
			if u.word >= 0 {
				seen |= 1 << u.word
				hits++
			}
		}
		if score := bits.OnesCount64(seen)*1000 + hits; score > bestScore {
			best, bestScore = i, score
		}
	}
	found := max(bestScore/1000, 0)
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
	if end == len(toks) && !cut {
		to = len(strings.TrimRightFunc(text, unicode.IsSpace))
	}
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	// The words and what lies between them, each shortened to
	// snippetRunes (a blob of letters or a rule of "=" is no reading).
	at := from
	for j := best; j < end; j++ {
		writeShort(&b, text[at:toks[j].start])
		if tk := toks[j]; tk.at >= 0 {
			writeAround(&b, text[tk.start:tk.end], tk.at-tk.start)
		} else {
			writeShort(&b, text[tk.start:tk.end])
		}
		at = toks[j].end
	}
	writeShort(&b, text[at:max(at, to)])
	if end < len(toks) || cut {
		b.WriteString("…")
	}
	return b.String(), found
}

// snippetRunes is how much of one word, or of what lies between two
// words, a snippet shows.
const snippetRunes = 40

// writeShort writes s, or its first snippetRunes runes and "…".
func writeShort(b *strings.Builder, s string) {
	if len(s) <= snippetRunes {
		b.WriteString(s)
		return
	}
	n := 0
	for i := range s {
		if n == snippetRunes {
			b.WriteString(s[:i])
			b.WriteString("…")
			return
		}
		n++
	}
	b.WriteString(s)
}

// writeAround writes s, or, when it is longer than snippetRunes runes,
// snippetRunes of them from a few before at (a match inside a long run
// of unspaced letters), "…" marking what is left out.
func writeAround(b *strings.Builder, s string, at int) {
	if utf8.RuneCountInString(s) <= snippetRunes {
		b.WriteString(s)
		return
	}
	from := at
	for n := 0; from > 0 && n < snippetRunes/4; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	for from > 0 { // on a letter, not on a mark written on the one before
		r, _ := utf8.DecodeRuneInString(s[from:])
		if !runMark(r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	if from > 0 {
		b.WriteString("…")
	}
	writeShort(b, s[from:])
}

// snippetHead is how much of an article's HTML a snippet is first looked
// for in: flattening and reading a long article whole cost about 40 µs a
// kilobyte, a page of 50 hits of 20 KB some 40 ms.
const snippetHead = 6000

// hitSnippet is the snippet of an article found by a search: from the
// start of its text when that holds every word of the query (or some,
// when its title holds the others), else from the whole text.
func hitSnippet(title, sum, con string, words []string, lastIsPrefix bool) string {
	if len(sum)+len(con) > 2*snippetHead {
		sn, found := snippet(indexText(htmlHead(sum), htmlHead(con)), true, words, lastIsPrefix, snippetWords)
		if found == min(len(words), 64) || found > 0 && len(TitleMarks(title, words, lastIsPrefix)) > 0 {
			return sn
		}
	}
	return Snippet(indexText(sum, con), words, lastIsPrefix, snippetWords)
}

// htmlHead is about the first snippetHead bytes of an HTML fragment, cut
// before a tag (so no tag or character reference is cut in two).
func htmlHead(h string) string {
	if len(h) <= snippetHead {
		return h
	}
	cut := strings.LastIndexByte(h[:snippetHead], '<')
	if cut <= 0 {
		cut = snippetHead
		for cut > 0 && !utf8.RuneStart(h[cut]) {
			cut--
		}
	}
	return h[:cut]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// fold is a word as the index's tokenizer compares it (unicode61
// remove_diacritics): lower case, Latin letters without their accents,
// so that "cafe" finds "Café" in a snippet and a title as in the index.
func fold(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			b := make([]rune, 0, len(w))
			for _, r := range w {
				if !unicode.Is(unicode.Mn, r) {
					b = append(b, foldRune(r))
				}
			}
			return string(b)
		}
	}
	return strings.ToLower(w)
}

// foldRune is one rune of fold: a Latin letter lower case and without
// its accent (the first rune of its canonical decomposition).
func foldRune(r rune) rune {
	if r >= 0xC0 && unicode.Is(unicode.Latin, r) {
		var buf [utf8.UTFMax]byte
		if d := norm.NFD.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition(); d != nil {
			r, _ = utf8.DecodeRune(d)
		}
	}
	return unicode.ToLower(r)
}

// foldAll is fold of each word, in a new slice.
func foldAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = fold(w)
	}
	return out
}

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
				s = s[:len(s)-len(suf)]
				// "running", "stopped": one of a doubled consonant
				// goes with the ending, as the index's stemmer does.
				if n := len(s); (suf == "ing" || suf == "ed") && s[n-1] == s[n-2] && 'b' <= s[n-1] && s[n-1] <= 'z' && !strings.ContainsRune("aeiouylsz", rune(s[n-1])) {
					s = s[:n-1]
				}
				return s
			}
		}
		return s
	}
	return len(q) >= 3 && stem(w) == stem(q)
}
