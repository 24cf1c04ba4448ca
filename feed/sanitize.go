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

// WidthUnstable reports whether r is the soft hyphen, which stripControls
// drops: it has no cell to the layout (lipgloss) and one on tmux and most
// terminals, so a row holding one ran out of line, and the index's
// tokenizer takes it for a separator, so "Bundes\u00adregierung" was not
// found as "Bundesregierung" (German and Dutch news put it in long
// words). Callers that see it must take the slow path. Emoji sequences,
// which layout and terminal also measure differently, are kept: the UI
// evens them out as it draws (ui's stableWidth), so the cache, --json
// and --show keep the text as the feed wrote it.
func WidthUnstable(r rune) bool { return r == 0xad }

// stripControls removes escape sequences (CSI, OSC, DCS and two-byte ESC
// forms, whether introduced by ESC or by the C1 equivalents) and every
// other forbidden rune. Invalid UTF-8 is dropped. Carriage returns and
// the Unicode line separators become newlines; soft hyphens go
// (see WidthUnstable).
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
		case Forbidden(r), WidthUnstable(r):
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
// sequences and control characters removed, whitespace collapsed. Its
// output is a fixpoint: Line(Line(s)) == Line(s).
func Line(s string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(decode(s), " "))
}

// Words is Line with every kind of space collapsed, the no-break and
// other Unicode spaces Line keeps too: a title, a pasted query.
func Words(s string) string { return strings.Join(strings.Fields(Line(s)), " ") }

// Block is Line for multi-line text: newlines survive, runs of blank lines
// collapse to one. Block(Block(s)) == Block(s).
func Block(s string) string {
	lines := strings.Split(decode(s), "\n")
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

// maxDecodes bounds how many layers of entity encoding decode unwraps
// (feeds often encode twice: "AT&amp;amp;T").
const maxDecodes = 4

// decode strips controls and decodes entities until nothing decodes any
// more, stripping again after every layer (removing a control can splice
// a new reference together). Text still encoded after maxDecodes layers
// has its ampersands replaced, so the result never decodes to anything
// else: whatever decodes it again sees the same safe text.
func decode(s string) string {
	s = stripControls(s)
	for range maxDecodes {
		if !strings.Contains(s, "&") {
			return s
		}
		d := html.UnescapeString(s)
		if d == s {
			return s
		}
		s = stripControls(d)
	}
	if html.UnescapeString(s) != s {
		s = strings.ReplaceAll(s, "&", "\uff06") // fullwidth ampersand: looks the same, decodes to nothing
	}
	return s
}

var namedBidi = []string{"&lrm;", "&rlm;", "&LRM;", "&RLM;"}

// HTML keeps markup but removes forbidden runes, raw or written as
// character references, so the renderer never decodes one. Its output is
// a fixpoint (HTML(HTML(s)) == HTML(s)): when removing a reference would
// splice the text before and after it into a new one ("&#&#1;x1b;" would
// become "&#x1b;"), the dangling ampersand is escaped as "&amp;".
//
// A raw tab becomes four spaces, as the renderer shows one inside <pre>
// (elsewhere both are just white space), so stored HTML holds no control
// character but the newline.
func HTML(s string) string {
	s = stripControls(s)
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", "    ")
	}
	if !strings.Contains(s, "&") {
		return s
	}
	out := make([]byte, 0, len(s))
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			return string(append(out, s...))
		}
		out = append(out, s[:i]...)
		s = s[i:]
		n, bad := reference(s)
		switch {
		case n == 0:
			out = append(out, '&')
			s = s[1:]
		case !bad:
			out = append(out, s[:n]...)
			s = s[n:]
		default:
			s = s[n:]
			out = escapeDangling(out)
		}
	}
}

// reference measures the character reference at the start of s (0 when
// there is none we check) and reports whether it names a forbidden rune.
func reference(s string) (n int, bad bool) {
	for _, b := range namedBidi {
		if strings.HasPrefix(s, b) {
			return len(b), true
		}
	}
	// A numeric reference runs over every digit that follows, as
	// html.UnescapeString reads it: that sums them in 32 bits, so
	// "&#X000100000001" decodes to U+0001 (cut after eight digits, it
	// once measured as the harmless U+10000).
	if len(s) < 3 || s[1] != '#' {
		return 0, false
	}
	i, base := 2, 10
	if s[i] == 'x' || s[i] == 'X' {
		i, base = 3, 16
	}
	start := i
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || base == 16 && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'f')) {
		i++
	}
	if i == start {
		return 0, false
	}
	v, err := strconv.ParseUint(s[start:i], base, 32)
	if i < len(s) && s[i] == ';' {
		i++
	}
	bad = err != nil || v > utf8.MaxRune || Forbidden(rune(v)) && v != '\t' && v != '\n' || v == 0x2028 || v == 0x2029
	return i, bad
}

// escapeDangling escapes the ampersand of an unfinished reference at the
// end of out ("&", "&#", "&#x1", "&lr"), which whatever follows could
// otherwise complete.
func escapeDangling(out []byte) []byte {
	for k := len(out) - 1; k >= 0 && k >= len(out)-40; k-- {
		c := out[k]
		switch {
		case c == '&':
			tail := string(out[k+1:])
			return append(append(out[:k], "&amp;"...), tail...)
		case c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			continue
		}
		break
	}
	return out
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

// Strip removes escape sequences and forbidden runes from text that is
// already decoded (an HTML parser's text nodes), keeping its spacing and
// decoding nothing.
func Strip(s string) string { return stripControls(s) }

// SafeError returns err with its message made one safe line (status text,
// parser messages and URLs come from outside); errors.Is and errors.As
// still see the original. A nil err stays nil.
func SafeError(err error) error {
	if err == nil {
		return nil
	}
	msg := Line(err.Error())
	if msg == err.Error() {
		return err // already clean: keep it as it is
	}
	return &safeError{msg: msg, err: err}
}

type safeError struct {
	msg string
	err error
}

func (e *safeError) Error() string { return e.msg }
func (e *safeError) Unwrap() error { return e.err }
