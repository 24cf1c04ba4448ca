// Package sitetext writes article bodies for benchmarks: the HTML items
// of the generated 500-feed site (bench/site_test.go siteBody), and a
// variant closer to real news with names, figures and character
// references. All text is made up here; only tests import it.
package sitetext

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var prose = strings.Fields(`the council said on monday that the plan would cost more than expected
and that officials were reviewing the figures before a vote next week while residents asked
for clearer answers about the timetable the budget and what happens to services in the meantime
analysts noted that markets had already priced in a slower pace of growth and that the central
bank would watch wages prices and the jobs report closely before deciding whether rates move again`)

var syll = []string{"ka", "lo", "mi", "ner", "sto", "va", "pel", "ri", "dun", "te", "bra", "ol", "shi", "gu", "fen", "ar", "zo", "qui", "em", "tal"}

// gen draws words as siteBody does: four in ten common ones, the rest
// from a made-up vocabulary of 8,000 words skewed so some recur far more.
type gen struct{ rng uint64 }

func newGen(seed int) *gen { return &gen{uint64(seed)*0x9E3779B97F4A7C15 + 1} }

func (g *gen) next() uint64 {
	g.rng ^= g.rng << 13
	g.rng ^= g.rng >> 7
	g.rng ^= g.rng << 17
	return g.rng
}

func (g *gen) word() string {
	r := g.next()
	if r%10 < 4 {
		return prose[(r/10)%uint64(len(prose))]
	}
	u := float64((r>>20)%1_000_000) / 1_000_000
	v := uint64(u * u * u * 8000)
	return syll[v%20] + syll[(v/20)%20] + syll[(v/400)%20]
}

// Title is item k's title as the site writes it.
func Title(k int) string {
	g := newGen(k + 7)
	return fmt.Sprintf("Section %d story %d: %s %s %s %s", k/100, k%100, g.word(), g.word(), g.word(), g.word())
}

// Site is item k's HTML as bench's site writes it: paragraphs of 25
// lower-case words ending in a link and an emphasised word, 1-3 KB, a
// figure with a caption in every third item.
func Site(k int) string {
	g := newGen(k)
	f, i := k/100, k%100
	var h strings.Builder
	if i%3 == 2 {
		fmt.Fprintf(&h, `<figure><img src="/img/%d/%d.jpg" alt="%s %s"><figcaption>%s %s %s</figcaption></figure>`, f, i, g.word(), g.word(), g.word(), g.word(), g.word())
	}
	size := 1000 + (k*397)%2000
	for h.Len() < size {
		h.WriteString("<p>")
		for range 25 {
			h.WriteString(g.word())
			h.WriteByte(' ')
		}
		fmt.Fprintf(&h, `<a href="/news/%d/%d-more">%s %s</a> <em>%s</em> %s.</p>`, f, (i+1)%100, g.word(), g.word(), g.word(), g.word())
	}
	return h.String()
}

// News is item k's HTML written more like a wire report: sentences that
// start with a capital, names inside them, figures ("4.25%", "12,000"),
// curly quotes as character references, an ampersand, a "Read more" link
// paragraph and a credit line.
func News(k int) string {
	g := newGen(k + 1<<20)
	name := func() string {
		w := g.word()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	var h strings.Builder
	size := 1000 + (k*397)%2000
	h.WriteString(`<p><strong>` + name() + ` ` + name() + `</strong> &#8212; `)
	for h.Len() < size {
		for s := range 3 {
			h.WriteString(name())
			for j := range 14 {
				h.WriteByte(' ')
				switch r := g.next() % 40; {
				case r < 3:
					h.WriteString(name())
				case r == 3:
					fmt.Fprintf(&h, "%d.%02d%%", g.next()%10, g.next()%100)
				case r == 4:
					fmt.Fprintf(&h, "%d,%03d", 1+g.next()%90, g.next()%1000)
				case r == 5 && j > 0:
					h.WriteString("&#8220;" + g.word() + "&#8221;")
				case r == 6:
					h.WriteString(g.word() + "&#8217;s")
				case r == 7:
					h.WriteString("&amp;")
				default:
					h.WriteString(g.word())
				}
			}
			if s == 1 {
				h.WriteString(`, <a href="https://news.test/` + g.word() + `">` + g.word() + `</a> said`)
			}
			h.WriteString(". ")
		}
		h.WriteString("</p>\n<p>")
	}
	fmt.Fprintf(&h, `<strong>Read more:</strong> <a href="https://news.test/%d">%s %s %s</a></p><p><em>Reporting by %s %s; editing by %s</em></p>`, k, name(), name(), name(), name(), name(), name())
	return h.String()
}

// ReportCPU adds the CPU time per operation since start (CPU's value when
// the loop began) to a benchmark's figures, as cpu-ns/op.
func ReportCPU(b *testing.B, start time.Duration) {
	if start == 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(CPU()-start)/float64(b.N), "cpu-ns/op")
}
