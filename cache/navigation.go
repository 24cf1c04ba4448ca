package cache

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Navigation boxes: what a news page prints between or under its
// paragraphs to send the reader elsewhere: "Related", "Read more: <another
// story's headline>", "More on this story", "Most read", "Recommended for
// you", each with a list of other stories' headlines. Read as the
// article's terms, those headlines made two unrelated reports alike (both
// listed a third story) and a report like the stories it linked to.
//
// feed.PlainText already leaves out a block that is mostly a link (a list
// item or a paragraph that is only a link to another page), so, from HTML,
// a box's linked headlines are gone and its label is left ("Related" alone
// on a line). What is left to do is read here, on the plain text, for the
// story text only (the article pane shows the HTML, the search index keeps
// every word):
//
//   - a line that is only a navigation label ("Related", "See also:", "Most
//     read", "Lesen Sie auch", "À lire aussi"…) is left out, with the
//     headline-like lines that follow it (short, not a sentence: no full
//     stop at the end, not introducing anything with a colon), up to the
//     first line that is not one: the box's items when they are not links
//     (a plain-text feed, a CMS that strips the anchors);
//   - a line that opens with such a label and a separator and goes on with a
//     headline-like line ("Read more: Council tax to rise by 5%", "RELATED |
//     Harriers sign Osei") is left out;
//   - a line that is only a web address (a plain-text feed's link to
//     another page, whose words would be the other story's slug) is left
//     out.
//
// A sentence that has the words in it stays ("Read more about the scheme
// on the council's website."), as does a label followed by a sentence
// ("See also: the council said it would appeal."), and a list of facts
// after any other heading.

// navLabels are the labels of navigation boxes, lower case, in the
// wording of English news sites first, then of other languages' common
// ones. Words that open sentences on their own ("More", "Also") are not
// labels.
var navLabels = []string{
	"related", "related stories", "related articles", "related content", "related coverage", "related links", "related news", "related reading",
	"related posts", "related post", "similar posts", "similar articles", "recent posts", "popular posts", "more posts",
	"read more", "read next", "read also", "also read", "read more on this", "read more on this story", "see also", "further reading",
	"more on this story", "more on this", "more on this topic", "more stories", "more news", "more like this", "in other news",
	"most read", "most popular", "most viewed", "most shared", "most read stories", "top stories", "trending", "trending now",
	"recommended", "recommended for you", "recommended stories", "recommended reading", "you may also like", "you might also like",
	"you may be interested in", "you might be interested in", "what to read next", "don't miss", "don’t miss", "editor's picks", "editor’s picks",
	// German
	"lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren", "meistgelesen", "meistgelesene artikel", "weitere artikel",
	// French
	"lire aussi", "à lire aussi", "a lire aussi", "à lire également", "lire également", "sur le même sujet", "voir aussi", "les plus lus", "les articles les plus lus",
	// Spanish, Portuguese, Italian
	"leer más", "lea también", "lee también", "noticias relacionadas", "te puede interesar", "lo más leído", "ver también",
	"leia também", "leia mais", "veja também", "mais lidas", "notícias relacionadas",
	"leggi anche", "potrebbe interessarti", "i più letti", "articoli correlati",
	// Dutch, Scandinavian
	"lees ook", "lees meer", "meest gelezen", "gerelateerd",
	"läs också", "läs mer", "mest läst", "les også", "les mer", "mest lest", "læs også", "læs mere", "mest læste",
}

// navByFirst is navLabels by their first byte (ASCII letters in lower
// case; a line's first letter in either case has the same first byte as
// the label's: "À"/"à" both open with 0xC3).
var navByFirst [256][]string

func init() {
	for _, l := range navLabels {
		navByFirst[l[0]] = append(navByFirst[l[0]], l)
	}
}

// Headline-like lines: at most this many bytes and words.
const (
	maxNavItem      = 200
	maxNavItemWords = 24
	maxNavExcerpt   = 600
)

// withoutNavigation returns text without its navigation lines (see
// above), or text itself when it has none. It reads each line's opening
// bytes only, and the whole of a line only after a label.
func withoutNavigation(text string) string {
	var b []byte
	last := 0      // text[:last] is written to b, or (b nil) all kept so far
	inBox := false // after a label line, while its items go on
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := strings.TrimSpace(text[start:end])
		drop := false
		switch {
		case line == "":
			// a blank line between a label and its items keeps the box open
		case inBox && (headlineLike(line) || excerpt(line) || webAddress(line) || itemDate(line)):
			drop = true
		default:
			inBox = false
			switch navLine(line) {
			case navLabelLine:
				drop, inBox = true, true
			case navItemLine:
				drop = true
			}
		}
		if drop {
			if b == nil {
				b = make([]byte, 0, len(text))
			}
			b = append(b, text[last:start]...)
			last = min(end+1, len(text))
		}
		start = end + 1
	}
	if b == nil {
		return text
	}
	return string(append(b, text[last:]...))
}

