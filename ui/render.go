package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsreader/feed"
)

// rendered is an article body laid out for one width.
type rendered struct {
	lines []string
	links []string
}

// renderStyle is how the renderer marks up text; the zero value is plain.
type renderStyle struct {
	heading, bold, italic, link, quote func(string) string
	hyperlinks                         bool // wrap links in OSC 8
	// exact keeps grapheme clusters as they are (output to a file): no
	// stableWidth, whose pieces suit terminals that count code points.
	exact bool
	// measure caps the width of running text (paragraphs, headings,
	// lists, quotes) in a wide pane; 0: the pane's width. Preformatted
	// text and tables that fit still take the whole width.
	measure int
	// title is the article's title: a heading that opens the body and
	// repeats it is left out.
	title string
}

// readingMeasure is the article pane's longest line of running text: a
// line of 150 columns on a wide terminal is hard to follow back.
const readingMeasure = 100

func plainStyle() renderStyle {
	id := func(s string) string { return s }
	return renderStyle{heading: id, bold: id, italic: id, link: id, quote: id}
}

// exactStyle is plainStyle for a file: clusters kept as they are.
func exactStyle() renderStyle {
	st := plainStyle()
	st.exact = true
	return st
}

func stylesRender(s Styles, hyperlinks bool) renderStyle {
	return renderStyle{heading: wrapWith(s.Heading), bold: wrapWith(s.Bold), italic: wrapWith(s.Italic),
		link: wrapWith(s.Link), quote: wrapWith(s.Quote), hyperlinks: hyperlinks, measure: readingMeasure}
}

// wrapWith builds st's escape sequences once and returns a function that
// puts text between them. (lipgloss renders underlined text grapheme by
// grapheme, one SGR pair per letter; text is styled word by word here, so
// one pair around each word is all a line needs.)
func wrapWith(st lipgloss.Style) func(string) string {
	const probe = "x"
	out := st.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return func(x string) string { return st.Render(x) }
	}
	pre, post := out[:i], out[i+len(probe):]
	if pre == "" && post == "" {
		return func(x string) string { return x }
	}
	return func(x string) string { return pre + x + post }
}

// Render lays out an article's HTML for the terminal at width columns:
// wrapped paragraphs, headings, emphasis, lists, quotes, preformatted
// text, tables, images as [image: alt] and links as numbered footnotes
// (an image's address among them).
// Relative links resolve against base, the article's own address.
func Render(fragment, base string, width int, st renderStyle) rendered {
	width = max(width, 10)
	fragment = feed.UnescapeMarkup(fragment) // cached before the parser undid it
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	r := &renderer{width: width, measure: width, st: st, ends: feed.EndTags{Src: fragment}, nodes: nodes, size: -1}
	if st.measure > 0 {
		r.measure = min(width, st.measure)
	}
	if u, err := url.Parse(feed.Link(base)); err == nil && u.Host != "" {
		r.base = u
	}
	if err != nil {
		r.paragraph(feed.Line(fragment), "", "")
	} else {
		for _, n := range nodes {
			r.block(n, "")
		}
		r.flush("", "")
		if r.pending != "" { // a footnote's number with no text after it
			r.paragraph(strings.TrimSpace(r.pending), "", "")
		}
		r.dropClosingRule()
	}
	if len(r.links) > 0 {
		r.blank()
		r.out = append(r.out, st.bold("Links"))
		for i, l := range r.links {
			r.out = append(r.out, urlLines(fmt.Sprintf("[%d] ", i+1), l, width)...)
		}
	}
	for len(r.out) > 0 && r.out[len(r.out)-1] == "" {
		r.out = r.out[:len(r.out)-1]
	}
	return rendered{lines: r.out, links: r.links}
}

type renderer struct {
	base    *url.URL // nil: relative links are dropped
	width   int
	measure int // the width of running text (see renderStyle.measure)
	st      renderStyle
	out     []string
	inline  inlineText
	links   []string
	list    []int        // counters of open lists; -1 for bullets
	ends    feed.EndTags // of the fragment rendered
	// pending opens the next paragraph: a footnote's number written
	// before the footnote's own paragraph ("1. ").
	pending string
	brk     bool         // a <br> ended the last line (a second one ends the paragraph)
	nodes   []*html.Node // the fragment's
	size    int          // its text's length (textSize), -1 until asked
}

