package cache

import (
	"fmt"
	"testing"
)

func TestAdjacentUnread(t *testing.T) {
	s := openTemp(t)
	r := ok("https://a.test/feed")
	for i := range 10 {
		r.Articles = append(r.Articles, art(fmt.Sprint("g", i), fmt.Sprintf("https://a.test/%d", i), fmt.Sprint("T", i), i*10))
	}
	mustSave(t, s, r, "news")
	if _, err := s.MarkSectionRead(ctx, "news"); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Articles(ctx, "news", 0, 10)
	for _, i := range []int{2, 7} {
		s.SetRead(ctx, all[i].ID, false)
	}
	cases := []struct {
		from    int // row, -1: none
		forward bool
		want    int // row, -1: none
	}{
		{-1, true, 2}, {-1, false, 7}, {2, true, 7}, {7, true, -1}, {7, false, 2}, {2, false, -1}, {4, true, 7}, {4, false, 2}, {9, false, 7},
	}
	for _, c := range cases {
		var from int64
		if c.from >= 0 {
			from = all[c.from].ID
		}
		a, idx, err := s.AdjacentUnread(ctx, "news", from, c.forward)
		if err != nil {
			t.Fatal(err)
		}
		if idx != c.want || (c.want >= 0 && a.ID != all[c.want].ID) {
			t.Errorf("from row %d forward %v: row %d (%q), want %d", c.from, c.forward, idx, a.Title, c.want)
		}
	}
	// An article of another section starts from the end.
	if _, idx, _ := s.AdjacentUnread(ctx, "news", 999999, true); idx != 2 {
		t.Errorf("unknown article: row %d", idx)
	}
	if _, idx, _ := s.AdjacentUnread(ctx, "other", 0, true); idx != -1 {
		t.Errorf("empty section: row %d", idx)
	}
}

// BenchmarkAdjacentUnread: n at the top of a 100,000-article section
// where only the oldest article is unread (the query's worst case).
//
//	go test ./cache -run '^$' -bench AdjacentUnread -benchtime 20x
//
// Building the cache (100,000 rows through the real triggers) takes a few
// minutes on a busy machine; the measured part is one query.
func BenchmarkAdjacentUnread(b *testing.B) {
	s := openTemp(b)
	const n = 100_000
	tx, err := s.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO feeds(id, url) VALUES (1, 'https://a.test/feed')`); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if _, err := tx.Exec(`INSERT INTO articles(id, uid, feed_id, title, published, updated, fetched_at, read) VALUES (?, ?, 1, ?, ?, ?, 0, ?)`,
			i+1, fmt.Sprint("u", i), fmt.Sprint("Title ", i), 1_700_000_000+i, 1_700_000_000+i, i != 0); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO article_sections(section, article_id, published, read) VALUES ('news', ?, ?, ?)`, i+1, 1_700_000_000+i, i != 0); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	top, _ := s.Articles(ctx, "news", 0, 1)
	b.ResetTimer()
	for range b.N {
		a, idx, err := s.AdjacentUnread(ctx, "news", top[0].ID, true)
		if err != nil || idx != n-1 || a.ID != 1 {
			b.Fatalf("got row %d id %d: %v", idx, a.ID, err)
		}
	}
}
