package cache

import (
	"database/sql/driver"
	"strings"
	"sync"

	"modernc.org/sqlite"
)

// The full-text index records in which columns an article holds a term,
// not how often or where (detail=column). A word's second and later
// occurrences in the body therefore add nothing the index keeps but the
// column's length, yet cost the index's tokenizer as much to split, stem
// and hash as the first, on the single writer and inside the save
// transaction. About half the words of English prose are repeats, so the
// body is handed to the index with each word once (ftsBody), in the
// read-ahead that runs beside the writer.

func init() {
	// newsreader_fts(summary, content) is the body the full-text index is
	// given for an article: its plain text (newsreader_plain), each word
	// once (ftsBody).
	sqlite.MustRegisterDeterministicScalarFunction("newsreader_fts", 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		sum, _ := args[0].(string)
		con, _ := args[1].(string)
		return ftsBody(indexText(sum, con)), nil
	})
}

// ftsBody is text with each word but its first occurrence left out,
// the words kept in order and one space apart. A word here is a run of
// bytes split only at ASCII bytes that are not letters or digits: the
// index's tokenizer (unicode61, default options) always takes those for
// separators, so each piece kept gives it exactly the terms the piece gave
// in place, and the terms of the whole are the terms of text. Pieces that
// differ only in ASCII case give the same terms (the tokenizer folds case)
// and count as one; others that fold to the same term are kept, which is
// harmless.
func ftsBody(text string) string {
	d, _ := dedupers.Get().(*deduper)
	if d == nil {
		d = new(deduper)
	}
	s := d.body(foldScriptDigits(text))
	dedupers.Put(d)
	return s
}

var dedupers sync.Pool

// deduper is ftsBody's scratch, reused: an open-addressing set of the
// words kept so far, each slot the index+1 of a word in words (0 empty).
type deduper struct {
	slots []int32
	words []piece
	out   []byte
	pairs pairSet // the bigrams of unspaced runs kept so far
	extra []byte  // those bigrams
}

type piece struct {
	start, end int32
	hash       uint32
}

func (d *deduper) body(text string) string {
	s, wide := d.dedupe(text)
	if wide {
		// The bigrams of unspaced runs follow the text, each once. A
		// word left out is a repeat of one kept, with the same bigrams.
		d.pairs.reset(len(s) / 3)
		d.extra = unspacedTerms(s, d.extra[:0], &d.pairs)
		if n := len(d.extra); n > 0 {
			s += " " + string(d.extra[:n-1])
		}
	}
	return s
}

// dedupe is body without the terms of unspaced runs, and whether text
// may hold some (mayBeUnspaced).
func (d *deduper) dedupe(text string) (string, bool) {
	if len(text) == 0 {
		return "", false
	}
	wide := false
	// A table for one distinct word in eight bytes, at most half full (prose has
	// one in six or seven, counting the spaces, and repeats half of them);
	// past that the rest of the text is kept as it is.
	n := 64
	for n < len(text)/4 && n < 1<<16 {
		n <<= 1
	}
	if cap(d.slots) < n {
		d.slots = make([]int32, n)
	} else {
		d.slots = d.slots[:n]
		clear(d.slots)
	}
	d.words = d.words[:0]
	out := d.out[:0]
	mask := uint32(n - 1)
	for i := 0; i < len(text); {
		for i < len(text) && ftsFold[text[i]] == 0 {
			i++
		}
		j, h := i, uint32(2166136261)
		for ; j < len(text); j++ {
			c := ftsFold[text[j]]
			if c == 0 {
				break
			}
			if c >= 0x80 && mayBeUnspaced(c) {
				wide = true
			}
			h = (h ^ uint32(c)) * 16777619
		}
		if j == i {
			break
		}
		if len(d.words) >= n/2 { // table full enough: keep the rest as it is
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, text[i:]...)
			wide = wide || hasUnspaced(text[i:])
			break
		}
		slot := h & mask
		for {
			k := d.slots[slot]
			if k == 0 {
				d.words = append(d.words, piece{int32(i), int32(j), h})
				d.slots[slot] = int32(len(d.words))
				if len(out) > 0 {
					out = append(out, ' ')
				}
				out = append(out, text[i:j]...)
				break
			}
			if w := d.words[k-1]; w.hash == h && foldedEqual(text[w.start:w.end], text[i:j]) {
				break
			}
			slot = (slot + 1) & mask
		}
		i = j
	}
	d.out = out
	return string(out), wide
}

// foldedEqual says whether a and b are the same but for ASCII case.
func foldedEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x != y {
			if x|0x20 != y|0x20 || x|0x20 < 'a' || x|0x20 > 'z' {
				return false
			}
		}
	}
	return true
}

// ftsFold is how dedupe reads a byte of a word: 0 for ASCII that is not a
// letter or digit (it ends the word), an ASCII letter in lower case, any
// other byte as it is. A table, as it is read for every byte of every
// article's text, and branches on each mispredict at every space.
var ftsFold = func() (t [256]byte) {
	for c := range t {
		b := byte(c)
		switch {
		case b >= 0x80:
			t[c] = b
		case asciiAlnum(b):
			t[c] = b | 0x20*(b>>6&1) // letters to lower case; digits have bit 6 clear
		}
	}
	return t
}()

func asciiAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// The plain text writes <sup>2</sup> as ² (feed.Superscript), as feeds
// often write km² and CO₂ themselves, and the index's tokenizer keeps
// such a digit in its word: km² was one term, km2 another, and a search
// for km2 (what one types) missed it. The index and the queries take
// superscript and subscript digits and signs as their ASCII forms.
var scriptDigits = strings.NewReplacer(
	"⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9", "⁺", "+", "⁻", "-",
	"₀", "0", "₁", "1", "₂", "2", "₃", "3", "₄", "4", "₅", "5", "₆", "6", "₇", "7", "₈", "8", "₉", "9", "₊", "+", "₋", "-")

// foldScriptDigits is s with superscript and subscript digits and signs
// as ASCII; s itself when it has none (most texts: two byte scans).
func foldScriptDigits(s string) string {
	if hasScriptDigit(s) {
		return scriptDigits.Replace(s)
	}
	return s
}

// hasScriptDigit says whether s may hold one of scriptDigits' keys: ¹ ² ³
// (C2 B9, C2 B2, C2 B3) or a rune of U+2070-U+208F (E2 81 B0-BF, E2 82
// 80-8F).
func hasScriptDigit(s string) bool {
	for i := strings.IndexByte(s, 0xC2); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c == 0xB2 || c == 0xB3 || c == 0xB9 {
			return true
		}
		j := strings.IndexByte(s[i+1:], 0xC2)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	for i := strings.IndexByte(s, 0xE2); i >= 0 && i+2 < len(s); {
		if b, c := s[i+1], s[i+2]; b == 0x81 && c >= 0xB0 || b == 0x82 && c <= 0x8F {
			return true
		}
		j := strings.IndexByte(s[i+1:], 0xE2)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