// inlineText is the running text of the paragraph being laid out.
type inlineText struct{ b []byte }

func (t *inlineText) WriteString(s string) { t.b = append(t.b, s...) }
func (t *inlineText) Reset()               { t.b = t.b[:0] }
func (t *inlineText) String() string       { return string(t.b) }

// last is the text's last byte, 0 when there is none.
func (t *inlineText) last() byte {
	if len(t.b) == 0 {
		return 0
	}
	return t.b[len(t.b)-1]
}

// close ends an element's mark: before the spaces the text ends with, one
// of which follows it ("win ”" is "win” "), in place (a paragraph of many
// marks is not copied at each).
func (t *inlineText) close(mark string) {
	n := len(t.b)
	for n > 0 && t.b[n-1] == ' ' {
		n--
	}
	if n == len(t.b) {
		t.b = append(t.b, mark...)
		return
	}
	t.b = append(append(t.b[:n], mark...), ' ')
}

func (r *renderer) blank() {
	if len(r.out) > 0 && r.out[len(r.out)-1] != "" {
		r.out = append(r.out, "")
	}
}

// flush wraps the pending inline text as one paragraph; it says whether
// there was any.
func (r *renderer) flush(first, rest string) bool {
	text := strings.Join(strings.Fields(r.inline.String()), " ")
	r.inline.Reset()
	if text == "" {
		return false
	}
	if len(r.out) == 0 && r.pending == "" && r.st.title != "" && sameTitle(text, r.st.title) {
		return false // the title again, as feeds with no summary give it
	}
	if r.pending != "" {
		text, r.pending = r.pending+text, ""
	}
	r.paragraph(text, first, rest)
	return true
}

func (r *renderer) paragraph(text, first, rest string) {
	lines := wrapText(text, r.measure-ansi.StringWidth(first), "", r.st.exact)
	if r.st.hyperlinks && len(r.links) > 0 {
		relink(lines)
	}
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		r.out = append(r.out, p+l)
	}
}

// urlLines writes label then the URL, breaking it anywhere (URLs have no
// spaces to wrap at) and indenting the continuation lines. It keeps a
// running width rather than measuring the line again for every character.
func urlLines(label, u string, width int) []string {
	var out []string
	var line strings.Builder
	line.WriteString(label)
	w := ansi.StringWidth(label)
	for len(u) > 0 {
		g := u[:1]
		if u[0] >= utf8.RuneSelf {
			if g, _ = ansi.FirstGraphemeCluster(u, ansi.GraphemeWidth); g == "" {
				_, n := utf8.DecodeRuneInString(u)
				g = u[:n]
			}
		}
		u = u[len(g):]
		gw := 1
		if len(g) > 1 {
			gw = ansi.StringWidth(g)
		}
		if w+gw > width && w > 4 {
			out = append(out, line.String())
			line.Reset()
			line.WriteString("    ")
			w = 4
		}
		line.WriteString(g)
		w += gw
	}
	return append(out, line.String())
}

// textLine is feed.Line for a text node, with a fast path for the common
// case of text that has nothing to decode or strip: then only runs of
// white space collapse, which is all feed.Line would do to it.
func textLine(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '&' || c >= utf8.RuneSelf || (c < 0x20 && c != ' ' && c != '\t' && c != '\n') || c == 0x7f {
			if c >= utf8.RuneSelf && plainUnicode(s[i:]) {
				break
			}
			return feed.Line(s)
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n':
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		}
	}
	return b.String()
}

// plainUnicode: s has no '&', no control, format or separator rune that
// feed.Line would remove or turn into a line break, no non-ASCII space
// (which feed.Line trims at the ends), and is valid UTF-8.
func plainUnicode(s string) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && len(s[i:]) > 0:
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return false
			}
		case r == '&', r == '\r', r == 0x85, r == 0x2028, r == 0x2029, feed.Forbidden(r), feed.WidthUnstable(r),
			r >= utf8.RuneSelf && unicode.IsSpace(r): // feed.Line trims these at the ends
			return false
		}
	}
	return true
}

