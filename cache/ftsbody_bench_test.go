package cache

import (
	"strings"
	"testing"

	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// BenchmarkFTSBody: the body the index is given (each word once, and
// the bigrams of unspaced runs), for Latin news, bench's generated site
// bodies and a Japanese text (of sentences written for this benchmark).
//
//	go test ./cache -run '^$' -bench 'FTSBody|FTSColumn' -benchmem -count 5
func BenchmarkFTSBody(b *testing.B) {
	ja := strings.Repeat("気象台によると、明日の東京は一日中晴れるでしょう。コーヒー店の前には朝から人々が並び、"+
		"市の担当者は交通機関の混雑に注意するよう呼びかけました。", 20)
	for _, c := range []struct{ name, text string }{
		{"news", feed.PlainText(sitetext.News(3))},
		{"site", feed.PlainText(sitetext.Site(3))},
		{"japanese", ja},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				ftsBody(c.text)
			}
		})
	}
}

// BenchmarkFTSColumn: a title as the index is given it (Latin titles
// pass through after a scan of their bytes).
func BenchmarkFTSColumn(b *testing.B) {
	titles := make([]string, 256)
	for i := range titles {
		titles[i] = sitetext.Title(i * 37)
	}
	i := 0
	for b.Loop() {
		ftsColumn(titles[i%len(titles)])
		i++
	}
}
