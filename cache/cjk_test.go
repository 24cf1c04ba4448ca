package cache

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// The fixtures below are written for these tests: Japanese, Chinese,
// Korean and Thai news of invented places and events.

// saveUnspaced saves one article in each of the four scripts, and a
// Latin one, in section "asia".
func saveUnspaced(t testing.TB, s *Store) {
	t.Helper()
	mustSave(t, s, ok("https://asia.example/feed.rss",
		news("Kiso Shimbun", "kiso.example", 10, "東京の天気は晴れ、気温は二十度まで上がる見込み",
			"気象台によると、明日の東京は一日中晴れるでしょう。コーヒー店の前には人々が並びました。"),
		news("Huabei Daily", "huabei.example", 20, "北京市发布暴雨预警",
			"北京市气象台今天下午发布暴雨黄色预警，提醒市民注意出行安全。"),
		news("Hangang Ilbo", "hangang.example", 30, "서울에서 열린 국제 회의",
			"서울의 날씨는 맑았고, 회의는 시청에서 세 시간 동안 열렸다."),
		news("Chao Phraya Times", "chaophraya.example", 40, "กรุงเทพมหานครฝนตกหนักทั้งคืน",
			"ประชาชนในกรุงเทพมหานครต้องเดินทางด้วยความระมัดระวังเพราะน้ำท่วมถนน"),
		news("Harbor Post", "harbor.example", 50, "Harbor cranes idle in Tirrenia", "The harbor strike runs on."),
		news("Mekong News", "mekong.example", 60, "ວຽງຈັນມີຝົນຕົກໜັກ", "ນ້ຳຖ້ວມຫຼາຍເສັ້ນທາງ"),
		news("Tonle Post", "tonle.example", 70, "ភ្នំពេញមានភ្លៀងធ្លាក់ខ្លាំង", "ផ្លូវជាច្រើនត្រូវបានលិចទឹក"),
		news("Ayeyar Daily", "ayeyar.example", 80, "ရန်ကုန်မြို့တွင်မိုးသည်းထန်စွာရွာသည်", "လမ်းများစွာရေလွှမ်းသည်"),
	), "asia")
}

// searchTitles is the titles Search finds for q, in its order.
func searchTitles(t testing.TB, s *Store, q string) []string {
	t.Helper()
	hits, n, err := s.Search(ctx, "", q, 0, 20)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	if n < len(hits) {
		t.Errorf("search %q: %d hits, count %d", q, len(hits), n)
	}
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Title
	}
	return out
}

// TestUnspacedWordInsideARun: a two-letter word inside a longer run of
// Japanese, Chinese, Korean or Thai, in the title or the text, finds its
// article (and only it).
func TestUnspacedWordInsideARun(t *testing.T) {
	s := openTemp(t)
	saveUnspaced(t, s)
	for _, c := range []struct{ q, title string }{
		{"天気", "東京の天気は晴れ"}, // title, inside 東京の天気は晴れ
		{"気温", "東京の天気は晴れ"},
		{"晴れ", "東京の天気は晴れ"},
		{"コー", "東京の天気は晴れ"}, // text: コーヒー店の前には
		{"暴雨", "北京市发布暴雨预警"},
		{"安全", "北京市发布暴雨预警"}, // the end of the text's run
		{"서울", "서울에서 열린 국제 회의"},
		{"시청", "서울에서 열린 국제 회의"}, // text: 시청에서
		{"ฝน", "กรุงเทพมหานครฝนตกหนักทั้งคืน"},
		{"ถนน", "กรุงเทพมหานครฝนตกหนักทั้งคืน"},          // text, the run's end
		{"ຝົນ", "ວຽງຈັນມີຝົນຕົກໜັກ"},                     // Lao
		{"ភ្លៀង", "ភ្នំពេញមានភ្លៀងធ្លាក់ខ្លាំង"},         // Khmer
		{"မိုး", "ရန်ကုန်မြို့တွင်မိုးသည်းထန်စွာရွာသည်"}, // Myanmar
	} {
		got := searchTitles(t, s, c.q)
		if len(got) != 1 || !strings.HasPrefix(got[0], c.title) {
			t.Errorf("search %q: %q, want %q", c.q, got, c.title)
		}
	}
	// Latin search is as it was.
	if got := searchTitles(t, s, "harbor strike"); len(got) != 1 || got[0] != "Harbor cranes idle in Tirrenia" {
		t.Errorf("latin search: %q", got)
	}
}

