package feed

import (
	"strings"
	"testing"

	"newsreader/feed/sitetext"
)

// BenchmarkPlainText: the plain text of one article body, as indexing
// reads every article a refresh stores: bench's generated site bodies
// (lower-case prose, a link per paragraph) and news-like ones (names,
// figures, character references).
//
//	go test ./feed -run '^$' -bench PlainText -benchmem -count 5
func BenchmarkPlainText(b *testing.B) {
	for _, c := range []struct {
		name string
		body func(int) string
	}{{"site", sitetext.Site}, {"news", sitetext.News}} {
		b.Run(c.name, func(b *testing.B) {
			bodies := make([]string, 64)
			n := 0
			for i := range bodies {
				bodies[i] = c.body(i * 37)
				n += len(bodies[i])
			}
			b.SetBytes(int64(n / len(bodies)))
			cpu := sitetext.CPU()
			i := 0
			for b.Loop() {
				PlainText(bodies[i%len(bodies)])
				i++
			}
			sitetext.ReportCPU(b, cpu)
		})
	}
}

// A hostile article: thousands of <s> with no end tag of their own, each
// asking whether one closes it (HasEndTag, once per element name).
func BenchmarkPlainTextManyUnclosedMarks(b *testing.B) {
	s := "<p>" + strings.Repeat("<s>x</b>", 20000) + "</p>"
	for b.Loop() {
		PlainText(s)
	}
}

// A hostile article: a long run of white space, then thousands of end
// tags each asking for a closing mark before it (putMark moves a mark
// before at most maxMarkShift bytes).
func BenchmarkPlainTextClosingMarksAfterSpaces(b *testing.B) {
	s := "<p>x" + strings.Repeat(" ", 100_000) + strings.Repeat("</q>", 20000) + "</p>"
	for b.Loop() {
		PlainText(s)
	}
}