// relink gives every wrapped piece of a hyperlink its own OSC 8: a line
// that ends inside a link closes it, and the next line opens it again with
// the same parameters (whose id= lets terminals join the pieces). No link
// is ever left open past the end of a line, so the cells of the panes
// beside never fall inside it.
func relink(lines []string) {
	open := ""
	for i, l := range lines {
		if open != "" {
			l = open + l
		}
		for rest := l; ; {
			j := strings.Index(rest, "\x1b]8;")
			if j < 0 {
				break
			}
			rest = rest[j:]
			end := strings.IndexByte(rest, '\a')
			if end < 0 {
				break
			}
			seq := rest[:end+1]
			if strings.HasSuffix(seq, ";\a") { // the URI is empty: a reset
				open = ""
			} else {
				open = seq
			}
			rest = rest[end+1:]
		}
		if open != "" {
			l += ansi.ResetHyperlink()
		}
		lines[i] = l
	}
}

// wrapLines word-wraps s to width (hard-wrapping words longer than a line),
// prefixing continuation lines with indent.
func wrapLines(s string, width int, indent string) []string {
	return wrapText(s, width, indent, false)
}

// wrapText is wrapLines; with exact, s keeps its clusters as they are
// (see stableFor). Grapheme clusters are never split either way.
func wrapText(s string, width int, indent string, exact bool) []string {
	w := max(width-ansi.StringWidth(indent), 1)
	s = stableFor(s, exact)
	lines, ok := cjkWrap(s, w)
	if !ok {
		lines = wrapHeld(s, w)
		for i, l := range lines {
			// ansi.Wrap leaves the space before a word it moved down
			// when the line could have broken at that word's hyphen.
			lines[i] = strings.TrimRight(l, " ")
		}
	}
	for i := range lines {
		if i > 0 {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}

// wrapHeld is ansi.Wrap of s to w cells, as lines, never breaking after
// a hyphen that opens a word (see holdLeadingHyphens) nor at the space
// French sets before : ; ! ? » and after « (see holdFrenchSpaces).
func wrapHeld(s string, w int) []string {
	held, hold := holdLeadingHyphens(s)
	held, spaces := holdFrenchSpaces(held)
	wrapped := ansi.Wrap(held, w, "")
	if hold {
		wrapped = strings.ReplaceAll(wrapped, heldHyphen, "-")
	}
	if spaces {
		wrapped = strings.ReplaceAll(wrapped, heldSpace, " ")
	}
	return strings.Split(wrapped, "\n")
}

// heldSpace stands in for a space ansi.Wrap must not break at: the
// no-break space, one cell wide like it.
const heldSpace = "\u00a0"

// holdFrenchSpaces replaces with heldSpace the space before a colon,
// semicolon, exclamation or question mark or closing guillemet that ends
// a word ("l'incendie : « Un soulagement »"), and the one after an
// opening guillemet: French sets them (as a no-break space, which feeds'
// text often loses), and a line must not begin with the mark or end with
// "«". held is false, and s returned as it is, when s has none or already
// holds a no-break space.
func holdFrenchSpaces(s string) (string, bool) {
	if !strings.ContainsAny(s, ":;!?»«") || strings.Contains(s, heldSpace) {
		return s, false
	}
	var b strings.Builder
	held := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && i > 0 && s[i-1] != ' ' {
			rest := s[i+1:]
			mark := ""
			switch {
			case rest != "" && strings.IndexByte(":;!?", rest[0]) >= 0:
				mark = rest[:1]
			case strings.HasPrefix(rest, "»"):
				mark = "»"
			}
			if after := strings.TrimLeft(rest[len(mark):], "!?»:;.,"); mark != "" && (after == "" || after[0] == ' ' || after[0] == ')') {
				b.WriteString(heldSpace)
				held = true
				continue
			}
			if strings.HasSuffix(s[:i], "«") && rest != "" {
				b.WriteString(heldSpace)
				held = true
				continue
			}
		}
		b.WriteByte(c)
	}
	if !held {
		return s, false
	}
	return b.String(), true
}

// heldHyphen stands in for a hyphen ansi.Wrap must not break after: the
// non-breaking hyphen, one cell wide like it.
const heldHyphen = "\u2011"

// holdLeadingHyphens replaces the hyphens that open a word (a minus sign:
// "fell to -12 degrees", "-5.2%", "(-3.2%)"; a flag: "--section") with heldHyphen,
// since ansi.Wrap breaks after every hyphen and a line ending "fell to -"
// over one starting "12 degrees" says the opposite. Escape sequences are
// passed over. hold is false, and s returned as it is, when s has no
// such hyphen or already holds a non-breaking one.
func holdLeadingHyphens(s string) (string, bool) {
	if !strings.Contains(s, "-") || strings.Contains(s, heldHyphen) {
		return s, false
	}
	var b strings.Builder
	start, held := true, false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n := escapeLen(s[i:])
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '-' && start:
			b.WriteString(heldHyphen)
			held = true
			i++
			continue // "--": the second opens the word too
		case start && (c == '(' || c == '[' || c == '"' || c == '\''):
			// An opening bracket or quote leaves the word open:
			// "(-3.2%)", "\"-5\"".
			b.WriteByte(c)
			i++
			continue
		case start && (strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "‘")):
			b.WriteString(s[i : i+len("“")])
			i += len("“")
			continue
		case c == ' ' || c == '\t' || c == '\n':
			start = true
		default:
			start = false
		}
		b.WriteByte(c)
		i++
	}
	if !held {
		return s, false
	}
	return b.String(), true
}

