package feed

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// PlainText flattens an HTML fragment to safe plain text: tags dropped,
// block elements separated by blank lines, entities decoded. Page
// furniture is left out: scripts and styles, asides, navigation and
// footers, and blocks that are mostly a link ("Read more: <another
// article's headline>"), whose words belong to another article and would
// make the two look alike. When that would leave nothing (a fragment that
// is only a link), the furniture is kept.
//
// It runs for every article the cache indexes, so the common markup of
// feed HTML (plain tags with quoted attributes, text with or without
// character references) is cut into tokens by a byte scanner (scan);
// anything else (comments, raw-text elements with content, unquoted
// attributes, carriage returns...) goes through x/net/html's tokenizer.
// Both give the tokens the tokenizer gives, so the output is the same.
func PlainText(fragment string) string {
	if s := plainText(fragment, true); s != "" || fragment == "" {
		return s
	}
	return plainText(fragment, false)
}

// linkShare is how much of a block's letters may be link text before the
// block counts as a link to elsewhere.
const linkShare = 0.6

// plainState is the text being written from a fragment's tokens.
type plainState struct {
	b                     []byte
	drop                  bool    // leave out furniture
	skip                  int     // inside this many skipped elements
	block, linked, inLink int     // where the block being written starts in b; its letters inside <a>; open <a>s
	sup                   int     // 1 + where an open <sup> of text only starts in b (see Superscript); 0: none
	ends                  EndTags // of the fragment
}

func (p *plainState) hasEnd(name []byte) bool { return p.ends.Has(string(name)) }

func plainText(fragment string, dropFurniture bool) string {
	sp := scratchText(len(fragment))
	p := plainState{b: *sp, ends: EndTags{Src: fragment}, drop: dropFurniture}
	if !p.scan(fragment) {
		p = plainState{b: p.b[:0], ends: p.ends, drop: dropFurniture} // same fragment, same end tags
		p.tokenize(fragment)
	}
	p.endBlock()
	s := block(p.b)
	*sp = p.b
	textScratch.Put(sp)
	return s
}

// textScratch holds the byte buffers plainText and block build their
// text in before they make it a string: every article of a refresh goes
// through both, and new buffers were a tenth of what a big refresh
// allocates (50,000 articles: 190 MB).
var textScratch sync.Pool

// scratchText is an empty buffer of textScratch with room for n bytes;
// one grown past maxScratchText is left to the collector when put back
// (see putText).
func scratchText(n int) *[]byte {
	sp, _ := textScratch.Get().(*[]byte)
	if sp == nil {
		sp = new([]byte)
	}
	if cap(*sp) < n || cap(*sp) > maxScratchText {
		*sp = make([]byte, 0, n)
	}
	*sp = (*sp)[:0]
	return sp
}

const maxScratchText = 1 << 20

func (p *plainState) endBlock() {
	if p.drop && p.linked > 0 && float64(p.linked) >= linkShare*float64(letters(p.b[p.block:])) {
		p.b = p.b[:p.block]
	}
	p.b = append(p.b, "\n\n"...)
	p.block, p.linked = len(p.b), 0
}

// text takes a text token, its character references decoded.
func (p *plainState) text(text string) {
	if p.skip > 0 {
		return
	}
	from := len(p.b)
	p.b = append(p.b, text...)
	if p.inLink > 0 {
		p.linked += letters(p.b[from:])
	}
}

// textBytes is text for the tokenizer's bytes.
func (p *plainState) textBytes(text []byte) {
	if p.skip > 0 {
		return
	}
	p.b = append(p.b, text...)
	if p.inLink > 0 {
		p.linked += letters(text)
	}
}

