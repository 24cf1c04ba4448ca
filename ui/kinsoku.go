package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Japanese and Chinese line breaking (kinsoku): a line does not start
// with a closing mark (。、」…) nor end with an opening one (「…).
// ansi.Wrap cuts a run of CJK letters anywhere, so a line could start
// with 。; text holding wide letters is wrapped here instead: a line may
// break at a space (which goes) or between two letters either of which
// is wide, but not before a closing mark nor after an opening one, so
// the letter before a mark goes down with it (oidashi). A word longer
// than a line is cut.
const (
	noLineStart = "、。，．・：；？！）］｝」』】〕〉》〙〗〟’”｠ヽヾゝゞ々…‥,.!?:;)]}"
	noLineEnd   = "（［｛「『【〔〈《〘〖〝‘“｟([{"
)

// cjkWrap wraps plain text (no escape sequences) holding wide letters to
// width cells; ok is false for other text, which ansi.Wrap wraps.
func cjkWrap(s string, width int) (lines []string, ok bool) {
	if strings.IndexByte(s, 0x1b) >= 0 || strings.IndexByte(s, '\n') >= 0 || !hasWide(s) {
		return nil, false
	}
	// Segments: what may not be broken, each with whether a space came
	// before it.
	type seg struct {
		text  string
		w     int
		space string // the spaces before it, kept unless it starts a line
		lo    int    // where text starts in s
	}
	var segs []seg
	space, glue := "", false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) && r != 0xA0 {
			// Slices of s, not sums of strings: a long run (of spaces,
			// of pieces joined) costs its length once, not its square.
			if space == "" {
				space = s[i : i+size]
			} else {
				space = s[i-len(space) : i+size]
			}
			glue = false
			i += size
			continue
		}
		// The unit: a wide cluster (a letter, an emoji with its
		// joiners, a flag), or a run of narrow ones (a word).
		c := cluster(s[i:])
		j := i + len(c)
		if !wideCluster(c) {
			for j < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) && r2 != 0xA0 {
					break
				}
				c2 := cluster(s[j:])
				if wideCluster(c2) {
					break
				}
				j += len(c2)
			}
		}
		unit := s[i:j]
		first, _ := utf8.DecodeRuneInString(unit)
		last, _ := utf8.DecodeLastRuneInString(unit)
		if len(segs) > 0 && space == "" && (glue || first == wordJoiner || strings.ContainsRune(noLineStart, first)) {
			// unit follows the segment at once (no space between)
			g := &segs[len(segs)-1]
			g.text = s[g.lo:j]
			g.w += ansi.StringWidth(unit)
		} else {
			if len(segs) == 0 {
				space = ""
			}
			segs = append(segs, seg{unit, ansi.StringWidth(unit), space, i})
		}
		glue = last == wordJoiner || strings.ContainsRune(noLineEnd, last)
		space = ""
		i = j
	}
	var line strings.Builder
	lw := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lw = 0
	}
	for _, g := range segs {
		sep := 0
		if lw > 0 {
			sep = ansi.StringWidth(g.space)
		}
		if lw > 0 && lw+sep+g.w > width {
			flush()
			sep = 0
		}
		if sep > 0 {
			line.WriteString(g.space)
			lw += sep
		}
		// Longer than a line: cut it, between clusters.
		for t := g.text; t != ""; {
			c := cluster(t)
			t = t[len(c):]
			cw := ansi.StringWidth(c)
			if lw > 0 && lw+cw > width {
				flush()
			}
			line.WriteString(c)
			lw += cw
		}
	}
	if lw > 0 || len(lines) == 0 {
		flush()
	}
	return lines, true
}

func hasWide(s string) bool {
	for _, r := range s {
		if r >= 0x1100 && wideCluster(string(r)) {
			return true
		}
	}
	return false
}

// cluster is the grapheme cluster s starts with (its first byte when s
// does not start with valid UTF-8).
func cluster(s string) string {
	if s[0] < utf8.RuneSelf && (len(s) == 1 || s[1] < utf8.RuneSelf) {
		return s[:1]
	}
	c, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if c == "" {
		_, n := utf8.DecodeRuneInString(s)
		c = s[:n]
	}
	return c
}

// wideCluster says whether a cluster takes two cells.
func wideCluster(c string) bool {
	if len(c) == 1 {
		return false
	}
	return ansi.StringWidth(c) == 2
}
