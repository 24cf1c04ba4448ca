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

// stripTitleTags removes the tags of the elements in titleTags
// (attributes and all) that are markup; any other '<' is kept. Titles
// also name elements as text ("Stop using <br> for spacing", escaped in
// RSS and in Atom text, so it looks the same here), so a tag is taken
// for markup only when it says so: a start tag and the end tag that
// closes it, and a tag that is empty (<br/>) or has an attribute
// (<a href="…">).
func stripTitleTags(s string) string {
	type tag struct {
		titleTagInfo
		markup bool
	}
	var tags []tag
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		t, ok := titleTag(s[i:])
		if !ok {
			i++
			continue
		}
		t.at, t.end = i, i+t.end
		tags = append(tags, tag{t, t.strong})
		i = t.end
	}
	// An end tag pairs with the nearest start tag of its element not
	// yet paired, as in HTML.
	starts := map[string][]int{}
	for i, t := range tags {
		switch {
		case t.close:
			if st := starts[t.name]; len(st) > 0 {
				tags[st[len(st)-1]].markup, tags[i].markup = true, true
				starts[t.name] = st[:len(st)-1]
			}
		case !(t.strong && s[t.end-2] == '/'): // an empty tag closes nothing
			starts[t.name] = append(starts[t.name], i)
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, t := range tags {
		if !t.markup {
			continue
		}
		b.WriteString(s[last:t.at])
		if t.space {
			b.WriteByte(' ')
		}
		last = t.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// titleTagInfo is a tag: where it starts and ends, its element's name
// (lower case), whether it separates words, whether it is an end tag,
// and whether it is markup by its form alone (empty, <x/>, or with an
// attribute that has a value).
type titleTagInfo struct {
	at, end      int
	name         string
	space, close bool
	strong       bool
}

// titleTag measures the tag at the start of s ('<' first; end is its
// length), reporting whether it is one of titleTags.
func titleTag(s string) (titleTagInfo, bool) {
	var t titleTagInfo
	j := 1
	if j < len(s) && s[j] == '/' {
		j++
		t.close = true
	}
	k := j
	for k < len(s) && (asciiLetter(s[k]) || k > j && '0' <= s[k] && s[k] <= '9') {
		k++
	}
	if k == j || k == len(s) {
		return t, false
	}
	t.name = strings.ToLower(s[j:k])
	space, known := titleTags[t.name]
	if !known || !(s[k] == '>' || s[k] == '/' || tagSpace(s[k])) {
		return t, false
	}
	t.space = space
	var quote byte
	for m := k; m < len(s); m++ {
		switch c := s[m]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			t.strong = !t.close
		case c == '>':
			t.end = m + 1
			if !t.close && s[m-1] == '/' {
				t.strong = true
			}
			return t, true
		case c == '<':
			return t, false
		}
	}
	return t, false
}

// textTitle is the title shown for an item that has none (a microblog
// post, a toot): the first paragraph of its description, else of its
// content, cut to about 80 letters at a word, not the opening of all its
// paragraphs run together and cut inside a word. fallback when neither
// has words.
func textTitle(description, content, fallback string) string {
	for _, text := range []string{description, content} {
		if text == "" {
			continue
		}
		for p := range strings.SplitSeq(PlainText(text), "\n") {
			if p = Words(p); p != "" {
				return cutAtWord(p, 80)
			}
		}
	}
	return fallback
}

// cutAtWord cuts s to n runes, back to the last space in the second half
// when the cut falls inside a word, and marks the cut with "…".
func cutAtWord(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if r[n] == ' ' {
		return cut + "…" // the cut falls between words
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–—-") + "…"
}
