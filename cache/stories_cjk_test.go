package cache

import (
	"strings"
	"testing"
)

// Reports in Japanese, Chinese and Korean (written for this test: made-up
// events and places) are grouped into stories as English ones are: the
// words of an unspaced run are read as its bigrams, so two outlets' own
// wordings of one event share terms, and unrelated events do not join.
func TestStoriesInUnspacedScripts(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://aohama.example/news.rss",
		news("青浜新報", "www.aohama.example", 30, "ティレニア中央銀行、政策金利を2.6%に据え置き", "ティレニア中央銀行は木曜日、政策金利を2.6%に据え置いた。モレル総裁はインフレが落ち着きつつあると述べた。"),
		news("青浜新報", "www.aohama.example", 90, "オルムステッド自動車、ブレーキ不具合で88万台をリコール", "オルムステッド自動車はブレーキ制御ソフトの不具合により、88万2000台をリコールすると発表した。"),
		news("青浜新報", "www.aohama.example", 200, "北辰大学の研究チーム、新しい電池材料を開発", "北辰大学の研究チームは、充電時間を半分に短縮できる新しい電池材料を開発したと発表した。"),
		news("青浜日报", "cn.aohama.example", 40, "塔伦尼亚央行维持利率在2.6%不变", "塔伦尼亚中央银行周四宣布将基准利率维持在2.6%，行长莫雷尔表示通胀正在放缓。"),
		news("아오하마 신문", "kr.aohama.example", 50, "타레니아 중앙은행, 기준금리 2.6% 동결", "타레니아 중앙은행은 목요일 기준금리를 2.6%로 동결했다. 모렐 총재는 물가 상승세가 둔화되고 있다고 말했다."),
	), "world")
	mustSave(t, s, ok("https://kaze.example/feed",
		news("風タイムズ", "kaze.example", 20, "ティレニア中銀が金利据え置き、インフレ鈍化で", "ティレニアの中央銀行は政策金利を2.6%で維持した。モレル総裁は物価上昇の鈍化を理由に挙げ、追加のデータを待つと説明した。"),
		news("風タイムズ", "kaze.example", 60, "ブレーキソフトに欠陥、オルムステッドが88万台を回収へ", "オルムステッド自動車は寒冷時に作動しない恐れがあるブレーキソフトを修正するため、88万2000台を回収する。"),
		news("风报", "cn.kaze.example", 45, "通胀放缓 塔伦尼亚央行按兵不动", "塔伦尼亚中央银行将利率保持在2.6%，莫雷尔行长称将等待更多数据。"),
		news("바람 일보", "kr.kaze.example", 55, "타레니아 중앙은행 금리 동결… 물가 둔화", "타레니아 중앙은행이 기준금리를 2.6%로 유지했다. 모렐 총재는 추가 자료를 기다리겠다고 밝혔다."),
	), "world")
	jaRates, jaRates2 := byTitle(t, s, "ティレニア中央銀行"), byTitle(t, s, "ティレニア中銀")
	jaRecall, jaRecall2 := byTitle(t, s, "オルムステッド自動車"), byTitle(t, s, "ブレーキソフト")
	battery := byTitle(t, s, "北辰大学")
	zhRates, zhRates2 := byTitle(t, s, "塔伦尼亚央行维持"), byTitle(t, s, "通胀放缓")
	koRates, koRates2 := byTitle(t, s, "타레니아 중앙은행,"), byTitle(t, s, "타레니아 중앙은행 금리")
	for _, pair := range [][2]Article{{jaRates, jaRates2}, {jaRecall, jaRecall2}, {zhRates, zhRates2}, {koRates, koRates2}} {
		if pair[0].Story == 0 || pair[0].Story != pair[1].Story {
			t.Errorf("one event in two stories: %q (%d) and %q (%d)", pair[0].Title, pair[0].Story, pair[1].Title, pair[1].Story)
		}
	}
	if jaRates.Story == jaRecall.Story || jaRecall.Story == battery.Story || jaRates.Story == battery.Story {
		t.Errorf("different events joined: rates %d, recall %d, battery %d", jaRates.Story, jaRecall.Story, battery.Story)
	}
	// Related: the other outlet's report of the same event first.
	rel, err := s.Related(ctx, jaRecall.ID, 5)
	if err != nil || len(rel) == 0 {
		t.Fatalf("related %+v %v", rel, err)
	}
	if rel[0].ID != jaRecall2.ID || !strings.HasPrefix(rel[0].Why, "same story") {
		t.Errorf("first related to %q: %q (%s)", jaRecall.Title, rel[0].Title, rel[0].Why)
	}
}