// TestUnspacedIndexedEverywhere: the catch-up of articles without an
// index row and the edit trigger give the index the same bigrams as a
// save does.
func TestUnspacedIndexedEverywhere(t *testing.T) {
	s := openTemp(t)
	saveUnspaced(t, s)
	jp := byTitle(t, s, "東京の天気")
	if _, err := s.db.Exec("DELETE FROM articles_fts WHERE rowid = ?; UPDATE articles SET story = 0 WHERE id = ?", jp.ID, jp.ID); err != nil {
		t.Fatal(err)
	}
	if got := searchTitles(t, s, "天気"); len(got) != 0 {
		t.Fatalf("not indexed, yet found: %q", got)
	}
	mustSave(t, s, ok("https://other.example/feed", news("Other", "other.example", 5, "Ferry timetable changes", "The ferry will run hourly.")), "asia")
	for _, q := range []string{"天気", "気象", "人々"} {
		if got := searchTitles(t, s, q); len(got) != 1 {
			t.Errorf("after catch-up, search %q: %q", q, got)
		}
	}
	// An edit (the trigger) indexes the new title's bigrams and forgets
	// the old ones.
	if _, err := s.db.Exec("UPDATE articles SET title = '大阪の桜が満開に' WHERE id = ?", jp.ID); err != nil {
		t.Fatal(err)
	}
	if got := searchTitles(t, s, "満開"); len(got) != 1 || got[0] != "大阪の桜が満開に" {
		t.Errorf("edited title, search 満開: %q", got)
	}
	if got := searchTitles(t, s, "天気"); len(got) != 0 {
		t.Errorf("edited title, old word still found: %q", got)
	}
}

// TestMigrationIndexesUnspacedRuns: a cache whose index was made before
// the bigrams gets them on opening.
func TestMigrationIndexesUnspacedRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := cacheBefore(t, path, "newsreader_unspaced")
	if _, err := db.Exec("INSERT INTO feeds(id, url) VALUES (1, 'https://old.example/feed')"); err != nil {
		t.Fatal(err)
	}
	now := time.Now().Unix()
	for i, a := range [][2]string{
		{"東京の天気は晴れ", "<p>明日も晴れるでしょう。</p>"},
		{"서울에서 열린 회의", "<p>회의는 시청에서 열렸다.</p>"},
		{"Harbor cranes idle", "<p>The harbor strike runs on.</p>"},
		{"Entity text", "<p>&#x6771;&#20140;&#12398;&#22825;&#27671;</p>"}, // 東京の天気, as references
	} {
		res, err := db.Exec(`INSERT INTO articles(uid, feed_id, source, title, link, published, updated, summary, fetched_at)
VALUES (?, 1, 'Old', ?, ?, ?, ?, ?, ?)`, fmt.Sprint("old-", i), a[0], fmt.Sprintf("https://old.example/%d", i), now-int64(i*60), now, a[1], now)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		// Indexed and placed as that version did: the text as the
		// tokenizer splits it, no bigrams.
		if _, err := db.Exec(`UPDATE articles SET story = id WHERE id = ?1;
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	SELECT id, title, newsreader_plain(summary, content), author, source, '' FROM articles WHERE id = ?1`, id); err != nil {
			t.Fatal(err)
		}
	}
	var before int
	if err := db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"天気" OR "서울"'`).Scan(&before); err != nil || before != 0 {
		t.Fatalf("the old index already finds the words: %d %v", before, err)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"天気", []string{"東京の天気は晴れ", "Entity text"}},
		{"晴れる", []string{"東京の天気は晴れ"}},
		{"서울", []string{"서울에서 열린 회의"}},
		{"시청", []string{"서울에서 열린 회의"}},
		{"strike", []string{"Harbor cranes idle"}},
	} {
		got := searchTitles(t, s, c.q)
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("search %q: %q, want %q", c.q, got, c.want)
		}
	}
}

func TestHasUnspacedReference(t *testing.T) {
	for s, want := range map[string]bool{
		"&#x6771;":          true,
		"&#26481;":          true,
		"&#8217; &#x2014;":  false,
		"&#;&#x;&#99999999": false,
		"&#3585;":           true, // Thai ก
		"plain":             false,
	} {
		if got := hasUnspacedReference(s); got != want {
			t.Errorf("hasUnspacedReference(%q) = %v", s, got)
		}
	}
}

