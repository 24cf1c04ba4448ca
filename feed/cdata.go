package feed

import (
	"bytes"
	"github.com/mmcdole/gofeed"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Most RSS feeds carry each item's HTML in a CDATA section, and
// encoding/xml, under gofeed, reads every byte of it one call at a time,
// twice (as text and as the element's inner XML): about half the CPU of a
// whole parse. The text of a CDATA section is taken as it is, so
// liftCDATA swaps the longer sections' text for short placeholders
// before gofeed reads the body, and restoreCDATA puts the text back into
// what gofeed made of it, which is then exactly what gofeed makes of the
// original.
//
// Only text that gofeed would take unchanged is lifted: the body is
// UTF-8 (no other encoding declared), the text holds only characters XML
// allows and no carriage return (encoding/xml turns CR LF into LF where it
// reads character data), and each placeholder keeps the text's line
// breaks, so an error further down names the same line. Only the text of
// a section that opens a description or content:encoded element is
// lifted, less its leading and trailing white space. A body that already
// holds the placeholders' marker, or has a DOCTYPE, is left as it is.

// minLifted is the shortest CDATA text worth a placeholder.
const minLifted = 128

const (
	liftOpen  = "\uE000" // private-use characters, kept by XML and gofeed
	liftClose = "\uE001"
)

var (
	cdataStart = []byte("<![CDATA[")
	cdataEnd   = []byte("]]>")
)

// liftCDATA returns body with the text of its longer CDATA sections
// replaced by placeholders, and the placeholders with their texts; body
// itself and nil when there is nothing to lift.
func liftCDATA(body []byte) ([]byte, []lifted) {
	if !bytes.Contains(body, cdataStart) || bytes.Contains(body, []byte(liftOpen)) ||
		bytes.Contains(body, []byte("<!DOCTYPE")) || otherEncoding(body) || !utf8.Valid(body) {
		return body, nil
	}
	var out []byte
	var texts []lifted
	last := 0 // body[last:] is not copied to out yet
	// The last start tag's name and where it ends, when nothing but
	// comments, PIs and white space came since (scanned as scanXML does).
	var open []byte
	openEnd := 0
	for i := 0; i < len(body); {
		lt := bytes.IndexByte(body[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := body[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(body, i+4, "-->")
		case bytes.HasPrefix(rest, []byte("<?")):
			i = skipPast(body, i+2, "?>")
		case bytes.HasPrefix(rest, cdataStart):
			from := i + len(cdataStart)
			end := bytes.Index(body[from:], cdataEnd)
			if end < 0 {
				i = len(body)
				continue
			}
			first := open != nil && len(bytes.TrimLeft(body[openEnd:i], " \t\n")) == 0
			lifts := first && liftsFrom(open)
			open, i = nil, from+end+len(cdataEnd)
			// The text less its leading and trailing white space, which
			// stays in place for gofeed to trim or keep as it would.
			lo, hi := from, from+end
			for lo < hi && isXMLSpace(body[lo]) {
				lo++
			}
			for hi > lo && isXMLSpace(body[hi-1]) {
				hi--
			}
			text := body[lo:hi]
			if !lifts || len(text) < minLifted || !liftable(text) {
				continue
			}
			ph := liftOpen + strings.Repeat("\n", bytes.Count(text, []byte("\n"))) + strconv.Itoa(len(texts)) + liftClose
			if out == nil {
				out = liftBuf(len(body) + 64)
			}
			out = append(out, body[last:lo]...)
			out = append(out, ph...)
			last = hi
			texts = append(texts, lifted{ph, string(text)})
		case bytes.HasPrefix(rest, []byte("<!")):
			open, i = nil, skipDirective(body, i)
		case len(rest) > 1 && rest[1] == '/':
			open, i = nil, skipPast(body, i+1, ">")
		default:
			nameEnd := i + 1
			for nameEnd < len(body) && !isNameEnd(body[nameEnd]) {
				nameEnd++
			}
			end, selfClosing := skipTag(body, nameEnd)
			open, openEnd = body[i+1:nameEnd], end
			if selfClosing {
				open = nil
			}
			i = end
		}
	}
	if texts == nil {
		return body, nil
	}
	return append(out, body[last:]...), texts
}

// The lifted copy of a body is read once by the parser, which copies
// what it keeps: it is one of the bodies' pooled buffers (scratchBodies),
// given back with releaseBody once parsed. Allocated anew and grown by
// appending, it was a tenth of a cold refresh's allocations.

// liftBuf is an empty buffer of at least n bytes' capacity.
func liftBuf(n int) []byte {
	if p, _ := scratchBodies.Get().(*[]byte); p != nil {
		if cap(*p) >= n {
			return (*p)[:0]
		}
		scratchBodies.Put(p) // for a smaller body
	}
	return make([]byte, 0, n)
}

// liftsFrom says whether a CDATA section that opens an element of this
// name is lifted: description or content:encoded (gofeed takes their
// text as it is; other elements' text may be resolved as a URL or
// otherwise changed).
func liftsFrom(name []byte) bool {
	_, local, found := bytes.Cut(name, []byte(":"))
	return string(name) == "description" || found && string(local) == "encoded" || string(name) == "encoded"
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lifted is a placeholder and the text it stands for.
type lifted struct{ placeholder, text string }

// liftable says whether encoding/xml takes text as it is: only characters
// XML allows, no carriage return. The body is valid UTF-8 (checked
// whole), so what is left to refuse is control bytes and U+FFFE, U+FFFF.
func liftable(text []byte) bool {
	for _, c := range text {
		if c < 0x20 && c != '\t' && c != '\n' {
			return false
		}
	}
	return !bytes.Contains(text, []byte("\xef\xbf\xbe")) && !bytes.Contains(text, []byte("\xef\xbf\xbf"))
}

// otherEncoding says whether the XML declaration names an encoding other
// than UTF-8 (gofeed then decodes the body, lifted text included; its
// US-ASCII is windows-1252, which turns UTF-8's multi-byte characters
// into others).
func otherEncoding(body []byte) bool {
	if !prologEncoding(body) {
		return false
	}
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	decl := strings.ToLower(string(b[:bytes.Index(b, []byte("?>"))]))
	_, enc, _ := strings.Cut(decl, "encoding")
	enc = strings.Trim(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(enc), "=")), `"' `)
	if i := strings.IndexAny(enc, `"' `); i >= 0 {
		enc = enc[:i]
	}
	return enc != "utf-8" && enc != "utf8" // us-ascii too: gofeed reads it as windows-1252
}

// restoreCDATA puts the lifted texts back into every string v reaches.
//
// Lifted text comes from description and content:encoded elements, which
// gofeed puts in the feed's and the items' Description and Content: those
// are mended first, and everything else only when some placeholder was
// not found there.
func restoreCDATA(f *gofeed.Feed, texts []lifted) {
	if len(texts) == 0 {
		return
	}
	found := 0
	mend := func(s *string) {
		if r, n := restoreCount(*s, texts); n > 0 {
			*s, found = r, found+n
		}
	}
	mend(&f.Description)
	for _, it := range f.Items {
		if it != nil {
			mend(&it.Description)
			mend(&it.Content)
		}
	}
	if found != len(texts) {
		restoreValue(reflect.ValueOf(f), texts)
	}
}

func restoreValue(v reflect.Value, texts []lifted) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			restoreValue(v.Elem(), texts)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				restoreValue(v.Field(i), texts)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			restoreValue(v.Index(i), texts)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			val := iter.Value()
			if val.Kind() == reflect.String {
				if s, ok := restoreString(val.String(), texts); ok {
					v.SetMapIndex(iter.Key(), reflect.ValueOf(s).Convert(val.Type()))
				}
				continue
			}
			// Slices and pointers share what they point to; other
			// values are copied out, mended and put back.
			cp := reflect.New(val.Type()).Elem()
			cp.Set(val)
			restoreValue(cp, texts)
			v.SetMapIndex(iter.Key(), cp)
		}
	case reflect.String:
		if s, ok := restoreString(v.String(), texts); ok && v.CanSet() {
			v.SetString(s)
		}
	}
}

