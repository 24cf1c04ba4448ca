package cache

import (
	"testing"

	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// BenchmarkPrepareArticle: what the read-ahead workers do for every new
// article of a refresh (plain text, words, term IDs), on bench's
// generated site bodies and on news-like ones. The dictionary is shared
// across iterations, as in a refresh, where most terms are known.
//
//	go test ./cache -run '^$' -bench PrepareArticle -benchmem -count 5
func BenchmarkPrepareArticle(b *testing.B) {
	for _, c := range []struct {
		name string
		body func(int) string
	}{{"site", sitetext.Site}, {"news", sitetext.News}} {
		b.Run(c.name, func(b *testing.B) {
			arts := make([]feed.Article, 256)
			for i := range arts {
				arts[i] = feed.Article{Title: sitetext.Title(i * 37), Summary: c.body(i * 37)}
			}
			s := &Store{}
			for _, a := range arts {
				s.prepareArticle(a)
			}
			cpu := sitetext.CPU()
			i := 0
			for b.Loop() {
				s.prepareArticle(arts[i%len(arts)])
				i++
			}
			sitetext.ReportCPU(b, cpu)
		})
	}
}
