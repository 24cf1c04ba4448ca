package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wrapped is the shortest line, in columns (a Chinese, Japanese or
// Korean letter takes two), after which a single line break of plain
// text is taken for wrapping rather than meant.
const wrapped = 50

// paragraphs is an item's text as HTML that keeps its paragraphs when
// the text is plain: an Atom summary or content of type "text" (the
// parser hands on its characters), or an RSS description written as
// plain text. HTML collapses its line breaks, which ran its paragraphs
// together. So text with a line break and no markup becomes a <p> for
// each run of lines between blank lines. Within one, a line break after
// a short line (a heading, a list, a signature) or before a list item
// ("- ", "* ", "• ", "1. ", "2) ") is kept; one after a long line is
// where the text was wrapped, and stays a space. Its '<' and '>' are
// escaped; '&' is not: an entity in it stays one, as feeds that escape
// twice mean. Text with any tag is HTML and is returned as it is.
func paragraphs(s string) string {
	if !strings.ContainsAny(s, "\n\r") || hasMarkup(s) {
		return s
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(s) // not markup, so text
	var b strings.Builder
	b.Grow(len(s) + 32)
	open := false // inside a <p>
	prev := 0     // the columns of the <p>'s line before
	var last rune // its last
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if open {
				b.WriteString("</p>")
				open = false
			}
			continue
		}
		switch {
		case !open:
			b.WriteString("<p>")
			open = true
		case prev < wrapped || listItem(line):
			b.WriteString("<br>")
		default:
			r, _ := utf8.DecodeRuneInString(line)
			if !spacelessScript(last) || !spacelessScript(r) {
				b.WriteByte(' ')
			} // Chinese and Japanese join without a space
		}
		b.WriteString(line)
		prev = columns(line)
		last, _ = utf8.DecodeLastRuneInString(line)
	}
	if open {
		b.WriteString("</p>")
	}
	return b.String()
}

// hasMarkup says whether s holds a tag, a comment or a declaration: '<'
// followed by a letter, '/', '!' or '?'.
func hasMarkup(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if asciiLetter(c) || c == '/' || c == '!' || c == '?' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// listItem says whether a line of plain text starts a list item: a
// bullet and a space, or a number of up to three digits with '.' or ')'
// and a space.
func listItem(line string) bool {
	for _, bullet := range []string{"- ", "* ", "• ", "· ", "– ", "+ "} {
		if strings.HasPrefix(line, bullet) {
			return true
		}
	}
	n := 0
	for n < len(line) && n < 4 && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	return n > 0 && n < 4 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && line[n+1] == ' '
}

// spacelessScript says whether r is written without spaces around it:
// Han, kana and the CJK punctuation and full-width forms. (Korean spaces
// its words; Thai wraps at the spaces between its phrases.)
func spacelessScript(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x30FF, r >= 0xFF00 && r <= 0xFFEF, r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// columns is how wide line is in a terminal, near enough for wrapped:
// a rune a column, a Chinese, Japanese or Korean letter two.
func columns(line string) int {
	n := 0
	for _, r := range line {
		n++
		if spacelessScript(r) || r >= 0xAC00 && r <= 0xD7A3 {
			n++
		}
	}
	return n
}