// restoreString replaces the placeholders in s by their texts.
func restoreString(s string, texts []lifted) (string, bool) {
	r, n := restoreCount(s, texts)
	return r, n > 0 || r != s
}

// placeholderIndex is the number of the placeholder s starts with, or -1.
func placeholderIndex(s string) int {
	if !strings.HasPrefix(s, liftOpen) {
		return -1
	}
	j := strings.Index(s, liftClose)
	if j < 0 {
		return -1
	}
	k, err := strconv.Atoi(strings.TrimLeft(s[len(liftOpen):j], "\n"))
	if err != nil {
		return -1
	}
	return k
}

// restoreCount is restoreString, counting the placeholders replaced.
func restoreCount(s string, texts []lifted) (string, int) {
	if !strings.Contains(s, liftOpen) {
		return s, 0
	}
	// Most often the string is one placeholder and nothing else (a
	// description that was all CDATA): its text as it is, no copy.
	if k := placeholderIndex(s); k >= 0 && k < len(texts) && s == texts[k].placeholder {
		return texts[k].text, 1
	}
	n := 0
	var b strings.Builder
	b.Grow(len(s) + 512)
	for {
		i := strings.Index(s, liftOpen)
		if i < 0 {
			b.WriteString(s)
			return b.String(), n
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.Index(s, liftClose)
		k, err := strconv.Atoi(strings.TrimLeft(s[len(liftOpen):max(j, len(liftOpen))], "\n"))
		if j < 0 || err != nil || k < 0 || k >= len(texts) || !strings.HasPrefix(s, texts[k].placeholder) {
			// Not ours whole (gofeed cut it): keep it as it is.
			b.WriteString(liftOpen)
			s = s[len(liftOpen):]
			continue
		}
		b.WriteString(texts[k].text)
		s = s[len(texts[k].placeholder):]
		n++
	}
}

// skipDirective is the index after the directive that opens at i ("<!"
// then neither "--" nor "[CDATA["), read as encoding/xml reads one: its
// first byte whatever it is, then on to a ">" outside quotes and outside
// nested "<...>", skipping "<!-- -->" comments; len(body) when it does
// not end. Nothing inside is lifted: a quote in a CDATA section the
// parser reads as part of a directive ("<!>" then "<![CDATA["...") would
// otherwise be lifted out of it and change where the directive ends
// (found by FuzzLiftCDATA).
func skipDirective(body []byte, i int) int {
	j := i + 3 // "<!" and the first byte, taken whatever it is
	var inquote byte
	depth := 0
	for j < len(body) {
		b := body[j]
		j++
		if inquote == 0 && b == '>' && depth == 0 {
			return j
		}
	handle:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			k := 0
			for ; k < 3; k++ {
				if j >= len(body) {
					return len(body)
				}
				b = body[j]
				j++
				if b != "!--"[k] {
					break
				}
			}
			if k < 3 {
				depth++
				goto handle
			}
			var b0, b1 byte // a comment: on to "-->"
			for {
				if j >= len(body) {
					return len(body)
				}
				b = body[j]
				j++
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
	return len(body)
}
