package feed

import "unicode/utf8"

// Fast paths for the common case of clean feed text, where the
// sanitisers would return their input unchanged: they skip the
// sanitisers' allocations and regular expressions, and hand anything
// that might need work to them.

// plainHTML is HTML(s) for a fragment that needs no change: no control or
// forbidden rune, no invalid UTF-8, and no "&#" or "&lrm;"-style
// reference that HTML would inspect. Anything else goes through HTML.
func plainHTML(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			return HTML(s)
		case c < 0x20 && c != '\n', c == 0x7f:
			return HTML(s)
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || Forbidden(r) || WidthUnstable(r) || r == 0x2028 || r == 0x2029 {
				return HTML(s)
			}
			i += size - 1
		}
	}
	return s
}

// plainLine is Line(s) for text that is already one clean line: printable
// ASCII or harmless UTF-8, no entity, no tag-like '<', single spaces, no
// space at either end.
func plainLine(s string) string {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return Line(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&', c < 0x20, c == 0x7f:
			return Line(s)
		case c == ' ' && s[i+1] == ' ':
			return Line(s)
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || Forbidden(r) || WidthUnstable(r) || r == 0x2028 || r == 0x2029 || r == 0x85 || r == 0xa0 || r == 0x1680 || r >= 0x2000 && r <= 0x200a || r == 0x202f || r == 0x205f || r == 0x3000 {
				return Line(s)
			}
			i += size - 1
		}
	}
	return s
}
