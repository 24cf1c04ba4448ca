package feed

import "strings"

// titleTags are the HTML elements found in feed titles: Atom titles of
// type html or xhtml, and RSS titles in CDATA, carry them as markup.
// Only these are removed, so text that merely looks like a tag ("Why
// <blink> died") stays as written. The value says whether the element
// separates words.
var titleTags = map[string]bool{
	"a": false, "abbr": false, "b": false, "bdi": false, "bdo": false, "big": false,
	"cite": false, "code": false, "del": false, "dfn": false, "em": false, "font": false,
	"i": false, "ins": false, "kbd": false, "mark": false, "nobr": false, "q": false,
	"s": false, "samp": false, "small": false, "span": false, "strike": false,
	"strong": false, "sub": false, "sup": false, "time": false, "tt": false, "u": false,
	"var": false, "wbr": false,
	"br": true, "div": true, "p": true, "img": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "li": true, "ul": true, "ol": true,
}

// titleLine is Line for a title, with the markup of the elements in
// titleTags removed first: tags are markup only before entities are
// decoded, so an escaped one ("&lt;b&gt;" in a title of type html) is
// text and stays.
func titleLine(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTitleTags(s)
	}
	return plainLine(s)
}

// stripTitleTags removes start, end and empty-element tags of the
// elements in titleTags (attributes and all); any other '<' is kept.
func stripTitleTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		end, space, ok := titleTag(s[i:])
		if !ok {
			b.WriteByte('<')
			s = s[i+1:]
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		s = s[i+end:]
	}
}

// titleTag measures the tag at the start of s ('<' first), reporting
// whether it is one of titleTags and whether it separates words.
func titleTag(s string) (end int, space, ok bool) {
	j := 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	k := j
	for k < len(s) && (asciiLetter(s[k]) || k > j && '0' <= s[k] && s[k] <= '9') {
		k++
	}
	if k == j || k == len(s) {
		return 0, false, false
	}
	space, known := titleTags[strings.ToLower(s[j:k])]
	if !known || !(s[k] == '>' || s[k] == '/' || tagSpace(s[k])) {
		return 0, false, false
	}
	var quote byte
	for m := k; m < len(s); m++ {
		switch c := s[m]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return m + 1, space, true
		case c == '<':
			return 0, false, false
		}
	}
	return 0, false, false
}
