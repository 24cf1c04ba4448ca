package ui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"newsreader/feed"
)

// bareLinksRef is bareLinks as first written: two searches of the whole
// rest of the text at each address, and brackets counted again at each
// character cut off (quadratic on a text of many addresses). bareLinks
// must read every text as it does.
func (r *renderer) bareLinksRef(text string) string {
	if !strings.Contains(text, "://") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, "http://")
		if j := strings.Index(text, "https://"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 || (i > 0 && !strings.ContainsRune(" (\"'«“‘<[", lastRune(text[:i]))) {
			if i < 0 {
				b.WriteString(text)
				return b.String()
			}
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		end := i + strings.IndexFunc(text[i:], func(c rune) bool { return c == ' ' || c == '"' || c == '<' || c == '>' || c == '»' || c == '”' })
		if end < i {
			end = len(text)
		}
		u := text[i:end]
		for len(u) > 0 && strings.ContainsRune(".,;:!?'", rune(u[len(u)-1])) ||
			strings.HasSuffix(u, ")") && strings.Count(u, "(") < strings.Count(u, ")") ||
			strings.HasSuffix(u, "]") && strings.Count(u, "[") < strings.Count(u, "]") {
			u = u[:len(u)-1]
		}
		b.WriteString(text[:i])
		if link := feed.Link(u); link != "" && strings.Contains(u, ".") {
			b.WriteString(r.linked(link, u))
		} else {
			b.WriteString(u)
		}
		text = text[i+len(u):]
	}
}

func TestBareLinksIsRef(t *testing.T) {
	pieces := []string{"http://", "https://", "http", "https:/", "x", "a.b", "/p", " ", "(", ")", "[", "]", ".", ",", "!", "'", "\"", "«", "»", "”", "<", "é", "://"}
	texts := []string{
		"see https://a.test/x.", "(https://a.test/w_(x))).", "[https://a.test/]]", "xhttps://a.test no",
		"http://a.test http://b.test, «https://c.test/»", "https://nodot", "http",
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		got, want := &renderer{st: plainStyle()}, &renderer{st: plainStyle()}
		if g, w := got.bareLinks(text), want.bareLinksRef(text); g != w || !slices.Equal(got.links, want.links) {
			t.Fatalf("%q: %q %q, want %q %q", text, g, got.links, w, want.links)
		}
	}
}

// A text of many written-out addresses (or of "http" that are not one)
// is read in time linear in its length (this text: 1.62 s an op as
// bareLinksRef reads it, 4.9 ms now; -benchtime 5x).
func BenchmarkBareLinksMany(b *testing.B) {
	text := strings.Repeat("xhttp://a ", 10000) + strings.Repeat("http://a.test ", 10000) + "https://a.test/" + strings.Repeat(")", 20000)
	for b.Loop() {
		(&renderer{st: plainStyle()}).bareLinks(text)
	}
}
