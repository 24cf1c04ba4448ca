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

// BenchmarkAssign: the story assigner placing read-ahead articles, one an
// op, as the placer does in a refresh: 4,000 articles of bench's
// generated site (news-like bodies too) published a minute apart, the
// dictionary and the assigner's memory carried from one op to the next
// (a fresh assigner every 4,000).
//
//	go test ./cache -run '^$' -bench Assign -benchmem -count 5
func BenchmarkAssign(b *testing.B) {
	for _, c := range []struct {
		name string
		body func(int) string
	}{{"site", sitetext.Site}, {"news", sitetext.News}} {
		b.Run(c.name, func(b *testing.B) {
			s := &Store{}
			arts := make([]*newArticle, 4000)
			for i := range arts {
				p := s.prepareArticle(feed.Article{Title: sitetext.Title(i * 37), Summary: c.body(i * 37)})
				arts[i] = &newArticle{id: int64(i + 1), published: int64(1e9 + 60*i), words: p.words}
			}
			d := &s.disc
			fresh := func() *discoState {
				d.recent, d.byStory, d.fifo, d.docs = map[int64]*recentDoc{}, map[int64][]*recentDoc{}, nil, 0
				clear(d.byTerm)
				clear(d.dfs)
				clear(d.props)
				return d
			}
			fresh()
			var counted indexed
			cpu := sitetext.CPU()
			i := 0
			for b.Loop() {
				if i == len(arts) {
					b.StopTimer()
					d, counted, i = fresh(), indexed{}, 0
					b.StartTimer()
				}
				d.assign(arts[i:i+1], &counted)
				i++
			}
			sitetext.ReportCPU(b, cpu)
		})
	}
}
