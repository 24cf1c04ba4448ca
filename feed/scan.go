package feed

import (
	"bytes"
	"errors"
)

// MaxDepth is the deepest element nesting a feed may have. gofeed's
// extension parser recurses once per nested element, and a deep enough
// document overflows the Go stack, which no recover can catch; real feeds
// nest a dozen levels at most.
const MaxDepth = 512

// ErrTooDeep is the per-feed error for documents nested beyond MaxDepth.
var ErrTooDeep = errors.New("feed nested too deeply")

// span is the byte range of one top-level item or entry element.
type span struct{ start, end int }

// scanXML makes one streaming pass over an XML document, without building
// anything: it rejects nesting deeper than MaxDepth and returns the byte
// ranges of the item (RSS) or entry (Atom) elements that are not inside
// another item, in document order. Comments, CDATA sections, processing
// instructions and quoted attribute values are skipped, so markup inside
// them counts for nothing. A document it cannot follow (truncated, say)
// gives what it saw; gofeed reports the syntax error.
func scanXML(b []byte) ([]span, error) {
	var items []span
	depth, itemDepth := 0, 0 // itemDepth: depth inside the open item, 0 when none
	start := 0
	i := 0
	for {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			return items, nil
		}
		i += lt
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(b, i+4, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i = skipPast(b, i+9, "]]>")
		case bytes.HasPrefix(rest, []byte("<?")):
			i = skipPast(b, i+2, "?>")
		case bytes.HasPrefix(rest, []byte("<!")):
			i = skipDecl(b, i+2)
		case len(rest) > 1 && rest[1] == '/':
			end := skipPast(b, i+2, ">")
			if depth > 0 {
				depth--
			}
			if itemDepth > 0 && depth < itemDepth {
				items = append(items, span{start, end})
				itemDepth = 0
			}
			i = end
		default:
			nameEnd := i + 1
			for nameEnd < len(b) && !isNameEnd(b[nameEnd]) {
				nameEnd++
			}
			name := b[i+1 : nameEnd]
			end, selfClosing := skipTag(b, nameEnd)
			if !selfClosing {
				depth++
				if depth > MaxDepth {
					return nil, ErrTooDeep
				}
				if itemDepth == 0 && isItemName(name) {
					itemDepth, start = depth, i
				}
			} else if itemDepth == 0 && isItemName(name) {
				items = append(items, span{i, end})
			}
			i = end
		}
		if i >= len(b) {
			return items, nil
		}
	}
}

func isNameEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>'
}

// isItemName reports whether an element name, prefix aside, is item or entry.
func isItemName(name []byte) bool {
	if c := bytes.LastIndexByte(name, ':'); c >= 0 {
		name = name[c+1:]
	}
	return string(name) == "item" || string(name) == "entry"
}

// skipPast returns the index just past the next occurrence of end at or
// after i, or len(b).
func skipPast(b []byte, i int, end string) int {
	if i > len(b) {
		return len(b)
	}
	if j := bytes.Index(b[i:], []byte(end)); j >= 0 {
		return i + j + len(end)
	}
	return len(b)
}

// skipDecl skips a <!DOCTYPE …> or other declaration, with an internal
// subset in brackets.
func skipDecl(b []byte, i int) int {
	bracket := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '[':
			bracket++
		case ']':
			bracket--
		case '>':
			if bracket <= 0 {
				return i + 1
			}
		}
	}
	return i
}

// skipTag skips the attributes of a start tag from i and returns the
// index past its '>' and whether it was self-closing.
func skipTag(b []byte, i int) (int, bool) {
	for i < len(b) {
		switch c := b[i]; c {
		case '"', '\'':
			j := bytes.IndexByte(b[i+1:], c)
			if j < 0 {
				return len(b), false
			}
			i += j + 2
			continue
		case '>':
			return i + 1, i > 0 && b[i-1] == '/'
		}
		i++
	}
	return i, false
}