// TestUnspacedBigramsApartNotShown: an article holding a word's bigrams
// only apart (東京 and 京都 but not 東京都) is not a hit, even where the
// index puts them in its title; the article holding the word is, in its
// text or its title, and the count says so.
func TestUnspacedBigramsApartNotShown(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://asia.example/feed.rss",
		news("Kiso Shimbun", "kiso.example", 5, "東京で会議、京都へ移動", "首相は東京で会議を開き、午後に京都へ移動した。"),
		news("Kiso Shimbun", "kiso.example", 50, "来年度の予算案まとまる", "東京都の来年度予算案は過去最大となった。"),
		news("Kiso Shimbun", "kiso.example", 90, "東京都知事が会見", "知事は会見で新しい計画を説明した。"),
		news("Chao Phraya Times", "chaophraya.example", 5, "แมวสีขาวในสวนสาธารณะ", "แมวสีขาวนอนใต้ต้นไม้"),
		news("Chao Phraya Times", "chaophraya.example", 60, "ราคาข้าวสูงขึ้น", "ชาวนาขายข้าวได้ราคาดี ตลาดข้าวคึกคัก"),
	), "asia")
	hits, n, err := s.Search(ctx, "", "東京都", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Title)
	}
	// The title match first (the title counts most), then the text's.
	if want := []string{"東京都知事が会見", "来年度の予算案まとまる"}; !slices.Equal(got, want) || n != 2 {
		t.Errorf("search 東京都: %q (%d), want %q", got, n, want)
	}
	// "ข้าว" (rice) and "ขาว" (white) differ only by a tone mark, which
	// the index leaves out: rice finds the rice article, not the white cat.
	if got := searchTitles(t, s, "ข้าว"); !slices.Equal(got, []string{"ราคาข้าวสูงขึ้น"}) {
		t.Errorf("search ข้าว: %q", got)
	}
	// Any word, when none finds all: still not the article holding
	// 東京都's bigrams apart. And in a section.
	for _, q := range []struct{ section, text string }{{"", "東京都 zzyzx"}, {"asia", "東京都"}} {
		hits, _, err := s.Search(ctx, q.section, q.text, 0, 10)
		if err != nil || len(hits) != 2 || slices.ContainsFunc(hits, func(h Hit) bool { return strings.HasPrefix(h.Title, "東京で会議") }) {
			t.Errorf("search %q in %q: %v %v", q.text, q.section, hits, err)
		}
	}
	// A word only the source holds.
	mustSave(t, s, ok("https://shinbun.example/feed.rss",
		news("東京新聞社", "shinbun.example", 30, "Tide tables", "Tides rise.")), "asia")
	if got := searchTitles(t, s, "東京新聞"); !slices.Equal(got, []string{"Tide tables"}) {
		t.Errorf("search 東京新聞 (a source): %q", got)
	}
	// Two words, one of them Latin: both must be there.
	if got := searchTitles(t, s, "東京都 知事"); !slices.Equal(got, []string{"東京都知事が会見"}) {
		t.Errorf("search 東京都 知事: %q", got)
	}
}

// TestUnspacedShortQueries: one letter finds every article with it,
// wherever it is in a run (its start, middle, end); two letters are not
// taken for the start of a word being typed.
func TestUnspacedShortQueries(t *testing.T) {
	s := openTemp(t)
	saveUnspaced(t, s)
	for _, c := range []struct{ q, title string }{
		{"晴", "東京の天気は晴れ"},  // inside the title's run, and the text's
		{"市", "北京市发布暴雨预警"}, // middle of a run
		{"警", "北京市发布暴雨预警"}, // a run's last letter
		{"의", "서울에서 열린 국제 회의"},
		{"ถ", "กรุงเทพมหานครฝนตกหนักทั้งคืน"},
	} {
		got := searchTitles(t, s, c.q)
		if len(got) != 1 || !strings.HasPrefix(got[0], c.title) {
			t.Errorf("search %q: %q, want %q", c.q, got, c.title)
		}
	}
	// The Latin rule is unchanged: one letter of a second word typed
	// matches nothing more than the first word does.
	if got := searchTitles(t, s, "harbor s"); len(got) != 1 {
		t.Errorf("harbor s: %q", got)
	}
}

