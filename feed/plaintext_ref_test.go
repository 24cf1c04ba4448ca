package feed

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The reference PlainText: the implementation before the byte-scanning
// fast path, every fragment through x/net/html's tokenizer. The tests and
// FuzzPlainText hold PlainText to it byte for byte.

func plainTextRef(fragment string) string {
	if s := plainTextRefDrop(fragment, true); s != "" || fragment == "" {
		return s
	}
	return plainTextRefDrop(fragment, false)
}

func plainTextRefDrop(fragment string, dropFurniture bool) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b []byte
	skip := 0
	block, linked, inLink := 0, 0, 0 // where the block being written starts in b; its letters inside <a>
	sup := -1                        // where an open <sup> holding only text starts in b
	endBlock := func() {
		if dropFurniture && linked > 0 && float64(linked) >= linkShare*float64(lettersRef(b[block:])) {
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
					linked += lettersRef(text)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			// A <sup> of text only reads as one (10⁶, not 106; see
			// Superscript); one holding elements stays as it is.
			if string(name) != "sup" {
				sup = -1
			} else if tt == html.StartTagToken && skip == 0 {
				sup = len(b)
			} else if tt == html.EndTagToken && sup >= 0 {
				b = append(b[:sup], Superscript(string(b[sup:]))...)
				sup = -1
			}
			// Code, markup and fallbacks for browsers without a feature are
			// never text; furniture is left out when dropped.
			never := map[string]bool{"script": true, "style": true, "noscript": true, "iframe": true, "noembed": true, "noframes": true,
				"template": true, "video": true, "audio": true, "object": true, "svg": true, "canvas": true}
			tag := string(name)
			switch tag {
			case "template", "video", "audio", "object", "svg", "canvas":
				// hidden only when closed: open, it would hide the rest
				name := ""
				for _, c := range tag { // ASCII case only, as the tokenizer folds
					name += "[" + strings.ToUpper(string(c)) + string(c) + "]"
				}
				if tt == html.StartTagToken && !regexp.MustCompile(`</`+name+`[\t\n\f\r />]`).MatchString(fragment) {
					continue
				}
			}
			switch tag {
			case "script", "style", "noscript", "iframe", "noembed", "noframes", "template", "video", "audio", "object", "svg", "canvas", "aside", "nav", "footer":
				if !never[tag] && !dropFurniture {
					endBlock()
					break
				}
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				if !never[tag] {
					endBlock()
				}
			case "a":
				if tt == html.StartTagToken {
					inLink++
				} else if tt == html.EndTagToken && inLink > 0 {
					inLink--
				}
			case "q", "del", "s", "strike":
				class := ""
				for _, c := range tag { // ASCII case only, as the tokenizer folds
					class += "[" + strings.ToUpper(string(c)) + string(c) + "]"
				}
				closed := regexp.MustCompile(`</` + class + `[\t\n\f\r />]`).MatchString(fragment)
				if skip == 0 && (tt == html.EndTagToken || tt == html.StartTagToken && closed) {
					mark := "~~"
					switch {
					case tag != "q":
					case tt == html.StartTagToken:
						mark = "“"
					default:
						mark = "”"
					}
					// a closing mark goes before the spaces the text ends with,
					// unless they are more than maxMarkShift bytes
					trimmed := strings.TrimRight(string(b), " \t\n")
					if tt != html.EndTagToken || len(b)-len(trimmed) > maxMarkShift {
						trimmed = string(b)
					}
					b = []byte(trimmed + mark + string(b[len(trimmed):]))
				}
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "ul", "ol", "figure", "figcaption", "section", "article", "header",
				"dl", "dt", "dd", "hr", "main", "address", "details", "summary", "caption", "center":
				endBlock()
			case "td", "th":
				b = append(b, ' ')
			}
		}
	}
}

// lettersRef counts the letters and digits of a text.
func lettersRef(text []byte) int {
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

// letters counts as lettersRef does, ASCII and not.
func TestLettersIsRef(t *testing.T) {
	for _, s := range []string{"", "a b-c, 1/2", "Ünïcödé 字 ٣ and ASCII\x00\x7f", "\xff\xfe broken", strings.Repeat("word, ", 40)} {
		if got, want := letters([]byte(s)), lettersRef([]byte(s)); got != want {
			t.Errorf("letters(%q) = %d, lettersRef %d", s, got, want)
		}
	}
	for c := range 256 {
		b := []byte{byte(c)}
		if got, want := letters(b), lettersRef(b); got != want {
			t.Errorf("byte %#x: %d, lettersRef %d", c, got, want)
		}
	}
}