const (
	navNone      = iota
	navLabelLine // a label alone: "Related", "More on this story:"
	navItemLine  // a label and a headline, "Read more: …", or a web address
)

// navLine says what a (trimmed, non-empty) line is.
func navLine(line string) int {
	c := line[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c == 'h' || c == 'w' {
		if webAddress(line) {
			return navItemLine
		}
	}
	labels := navByFirst[c]
	if labels == nil {
		return navNone
	}
	c1 := byte(0)
	if len(line) > 1 {
		if c1 = line[1]; 'A' <= c1 && c1 <= 'Z' {
			c1 += 'a' - 'A'
		}
	}
	for _, l := range labels {
		if len(line) < len(l) || c1 < utf8.RuneSelf && c1 != l[1] || !strings.EqualFold(line[:len(l)], l) {
			continue
		}
		rest := line[len(l):]
		if rest != "" {
			if r, _ := utf8.DecodeRuneInString(rest); isWordRune(r) {
				continue // "Related" opening "Relatedly", "Trending" opening "Trending topics were…"
			}
		}
		rest = strings.TrimLeft(rest, " \t\u00a0")
		sep := false
		for _, s := range navSeparators {
			if strings.HasPrefix(rest, s) {
				rest, sep = strings.TrimLeft(rest[len(s):], " \t\u00a0"), true
				break
			}
		}
		if rest == "" {
			return navLabelLine
		}
		if sep && (headlineLike(rest) || webAddress(rest)) {
			return navItemLine
		}
	}
	return navNone
}

// navSeparators are what a label is parted from its items by.
var navSeparators = []string{":", "|", "»", "›", ">", "-", "–", "—", "…", "..."}

// headlineLike says whether a line reads as another story's headline: a
// list's item (bullets and numbers taken off) of at most maxNavItem bytes
// and maxNavItemWords words, with a letter, that is not a sentence (no
// full stop at its end, inside quotes or not) and introduces nothing (no
// colon at its end).
func headlineLike(line string) bool {
	line = strings.TrimSpace(strings.TrimLeft(line, "•·*-–—▪►‣◦ \t"))
	if line == "" || len(line) > maxNavItem {
		return false
	}
	if k := numberedItem(line); k > 0 {
		line = line[k:]
	}
	// The end of the words, inside closing quotes and brackets: a
	// quotation ends a sentence with its full stop inside (`He said: "We
	// will appeal."`), a headline's quotation without one.
	end := strings.TrimRight(line, "\"”’')]»")
	last, _ := utf8.DecodeLastRuneInString(end)
	switch last {
	case '.', ':', ';', ',':
		if !strings.HasSuffix(end, "...") {
			return false
		}
	}
	words, letter := 0, false
	space := true
	for _, r := range line {
		if r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space {
			words++
			space = false
		}
		if !letter && isWordRune(r) && !('0' <= r && r <= '9') {
			letter = true
		}
	}
	return letter && words <= maxNavItemWords
}

// excerpt says whether a line in a box is another story's headline and
// the opening of its text, cut short ("Rates held at 2.5% The central
// bank kept …", as blogs' related posts print them): up to
// maxNavExcerpt bytes, ending in an ellipsis.
func excerpt(line string) bool {
	if len(line) > maxNavExcerpt {
		return false
	}
	line = strings.TrimSuffix(line, "]") // "[…]"
	return strings.HasSuffix(line, "…") || strings.HasSuffix(line, "...")
}

// itemDate says whether a line in a box is a short line without a
// letter: an item's date or time ("28/11/2026", "14:05"), which parts
// the headlines and does not end the box.
func itemDate(line string) bool {
	if len(line) > 24 {
		return false
	}
	for _, r := range line {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// numberedItem is the length of a numbered list's marker opening line
// ("1. ", "10) "), or 0.
func numberedItem(line string) int {
	k := 0
	for k < len(line) && k < 2 && '0' <= line[k] && line[k] <= '9' {
		k++
	}
	if k == 0 || k+1 >= len(line) || line[k] != '.' && line[k] != ')' || line[k+1] != ' ' {
		return 0
	}
	return k + 2
}

// webAddress says whether line is only a web address.
func webAddress(line string) bool {
	if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") && !strings.HasPrefix(line, "www.") {
		return false
	}
	return strings.IndexAny(line, " \t") < 0
}
