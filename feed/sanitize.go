package feed

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Forbidden reports whether r must never reach a terminal: C0 and C1
// controls (other than tab and newline), DEL, and the Unicode bidi
// embedding, override, isolate and mark characters.
func Forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0xfeff:
		return true
	}
	return false
}

// stripControls removes escape sequences (CSI, OSC, DCS and two-byte ESC
// forms, whether introduced by ESC or by the C1 equivalents) and every
// other forbidden rune. Invalid UTF-8 is dropped. Carriage returns and
// the Unicode line separators become newlines.
func stripControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b: // ESC: skip the sequence it introduces
			i = skipEscape(s, i+size)
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98: // C1 OSC, DCS, PM, APC, SOS
			i = skipString(s, i+size)
			continue
		case r == '\r':
			if !strings.HasPrefix(s[i+size:], "\n") {
				b.WriteByte('\n')
			}
		case r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r == utf8.RuneError && size <= 1:
			// invalid byte: drop
		case Forbidden(r):
			// drop
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// stripEscapeBytes removes ESC-introduced sequences from raw bytes and
// leaves every other byte alone.
func stripEscapeBytes(b []byte) []byte {
	s := string(b)
	out := make([]byte, 0, len(b))
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i = skipEscape(s, i+1)
			continue
		}
		out = append(out, s[i])
		i++
	}
	return out
}

// skipEscape returns the index just past the escape sequence whose ESC
// byte ended at i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', '^', '_', 'X':
		return skipString(s, i+1)
	}
	// Two-byte (or intermediate-byte) forms: ESC, intermediates 0x20-0x2f, final.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x3f && c < 0x40 || c >= 0x80 {
			return i - 1 // malformed: stop before the odd byte
		}
	}
	return i
}

// skipString skips an OSC/DCS/PM/APC/SOS payload up to BEL or ST.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		case s[i] == '\n':
			return i // never swallow past a line: an unterminated string is dropped up to here
		}
		i++
	}
	return i
}

var spaces = regexp.MustCompile(`\s+`)

// Line turns feed text into one safe line: entities decoded, escape
// sequences and control characters removed, whitespace collapsed.
func Line(s string) string {
	s = stripControls(html.UnescapeString(stripControls(s)))
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// Block is Line for multi-line text: newlines survive, runs of blank lines
// collapse to one.
func Block(s string) string {
	s = stripControls(html.UnescapeString(stripControls(s)))
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(strings.Join(strings.Fields(l), " "))
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

var numericEntity = regexp.MustCompile(`&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});?`)

var namedBidi = strings.NewReplacer("&lrm;", "", "&rlm;", "", "&LRM;", "", "&RLM;", "")

// HTML keeps markup but removes forbidden runes, raw or written as
// numeric character references, so the renderer never decodes one.
func HTML(s string) string {
	s = stripControls(s)
	s = namedBidi.Replace(s)
	return numericEntity.ReplaceAllStringFunc(s, func(m string) string {
		num := strings.TrimSuffix(m[2:], ";")
		var n uint64
		var err error
		if num[0] == 'x' || num[0] == 'X' {
			n, err = strconv.ParseUint(num[1:], 16, 32)
		} else {
			n, err = strconv.ParseUint(num, 10, 32)
		}
		if err != nil || n > utf8.MaxRune || Forbidden(rune(n)) && n != '\t' && n != '\n' || n == 0x2028 || n == 0x2029 {
			return ""
		}
		return m
	})
}

// Link returns u only when it is an absolute http or https URL free of
// forbidden runes and whitespace; anything else becomes "".
func Link(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || strings.IndexFunc(u, func(r rune) bool { return Forbidden(r) || r == ' ' || r == '\n' || r == '\t' }) >= 0 {
		return ""
	}
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return ""
	}
	return u
}