// escapeLen is the length of the escape sequence s opens: a CSI sequence
// up to its final byte, an OSC string up to BEL or ST, else the escape and
// the byte after it.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return 2
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func (r *renderer) block(n *html.Node, prefix string) {
	switch n.Type {
	case html.TextNode:
		text := stableFor(textLine(n.Data), r.st.exact)
		if text != "" && spaceBefore(n.Data) {
			// the space after an inline element ("<span>LONDON</span> — …")
			if c := r.inline.last(); c != 0 && c != ' ' {
				r.inline.WriteString(" ")
			}
		}
		r.inline.WriteString(r.bareLinks(text) + spaceAfter(n.Data))
		return
	case html.ElementNode:
		if n.Data != "br" {
			r.brk = false
		}
		if r.furniture(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	switch n.Data {
	case "script", "style", "head", "title", "svg", "noscript":
		return
	case "iframe":
		// An embedded player or post (a video, a map, a social post):
		// where it comes from, as a link, so that it can be opened.
		if src := r.resolve(attr(n, "src")); src != "" {
			if u, err := url.Parse(src); err == nil && u.Host != "" {
				r.flush(prefix, prefix)
				r.inline.WriteString(r.linked(src, "[embedded: "+feed.Line(strings.TrimPrefix(u.Hostname(), "www."))+"]"))
				r.flush(prefix, prefix)
				r.blank()
			}
		}
		return
	case "object", "template", "canvas", "video", "audio":
		// Their content is code, or the fallback for browsers without
		// them ("your browser does not support the video tag"). Left
		// open, though, an element holds the rest of the article: then
		// that is shown. A video or audio with an address is a link to
		// it (a podcast's episode, a clip).
		if n.Data == "video" || n.Data == "audio" {
			label := "[" + n.Data + "]"
			if d := mediaLength(n); d != "" {
				label = "[" + n.Data + " " + d + "]" // a podcast episode's length
			}
			if src := r.resolve(mediaSource(n)); src != "" {
				r.inline.WriteString(" " + r.linked(src, label) + " ")
			} else {
				r.inline.WriteString(" " + label + " ")
			}
		}
		if !r.ends.Has(n.Data) {
			r.children(n, prefix)
		}
		return
	case "p":
		var b strings.Builder
		collectText(n, &b)
		if signOff(strings.Join(strings.Fields(b.String()), " ")) {
			return
		}
		if r.flush(prefix, prefix) {
			r.blank() // a paragraph stands apart from loose text before it
		}
		r.children(n, prefix)
		r.flush(prefix, prefix)
		r.blank()
	case "div", "section", "article", "header", "footer", "figure", "figcaption", "main", "aside", "dd", "dt", "dl", "center":
		r.flush(prefix, prefix)
		r.children(n, prefix)
		r.flush(prefix, prefix)
		r.blank()
	case "h1", "h2", "h3", "h4", "h5", "h6":
		r.flush(prefix, prefix)
		r.blank()
		var b strings.Builder
		collectText(n, &b)
		text := strings.Join(strings.Fields(b.String()), " ")
		if len(r.out) == 0 && r.st.title != "" && sameTitle(text, r.st.title) {
			return // the title again, as Medium opens a post
		}
		if n.Data == "h1" || n.Data == "h2" {
			text = strings.ToUpper(text)
		}
		for _, l := range wrapText(text, r.measure-ansi.StringWidth(prefix), "", r.st.exact) {
			r.out = append(r.out, prefix+r.st.heading(l))
		}
		r.blank()
	case "br":
		if r.flush(prefix, prefix) {
			r.brk = true
		} else if r.brk {
			r.blank() // two breaks in a row: a paragraph's end, as old CMSs write them
		}
	case "hr":
		r.flush(prefix, prefix)
		r.blank()
		r.out = append(r.out, prefix+strings.Repeat("─", max(r.measure-ansi.StringWidth(prefix), 1)))
		r.blank()
	case "ul", "ol":
		r.flush(prefix, prefix)
		counter := -1
		if n.Data == "ol" {
			counter = 1
			if s, err := strconv.Atoi(attr(n, "start")); err == nil {
				counter = s
			}
		}
		r.list = append(r.list, counter)
		r.children(n, prefix)
		r.list = r.list[:len(r.list)-1]
		if len(r.list) == 0 {
			r.blank()
		}
	case "li":
		r.flush(prefix, prefix)
		marker := "• "
		if len(r.list) > 0 && r.list[len(r.list)-1] >= 0 {
			marker = strconv.Itoa(r.list[len(r.list)-1]) + ". "
			r.list[len(r.list)-1]++
		}
		indent := strings.Repeat(" ", ansi.StringWidth(marker))
		start := len(r.out)
		r.children(n, prefix+indent)
		// The item's first line: blank lines an empty block left are none.
		first := start
		for first < len(r.out) && r.out[first] == "" {
			first++
		}
		if first < len(r.out) {
			// Text after a block inside the item (an embed, a
			// paragraph) goes on under it, not as an item of its own.
			r.flush(prefix+indent, prefix+indent)
		} else {
			r.flush(prefix+marker, prefix+indent)
		}
		// The marker belongs on the item's first line even when the item
		// began with a nested block.
		if first < len(r.out) && strings.HasPrefix(r.out[first], prefix+indent) && !strings.HasPrefix(r.out[first], prefix+marker) {
			r.out[first] = prefix + marker + strings.TrimPrefix(r.out[first], prefix+indent)
		}
	case "blockquote":
		r.flush(prefix, prefix)
		r.blank()
		start := len(r.out)
		// The bar stands a column clear of the pane's border; a nested
		// quote's bar follows its parent's.
		bar := "│ "
		if prefix == "" {
			bar = " │ "
		}
		r.children(n, prefix+bar)
		r.flush(prefix+bar, prefix+bar)
		for len(r.out) > start && r.out[len(r.out)-1] == "" {
			r.out = r.out[:len(r.out)-1]
		}
		for i := start; i < len(r.out); i++ {
			if r.out[i] == "" {
				r.out[i] = prefix + strings.TrimRight(bar, " ")
			} else {
				q := strings.TrimPrefix(r.out[i], prefix+bar)
				r.out[i] = prefix + bar + r.st.quote(q)
			}
		}
		r.blank()
	case "pre":
		r.flush(prefix, prefix)
		r.blank()
		var b strings.Builder
		collectText(n, &b)
		text := preText(b.String())
		// A line longer than the pane is broken before it reaches the
		// edge (at a space when it has one, else at the edge), not cut:
		// code and tables lose nothing. Its continuations carry ↪ in the
		// block's margin, so the code keeps its columns.
		w := max(r.width-ansi.StringWidth(prefix)-2, 1)
		for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			for i, piece := range wrapHeld(stableFor(l, r.st.exact), w) {
				margin := "  "
				if i > 0 {
					margin = "↪ "
				}
				r.out = append(r.out, prefix+margin+piece)
			}
		}
		r.blank()
	case "table":
		r.flush(prefix, prefix)
		r.blank()
		r.table(n, prefix)
		r.blank()
	case "img":
		if pixel(n) {
			return // a tracking pixel (Feedburner, WordPress stats): nothing to see
		}
		alt := feed.Line(attr(n, "alt"))
		title := feed.Words(attr(n, "title"))
		if alt == "" {
			alt = "image"
		} else {
			alt = "image: " + alt
		}
		// Numbered among the links, as a video or an embed is, so that
		// it can be opened like them.
		label := "[" + alt + "]"
		if src := r.resolve(imageSource(n)); src != "" {
			label = r.linked(src, label)
		}
		r.inline.WriteString(" " + label + " ")
		if title != "" && "image: "+title != alt {
			// A comic's title text is its last line; a photo's, often
			// all the caption there is.
			r.inline.WriteString(title + " ")
		}
	case "a":
		if r.noteLink(n) {
			r.anchor(n)
			return
		}
		href := r.resolve(attr(n, "href"))
		var b strings.Builder
		collectText(n, &b)
		text := strings.Join(strings.Fields(b.String()), " ")
		if text == "" {
			// A link round a picture with no alt text (Substack's
			// every image) is the picture; round nothing (an icon), it
			// is left out rather than shown as a bare [n].
			if !hasImage(n) {
				return
			}
			text = "[image]"
		}
		if href == "" {
			r.inline.WriteString(text + spaceAfterNode(n))
			return
		}
		r.inline.WriteString(r.linked(href, text) + spaceAfterNode(n))
	case "sup":
		if sup, ok := superscript(n); ok {
			r.inline.WriteString(sup + spaceAfterNode(n))
		} else {
			r.children(n, prefix)
		}
	case "strong", "b":
		r.inline.WriteString(r.styled(n, r.st.bold))
	case "em", "i", "cite":
		r.inline.WriteString(r.styled(n, r.st.italic))
	case "q", "del", "s", "strike":
		// Marked as plain text marks them (feed.PlainText): “a
		// quotation”, ~~deleted~~ (a correction), when closed.
		if !r.ends.Has(n.Data) {
			r.children(n, prefix)
			return
		}
		r.inline.WriteString(feed.InlineMark(n.Data, true))
		r.children(n, prefix)
		r.inline.close(feed.InlineMark(n.Data, false)) // the space after the last word goes after the mark
	case "code", "kbd", "samp":
		// One pair of backticks round the whole span: they are
		// characters, not a style, so they do not go word by word.
		var b strings.Builder
		collectText(n, &b)
		if words := strings.Fields(b.String()); len(words) > 0 {
			words[0] = "`" + words[0]
			words[len(words)-1] += "`"
			r.inline.WriteString(strings.Join(words, " ") + spaceAfterNode(n))
		}
	default:
		r.children(n, prefix)
	}
}

// superscript renders a <sup> of text only as feed.Superscript does
// (10⁶, km², 3rd, e^(i·π)), as plain summaries do. ok is false for a <sup>
// holding elements (a footnote's link), which renders as it is.
func superscript(n *html.Node) (string, bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return "", false
		}
	}
	var b strings.Builder
	collectText(n, &b)
	return feed.Superscript(b.String()), true // which collapses its white space
}

