package ui

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"newsreader/feed"
)

// How the renderer reads what real feeds write, beyond plain HTML:
// footnotes (a number linking down the page, a way back up), pictures
// inside links, links and pictures inside tables, web addresses written
// out in plain text, a podcast episode's length, and a body that opens
// with the title again.

// inPage says whether href (as written) points inside the article's own
// page: "#fn1", or the article's address with a fragment. Such links (a
// footnote's number, the way back from it, a table of contents) lead
// nowhere in a terminal.
func (r *renderer) inPage(href string) bool {
	href = strings.TrimSpace(href)
	if strings.HasPrefix(href, "#") {
		return true
	}
	if r.base == nil || !strings.Contains(href, "#") {
		return false
	}
	u, err := url.Parse(href)
	if err != nil || u.Fragment == "" {
		return false
	}
	u = r.base.ResolveReference(u)
	page := *r.base
	u.Fragment, u.RawFragment, page.Fragment, page.RawFragment = "", "", "", ""
	return u.String() == page.String()
}

// anchor renders a footnote's link (see noteLink): its number is a
// superscript (or, opening the footnote, "1. " before the footnote's
// text); the way back ("↩") is left out.
func (r *renderer) anchor(n *html.Node) {
	var b strings.Builder
	collectText(n, &b)
	text := strings.Join(strings.Fields(b.String()), " ")
	switch {
	case backMark(text):
		return
	case footnoteNumber(text) != "":
		num := footnoteNumber(text)
		if strings.TrimSpace(r.inline.String()) == "" && r.pending == "" {
			// The number opening a footnote (Substack writes it
			// before the footnote's paragraph, not inside it).
			r.pending = num + ". "
			return
		}
		r.inline.WriteString(feed.Superscript(num) + spaceAfterNode(n))
	}
}

// footnoteNumber is the number a footnote reference shows ("1", "[2]",
// "(3)"), or "".
func footnoteNumber(text string) string {
	t := strings.Trim(text, "[]() ")
	if t == "" || len(t) > 3 {
		return ""
	}
	for _, c := range t {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return t
}

// backMark says whether text is only a footnote's way back to its
// reference: ↩ (with or without its emoji or text selector), ↑, ^.
func backMark(text string) bool {
	if text == "" {
		return false
	}
	for _, c := range text {
		switch c {
		case '↩', '↑', '^', '⤴', '↵', '⏎', '\ufe0e', '\ufe0f', ' ':
		default:
			return false
		}
	}
	return true
}

// noteLink says whether link n is a footnote's number ("1", "[2]") or
// the way back from the footnote ("↩"), pointing inside the article's
// page (see inPage) or at an anchor named as a note's ("#fn1", "#fnref:2",
// "#footnote-1": an Atom feed's xml:base or the site's address, not the
// article's, may have made it absolute). Such a link leads nowhere useful
// in a terminal: the renderer shows the number as a superscript instead.
func (r *renderer) noteLink(n *html.Node) bool {
	href := strings.TrimSpace(attr(n, "href"))
	i := strings.IndexByte(href, '#')
	if i < 0 {
		return false
	}
	var b strings.Builder
	collectText(n, &b)
	text := strings.Join(strings.Fields(b.String()), " ")
	if !backMark(text) && footnoteNumber(text) == "" {
		return false
	}
	if r.inPage(href) {
		return true
	}
	f := strings.ToLower(href[i+1:])
	return strings.HasPrefix(f, "fn") || strings.HasPrefix(f, "ref") || strings.Contains(f, "footnote") || strings.Contains(f, "note-")
}

// dropClosingRule removes a horizontal rule that ends the body: it stood
// above furniture that is left out (a sign-off, share buttons).
func (r *renderer) dropClosingRule() {
	for len(r.out) > 0 && r.out[len(r.out)-1] == "" {
		r.out = r.out[:len(r.out)-1]
	}
	if n := len(r.out); n > 0 && strings.Trim(r.out[n-1], "─") == "" {
		r.out = r.out[:n-1]
	}
}

// hasImage says whether n holds an image that is not a tracking pixel.
func hasImage(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && ((c.Data == "img" && !pixel(c)) || hasImage(c)) {
			return true
		}
	}
	return false
}

