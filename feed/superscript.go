package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// superscripts are the characters with a superscript form a terminal shows.
var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
	'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ',
}

// Superscript is the text of a <sup> (of text only) as plain text that
// still reads as one: in superscript characters when it has them
// ("10<sup>6</sup>" is 10⁶, not 106; "km<sup>2</sup>" km²); letters as
// they are (3rd, 1er, TM); else after a caret (e^(i·π), x^a2). White space
// is collapsed; "" stays "".
func Superscript(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	out := make([]rune, 0, len(text))
	letters, all := true, true
	for _, c := range text {
		letters = letters && unicode.IsLetter(c)
		sc, ok := superscripts[c]
		all = all && ok
		out = append(out, sc)
	}
	switch {
	case all:
		return string(out)
	case letters:
		return text // an ordinal or a mark: 3rd, 1er, TM
	case utf8.RuneCountInString(text) == 1:
		return "^" + text
	}
	return "^(" + text + ")"
}
