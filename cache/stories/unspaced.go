package stories

import (
	"unicode"
	"unicode/utf8"
)

// Chinese, Japanese, Thai (and Lao, Khmer, Myanmar) are written without
// spaces between words, and Korean glues its particles to its nouns
// ("서울에서"). Read takes each run of such letters as its overlapping
// two-letter pieces (bigrams: "東京の天気" gives 東京 京の の天 天気), as
// the full-text index does (cache/cjk.go), so two reports of one event
// share terms though they never write a word alike whole.

// Unspaced says whether r is a letter of a script written without
// spaces between words (Han, Hiragana, Katakana, Bopomofo; Thai, Lao,
// Khmer, Myanmar) or whose words carry their particles (Hangul), or one
// of the marks written inside them: the Japanese iteration and prolonged
// sound marks, 〆 and 〇.
func Unspaced(r rune) bool {
	switch {
	case r < 0x0E00:
		return false
	case r <= 0x0EFF:
		return true // Thai, Lao
	case r < 0x1000:
		return false
	case r <= 0x109F:
		return true // Myanmar
	case r < 0x1100:
		return false
	case r <= 0x11FF:
		return true // Hangul Jamo
	case r >= 0x1780 && r <= 0x17FF, r >= 0x19E0 && r <= 0x19FF:
		return true // Khmer, Khmer symbols
	case r < 0x2E80:
		return false
	case r >= 0x3005 && r <= 0x3007, r >= 0x3031 && r <= 0x3035, r == 0x303B, r == 0x303C,
		r == 0x30FC, r == 0xFF70, r == 0xFF9E, r == 0xFF9F:
		return true // 々〆〇, 〱-〵, 〻〼, ー, ｰ, ﾞﾟ
	case r >= 0xA9E0 && r <= 0xA9FF, r >= 0xAA60 && r <= 0xAA7F:
		return true // Myanmar extensions
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// UnspacedUnit says whether r is a letter of a run's bigrams: an
// unspaced letter or digit (combining marks belong to the run but are
// not units: the index's tokenizer takes them for separators). The
// commonest blocks are answered without the Unicode tables.
func UnspacedUnit(r rune) bool {
	switch {
	case r < 0x0E00:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA,
		r >= 0x30FC && r <= 0x30FF, r >= 0x0E01 && r <= 0x0E30, r == 0x0E32, r == 0x0E33, r >= 0x0E40 && r <= 0x0E46, r >= 0x0E50 && r <= 0x0E59:
		return true
	case r >= 0x0E34 && r <= 0x0E3A, r >= 0x0E47 && r <= 0x0E4E, r == 0x0E31:
		return false // Thai vowel and tone marks
	}
	return Unspaced(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// RunMark says whether r, following a run's letter, stays in the run
// without being one of its units: a combining mark.
func RunMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc) }

// appendRun appends the tokens of the unspaced run at text[i:] (whose
// first rune is a unit), on the given line, at most limit tokens in all
// (0: no limit): its bigrams, or its one letter alone. It returns where
// the run ends.
func appendRun(out []token, text string, i int, initial bool, limit, line int) ([]token, int) {
	var prev rune
	prevAt, units := 0, 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case UnspacedUnit(r):
			units++
			if prev != 0 && (limit <= 0 || len(out) < limit) {
				term := text[prevAt : i+n] // side by side: the text's own bytes
				if end := prevAt + utf8.RuneLen(prev); end != i {
					term = text[prevAt:end] + string(r) // a mark between them
				}
				out = append(out, token{term: term, initial: initial, line: line})
				initial = false
			}
			prev, prevAt = r, i
		case RunMark(r):
		default:
			goto end
		}
		i += n
	}
end:
	if units == 1 && (limit <= 0 || len(out) < limit) {
		out = append(out, token{term: text[prevAt : prevAt+utf8.RuneLen(prev)], initial: initial, line: line})
	}
	return out, i
}
