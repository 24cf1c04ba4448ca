package cache

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"newsreader/feed"
)

func TestSnippet(t *testing.T) {
	long := "Officials met on Monday. The council said the harbour levy would rise next year, " +
		"and the mayor said the fund needed more money before the winter storms arrived at the coast. " +
		"Residents asked about the timetable, the ferry and the schools."
	for _, c := range []struct {
		name, text string
		words      []string
		prefix     bool
		want       string // 16 words, the matches in the middle
	}{
		{"whole short text", " “Brake software fails in the cold.”\n", []string{"brake"}, false, "“Brake software fails in the cold.”"},
		{"no match: the opening", long, []string{"zeppelin"}, false, "Officials met on Monday. The council said the harbour levy would rise next year, and the…"},
		{"match in the middle, centred", long, []string{"winter", "storms"}, false, "…the fund needed more money before the winter storms arrived at the coast. Residents asked about…"},
		{"both words beat many of one", "fund fund fund fund fund a b c d e f g h i j k l m n o p q r s t u v the fund and the ferry",
			[]string{"fund", "ferry"}, false, "…l m n o p q r s t u v the fund and the ferry"},
		{"a word being typed", long, []string{"timet"}, true, "…winter storms arrived at the coast. Residents asked about the timetable, the ferry and the schools."},
		{"not a prefix once typed", long, []string{"timet"}, false, "Officials met on Monday. The council said the harbour levy would rise next year, and the…"},
		{"another form of the word", "A b c d e f g h i j k l m n o p q r s t u v w x y z. Olmsted recalled 882,000 cars.", []string{"recall"}, false,
			"…p q r s t u v w x y z. Olmsted recalled 882,000 cars."},
		{"empty text", "", []string{"x"}, false, ""},
	} {
		if got := Snippet(c.text, c.words, c.prefix, 16); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// A word being typed finds the articles of its commonest completions
// (the index keeps no prefixes); the word itself always counts.
func TestSearchCompletesTypedWord(t *testing.T) {
	s := openTemp(t)
	saveNews(t, s)
	// "vehicles" is only in a text, "measles" in a title and a text; "o"
	// is Olmsted (3 articles) and officials (2).
	for q, want := range map[string]int{"vehi": 1, "mea": 2, "measl": 2, "olmsted bra": 2, "tirrenia bor": 1, "ol": 3, "o": 5} {
		hits, n, err := s.Search(ctx, "", q, 0, 10)
		if err != nil || n != want || len(hits) != want {
			t.Errorf("%q: %d hits (%d on the page), %v; want %d", q, n, len(hits), err, want)
		}
	}
	// A two-letter word after another is no prefix.
	if _, n, err := s.Search(ctx, "", "olmsted pr", 0, 10); err != nil || n != 3 {
		t.Errorf("olmsted pr: %d %v (want any word: olmsted)", n, err)
	}
	// Once a space follows it, a word is only itself.
	if _, n, err := s.Search(ctx, "", "vehi ", 0, 10); err != nil || n != 0 {
		t.Errorf("'vehi ': %d %v", n, err)
	}
	hits, _, _ := s.Search(ctx, "", "mea", 0, 10)
	for _, h := range hits {
		if !strings.Contains(strings.ToLower(h.Snippet), "measles") {
			t.Errorf("snippet of a prefix hit: %q", h.Snippet)
		}
	}

	// With more completions than a search takes, the commonest are taken:
	// the first word (in 5 articles) is found, the rarest (in 1) only when
	// typed in full. (Consonant endings: the stemmer leaves them alone.)
	word := func(i int) string { return fmt.Sprintf("zorb%c%c", "bdfghkmpwx"[i/10], "bdfghkmpwx"[i%10]) }
	var arts []feed.Article
	for i := range maxCompletions + 5 {
		w := word(i)
		n := 1
		if i == 0 {
			n = 5
		}
		for k := range n {
			arts = append(arts, news("Daily Item", "daily.example", 10+i*7+k, fmt.Sprintf("Item %d %d", i, k), "The "+w+" was seen."))
		}
	}
	mustSave(t, s, ok("https://daily.example/feed", arts...), "daily")
	got, err := s.completions(ctx, "zorb", maxCompletions)
	if err != nil || len(got) != maxCompletions || got[0] != word(0) {
		t.Fatalf("completions: %v %v", got, err)
	}
	if _, n, _ := s.Search(ctx, "", "zorb", 0, 50); n != 5+maxCompletions-1 {
		t.Errorf("zorb: %d hits, want the %d articles of the %d commonest words", n, 5+maxCompletions-1, maxCompletions)
	}
	last := word(maxCompletions + 4)
	if _, n, _ := s.Search(ctx, "", last, 0, 50); n != 1 {
		t.Errorf("%s typed in full: %d hits", last, n)
	}
}

// An index from before (a full copy of the text and prefixes) is rebuilt
// without either, and without positions, on opening: search, snippets,
// edits and deletions keep working.
func TestMigrationToContentlessIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := cacheBefore(t, path, "content = ''")
	db.Exec("INSERT INTO feeds(id, url) VALUES (1, 'https://old.example/feed')")
	now := time.Now().Unix()
	for i, title := range []string{"Harbour levy rises", "Ferry timetable changes", "Schools reopen"} {
		res, err := db.Exec(`INSERT INTO articles(uid, feed_id, source, title, link, published, updated, summary, fetched_at)
VALUES (?, 1, 'Old Gazette', ?, ?, ?, ?, ?, ?)`, fmt.Sprint("old-", i), title, fmt.Sprintf("https://old.example/%d", i), now-int64(i*60), now,
			fmt.Sprintf("<p>Before the storm the council met.</p><p>Item %d: the <b>zeppelin</b> mooring was discussed.</p>", i), now)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		// As the save of the time did: the index holds the text.
		if _, err := db.Exec(`INSERT INTO articles_fts(rowid, title, body, author, source, categories)
SELECT id, title, newsreader_plain(summary, content), author, source, '' FROM articles WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var copies int
	s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name IN ('articles_fts_content', 'articles_fts_copy')").Scan(&copies)
	if copies != 0 {
		t.Error("the index still keeps a copy of the text")
	}
	var def string
	s.db.QueryRow("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").Scan(&def)
	if strings.Contains(def, "prefix") || !strings.Contains(def, "detail = column") {
		t.Errorf("index after the migrations: %s", def)
	}
	hits, n, err := s.Search(ctx, "", "zeppelin", 0, 10)
	if err != nil || n != 3 {
		t.Fatalf("old articles not in the new index: %d %v", n, err)
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, "zeppelin mooring") || !strings.HasPrefix(h.Snippet, "Before the storm") {
			t.Errorf("snippet %q", h.Snippet)
		}
	}
	if _, n, _ := s.Search(ctx, "", "gazette", 0, 10); n != 3 {
		t.Errorf("source not indexed: %d", n)
	}
	// An edit is indexed again, a deletion leaves the index.
	if _, err := s.db.Exec("UPDATE articles SET summary = '<p>Airship news.</p>' WHERE uid = 'old-0'"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("DELETE FROM articles WHERE uid = 'old-1'"); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := s.Search(ctx, "", "zeppelin", 0, 10); n != 1 {
		t.Errorf("zeppelin after an edit and a deletion: %d", n)
	}
	if hits, n, _ := s.Search(ctx, "", "airship", 0, 10); n != 1 || hits[0].Snippet != "Airship news." {
		t.Errorf("edited text: %d %+v", n, hits)
	}
	var left int
	s.db.QueryRow("SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)").Scan(&left)
	if left != 0 {
		t.Errorf("%d deleted rows left in the index", left)
	}
}

// The index keeps no positions, so a query must never hold a phrase of
// several terms: every word queryWords makes (and so every phrase Search
// and Related build) is one term for the index's tokenizer. Each rune
// ftsWordRune takes for a letter, between two letters, must not split a
// word.
func TestQueryWordsAreSingleTerms(t *testing.T) {
	s := openTemp(t)
	var def string
	if err := s.db.QueryRow("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").Scan(&def); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(def, "detail = column") {
		t.Fatalf("the index keeps positions: this test is moot (%s)", def)
	}
	// The same table (tokenizer, detail) under another name.
	if _, err := s.db.Exec(strings.Replace(def, "articles_fts", "temp.runes_fts", 1)); err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !ftsWordRune(r) {
			continue
		}
		if _, err := tx.Exec("INSERT INTO temp.runes_fts(rowid, title) VALUES (?, ?)", r, "qq"+string(r)+"qq"); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if n < 100000 {
		t.Fatalf("only %d runes tried", n)
	}
	rows, err := s.db.Query("SELECT rowid FROM temp.runes_fts WHERE runes_fts MATCH 'qq'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r rune
		rows.Scan(&r)
		t.Errorf("%U (%q) splits a word for the index", r, r)
	}
	// Those runes in a query: words, never an error.
	for _, q := range []string{"qq\u19B0qq", "\u1CF2rates\u1CF3 2.6", `"2.6" 882,000`} {
		if _, _, err := s.Search(ctx, "", q, 0, 10); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
}

// completions takes the commonest plain words first, no more than
// maxCompletionPostings articles' worth (but always one).
func TestCompletionsBudget(t *testing.T) {
	s := openTemp(t)
	for term, df := range map[string]int{"qa": maxCompletionPostings * 3 / 4, "qb": maxCompletionPostings / 2, "qc": 100, "q2.5": 90000, "^qa": 90000, "qd": 10, "pz": 90000} {
		if _, err := s.db.Exec("INSERT INTO term_df(term, df) VALUES (?, ?)", term, df); err != nil {
			t.Fatal(err)
		}
	}
	for prefix, want := range map[string]string{"q": "[qa]", "qb": "[qb]", "qc": "[qc]", "qz": "[]", "p": "[pz]"} {
		got, err := s.completions(ctx, prefix, maxCompletions)
		if err != nil || fmt.Sprint(got) != want {
			t.Errorf("%q: %v %v, want %s", prefix, got, err, want)
		}
	}
	s.db.Exec("UPDATE term_df SET df = 10 WHERE term = 'qa'")
	if got, _ := s.completions(ctx, "q", maxCompletions); fmt.Sprint(got) != "[qb qc qa qd]" {
		t.Errorf("q with a smaller qa: %v", got)
	}
	if got, _ := s.completions(ctx, "q", 2); fmt.Sprint(got) != "[qb qc]" {
		t.Errorf("q, two: %v", got)
	}
}

// A long article's snippet is looked for in its start first; a match
// only further on is still found.
func TestHitSnippetLongArticle(t *testing.T) {
	filler := strings.Repeat("<p>The council met again on a quiet afternoon &amp; talked.</p>\n", 200) // 13 KB, 11 KB of text: all indexed
	early := "<p>Ferry timetable changes from May.</p>\n" + filler
	late := filler + "<p>Ferry timetable changes from May.</p>\n" + filler
	for _, c := range []struct {
		name, title, html string
		words             []string
		want              string // contained in the snippet
		cut               bool   // ends with "…"
	}{
		{"match at the start", "Notes", early, []string{"ferry", "timetable"}, "Ferry timetable changes from May.", true},
		{"match far in", "Notes", late, []string{"ferry", "timetable"}, "Ferry timetable changes from May.", true},
		{"one word at the start, the other in the title", "Timetable news", early, []string{"ferry", "timetable"}, "Ferry timetable", true},
		{"no match: the opening", "Ferry", filler, []string{"ferry"}, "The council met again on a quiet afternoon & talked.\n\nThe council met", true},
	} {
		got := hitSnippet(c.title, "", c.html, c.words, false)
		if !strings.Contains(got, c.want) || strings.HasSuffix(got, "…") != c.cut || strings.Contains(got, "<") || strings.Contains(got, "&amp;") {
			t.Errorf("%s: %q", c.name, got)
		}
		if len(got) > 200 {
			t.Errorf("%s: %d bytes", c.name, len(got))
		}
	}
	// The head is cut before a tag, or at a rune's start.
	for _, h := range []string{strings.Repeat("<b>é</b>", 2000), strings.Repeat("é", 5000)} {
		head := htmlHead(h)
		if len(head) > snippetHead || len(head) < snippetHead-10 || !utf8.ValidString(head) || strings.LastIndexByte(head, '<') > strings.LastIndexByte(head, '>') {
			t.Errorf("head of %q…: %d bytes, ends %q", h[:10], len(head), head[max(0, len(head)-10):])
		}
	}
}

// Any text is a valid query: never an error, whatever runes, operators or
// numbers it holds (the index refuses phrases of several terms).
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{`"olmsted`, `2.6% rates`, `882,000`, `-x*:`, `NEAR(a b`, "qq\u19B0qq", "Zürich's Bänke", "o", "ol", `a AND (b OR`, "\u0301e", "東京 地震", "天気 tokyo", "กรุงเทพ ข้าว", "ｺｰﾋｰ ２０２４", "서울에서 x"} {
		f.Add(q)
	}
	s := openTemp(f)
	saveNews(f, s)
	saveUnspaced(f, s) // Chinese, Japanese, Korean and Thai: words checked by reading the articles
	f.Fuzz(func(t *testing.T, q string) {
		hits, n, err := s.Search(ctx, "", q, 0, 5)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(hits) > n || len(hits) > 5 {
			t.Fatalf("%q: %d hits of %d", q, len(hits), n)
		}
	})
}

// A save of more articles than one index statement takes (indexRows'
// chunks) indexes every one of them.
func TestIndexRowsManyArticles(t *testing.T) {
	s := openTemp(t)
	var arts []feed.Article
	for i := range 2345 {
		arts = append(arts, news("Bulk Wire", "bulk.example", i, fmt.Sprintf("Bulletin %d", i), fmt.Sprintf("Number w%dx in the text.", i)))
	}
	mustSave(t, s, ok("https://bulk.example/feed", arts...), "bulk")
	for _, i := range []int{0, 999, 1000, 1999, 2000, 2344} {
		if hits, n, err := s.Search(ctx, "", fmt.Sprintf("w%dx ", i), 0, 5); err != nil || n != 1 || hits[0].Title != fmt.Sprintf("Bulletin %d", i) {
			t.Errorf("article %d: %d hits %v", i, n, err)
		}
	}
	var rows int
	s.db.QueryRow("SELECT count(*) FROM articles_fts").Scan(&rows)
	if rows != 2345 {
		t.Errorf("%d rows in the index", rows)
	}
}
