package cache

import (
	"testing"

	"newsreader/feed/sitetext"
)

// BenchmarkWithoutNavigation: the navigation lines' cost on the plain
// texts of bench's generated site and news-like bodies (a part of
// BenchmarkPrepareArticle).
//
//	go test ./cache -run '^$' -bench WithoutNavigation -benchmem -count 5
func BenchmarkWithoutNavigation(b *testing.B) {
	for _, c := range []struct {
		name string
		body func(int) string
	}{{"site", sitetext.Site}, {"news", sitetext.News}} {
		b.Run(c.name, func(b *testing.B) {
			texts := make([]string, 256)
			for i := range texts {
				texts[i] = indexText(c.body(i*37), "")
			}
			i := 0
			for b.Loop() {
				withoutNavigation(texts[i%len(texts)])
				i++
			}
		})
	}
}
