package cache

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

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
		// Chinese news punctuates in full width (，：（）), as much Japanese does.
		{"chinese", strings.Repeat("据新华社报道，北京市气象台（BMO）今天发布消息：明天全市以晴为主，"+
			"最高气温12度；交通部门提醒市民注意出行安全！", 20)},
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

// BenchmarkSearchUnspaced: searches of Japanese words in a cache of
// 5,000 generated Japanese articles (words written for this benchmark,
// put together at random): a two-letter word (one bigram, nothing to
// read), a four-letter one and a word whose bigrams are often apart
// (both read to check), one letter (a prefix of bigrams).
//
//	go test ./cache -run '^$' -bench SearchUnspaced -benchtime 20x -count 3
func BenchmarkSearchUnspaced(b *testing.B) {
	s, err := Open(b.TempDir() + "/ja.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	words := strings.Fields("東京 大阪 京都 天気 気温 会議 首相 知事 予算 経済 市場 株価 円安 電車 地震 台風 大雨 学校 病院 選挙 " +
		"野球 試合 新聞 記者 発表 調査 計画 開発 企業 工場 輸出 物価 住宅 観光 空港 警察 事故 火災 研究 大学")
	tails := strings.Fields("は の が を に で と も へ から まで について によると として")
	rng := uint32(1)
	next := func(n int) int {
		rng = rng*1664525 + 1013904223
		return int(rng>>8) % n
	}
	sentence := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteString(words[next(len(words))])
			sb.WriteString(tails[next(len(tails))])
		}
		sb.WriteString("。")
		return sb.String()
	}
	now := time.Now()
	for f := range 50 {
		arts := make([]feed.Article, 100)
		for i := range arts {
			var body strings.Builder
			for range 8 {
				body.WriteString(sentence(6))
			}
			p := now.Add(-time.Duration(f*100+i) * time.Minute)
			id := fmt.Sprintf("https://ja%d.example/%d", f, i)
			arts[i] = feed.Article{ID: id, Link: id, Title: sentence(4), Source: fmt.Sprintf("新聞%d", f), Published: p, Updated: p, Summary: "<p>" + body.String() + "</p>"}
		}
		res := feed.Result{URL: fmt.Sprintf("https://ja%d.example/feed", f), Status: feed.StatusOK, Title: "ja", Articles: arts}
		if err := s.Save(context.Background(), res, Membership{Sections: []string{"news"}}); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []struct{ label, text string }{
		{"TwoLetters", "天気"},
		{"FourLetters", "東京知事"}, // 東京は知事 ... : the bigram 京知 is rare
		{"Apart", "京都市"},        // 京都 common, 都市 never: nothing
		{"OneLetter", "京"},
		{"Checked", "大阪の天気"},
	} {
		b.Run(q.label, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Search(context.Background(), "", q.text, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
