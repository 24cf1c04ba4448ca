package stories

import (
	"testing"

	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// BenchmarkReadSite: reading one article's title and plain text, on
// bench's generated site bodies and on news-like ones (names, figures),
// with Read and with a Reader reused from one article to the next.
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
			b.Run("Read", func(b *testing.B) {
				b.SetBytes(int64(n / len(arts)))
				cpu := sitetext.CPU()
				i := 0
				for b.Loop() {
					a := arts[i%len(arts)]
					Read(a.title, a.text)
					i++
				}
				sitetext.ReportCPU(b, cpu)
			})
			b.Run("Reader", func(b *testing.B) { // as the cache's read-ahead workers read
				b.SetBytes(int64(n / len(arts)))
				var r Reader
				cpu := sitetext.CPU()
				i := 0
				for b.Loop() {
					a := arts[i%len(arts)]
					r.Read(a.title, a.text)
					i++
				}
				sitetext.ReportCPU(b, cpu)
			})
			b.Run("ReadInterned", func(b *testing.B) { // as the cache's read-ahead reads for the assigner
				b.SetBytes(int64(n / len(arts)))
				var r Reader
				dict := map[string]int32{}
				ids := func(words []string, out []int32) {
					for i, w := range words {
						id, ok := dict[w]
						if !ok {
							id = int32(len(dict))
							dict[w] = id
						}
						out[i] = id
					}
				}
				cpu := sitetext.CPU()
				i := 0
				for b.Loop() {
					a := arts[i%len(arts)]
					r.ReadInterned(a.title, a.text, ids)
					i++
				}
				sitetext.ReportCPU(b, cpu)
			})
		})
	}
}
