package ui

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"newsreader/feed"
)

// termSafe is the renderer's last line of defence: whatever the store or
// a pane let through, the string handed to the terminal keeps only the
// program's own kinds of escape sequence. It keeps SGR styling (except
// blink, rapid blink and conceal) and OSC 8 hyperlinks to http(s)
// addresses; every other escape sequence, C0 control but newline, C1
// control, bidi control and invalid byte is removed. Tabs become spaces.
func termSafe(s string) string {
	if isPlainSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	quiet := &quietASCII
	if utf8.ValidString(s) {
		quiet = &quietUTF8
	}
	for i := 0; i < len(s); {
		// Copy a run of bytes that cannot start anything forbidden in one go:
		// printable ASCII, and UTF-8 whose lead byte begins no C1, bidi or
		// BOM rune (all of which start with 0xC2, 0xD8, 0xE2 or 0xEF).
		j := i
		for j < len(s) && quiet[s[j]] {
			j++
		}
		if j > i {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		c := s[i]
		if c == 0x1b {
			i = copyEscape(&b, s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			// C1 introducers: drop the introducer; what follows shows as text.
		case r == '\n' || !feed.Forbidden(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// quietASCII and quietUTF8 mark the bytes termSafe copies without a closer
// look: printable ASCII always; in valid UTF-8 also the lead bytes that
// begin no forbidden rune, and continuation bytes (a run starts on a rune
// boundary and a loud lead byte ends it, so they follow a quiet lead).
var quietASCII = func() (q [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		q[c] = true
	}
	return q
}()

var quietUTF8 = func() (q [256]bool) {
	q = quietASCII
	for c := 0x80; c <= 0xbf; c++ {
		q[c] = true
	}
	for c := 0xc3; c <= 0xf4; c++ {
		q[c] = c != 0xd8 && c != 0xe2 && c != 0xef
	}
	return q
}()

// isPlainSafe reports whether s has nothing termSafe would change, so the
// usual frame costs one scan and no copy.
func isPlainSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c >= 0x7f {
			return false
		}
	}
	return true
}

// copyEscape writes the escape sequence starting at s[i] (an ESC) to b if
// it is one the program itself emits, and returns the index after it.
func copyEscape(b *strings.Builder, s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[': // CSI: parameters, intermediates, final byte
		j := i + 2
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
			j++
		}
		params := s[i+2 : j]
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
			return j // malformed: drop what was read
		}
		if s[j] == 'm' && j == i+2+len(params) && safeSGR(params) {
			b.WriteString(s[i : j+1])
		}
		return j + 1
	case ']', 'P', '^', '_', 'X': // string sequences up to BEL or ST
		j := i + 2
		end := -1
		for k := j; k < len(s); k++ {
			if s[k] == 0x07 {
				end, j = k, k+1
				break
			}
			if s[k] == 0x1b && k+1 < len(s) && s[k+1] == '\\' {
				end, j = k, k+2
				break
			}
			if s[k] == '\n' || s[k] == 0x1b {
				end, j = -1, k // unterminated: drop up to here
				break
			}
			j = k + 1
		}
		if end >= 0 && s[i+1] == ']' {
			if uri, id, ok := hyperlink(s[i+2 : end]); ok {
				switch {
				case uri == "":
					b.WriteString(ansi.ResetHyperlink())
				case id != "":
					b.WriteString(ansi.SetHyperlink(uri, "id="+id))
				default:
					b.WriteString(ansi.SetHyperlink(uri))
				}
			}
		}
		return j
	}
	// Two-byte and intermediate forms (ESC 7, ESC ( B, ...): never ours.
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		j++
	}
	return j
}

// hyperlink parses an OSC payload "8;params;uri" and keeps it only when
// the target is empty (closing a link) or an http(s) URL, all valid UTF-8. An id= parameter
// of letters and digits is kept (the renderer gives each wrapped piece of
// a link the same id so terminals join them); other parameters are not.
func hyperlink(payload string) (uri, id string, ok bool) {
	if !utf8.ValidString(payload) { // a frame carries only UTF-8
		return "", "", false
	}
	rest, ok := strings.CutPrefix(payload, "8;")
	if !ok {
		return "", "", false
	}
	params, uri, ok := strings.Cut(rest, ";")
	if !ok {
		return "", "", false
	}
	if uri == "" {
		return "", "", true
	}
	if feed.Link(uri) != uri {
		return "", "", false
	}
	for _, p := range strings.Split(params, ":") {
		if v, isID := strings.CutPrefix(p, "id="); isID && v != "" && len(v) <= 32 && strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == "" {
			id = v
		}
	}
	return uri, id, true
}

// safeSGR reports whether an SGR parameter list holds only styles the
// program uses: no blink (5, 6) and no conceal (8).
func safeSGR(params string) bool {
	if params == "" {
		return true
	}
	ps := strings.Split(params, ";")
	for k := 0; k < len(ps); k++ {
		p, _, sub := strings.Cut(ps[k], ":") // sub-parameters ride on their parameter
		n := 0
		if p != "" {
			var err error
			if n, err = strconv.Atoi(p); err != nil || n < 0 {
				return false
			}
		}
		switch n {
		case 5, 6, 8:
			return false
		case 38, 48, 58:
			if sub {
				continue
			}
			if k+1 < len(ps) && ps[k+1] == "5" {
				k += 2
			} else if k+1 < len(ps) && ps[k+1] == "2" {
				k += 4
			}
		}
	}
	return true
}

// SafeWriter filters everything written through it like a frame (tabs
// kept): the command-line verbs print through it, so whatever the store
// holds, only the program's own styling and http(s) links reach the
// terminal. A sequence split across two writes is cut in two and each
// half dropped or shown as text, never completed.
func SafeWriter(w io.Writer) io.Writer { return safeWriter{w} }

type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	text := string(p)
	if !isPlainSafe(strings.ReplaceAll(text, "\t", " ")) {
		parts := strings.Split(text, "\t")
		for i, part := range parts {
			parts[i] = termSafe(part)
		}
		text = strings.Join(parts, "\t")
	}
	if _, err := io.WriteString(s.w, text); err != nil {
		return 0, err
	}
	return len(p), nil
}