// TestUnspacedMarks: a word inside a run is marked in a title, and in a
// snippet, which holds it even deep in a long run.
func TestUnspacedMarks(t *testing.T) {
	span := func(s, w string) [2]int {
		i := strings.Index(s, w)
		return [2]int{i, i + len(w)}
	}
	for _, c := range []struct {
		title string
		words []string
		want  [][2]int
	}{
		{"東京の天気は晴れ", []string{"天気"}, [][2]int{span("東京の天気は晴れ", "天気")}},
		{"天気と天気", []string{"天気"}, [][2]int{{0, 6}, {9, 15}}},
		{"東京の天気は晴れ", []string{"晴"}, [][2]int{span("東京の天気は晴れ", "晴")}},
		{"서울에서 열린 회의", []string{"서울"}, [][2]int{{0, 6}}},
		{"ราคาข้าวสูงขึ้น", []string{"ข้าว"}, [][2]int{span("ราคาข้าวสูงขึ้น", "ข้าว")}},
		{"แมวสีขาว", []string{"ข้าว"}, nil}, // not the same word
		{"新型iPhone15を発売", []string{"iphone15を発売"}, [][2]int{span("新型iPhone15を発売", "iPhone15を発売")}},
		{"Tokyo 東京 rain", []string{"tokyo", "東京"}, [][2]int{{0, 5}, {6, 12}}},
		{"東京都東京", []string{"東京都", "東京"}, [][2]int{{0, 9}, {9, 15}}}, // 東京 at 0 joins 東京都
		{"２０２４年のＧＤＰ", QueryWords("2024年 gdp"), [][2]int{{0, 15}}},   // full-width: 2024年 marked (gdp, Latin, is whole words only)
		{"ｺｰﾋｰ豆", QueryWords("コーヒー"), [][2]int{{0, 12}}},
		{"新型iPhone15を発売", QueryWords("iphone15 発売"), [][2]int{span("新型iPhone15を発売", "iPhone15"), span("新型iPhone15を発売", "発売")}},
		// A match never ends inside a letter: the marks written on its
		// last one (a Thai vowel, a kana voicing mark) are marked with it,
		// or the highlight's styles would cut the letter apart.
		{"กรุงเทพ ฝนตก", QueryWords("กร"), [][2]int{span("กรุงเทพ ฝนตก", "กรุ")}},
		{"か\u3099き", QueryWords("か"), [][2]int{{0, len("か\u3099")}}},
	} {
		if got := TitleMarks(c.title, c.words, false); !slices.Equal(got, c.want) {
			t.Errorf("TitleMarks(%q, %q) = %v, want %v", c.title, c.words, got, c.want)
		}
	}

	// A long run (no punctuation for a hundred letters) with the word
	// near its end: the snippet shows the word, with "…" for what it
	// leaves out of the run.
	long := strings.Repeat("あいうえおかきくけこ", 10) + "天気予報" + strings.Repeat("さしすせそ", 4)
	sn := Snippet(long, []string{"天気"}, false, snippetWords)
	if !strings.Contains(sn, "天気予報") || !strings.HasPrefix(sn, "…") || len(TitleMarks(sn, []string{"天気"}, false)) != 1 {
		t.Errorf("snippet %q", sn)
	}
	if sn := Snippet("新型iPhone15を発売した。", QueryWords("iphone"), true, snippetWords); len(TitleMarks(sn, QueryWords("iphone"), true)) != 1 {
		t.Errorf("snippet %q: iPhone unmarked", sn)
	}
	thai := "ชาวนาขายข้าวได้ราคาดี"
	if sn := Snippet(thai, []string{"ข้าว"}, false, snippetWords); sn != thai {
		t.Errorf("thai snippet %q", sn)
	}
	// Cut inside a long Thai run, the snippet starts on a letter, not on
	// a vowel or tone mark that would sit on its "…".
	for pad := range 14 {
		longThai := strings.Repeat("ก", 60) + "กุ" + strings.Repeat("ช", pad) + "ข้าวได้ราคาดีมากในปีนี้ที่จังหวัด" + strings.Repeat("ก", 30)
		sn := Snippet(longThai, []string{"ข้าว"}, false, snippetWords)
		after, ok := strings.CutPrefix(sn, "…")
		if r, _ := utf8.DecodeRuneInString(after); !ok || !strings.Contains(sn, "ข้าว") || unicode.In(r, unicode.Mn, unicode.Mc) {
			t.Errorf("long Thai snippet %q", sn)
		}
	}

	// Through Search: the hit's snippet and title marks hold the word.
	s := openTemp(t)
	saveUnspaced(t, s)
	for _, q := range []string{"天気", "暴雨", "서울", "กรุงเทพ", "コーヒー"} {
		hits, _, err := s.Search(ctx, "", q, 0, 5)
		if err != nil || len(hits) != 1 {
			t.Fatalf("search %q: %v %v", q, hits, err)
		}
		h := hits[0]
		if !strings.Contains(h.Snippet, q) && !strings.Contains(h.Title, q) {
			t.Errorf("search %q: neither title %q nor snippet %q holds it", q, h.Title, h.Snippet)
		}
		if strings.Contains(h.Title, q) && (len(h.TitleMarks) != 1 || h.Title[h.TitleMarks[0][0]:h.TitleMarks[0][1]] != q || !strings.HasPrefix(h.Why, "matches the title")) {
			t.Errorf("search %q: title %q marks %v (%s)", q, h.Title, h.TitleMarks, h.Why)
		}
		if strings.Contains(h.Snippet, q) && len(TitleMarks(h.Snippet, QueryWords(q), false)) == 0 {
			t.Errorf("search %q: snippet %q unmarked", q, h.Snippet)
		}
	}
}