// tag takes a tag token; name is lower case.
func (p *plainState) tag(tt html.TokenType, name []byte) {
	if p.sup > 0 && string(name) != "sup" {
		p.sup = 0 // a <sup> holding elements (a footnote's link) stays as it is
	}
	switch string(name) {
	case "sup":
		if tt == html.StartTagToken && p.skip == 0 {
			p.sup = len(p.b) + 1
		} else if tt == html.EndTagToken && p.sup > 0 {
			p.b = append(p.b[:p.sup-1], Superscript(string(p.b[p.sup-1:]))...)
			p.sup = 0
		}
	case "script", "style", "noscript", "iframe", "noembed", "noframes":
		p.skipped(tt) // code, markup or a fallback for browsers without the feature, never the article's text
	case "template", "video", "audio", "object", "svg", "canvas":
		// The same, but only when the element is closed: left open, it
		// would take the rest of the article with it.
		if tt != html.StartTagToken || p.hasEnd(name) {
			p.skipped(tt)
		}
	case "aside", "nav", "footer":
		if !p.drop {
			p.endBlock()
			return
		}
		p.skipped(tt)
		p.endBlock()
	case "a":
		if tt == html.StartTagToken {
			p.inLink++
		} else if tt == html.EndTagToken && p.inLink > 0 {
			p.inLink--
		}
	case "q", "del", "s", "strike":
		// An inline quotation keeps its marks, deleted text (a
		// correction: "<del>$10</del> $8") is marked so: “…”, ~~…~~.
		// Not when the element is never closed.
		if p.skip == 0 && (tt == html.EndTagToken || tt == html.StartTagToken && p.hasEnd(name)) {
			p.b = putMark(p.b, InlineMark(string(name), tt == html.StartTagToken), tt == html.EndTagToken)
		}
	case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "ul", "ol", "figure", "figcaption", "section", "article", "header",
		"dl", "dt", "dd", "hr", "main", "address", "details", "summary", "caption", "center":
		p.endBlock()
	case "td", "th":
		p.b = append(p.b, ' ')
	}
}

// skipped counts the elements whose text is left out.
func (p *plainState) skipped(tt html.TokenType) {
	if tt == html.StartTagToken {
		p.skip++
	} else if tt == html.EndTagToken && p.skip > 0 {
		p.skip--
	}
}

// tokenize feeds p the tokens of x/net/html's tokenizer.
func (p *plainState) tokenize(fragment string) {
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			if p.skip == 0 {
				p.textBytes(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			p.tag(tt, name)
		}
	}
}

// scan feeds p the tokens x/net/html's tokenizer would give for s, when s
// is made only of what scan handles: text (with character references,
// decoded as the tokenizer decodes them), start, end and self-closing
// tags whose attributes are quoted, and raw-text elements (script, style,
// title...) that are empty. On anything else it stops and reports false,
// having fed p part of s: the caller starts again with the tokenizer.
func (p *plainState) scan(s string) bool {
	from, amp := 0, false // where the pending text token starts; it holds a '&'
	flush := func(to int) {
		if to > from && p.skip == 0 {
			if amp {
				p.text(html.UnescapeString(s[from:to]))
			} else {
				p.text(s[from:to])
			}
		}
	}
	if strings.IndexByte(s, '\r') >= 0 {
		return false // the tokenizer rewrites line ends in text, and takes '\r' for a space in tags
	}
	var lower [12]byte
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
		case '&':
			amp = true
			i++
			continue
		default:
			i++
			continue
		}
		if i+1 == len(s) {
			break // a '<' at the end is text
		}
		switch c := s[i+1]; {
		case asciiLetter(c):
		case c == '/' && i+2 < len(s) && asciiLetter(s[i+2]):
		case c == '/', c == '!', c == '?': // comments, "</>", bogus comments
			return false
		default: // '<' starts no tag: text
			i++
			continue
		}
		tt, name, end, ok := scanTag(s, i)
		if !ok {
			return false
		}
		flush(i)
		n := lowerName(lower[:], name)
		p.tag(tt, n)
		i, from, amp = end, end, false
		if tt != html.EndTagToken && rawText(n) {
			// The tokenizer reads what follows as raw text up to the
			// closing tag: handled only when there is none.
			if len(s) < end+len(n)+3 || s[end] != '<' || s[end+1] != '/' || !asciiEqualFold(s[end+2:end+2+len(n)], n) || s[end+2+len(n)] != '>' || string(n) == "plaintext" {
				return false
			}
			p.tag(html.EndTagToken, n)
			i, from = end+len(n)+3, end+len(n)+3
		}
	}
	flush(len(s))
	return true
}

