package feed

import (
	"strings"
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
func PlainText(fragment string) string {
	if s := plainText(fragment, true); s != "" || fragment == "" {
		return s
	}
	return plainText(fragment, false)
}

// linkShare is how much of a block's letters may be link text before the
// block counts as a link to elsewhere.
const linkShare = 0.6

func plainText(fragment string, dropFurniture bool) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b []byte
	skip := 0
	block, linked, inLink := 0, 0, 0 // where the block being written starts in b; its letters inside <a>
	endBlock := func() {
		if dropFurniture && linked > 0 && float64(linked) >= linkShare*float64(letters(b[block:])) {
			b = b[:block]
		}
		b = append(b, "\n\n"...)
		block, linked = len(b), 0
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			endBlock()
			return Block(string(b))
		case html.TextToken:
			if skip == 0 {
				text := z.Text()
				b = append(b, text...)
				if inLink > 0 {
					linked += letters(text)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); tag {
			case "script", "style", "aside", "nav", "footer":
				if tag != "script" && tag != "style" && !dropFurniture {
					endBlock()
					break
				}
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				if tag != "script" && tag != "style" {
					endBlock()
				}
			case "a":
				if tt == html.StartTagToken {
					inLink++
				} else if tt == html.EndTagToken && inLink > 0 {
					inLink--
				}
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "ul", "ol", "figure", "figcaption", "section", "article", "header":
				endBlock()
			case "td", "th":
				b = append(b, ' ')
			}
		}
	}
}

// letters counts the letters and digits of a text.
func letters(text []byte) int {
	n := 0
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		text = text[size:]
	}
	return n
}
