package cache

import (
	"strings"
	"testing"

	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// indexTextRef is indexText before it skipped a summary equal to the
// content.
func indexTextRef(sum, con string) string {
	text := feed.PlainText(con)
	if s := feed.PlainText(sum); len(s) > len(text) || !strings.Contains(text, firstWords(s)) {
		if len(s) > len(text) {
			text = s
		} else {
			text = s + "\n\n" + text
		}
	}
	if len(text) > maxIndexedText {
		cut := maxIndexedText
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	return text
}

func TestIndexTextMatchesReference(t *testing.T) {
	body, teaser := sitetext.News(3), "<p>"+feed.PlainText(sitetext.News(3))[:90]+"</p>"
	long := strings.Repeat(sitetext.News(4), 12)
	for _, c := range [][2]string{
		{"", ""}, {body, ""}, {"", body}, {body, body}, {teaser, body}, {body, teaser},
		{"<p>Another summary entirely.</p>", body}, {long, long}, {long, ""}, {"<a href=\"/x\">Read more</a>", "<a href=\"/x\">Read more</a>"},
	} {
		if got, want := indexText(c[0], c[1]), indexTextRef(c[0], c[1]); got != want {
			t.Errorf("indexText(%.60q, %.60q) = %.100q, want %.100q", c[0], c[1], got, want)
		}
	}
}