// pixel says whether an <img> is a tracking pixel: one (or no) pixel
// high or wide, or hidden.
func pixel(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		v := strings.TrimSuffix(strings.TrimSpace(attr(n, k)), "px")
		if v == "0" || v == "1" {
			return true
		}
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// linked numbers href among the article's links and returns text styled
// as a link (an OSC 8 hyperlink too, when on) with its footnote number.
func (r *renderer) linked(href, text string) string {
	r.links = append(r.links, href)
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = r.st.link(w)
	}
	label := strings.Join(words, " ")
	if r.st.hyperlinks {
		// relink splits the link where the paragraph wraps; the id
		// joins the pieces again.
		label = ansi.SetHyperlink(href, "id=nr"+strconv.Itoa(len(r.links))) + label + ansi.ResetHyperlink()
	}
	return label + fmt.Sprintf("[%d]", len(r.links))
}

// imageSource is an <img>'s address: its src, else the one a lazy
// loader keeps aside (data-src and the like) when src is missing or a
// placeholder (a data: URI), else the first candidate of its srcset.
func imageSource(n *html.Node) string {
	src := strings.TrimSpace(attr(n, "src"))
	if src != "" && !strings.HasPrefix(strings.ToLower(src), "data:") {
		return src
	}
	for _, k := range []string{"data-src", "data-lazy-src", "data-original"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" {
			return v
		}
	}
	if f := strings.Fields(attr(n, "srcset")); len(f) > 0 {
		return strings.TrimSuffix(f[0], ",")
	}
	return ""
}