// TestThaiMarksSplitTerms: the index's tokenizer takes Thai vowel and
// tone marks for separators ("ข้าว", rice, gives ข and าว), which is why a
// run's bigrams leave them out and a search reads the article to tell
// ข้าว from ขาว (white).
func TestThaiMarksSplitTerms(t *testing.T) {
	got := ftsTerms(t, "ข้าว", "ที่", "か\u3099")
	if !slices.Equal(got[0], []string{"ข", "าว"}) || !slices.Equal(got[1], []string{"ท"}) || !slices.Equal(got[2], []string{"か"}) {
		t.Errorf("terms %q", got)
	}
}

// TestUnspacedUnitFastPath: the blocks unspacedUnit answers without the
// Unicode tables answer as the tables do, for every rune.
func TestUnspacedUnitFastPath(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unspaced(r) && ftsWordRune(r)
		if got := unspacedUnit(r); got != want {
			t.Errorf("unspacedUnit(%U) = %v, want %v", r, got, want)
		}
		if want {
			n++
		}
	}
	if n < 90000 { // Han alone is more
		t.Errorf("only %d unspaced letters", n)
	}
}

// TestWidthFormsFound: full-width Latin letters and digits and
// half-width katakana are found by the usual forms, and the other way
// round.
func TestWidthFormsFound(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://asia.example/feed.rss",
		news("Kiso Shimbun", "kiso.example", 5, "２０２４年のＧＤＰ成長率は１．２％", "内閣府が発表した。"),
		news("Kiso Shimbun", "kiso.example", 10, "ｺｰﾋｰ豆の価格が上昇", "輸入業者によると値上げが続く。"),
		news("Kiso Shimbun", "kiso.example", 15, "2025年の物価見通し", "GDPは横ばい。"),
	), "asia")
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"2024年", []string{"２０２４年のＧＤＰ成長率は１．２％"}},
		{"２０２４年", []string{"２０２４年のＧＤＰ成長率は１．２％"}},
		{"gdp", []string{"2025年の物価見通し", "２０２４年のＧＤＰ成長率は１．２％"}},
		{"ＧＤＰ", []string{"2025年の物価見通し", "２０２４年のＧＤＰ成長率は１．２％"}},
		{"GDP成長率", []string{"２０２４年のＧＤＰ成長率は１．２％"}},
		{"コーヒー", []string{"ｺｰﾋｰ豆の価格が上昇"}},
		{"ｺｰﾋｰ豆", []string{"ｺｰﾋｰ豆の価格が上昇"}},
		{"2025年", []string{"2025年の物価見通し"}},
	} {
		got := searchTitles(t, s, c.q)
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("search %q: %q, want %q", c.q, got, c.want)
		}
	}
}

// Full-width punctuation (，（）：！？), which nearly every Chinese and
// Japanese article uses, gives the index the same terms as the ASCII
// marks would: only full-width letters and digits and half-width kana
// and Hangul have other forms to be found by. Taking any form for one
// put the whole text through NFKC and indexed each of its other words
// twice.
func TestFullWidthPunctuationAddsNoTerms(t *testing.T) {
	for _, c := range [][2]string{
		{"北京（Reuters） 报道 2024 年，Apple 发布", "北京(Reuters) 报道 2024 年,Apple 发布"},
		{"東京：晴れ！ iPhone は？", "東京:晴れ! iPhone は?"},
	} {
		wide, ascii := ftsColumn(c[0]), ftsColumn(c[1])
		extraWide := strings.Fields(strings.TrimPrefix(wide, c[0]))
		extraASCII := strings.Fields(strings.TrimPrefix(ascii, c[1]))
		if !slices.Equal(extraWide, extraASCII) {
			t.Errorf("%q gives the index %q, but %q gives %q", c[0], extraWide, c[1], extraASCII)
		}
		body := ftsBody(c[0])
		for _, w := range []string{"Reuters", "2024", "iPhone", "Apple"} {
			if n := strings.Count(body, w); n > 1 {
				t.Errorf("ftsBody(%q) holds %q %d times: %q", c[0], w, n, body)
			}
		}
	}
}