// asciiEqualFold says whether s is name (lower case) with any of its
// ASCII letters in upper case, as the tokenizer matches a raw-text
// element's end tag.
func asciiEqualFold(s string, name []byte) bool {
	if len(s) != len(name) {
		return false
	}
	for k := range len(s) {
		if c := s[k]; c != name[k] && c != name[k]-('a'-'A') {
			return false
		}
	}
	return true
}

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// tagSpace is the white space the tokenizer skips inside a tag ('\r'
// too, but scan leaves every fragment with one to the tokenizer).
func tagSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\f' }

// scanTag reads the tag that starts at s[i] ('<' then a letter, or "</"
// then a letter): its type, its name as written, and where it ends. ok is
// false for what scan leaves to the tokenizer: an attribute value not in
// quotes, a '/' not right before the '>', an attribute name with a quote,
// '<' or a leading '=', a tag not closed.
func scanTag(s string, i int) (tt html.TokenType, name string, end int, ok bool) {
	j := i + 1
	tt = html.StartTagToken
	if s[j] == '/' {
		tt = html.EndTagToken
		j++
	}
	start := j
	for j < len(s) && !tagSpace(s[j]) && s[j] != '/' && s[j] != '>' {
		j++
	}
	name = s[start:j]
	for {
		for j < len(s) && tagSpace(s[j]) {
			j++
		}
		if j == len(s) {
			return 0, "", 0, false
		}
		switch s[j] {
		case '>':
			return tt, name, j + 1, true
		case '/':
			if j+1 < len(s) && s[j+1] == '>' {
				if tt == html.StartTagToken {
					tt = html.SelfClosingTagToken
				}
				return tt, name, j + 2, true
			}
			return 0, "", 0, false
		case '=', '"', '\'', '<':
			return 0, "", 0, false
		}
		// An attribute: its name, then, after '=', a quoted value.
		for j < len(s) && !tagSpace(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=' {
			if s[j] == '"' || s[j] == '\'' || s[j] == '<' {
				return 0, "", 0, false
			}
			j++
		}
		if j < len(s) && s[j] == '=' {
			j++
			if j == len(s) || s[j] != '"' && s[j] != '\'' {
				return 0, "", 0, false
			}
			k := strings.IndexByte(s[j+1:], s[j])
			if k < 0 {
				return 0, "", 0, false
			}
			j += k + 2
			if j < len(s) && !tagSpace(s[j]) && s[j] != '/' && s[j] != '>' {
				return 0, "", 0, false
			}
		}
	}
}