// mediaSource is a <video>'s or <audio>'s address: its src, else its
// first <source>'s.
func mediaSource(n *html.Node) string {
	if src := strings.TrimSpace(attr(n, "src")); src != "" {
		return src
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "source" {
			if src := strings.TrimSpace(attr(c, "src")); src != "" {
				return src
			}
		}
	}
	return ""
}

// resolve makes href absolute against the article's address and keeps it
// only if it is http(s).
func (r *renderer) resolve(href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return "" // not the article's own address: an anchor without one is text
	}
	if r.base != nil {
		if u, err := url.Parse(href); err == nil {
			href = r.base.ResolveReference(u).String()
		}
	}
	return feed.Link(href)
}

// styled renders an inline element's text with one style. Words are
// styled one by one so that wrapping never splits a style across lines.
func (r *renderer) styled(n *html.Node, style func(string) string) string {
	var b strings.Builder
	collectText(n, &b)
	words := strings.Fields(b.String())
	for i, w := range words {
		words[i] = style(w)
	}
	return strings.Join(words, " ") + spaceAfterNode(n)
}

func spaceAfter(s string) string {
	if strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\t") {
		return " "
	}
	return ""
}

func spaceBefore(s string) bool {
	return strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n") || strings.HasPrefix(s, "\t")
}

