package stories

import (
	"testing"

	"newsreader/feed"
	"newsreader/internal/sitetext"
)

// BenchmarkReadSite: reading one article's title and plain text, on
// bench's generated site bodies and on news-like ones (names, figures).
//
//	go test ./cache/stories -run '^$' -bench ReadSite -benchmem -count 5
func BenchmarkReadSite(b *testing.B) {
	for _, c := range []struct {
		name string
		body func(int) string
	}{{"site", sitetext.Site}, {"news", sitetext.News}} {
		b.Run(c.name, func(b *testing.B) {
			type art struct{ title, text string }
			arts := make([]art, 64)
			n := 0
			for i := range arts {
				arts[i] = art{sitetext.Title(i * 37), feed.PlainText(c.body(i * 37))}
				n += len(arts[i].text)
			}
			b.SetBytes(int64(n / len(arts)))
			i := 0
			for b.Loop() {
				a := arts[i%len(arts)]
				Read(a.title, a.text)
				i++
			}
		})
	}
}
