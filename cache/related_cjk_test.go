package cache

import (
	"slices"
	"strings"
	"testing"
)

// Related of a Japanese report finds the reports on the same subject even
// when they are not its story: a bigram is a piece of a word, so the
// handful of terms that pick English candidates named a word or two of
// it, and the typhoon's damage report found nothing like it while two
// reports of the typhoon were there.
func TestRelatedFindsLikeReportsInUnspacedScripts(t *testing.T) {
	s := openTemp(t)
	r := ok("https://wangan-shimpo.example/kokusai.rss")
	for i, x := range []struct{ title, body string }{
		{"沖浜県の台風被害、農業被害額は30億円超", "台風12号による沖浜県の農業被害額は30億円を超える見通しとなった。サトウキビ畑の被害が大きい。"},
		{"台風12号、沖浜県に上陸　5万戸が停電", "台風12号は29日朝、沖浜県に上陸した。県内では約5万戸が停電し、けが人も出ている。"},
		{"台風12号、沖浜県に接近　交通機関に乱れ", "大型の台風12号が沖浜県に接近し、航空便の欠航が相次いだ。気象庁は暴風や高波に警戒するよう呼びかけている。"},
		{"ノーベル賞作家の新作、発売初日に10万部", "ノーベル文学賞作家、森川玲子さんの新作小説が発売初日に10万部を売り上げた。書店には朝から行列ができた。"},
		{"東都電機、新工場を熊川市に建設へ", "東都電機は熊川市に半導体装置の新工場を建設すると発表した。投資額は約800億円で、2028年の稼働を目指す。"},
		{"青浜市で大規模停電　約12万世帯に影響", "青浜市で28日未明、大規模な停電が発生し、約12万世帯で電気が使えなくなった。青浜電力によると、変電所の設備故障が原因とみられる。"},
		{"日銀、追加利上げを決定　政策金利0.75％に", "日本銀行は金融政策決定会合で、政策金利を0.5％から0.75％に引き上げることを決めた。物価上昇が続いていることを踏まえた。"},
		{"円相場、一時1ドル＝140円台に上昇", "外国為替市場で円相場が上昇し、一時1ドル＝140円台をつけた。日銀の利上げを受けた円買いが続いた。"},
		{"北辰大学、新しい電池材料を開発", "北辰大学の研究チームは、充電時間を半分に短縮できる新しい電池材料を開発したと発表した。"},
		{"プロ野球、青浜が3連勝", "プロ野球の青浜は本拠地で熊川に勝ち、3連勝とした。先発投手が7回無失点と好投した。"},
	} {
		r.Articles = append(r.Articles, news("湾岸新報", "wangan-shimpo.example", 120*(i+1)+i*900, x.title, "<p>"+x.body+"</p>"))
	}
	mustSave(t, s, r, "asia")
	damage := byTitle(t, s, "沖浜県の台風被害")
	rel, err := s.Related(ctx, damage.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range rel {
		got = append(got, o.Title)
		// Why names what they share in their own words, as for English.
		if strings.HasPrefix(o.Title, "台風12号") && !strings.HasPrefix(o.Why, "same story") &&
			(!strings.HasPrefix(o.Why, "shares ") || !strings.Contains(o.Why, "沖浜県") || !strings.Contains(o.Why, "台風")) {
			t.Errorf("related %q: why %q, want it to name 沖浜県 and 台風", o.Title, o.Why)
		}
	}
	for _, want := range []string{"台風12号、沖浜県に上陸　5万戸が停電", "台風12号、沖浜県に接近　交通機関に乱れ"} {
		if !slices.Contains(got, want) {
			t.Errorf("related to %q: %q, want %q among them", damage.Title, got, want)
		}
	}
}