// sameTitle says whether a heading's text repeats the article's title
// (Medium opens every post's text with it), letter case, spacing and
// punctuation aside.
func sameTitle(heading, title string) bool {
	key := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	h := key(heading)
	return h != "" && h == key(title)
}

// cellText is collectText for a table cell, with its links and pictures
// numbered among the article's links as in running text ("[link][3]"), so
// that a table of links (a Reddit post's "[link] [comments]", a results
// table) can be opened. Plain: a cell's width is counted as its text.
func (r *renderer) cellText(n *html.Node, b *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			collectText(c, b)
			continue
		}
		switch c.Data {
		case "script", "style", "svg", "noscript", "template":
		case "a":
			var t strings.Builder
			collectText(c, &t)
			text := strings.TrimSpace(t.String())
			href := r.resolve(attr(c, "href"))
			switch {
			case r.noteLink(c):
				if num := footnoteNumber(text); num != "" {
					b.WriteString(feed.Superscript(num))
				}
			case text == "" && !hasImage(c):
			case href == "":
				b.WriteString(text)
			default:
				if text == "" {
					text = "[image]"
				}
				r.links = append(r.links, href)
				b.WriteString(text + "[" + strconv.Itoa(len(r.links)) + "]")
			}
		case "img":
			if pixel(c) {
				continue
			}
			label := "[image]"
			if alt := feed.Line(attr(c, "alt")); alt != "" {
				label = "[image: " + alt + "]"
			}
			if src := r.resolve(imageSource(c)); src != "" {
				r.links = append(r.links, src)
				label += "[" + strconv.Itoa(len(r.links)) + "]"
			}
			b.WriteString(label)
		case "br":
			b.WriteString("\n")
		default:
			r.cellText(c, b)
		}
	}
}

// bareLinks numbers the web addresses written out in running text (a
// plain-text post's, a video's description: "https://example.com/x") as
// links, as if the text had linked them, so that o then the number opens
// them. Punctuation that ends the sentence is not part of the address.
func (r *renderer) bareLinks(text string) string {
	if !strings.Contains(text, "://") {
		return text
	}
	var b strings.Builder
	from := 0 // text[:from] is not an address's start
	for {
		// The next "http://" or "https://": one search for "http" from
		// where the last stopped (two searches of the whole rest at each
		// address made a text of many addresses quadratic).
		i := strings.Index(text[from:], "http")
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		i += from
		if rest := text[i+4:]; !strings.HasPrefix(rest, "://") && !strings.HasPrefix(rest, "s://") {
			from = i + 4
			continue
		}
		if i > 0 && !strings.ContainsRune(" (\"'«“‘<[", lastRune(text[:i])) {
			from = i + 1 // inside a word ("xhttps://"): not an address
			continue
		}
		end := i + strings.IndexFunc(text[i:], func(c rune) bool { return c == ' ' || c == '"' || c == '<' || c == '>' || c == '»' || c == '”' })
		if end < i {
			end = len(text)
		}
		u := text[i:end]
		// Brackets are counted once, then as they are cut off.
		opens, closes := strings.Count(u, "("), strings.Count(u, ")")
		openSq, closeSq := strings.Count(u, "["), strings.Count(u, "]")
		for len(u) > 0 {
			switch c := u[len(u)-1]; {
			case strings.IndexByte(".,;:!?'", c) >= 0:
			case c == ')' && opens < closes:
				closes--
			case c == ']' && openSq < closeSq:
				closeSq--
			default:
				goto cut
			}
			u = u[:len(u)-1]
		}
	cut:
		b.WriteString(text[:i])
		if link := feed.Link(u); link != "" && strings.Contains(u, ".") {
			b.WriteString(r.linked(link, u))
		} else {
			b.WriteString(u)
		}
		text, from = text[i+len(u):], 0
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// mediaLength is the length the feed gave an episode's file (feed's
// withEnclosures writes it as data-duration: "1:02:33"), if it is one.
func mediaLength(n *html.Node) string {
	d := strings.TrimSpace(attr(n, "data-duration"))
	if d == "" || len(d) > 9 || strings.Trim(d, "0123456789:") != "" || !strings.Contains(d, ":") {
		return ""
	}
	return d
}