func spaceAfterNode(n *html.Node) string {
	if n.NextSibling != nil && n.NextSibling.Type == html.TextNode && strings.HasPrefix(n.NextSibling.Data, " ") {
		return " "
	}
	return ""
}

// preText sanitises preformatted text line by line, keeping its spacing.
func preText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\t", "    "), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(feed.Strip(l), " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

func (r *renderer) children(n *html.Node, prefix string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.block(c, prefix)
	}
}

// collectText gathers the text under n, cleaned of escape sequences and
// control characters (the parser has decoded its references).
func collectText(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(feed.Strip(n.Data))
	}
	if n.Type == html.ElementNode && n.Data == "img" {
		if alt := feed.Line(attr(n, "alt")); alt != "" {
			b.WriteString("[image: " + alt + "]")
		}
	}
	if n.Type == html.ElementNode && n.Data == "br" {
		b.WriteString("\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectText(c, b)
	}
}

// table renders rows as aligned columns when they fit the width, and as
// "header: value" lines per row when they do not.
func (r *renderer) table(n *html.Node, prefix string) {
	var rows [][]string
	var header []string
	spanned := map[int]bool{} // rows of one cell across the table (a note, a subheading)
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == "tr" {
			var cells []string
			isHeader, span := true, false
			for c := x.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
					var b strings.Builder
					r.cellText(c, &b)
					cells = append(cells, feed.Line(b.String()))
					if c.Data == "td" {
						isHeader = false
					}
					if n, err := strconv.Atoi(strings.TrimSpace(attr(c, "colspan"))); err == nil && n > 1 {
						span = true
					}
				}
			}
			if isHeader && header == nil && len(rows) == 0 {
				header = cells
			} else if len(cells) > 0 {
				if span && len(cells) == 1 {
					spanned[len(rows)] = true
				}
				rows = append(rows, cells)
			}
			return
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	all := rows
	if header != nil {
		all = append([][]string{header}, rows...)
	}
	cols := 0
	for _, row := range all {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	widths := make([]int, cols)
	for _, row := range all {
		for i, c := range row {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	total := ansi.StringWidth(prefix) + 3*(cols-1)
	for _, w := range widths {
		total += w
	}
	if total <= r.width {
		line := func(row []string) string {
			cells := make([]string, cols)
			for i := range cols {
				c := ""
				if i < len(row) {
					c = row[i]
				}
				cells[i] = c + strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			}
			return strings.TrimRight(prefix+strings.Join(cells, " │ "), " ")
		}
		if header != nil {
			r.out = append(r.out, r.st.bold(line(header)))
			seps := make([]string, cols)
			for i, w := range widths {
				seps[i] = strings.Repeat("─", w)
			}
			r.out = append(r.out, prefix+strings.Join(seps, "─┼─"))
		}
		for _, row := range rows {
			r.out = append(r.out, line(row))
		}
		return
	}
	for i, row := range rows {
		if i > 0 {
			r.out = append(r.out, prefix)
		}
		if spanned[i] {
			r.out = append(r.out, wrapText(prefix+row[0], r.measure, prefix, r.st.exact)...)
			continue
		}
		for j, c := range row {
			label := fmt.Sprintf("%d", j+1)
			if j < len(header) && header[j] != "" {
				label = header[j]
			}
			r.out = append(r.out, wrapText(prefix+r.st.bold(label+":")+" "+c, r.measure, prefix+"  ", r.st.exact)...)
		}
	}
}
