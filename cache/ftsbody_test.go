package cache

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// ftsTerms opens an in-memory database with a table tokenised as the
// cache's index is, and returns, for each text, the terms SQLite's
// tokenizer makes of it, in order, each once.
func ftsTerms(t testing.TB, texts ...string) [][]string {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// The tokenizer the cache's index is made with, read from the schema
	// of a real cache rather than written here a second time.
	tokenize := cacheTokenizer(t)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE f USING fts5(body, tokenize = '` + tokenize + `', detail = column);
CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, f, instance);`); err != nil {
		t.Fatal(err)
	}
	out := make([][]string, len(texts))
	for i, s := range texts {
		if _, err := db.Exec("INSERT INTO f(rowid, body) VALUES (?, ?)", i+1, s); err != nil {
			t.Fatal(err)
		}
		rows, err := db.Query("SELECT term FROM v WHERE doc = ? ORDER BY term", i+1)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var term string
			if err := rows.Scan(&term); err != nil {
				t.Fatal(err)
			}
			out[i] = append(out[i], term)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

var tokenizerOnce struct {
	sync.Mutex
	spec string
}

// cacheTokenizer is the tokenize option of a fresh cache's articles_fts.
func cacheTokenizer(t testing.TB) string {
	t.Helper()
	tokenizerOnce.Lock()
	defer tokenizerOnce.Unlock()
	if tokenizerOnce.spec != "" {
		return tokenizerOnce.spec
	}
	s, err := Open(t.TempDir() + "/c.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var schema string
	if err := s.db.QueryRow("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(schema, "tokenize = '")
	spec, _, ok2 := strings.Cut(rest, "'")
	if !ok || !ok2 || spec == "" {
		t.Fatalf("no tokenize option in %q", schema)
	}
	tokenizerOnce.spec = spec
	return spec
}

// ftsBodyTexts are texts whose words the tokenizer may split, join or fold
// in unusual ways.
func ftsBodyTexts() []string {
	distinct := make([]string, 0, 40000)
	for i := range 40000 {
		distinct = append(distinct, fmt.Sprintf("w%dx", i))
	}
	return []string{
		"",
		"The cat and the CAT saw The Cat.",
		"Café CAFÉ cafe café Cafe\u0301 naïve NAÏVE",
		"don't don't dont; U.S. U.S. us; 3D 3d 3-D e-mail email E-MAIL",
		"foo_bar foo_bar foo bar $5 $5 5 100% 100",
		"Ünïcödé ÜNÏCÖDÉ straße STRASSE İstanbul istanbul ΣΊΣΥΦΟΣ σίσυφος",
		"東京 東京 株式市場 株式市場 ソニー",
		"東京の天気は晴れ。明日の東京は雨、コーヒーの値段が上がる。人々は々ゝゞヽヾ 〆切 〇",
		"北京市今天发布暴雨预警，北京 上海 天",
		"서울에서 열린 회의, 서울의 날씨 서울 서",
		"กรุงเทพมหานคร ฝนตกหนัก ที่ ที่ กรุงเทพ ๆ ฯ ๏",
		"iPhone15を発売 2024年5月 GDP成長率 ＡＢＣ東京 x東y",
		"ｺｰﾋｰ ｶﾞｲﾄﾞ か\u3099 ฟ\u0e34\u0e4dx ２０２４年のＧＤＰ成長率 ＡＢＣ　ｘｙｚ",
		"ວຽງຈັນມີຝົນຕົກໜັກ ភ្នំពេញមានភ្លៀងធ្លាក់ខ្លាំង ရန်ကုန်မြို့တွင်မိုးသည်းထန်စွာရွာသည်။ ㄅㄆㄇ",
		"مرحبا مرحبا שלום שלום",
		"emoji 🎉 🎉party🎉 party zero\u200bwidth zero\u200bwidth soft\u00adhyphen soft\u00adhyphen",
		"ᦰᦱ ᦰᦱ vedic\u1cf2sign vedic\u1cf2sign x² x² ½ ½ Ⅻ Ⅻ",
		"runs running ran RUNS Running; generalization generalizations",
		"Āx Ġx ĀX ġx", // bytes 0x80 and 0xA0 differ as ASCII case does; the letters do not
		"tab\tsep\ttab\nnew\nline new line\r\nCR",
		feed.PlainText(sitetext.News(1)),
		feed.PlainText(sitetext.News(7) + sitetext.News(8)),
		strings.Join(distinct, " "), // more words than ftsBody's table holds
	}
}

// TestFTSBodyKeepsTheTerms: the index gets the same terms of ftsBody(text)
// as of text (its superscript and subscript digits as ASCII ones:
// foldScriptDigits), as SQLite's own tokenizer makes them, and those of
// the unspaced runs' bigrams (bigramsOf); text with no such run gets no
// more.
func TestFTSBodyKeepsTheTerms(t *testing.T) {
	texts := ftsBodyTexts()
	in := make([]string, 0, 3*len(texts))
	for _, s := range texts {
		f := foldScriptDigits(s)
		in = append(in, f, strings.Join(bigramsOf(f), " "), ftsBody(s))
	}
	terms := ftsTerms(t, in...)
	for i := 0; i < len(terms); i += 3 {
		want := termUnion(terms[i], terms[i+1])
		if !slices.Equal(want, terms[i+2]) {
			t.Errorf("text %d: terms %q, of ftsBody %q", i/3, want, terms[i+2])
		}
	}
	// The bigrams are there: the Japanese text's, the Korean word's.
	if j := terms[3*7+2]; !slices.Contains(j, "天気") || !slices.Contains(j, "ーヒ") || !slices.Contains(j, "晴れ") {
		t.Errorf("Japanese terms %q", j)
	}
	if k := terms[3*9+2]; !slices.Contains(k, "서울") || !slices.Contains(k, "에서") {
		t.Errorf("Korean terms %q", k)
	}
	// ftsColumn gives the other columns the same terms.
	cols := make([]string, 0, 2*len(texts))
	for _, s := range texts[:len(texts)-1] {
		cols = append(cols, ftsBody(s), ftsColumn(s))
	}
	terms = ftsTerms(t, cols...)
	for i := 0; i < len(terms); i += 2 {
		if !slices.Equal(terms[i], terms[i+1]) {
			t.Errorf("text %d: terms of ftsBody %q, of ftsColumn %q", i/2, terms[i], terms[i+1])
		}
	}
}

// bigramsOf is what the index is to get of text beyond its tokenizer's
// terms, worked out here on its own: for each run of letters of the
// unspaced scripts (marks inside it left out), each two letters side by
// side and the last one; and the letters and digits of other scripts
// that the tokenizer would have taken with such a run as one word. Text
// with full-width letters or digits or half-width kana or Hangul
// (U+FF10-FF19, FF21-FF3A, FF41-FF5A, FF66-FFDC; not the full-width
// punctuation) is taken in NFKC, and gives all its words of other
// scripts.
func bigramsOf(text string) []string {
	var out []string
	if strings.ContainsFunc(text, func(r rune) bool {
		return r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A || r >= 0xFF66 && r <= 0xFFDC
	}) {
		text = norm.NFKC.String(text)
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !ftsWordRune(r) || unspacedUnit(r) }) {
			out = append(out, w)
		}
	}
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !unspacedUnit(rs[i]) {
			i++
			continue
		}
		var run []rune
		for ; i < len(rs) && (unspacedUnit(rs[i]) || unicode.In(rs[i], unicode.Mn, unicode.Mc)); i++ {
			if unspacedUnit(rs[i]) {
				run = append(run, rs[i])
			}
		}
		for k := 0; k+1 < len(run); k++ {
			out = append(out, string(run[k:k+2]))
		}
		out = append(out, string(run[len(run)-1]))
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !ftsWordRune(r) }) {
		if !strings.ContainsFunc(w, unspacedUnit) {
			continue
		}
		for _, p := range strings.FieldsFunc(w, unspacedUnit) {
			out = append(out, p)
		}
	}
	return out
}

func termUnion(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func TestFTSBodyDropsRepeatedWords(t *testing.T) {
	for _, c := range [][2]string{
		{"The cat and the CAT saw The Cat.", "The cat and saw"},
		{"  a, b; A... B!? c ", "a b c"},
		{"Café café CAFÉ", "Café CAFÉ"}, // only ASCII case is folded here
		{"x1 X1 x1y 1x", "x1 x1y 1x"},
		{"", ""},
		{"...!!!", ""},
	} {
		if got := ftsBody(c[0]); got != c[1] {
			t.Errorf("ftsBody(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	// Repeats are what it saves: an article's prose loses a good part.
	text := feed.PlainText(sitetext.News(3))
	if got := len(strings.Fields(ftsBody(text))); got*10 > len(strings.Fields(text))*9 {
		t.Errorf("ftsBody kept %d of %d words", got, len(strings.Fields(text)))
	}
}

// TestIndexedBodyFindsEveryWord: an article saved through a refresh is
// found by each word of its body, the repeated ones included, and by the
// stemmed forms of them.
func TestIndexedBodyFindsEveryWord(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://harbor.example/port.rss", news("Harbor Post", "www.harbor.example", 30, "Dock talks",
		"<p>Harbour cranes idle. The harbour strike runs on; cranes stay idle while the strike runs.</p>")), "markets")
	for _, q := range []string{"harbour", "cranes", "idle", "strike", "runs", "running", "stay", "while"} {
		hits, n, err := s.Search(ctx, "", q, 0, 10)
		if err != nil || n != 1 || len(hits) != 1 {
			t.Errorf("search %q: %d hits (%v)", q, n, err)
		}
	}
}

func FuzzFTSBody(f *testing.F) {
	for _, s := range ftsBodyTexts()[:19] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		f := foldScriptDigits(s)
		terms := ftsTerms(t, f, strings.Join(bigramsOf(f), " "), ftsBody(s), ftsColumn(s))
		if want := termUnion(terms[0], terms[1]); !slices.Equal(want, terms[2]) || !slices.Equal(want, terms[3]) {
			t.Errorf("terms %q, of ftsBody %q, of ftsColumn %q", want, terms[2], terms[3])
		}
	})
}

// TestPendingArticlesIndexed: articles a cache holds without a story or an
// index row (as a build without indexing leaves them) are indexed at the
// next save, found by every word of their body.
func TestPendingArticlesIndexed(t *testing.T) {
	s := openTemp(t)
	saveNews(t, s)
	id := byTitle(t, s, "Measles cases rise in Kalmira").ID
	if _, err := s.db.Exec("DELETE FROM articles_fts WHERE rowid = ?; UPDATE articles SET story = 0 WHERE id = ?", id, id); err != nil {
		t.Fatal(err)
	}
	if _, n, err := s.Search(ctx, "", "kalmira", 0, 10); err != nil || n != 0 {
		t.Fatalf("before: %d hits, %v", n, err)
	}
	mustSave(t, s, ok("https://wire.example/other", news("Capital Wire", "capitalwire.example", 5, "Ferry timetable changes", "The ferry will run hourly.")), "markets")
	for _, q := range []string{"kalmira", "vaccination", "children", "measles cases week"} {
		hits, _, err := s.Search(ctx, "", q, 0, 10)
		if err != nil || !slices.ContainsFunc(hits, func(h Hit) bool { return h.ID == id }) {
			t.Errorf("search %q: %v %v", q, hits, err)
		}
	}
}

// dedupe's table reads every byte as the branches it replaced did: an
// ASCII letter or digit folded to lower case, other ASCII ending a word
// (0), any byte from 0x80 as it is.
func TestFTSFoldTable(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		var want byte
		switch {
		case b >= 0x80:
			want = b
		case '0' <= b && b <= '9', 'a' <= b && b <= 'z':
			want = b
		case 'A' <= b && b <= 'Z':
			want = b + 'a' - 'A'
		}
		if ftsFold[c] != want {
			t.Errorf("byte %#x reads as %#x, want %#x", c, ftsFold[c], want)
		}
	}
}
