package cache

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsreader/cache/stories"
	"newsreader/feed"
)

// A transaction whose later result is older than what the placer's memory
// covers reads the stored articles it lacks before placing that result,
// in the middle of the transaction: the older report joins the story
// stored before, and a reopened cache keeps both in it.
func TestOneTransactionReadsOlderStoriesMidway(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := stories.WindowHours * 60
	// Stored before: one outlet's report, a little more than the window
	// before the transaction's first article.
	mustSave(t, s, ok("https://harbor.example/markets.rss",
		news("Harbor Post", "www.harbor.example", w+120, "Olmsted Motors recalls 882,000 cars over brake fault", "Olmsted Motors is calling back 882,000 vehicles after finding a fault in brake software, the carmaker said.")), "markets")
	s.Close()
	// A new process: its assigner's memory starts empty.
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	budget := TxBudget
	TxBudget = time.Hour // both results in one transaction
	defer func() { TxBudget = budget }()
	sv, err := s.newSaver(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := Membership{Sections: []string{"markets"}}
	// First a recent, unrelated result: the placer's memory then covers the
	// window before it, not the stored report.
	if err := sv.add(ctx, ok("https://new.example/feed", news("New", "new.example", 10, "Sun all week in Port Alder", "Forecasters expect a dry, warm week.")), m); err != nil {
		t.Fatal(err)
	}
	// Then another outlet's report of the stored event, an hour after it.
	if err := sv.add(ctx, ok("https://wire.example/feed",
		news("Capital Wire", "capitalwire.example", w+60, "Faulty brake software forces Olmsted to call back cars", "Olmsted Motors will recall 882,000 cars to fix brake software that can fail in the cold.")), m); err != nil {
		t.Fatal(err)
	}
	if sv.tx == nil || len(sv.pending) != 2 {
		t.Fatalf("the two results are not in one open transaction (%d pending)", len(sv.pending))
	}
	if err := sv.flush(ctx); err != nil {
		t.Fatal(err)
	}
	sv.close()
	a, b := byTitle(t, s, "Olmsted Motors recalls"), byTitle(t, s, "Faulty brake")
	sun := byTitle(t, s, "Sun all week")
	if a.Story == 0 || a.Story != b.Story || sun.Story == a.Story {
		t.Errorf("stories: stored report %d, older report saved later %d, unrelated %d", a.Story, b.Story, sun.Story)
	}
	if b.StorySize != 2 {
		t.Errorf("the story counts %d outlets, want 2", b.StorySize)
	}
}

// The assigner's IDF is stories.IDF of the term's document frequency and
// the current number of documents, however often the documents change
// between calls (it keeps the IDFs of small frequencies).
func TestAssignerIDFFollowsTheDocuments(t *testing.T) {
	d := &discoState{dfs: []int32{0, 1, 2, 255, 256, 9000, 1, -1}} // -1: a damaged term_df
	for _, docs := range []int{0, 1, 1, 50, 49, 50, 100000, 7} {
		d.docs = docs
		for id, df := range d.dfs {
			if got, want := d.idf(int32(id)), stories.IDF(int(df), docs); got != want {
				t.Fatalf("docs %d, df %d: idf %v, want %v", docs, df, got, want)
			}
		}
		d.dfs[1]++ // a count moves between articles too
	}
}

// The stories of a transaction's articles may be written in two parts,
// those placed while the index was written and the rest after the wait
// for the placer (indexNew): whatever the split, the cache ends the same
// as with one part, and the generation moves on.
func TestStoriesWrittenInPartsAreTheSame(t *testing.T) {
	budget := TxBudget
	TxBudget = time.Hour // one transaction
	defer func() { TxBudget = budget }()
	arts := []feed.Article{
		news("Harbor Post", "www.harbor.example", 90, "Olmsted Motors recalls 882,000 cars over brake fault", "Olmsted Motors is calling back 882,000 vehicles after finding a fault in brake software."),
		news("Capital Wire", "capitalwire.example", 80, "Faulty brake software forces Olmsted to call back cars", "Olmsted Motors will recall 882,000 cars to fix brake software that can fail in the cold."),
		news("Harbor Post", "www.harbor.example", 70, "Measles cases rise in Kalmira", "Health officials in Kalmira counted 38 new measles cases this week."),
		news("Valley Times", "valleytimes.example", 60, "Olmsted brake recall covers 882,000 vehicles", "The carmaker Olmsted Motors recalls 882,000 cars over a brake software fault."),
		news("Capital Wire", "capitalwire.example", 50, "Kalmira measles count climbs to 38", "Kalmira health officials reported 38 new cases of measles."),
		news("Valley Times", "valleytimes.example", 40, "Port Alder ferry timetable changes", "Winter sailings start next week."),
	}
	state := func(s *Store) string {
		var b strings.Builder
		for _, q := range []string{
			"SELECT group_concat(id || ':' || story || ':' || outlet, ' ') FROM (SELECT * FROM articles ORDER BY id)",
			"SELECT group_concat(id || ':' || outlets || ':' || articles || ':' || first || ':' || last, ' ') FROM (SELECT * FROM stories ORDER BY id)",
			"SELECT group_concat(article_id || '=' || terms, ' ') FROM (SELECT * FROM article_terms ORDER BY article_id)",
		} {
			var v sql.NullString
			if err := s.db.QueryRowContext(ctx, q).Scan(&v); err != nil {
				t.Fatal(err)
			}
			b.WriteString(v.String + "\n")
		}
		return b.String()
	}
	gen := func(s *Store) (g int64) {
		if err := s.db.QueryRowContext(ctx, "SELECT value FROM discover_meta WHERE key = 'gen'").Scan(&g); err != nil {
			t.Fatal(err)
		}
		return g
	}
	one := openTemp(t)
	mustSave(t, one, ok("https://mixed.example/feed", arts...), "top")
	want := state(one)
	if !strings.Contains(want, ":2:") {
		t.Fatalf("no story of two or more articles to split:\n%s", want)
	}
	for _, k := range []int{0, 1, 3, 5, 6} {
		s := openTemp(t)
		g := gen(s)
		sv, err := s.newSaver(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := sv.add(ctx, ok("https://mixed.example/feed", arts...), Membership{Sections: []string{"top"}}); err != nil {
			t.Fatal(err)
		}
		if len(sv.fresh) != len(arts) {
			t.Fatalf("%d fresh articles, want %d", len(sv.fresh), len(arts))
		}
		sv.finishPlacing() // every article placed: any k of them may be written first
		if err := s.indexNew(ctx, sv.q, sv.fresh, &sv.txCounts, func() int { return k }, func() {}); err != nil {
			t.Fatal(err)
		}
		if err := sv.tx.Commit(); err != nil {
			t.Fatal(err)
		}
		sv.tx, sv.assigned = nil, false
		sv.conn.Close()
		if got := state(s); got != want {
			t.Errorf("first %d written before the wait:\n%s\nwant (one part):\n%s", k, got, want)
		}
		if gen(s) <= g {
			t.Errorf("first %d written before the wait: the generation stayed at %d", k, g)
		}
	}
}

// An article a ranking-only feed stored earlier in the transaction and a
// section feed then carries takes the section feed's source (adopt) while
// the placer may be placing it: the placer reads nothing the saver
// changes (go test -race), and the article is placed as it was sent.
func TestAdoptWhilePlacing(t *testing.T) {
	s := openTemp(t)
	budget := TxBudget
	TxBudget = time.Hour // both results in one transaction
	defer func() { TxBudget = budget }()
	sv, err := s.newSaver(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var arts []feed.Article
	for i := range 40 {
		arts = append(arts, news("Harbor Post", "www.harbor.example", 10+i, fmt.Sprintf("Olmsted Motors recalls %d cars over brake fault", 1000+i),
			"Olmsted Motors is calling back vehicles after finding a fault in brake software, the carmaker said."))
	}
	if err := sv.add(ctx, ok("https://harbor.example/most-read.rss", arts...), Membership{RankFor: []string{"top"}}); err != nil {
		t.Fatal(err)
	}
	moved := arts[0]
	moved.Source = "Comments for The Harbor Post"
	if err := sv.add(ctx, ok("https://harbor.example/top.rss", moved), Membership{Sections: []string{"top"}}); err != nil {
		t.Fatal(err)
	}
	if err := sv.flush(ctx); err != nil {
		t.Fatal(err)
	}
	sv.close()
	a := byTitle(t, s, arts[0].Title)
	if a.Source != moved.Source {
		t.Errorf("source %q, want the section feed's %q", a.Source, moved.Source)
	}
}