// lowerName is name in lower case (ASCII letters only, as the tokenizer
// does), in buf; a name too long for buf is none that plainState or
// rawText knows, and comes back empty.
func lowerName(buf []byte, name string) []byte {
	if len(name) > len(buf) {
		return buf[:0]
	}
	for k := 0; k < len(name); k++ {
		c := name[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return buf[:len(name)]
}

// rawText says whether the tokenizer reads an element's content as raw
// text (after its start tag, even a self-closing one).
func rawText(name []byte) bool {
	switch string(name) {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp":
		return true
	}
	return false
}

// block is Block(string(b)), in one pass when b needs no sanitising (no
// '&' that could start a character reference, no control or forbidden
// rune, valid UTF-8): lines with their white space collapsed, one blank
// line at most between them.
func block(b []byte) string {
	op := scratchText(len(b))
	s := blockInto(b, op)
	textScratch.Put(op)
	return s
}

// blockInto is block, building the text in *op (and leaving it there).
func blockInto(b []byte, op *[]byte) string {
	out := *op
	defer func() { *op = out[:0] }()
	sep := -1 // before the next word of a new line: -1 nothing (start), 1 a newline, 2 a blank line
	line, space := false, false
	for i := 0; i < len(b); {
		c, n := rune(b[i]), 1
		switch {
		case c == '\n':
			if line {
				sep = 1
			} else if sep > 0 {
				sep = 2
			}
			line, space = false, false
			i++
			continue
		case c == ' ' || c == '\t':
			space = true
			i++
			continue
		case c == '&' && i+1 < len(b) && (b[i+1] == '#' || asciiLetter(b[i+1]) || '0' <= b[i+1] && b[i+1] <= '9'):
			// Perhaps a character reference, which Block decodes ("AT&T"
			// and "&amp;" alike: the tokenizer decoded one layer).
			return Block(string(b))
		case c < 0x20 || c == 0x7f:
			return Block(string(b))
		case c >= utf8.RuneSelf:
			c, n = utf8.DecodeRune(b[i:])
			if c == utf8.RuneError && n == 1 || Forbidden(c) || WidthUnstable(c) || c == 0x2028 || c == 0x2029 {
				return Block(string(b))
			}
			if unicode.IsSpace(c) {
				space = true
				i += n
				continue
			}
		}
		switch {
		case !line && sep == 1:
			out = append(out, '\n')
		case !line && sep == 2:
			out = append(out, "\n\n"...)
		case line && space:
			out = append(out, ' ')
		}
		line, space = true, false
		if c < utf8.RuneSelf { // take the rest of a run of plain ASCII at once
			for i+n < len(b) && b[i+n] > ' ' && b[i+n] < 0x7f && b[i+n] != '&' {
				n++
			}
		}
		out = append(out, b[i:i+n]...)
		i += n
	}
	return string(out)
}

// letters counts the letters and digits of a text. It reads every
// paragraph that holds a link (how much of it is linked), so ASCII is
// counted through a table, with no branch to mispredict at each space.
func letters(text []byte) int {
	n := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			n += int(asciiAlnum[c])
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += size
	}
	return n
}

// HasEndTag says whether fragment holds an end tag of the element name
// (lower case ASCII), in any case, as HTML's tokenizer reads one: "</",
// the name, then white space, "/" or ">". It tells whether an element
// that hides what it holds (a video's fallback text, say) is closed, or
// would hide the rest of the fragment.
func HasEndTag(fragment, name string) bool {
	for i := 0; ; {
		k := strings.Index(fragment[i:], "</")
		if k < 0 {
			return false
		}
		i += k + 2
		if end := i + len(name); end < len(fragment) && strings.IndexByte(" \t\n\f\r/>", fragment[end]) >= 0 && asciiEqualFold(fragment[i:end], []byte(name)) {
			return true
		}
	}
}

// EndTags is HasEndTag for one fragment, each element's answer read once:
// asked at every <q> or <video> of a hostile article, reading the whole
// fragment each time made its text quadratic (160 KB of "<s>x</b>": 13 s).
type EndTags struct {
	Src   string // the fragment
	known []endTag
}

// endTag is whether the fragment holds an end tag of an element.
type endTag struct {
	name string
	has  bool
}

// Has is HasEndTag(e.Src, name).
func (e *EndTags) Has(name string) bool {
	for _, k := range e.known {
		if k.name == name {
			return k.has
		}
	}
	has := HasEndTag(e.Src, name)
	e.known = append(e.known, endTag{strings.Clone(name), has})
	return has
}

// putMark appends mark to b; a closing one goes before the spaces b ends
// with ("win ”" is "win” "), unless they are more than maxMarkShift bytes:
// a hostile run of white space then thousands of end tags would be
// copied at each.
func putMark(b []byte, mark string, closing bool) []byte {
	n := len(b)
	for closing && n > 0 && len(b)-n <= maxMarkShift && (b[n-1] == ' ' || b[n-1] == '\t' || b[n-1] == '\n') {
		n--
	}
	if len(b)-n > maxMarkShift {
		n = len(b)
	}
	tail := string(b[n:])
	return append(append(b[:n], mark...), tail...)
}

// maxMarkShift is the most white space a closing mark is put before.
const maxMarkShift = 64

// InlineMark is what stands for an inline element's start or end in text
// (plain text and the article pane alike): quotation marks round <q>, ~~
// round deleted text (<del>, <s>, <strike>).
func InlineMark(name string, start bool) string {
	switch {
	case name != "q":
		return "~~"
	case start:
		return "“"
	}
	return "”"
}

// asciiAlnum is 1 for the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			t[c] = 1
		}
	}
	return t
}()
