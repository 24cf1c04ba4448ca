// Package termcheck finds what a terminal would act on in text meant for
// it: the test oracle for "nothing hostile reaches the terminal". It is
// written independently of the sanitisers it checks.
package termcheck

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Mode says which escape sequences are the program's own.
type Mode int

const (
	// Frame is a rendered screen string: only SGR styling and OSC 8
	// hyperlinks to http(s) are allowed.
	Frame Mode = iota
	// Pty is everything written to a terminal, including the screen
	// driver's own cursor movement, modes, queries and window title.
	Pty
)

// Violations lists every escape sequence or control character in s that
// the mode does not allow: SGR blink (5, 6) or conceal (8), OSC 8 to a
// non-http(s) target, OSC 52 (clipboard), any C1 control, other C0
// controls, and in Frame mode any escape sequence but SGR and OSC 8.
func Violations(s string, mode Mode) []string {
	var v []string
	bad := func(at int, format string, a ...any) {
		if len(v) < 20 {
			v = append(v, fmt.Sprintf("byte %d: ", at)+fmt.Sprintf(format, a...)+": "+strconv.Quote(s[max(at-20, 0):min(at+60, len(s))]))
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			i = checkEscape(s, i, mode, bad)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1 && c >= 0x80 && c <= 0x9f:
			bad(i, "raw C1 byte %#x", c)
		case r >= 0x80 && r <= 0x9f:
			bad(i, "C1 control %U", r)
		case r < 0x20 && !allowedC0(r, mode):
			bad(i, "C0 control %#x", r)
		case r == 0x7f && mode == Frame:
			bad(i, "DEL")
		case r == 0x202e || r == 0x202d || r >= 0x2066 && r <= 0x2069:
			bad(i, "bidi override %U", r)
		}
		i += size
	}
	return v
}

func allowedC0(r rune, mode Mode) bool {
	if r == '\n' {
		return true
	}
	// A screen driver moves with CR, backspace and tab; bells are harmless.
	return mode == Pty && (r == '\r' || r == '\b' || r == '\t' || r == 0x07)
}

func checkEscape(s string, i int, mode Mode, bad func(int, string, ...any)) int {
	if i+1 >= len(s) {
		bad(i, "lone ESC")
		return len(s)
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
			j++
		}
		if j >= len(s) {
			bad(i, "unterminated CSI")
			return j
		}
		params, final := s[i+2:j], s[j]
		if final == 'm' {
			if p, ok := badSGR(params); ok {
				bad(i, "SGR %s", p)
			}
		} else if mode == Frame {
			bad(i, "CSI %q%c in a frame", params, final)
		}
		return j + 1
	case ']', 'P', '^', '_', 'X':
		j, end := i+2, -1
		for ; j < len(s); j++ {
			if s[j] == 0x07 {
				end = j
				j++
				break
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				end = j
				j += 2
				break
			}
		}
		if end < 0 {
			bad(i, "unterminated string sequence")
			return j
		}
		payload := s[i+2 : end]
		if s[i+1] != ']' {
			if mode == Frame {
				bad(i, "DCS/APC/PM/SOS in a frame")
			}
			return j
		}
		num, rest, _ := strings.Cut(payload, ";")
		switch num {
		case "8":
			_, uri, _ := strings.Cut(rest, ";")
			low := strings.ToLower(uri)
			if uri != "" && !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") {
				bad(i, "OSC 8 hyperlink to %q", uri)
			}
		case "52":
			bad(i, "OSC 52 clipboard access")
		case "0", "1", "2":
			if mode == Frame {
				bad(i, "title change in a frame")
			}
			for _, r := range rest {
				if r < 0x20 || r >= 0x7f && r <= 0x9f {
					bad(i, "control %U in the window title", r)
				}
			}
		case "11", "10", "12", "4":
			if mode == Frame || !strings.HasSuffix(rest, "?") {
				bad(i, "OSC %s sets a colour", num)
			}
		default:
			bad(i, "OSC %s", num)
		}
		return j
	}
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if mode == Frame {
		bad(i, "ESC %q in a frame", s[i+1:min(j+1, len(s))])
	}
	if j < len(s) {
		j++
	}
	return j
}

// badSGR returns the first blink or conceal parameter of an SGR list.
func badSGR(params string) (string, bool) {
	ps := strings.Split(params, ";")
	for k := 0; k < len(ps); k++ {
		p, _, sub := strings.Cut(ps[k], ":")
		n, _ := strconv.Atoi(p)
		switch n {
		case 5, 6, 8:
			return ps[k], true
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
	return "", false
}
