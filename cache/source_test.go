package cache

import (
	"testing"
)

// An article the site's most-read feed lists before its section feed has
// been saved takes its source and feed from the section feed once that
// arrives; the ranking feed saved again does not take it back.
func TestRankingFeedDoesNotDecideSource(t *testing.T) {
	s := openTemp(t)
	a := art("harbor-17", "https://harborpost.example/world/ferry", "Ferry service resumes across the Tessen strait", 30)
	rank := ok("https://harborpost.example/most-read.rss", a)
	rank.Title = "Harbor Post: Most read"
	rank.Articles[0].Source = rank.Title
	if err := s.Save(ctx, rank, Membership{RankFor: []string{"world"}}); err != nil {
		t.Fatal(err)
	}
	sec := ok("https://harborpost.example/world.rss", a, art("harbor-18", "https://harborpost.example/world/dam", "Dam inspection finds cracks", 40))
	sec.Title = "Harbor Post: World"
	for i := range sec.Articles {
		sec.Articles[i].Source = sec.Title
	}
	if err := s.Save(ctx, sec, Membership{Sections: []string{"world"}}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		var source, feedURL string
		if err := s.db.QueryRow(`SELECT a.source, f.url FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.uid = 'harbor-17'`).Scan(&source, &feedURL); err != nil {
			t.Fatal(err)
		}
		if source != "Harbor Post: World" || feedURL != "https://harborpost.example/world.rss" {
			t.Errorf("%s: source %q from %s, want the section feed's", when, source, feedURL)
		}
		arts, err := s.Articles(ctx, "world", 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range arts {
			if x.UID == "harbor-17" && x.Source != "Harbor Post: World" {
				t.Errorf("%s: list shows source %q", when, x.Source)
			}
		}
		rows, err := s.Ranking(ctx, "world", 5)
		if err != nil || len(rows) == 0 || rows[0].Title != a.Title {
			t.Fatalf("%s: ranking %+v %v", when, rows, err)
		}
	}
	check("after the section feed")
	// The most-read feed again:
	if err := s.Save(ctx, rank, Membership{RankFor: []string{"world"}}); err != nil {
		t.Fatal(err)
	}
	check("after the ranking feed again")
	// Articles only the ranking feed lists keep its source: there is no other.
	only := ok("https://harborpost.example/most-read.rss", a, art("harbor-90", "https://harborpost.example/old/piece", "An older piece", 600))
	only.Title = rank.Title
	if err := s.Save(ctx, only, Membership{RankFor: []string{"world"}}); err != nil {
		t.Fatal(err)
	}
	var src string
	s.db.QueryRow(`SELECT source FROM articles WHERE uid = 'harbor-90'`).Scan(&src)
	if src == "" {
		t.Errorf("ranking-only article has no source")
	}
	check("after a ranking-only article")
}
