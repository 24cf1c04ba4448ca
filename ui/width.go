package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// stableWidth makes text occupy as many cells to the layout as it does on
// the terminal. Lip Gloss measures grapheme clusters; the renderer and
// terminals without grapheme support (tmux, most others) add up code
// points. They disagree on the clusters of Indic scripts (a vowel sign
// or a conjunct is one cluster of one cell to Lip Gloss, a cell for each
// spacing code point to tmux), and a row holding one ran past the frame,
// pushing the panes' borders out. In such a cluster a word joiner (U+2060,
// no cell to either count) goes before each code point that takes a cell,
// so each is a cluster of its own and both count alike; combining marks
// stay with their letter. The joiner also tells the wrapping (cjkWrap,
// truncate) that the pieces are one: a line never breaks between them.
// Emoji sequences disagree the same way ("👩‍👩‍👧" is two cells to Lip
// Gloss, six to tmux; "❤️" two and one): in such a cluster the joiners
// between emoji, variation selector 16, the skin tone modifiers and the
// combining keycap are left out, leaving code points both count alike
// ("👩👩👧", "❤"); a joiner after a letter spells a script (Malayalam,
// Sinhala, Bengali) and stays. The text itself (the cache, --json) keeps
// them. Plain text only (a string with escape sequences is left alone).
func stableWidth(s string) string {
	simple := true
	for i := 0; i < len(s) && simple; {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		simple = simpleRune(r)
		i += size
	}
	if simple || strings.IndexByte(s, 0x1b) >= 0 || ansi.StringWidth(s) == ansi.StringWidthWc(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for s != "" {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if c == "" {
			b.WriteString(s)
			break
		}
		s = s[len(c):]
		if w == ansi.StringWidthWc(c) {
			b.WriteString(c)
			continue
		}
		prev, first := rune(-1), true
		for _, r := range c {
			if emojiModifier(r) || r == 0x200d && !unicode.IsLetter(prev) && !unicode.IsMark(prev) {
				continue
			}
			if !first && ansi.StringWidthWc(string(r)) > 0 {
				b.WriteRune(wordJoiner)
			}
			b.WriteRune(r)
			prev, first = r, false
		}
	}
	return b.String()
}

// wordJoiner is what stableWidth puts between the pieces of a cluster.
const wordJoiner = '\u2060'

// stableFor is stableWidth for text going to a terminal; exact text (a
// file) keeps its clusters as they are.
func stableFor(s string, exact bool) string {
	if exact {
		return s
	}
	return stableWidth(s)
}

// truncate cuts s to w cells with tail, as ansi.Truncate does, but never
// inside a run of pieces stableWidth joined (a family emoji drawn as its
// members): the whole run goes.
func truncate(s string, w int, tail string) string {
	t := ansi.Truncate(s, w, tail)
	if t == s || !strings.ContainsRune(s, wordJoiner) || strings.IndexByte(s, 0x1b) >= 0 {
		return t
	}
	keep := strings.TrimSuffix(t, tail)
	if !strings.HasPrefix(s, keep) {
		return t
	}
	for keep != "" {
		rest := s[len(keep):]
		r, _ := utf8.DecodeRuneInString(rest)
		last, n := utf8.DecodeLastRuneInString(keep)
		if r != wordJoiner && last != wordJoiner {
			break
		}
		if last == wordJoiner {
			keep = keep[:len(keep)-n]
			continue
		}
		// Drop keep's last cluster, which the joiner after it binds to
		// what was cut.
		c := lastCluster(keep)
		keep = keep[:len(keep)-len(c)]
	}
	return keep + tail
}

// lastCluster is the last grapheme cluster of s.
func lastCluster(s string) string {
	last := s
	for rest := s; rest != ""; rest = rest[len(cluster(rest)):] {
		last = rest
	}
	return last
}

// typedTail is text being typed as it fits w cells: all of it, or its end
// after "…" (where the cursor is) when it is longer. Drawn for the
// terminal (stableWidth).
func typedTail(s string, w int) string {
	s = stableWidth(s)
	width := ansi.StringWidth(s)
	if width <= w {
		return s
	}
	// The width left is kept as clusters go (a cluster's cells are its
	// share of the whole): measuring what is left again at each one made
	// a pasted page take seconds to draw.
	w = max(w-1, 0)
	for s != "" && width > w {
		c := cluster(s)
		s, width = s[len(c):], width-ansi.StringWidth(c)
		for s != "" && s[0] == 0xe2 && strings.HasPrefix(s, string(wordJoiner)) {
			// the pieces stableWidth joined go together
			_, n := utf8.DecodeRuneInString(s)
			s, width = s[n:], width-ansi.StringWidth(s[:n])
			if s != "" {
				c := cluster(s)
				s, width = s[len(c):], width-ansi.StringWidth(c)
			}
		}
	}
	return "…" + s
}

// emojiModifier says whether r only modifies the emoji before it: variation
// selector 16 (emoji presentation), a skin tone, the combining keycap.
func emojiModifier(r rune) bool {
	return r == 0xfe0f || r == 0x20e3 || r >= 0x1f3fb && r <= 0x1f3ff
}

// simpleRune says whether r takes one cell to both counts and never joins
// a cluster: Latin letters with their accents precomposed, and the
// punctuation of news text (dashes, curly quotes, the ellipsis, the
// euro). A text of ASCII and these needs no measuring, which a list
// row's headline would otherwise cost on every frame.
func simpleRune(r rune) bool {
	return r >= 0xa0 && r <= 0x24f && r != 0xad || r >= 0x2010 && r <= 0x2027 || r >= 0x2030 && r <= 0x205e || r == 0x20ac
}
