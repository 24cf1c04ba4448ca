package cache

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"newsreader/feed"
)

var ctx = context.Background()

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func art(id, link, title string, minutesAgo int) feed.Article {
	p := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC).Add(-time.Duration(minutesAgo) * time.Minute)
	return feed.Article{ID: id, Link: link, Title: title, Source: "Src", Published: p, Updated: p, Summary: "<p>" + title + "</p>", Content: "<p>full " + title + "</p>"}
}

func ok(url string, arts ...feed.Article) feed.Result {
	return feed.Result{URL: url, Status: feed.StatusOK, Title: "Feed " + url, Articles: arts, ETag: `"e-` + url + `"`}
}

func mustSave(t testing.TB, s *Store, r feed.Result, sections ...string) {
	t.Helper()
	if err := s.Save(ctx, r, Membership{Sections: sections}); err != nil {
		t.Fatal(err)
	}
}

func titles(t *testing.T, s *Store, section string) []string {
	t.Helper()
	arts, err := s.Articles(ctx, section, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		out = append(out, a.Title)
	}
	return out
}

func TestDedupeAcrossFeeds(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://a.test/feed", art("guid-1", "https://news.test/story", "Story", 10), art("guid-2", "https://news.test/two", "Two", 20)), "markets")
	// The same story in another feed: same link, different guid; and one with the same guid.
	mustSave(t, s, ok("https://b.test/feed", art("other-guid", "https://news.test/story", "Story (B)", 10), art("guid-2", "", "Two again", 20)), "business", "markets")
	var n int
	s.db.QueryRow("SELECT count(*) FROM articles").Scan(&n)
	if n != 2 {
		t.Fatalf("%d articles stored, want 2", n)
	}
	if got := titles(t, s, "markets"); fmt.Sprint(got) != "[Story (B) Two again]" {
		t.Errorf("markets: %v", got)
	}
	if got := titles(t, s, "business"); len(got) != 2 {
		t.Errorf("business should hold both: %v", got)
	}
	a, _ := s.Articles(ctx, "markets", 0, 10)
	if full, err := s.Get(ctx, a[1].ID); err != nil || full.Link != "https://news.test/two" || full.Content != "<p>full Two again</p>" {
		t.Errorf("empty link must not erase the stored one: %+v %v", full, err)
	}
}

func TestReadingStateSurvivesRefresh(t *testing.T) {
	s := openTemp(t)
	r := ok("https://a.test/feed", art("g1", "https://n.test/1", "One", 1), art("g2", "https://n.test/2", "Two", 2))
	mustSave(t, s, r, "top")
	arts, _ := s.Articles(ctx, "top", 0, 10)
	if err := s.SetRead(ctx, arts[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, arts[1].ID, true); err != nil {
		t.Fatal(err)
	}
	r.Articles[0].Title = "One (updated)"
	mustSave(t, s, r, "top")
	mustSave(t, s, feed.Result{URL: r.URL, Status: feed.StatusNotModified}, "top")
	mustSave(t, s, feed.Result{URL: r.URL, Status: feed.StatusError, Err: fmt.Errorf("timed out")}, "top")
	arts, _ = s.Articles(ctx, "top", 0, 10)
	if len(arts) != 2 || arts[0].Title != "One (updated)" || !arts[0].Read || arts[0].ReadAt.IsZero() || arts[0].Starred {
		t.Errorf("first: %+v", arts[0])
	}
	if !arts[1].Starred || arts[1].Read {
		t.Errorf("second: %+v", arts[1])
	}
	feeds, _ := s.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].Error != "timed out" || feeds[0].Title != "Feed "+r.URL {
		t.Errorf("feed status %+v", feeds)
	}
	reqs, _ := s.Validators(ctx, []string{r.URL, "https://new.test/"})
	if reqs[0].ETag != r.ETag || reqs[1].ETag != "" {
		t.Errorf("validators %+v", reqs)
	}
}

func TestPagingCountsAndMarking(t *testing.T) {
	s := openTemp(t)
	var arts []feed.Article
	for i := range 25 {
		arts = append(arts, art(fmt.Sprintf("g%d", i), fmt.Sprintf("https://n.test/%d", i), fmt.Sprintf("T%02d", i), i))
	}
	mustSave(t, s, ok("https://a.test/feed", arts...), "markets", "top")
	page, err := s.Articles(ctx, "MARKETS", 10, 10)
	if err != nil || len(page) != 10 || page[0].Title != "T10" || page[9].Title != "T19" {
		t.Fatalf("page 2: %v %v", titles(t, s, "markets"), err)
	}
	if n, _ := s.Count(ctx, "markets"); n != 25 {
		t.Errorf("count %d", n)
	}
	s.SetRead(ctx, page[0].ID, true)
	counts, _ := s.UnreadCounts(ctx)
	if counts["markets"] != 24 || counts["top"] != 24 {
		t.Errorf("unread %v", counts)
	}
	if n, err := s.MarkSectionRead(ctx, "markets"); err != nil || n != 24 {
		t.Errorf("marked %d, %v", n, err)
	}
	counts, _ = s.UnreadCounts(ctx)
	if counts["markets"] != 0 || counts["top"] != 0 {
		t.Errorf("after mark all: %v", counts)
	}
	s.SetRead(ctx, page[0].ID, false)
	if a, _ := s.Get(ctx, page[0].ID); a.Read {
		t.Error("mark unread failed")
	}
}

func TestRankingReplacedEachRefresh(t *testing.T) {
	s := openTemp(t)
	r := ok("https://a.test/most-read", art("g1", "https://n.test/1", "One", 1), art("g2", "https://n.test/2", "Two", 2))
	s.Save(ctx, r, Membership{RankFor: []string{"top"}})
	r.Articles = []feed.Article{r.Articles[1], art("g3", "https://n.test/3", "Three", 3)}
	s.Save(ctx, r, Membership{RankFor: []string{"top"}})
	ranked, err := s.Ranked(ctx, "top", 10)
	if err != nil || len(ranked) != 2 || ranked[0].Title != "Two" || ranked[1].Title != "Three" {
		t.Errorf("ranked %+v %v", ranked, err)
	}
}

func TestPlanMergesSharedFeeds(t *testing.T) {
	urls, where := Plan([]feed.Section{
		{Key: "Markets", Feeds: []string{"https://a/1", "https://a/2"}, Ranking: "https://a/top"},
		{Key: "business", Feeds: []string{"https://a/2"}},
	})
	if len(urls) != 3 || fmt.Sprint(where["https://a/2"].Sections) != "[markets business]" || fmt.Sprint(where["https://a/top"].RankFor) != "[markets]" {
		t.Errorf("%v %+v", urls, where)
	}
}

// TestTwoProcessesWriteAtOnce runs this test binary twice more as writer
// processes on one cache file; neither may fail with "database is locked".
func TestTwoProcessesWriteAtOnce(t *testing.T) {
	if os.Getenv("NEWSREADER_WRITER") != "" {
		return
	}
	path := filepath.Join(t.TempDir(), "shared.db")
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for w := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "NEWSREADER_WRITER="+strconv.Itoa(w), "NEWSREADER_DB="+path)
		out := new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("writer %d: %v\n%s", i, err, outs[i])
		}
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx, "top"); n != 2*writerFeeds*writerItems {
		t.Errorf("%d articles, want %d", n, 2*writerFeeds*writerItems)
	}
	checkCounts(t, s)
}

const writerFeeds, writerItems = 30, 20

func TestWriterProcess(t *testing.T) {
	w := os.Getenv("NEWSREADER_WRITER")
	if w == "" {
		t.Skip("helper for TestTwoProcessesWriteAtOnce")
	}
	s, err := Open(os.Getenv("NEWSREADER_DB"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for f := range writerFeeds {
		var arts []feed.Article
		for i := range writerItems {
			arts = append(arts, art(fmt.Sprintf("w%s-f%d-i%d", w, f, i), fmt.Sprintf("https://n.test/%s/%d/%d", w, f, i), "t", i))
		}
		mustSave(t, s, ok(fmt.Sprintf("https://w%s.test/%d", w, f), arts...), "top")
		list, err := s.Articles(ctx, "top", 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) > 0 {
			if err := s.SetRead(ctx, list[0].ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// checkCounts compares the trigger-kept section_counts with a real count.
func checkCounts(t *testing.T, s *Store) {
	t.Helper()
	rows, err := s.db.Query(`SELECT s.section, count(*), sum(a.read = 0), c.total, c.unread
FROM article_sections s JOIN articles a ON a.id = s.article_id JOIN section_counts c ON c.section = s.section
GROUP BY s.section`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var sec string
		var total, unread, keptTotal, keptUnread int
		rows.Scan(&sec, &total, &unread, &keptTotal, &keptUnread)
		if total != keptTotal || unread != keptUnread {
			t.Errorf("section %s: counted %d/%d unread, kept %d/%d", sec, total, unread, keptTotal, keptUnread)
		}
		n++
	}
	if n == 0 {
		t.Error("no sections counted")
	}
}

func TestKeptCountsMatchRealCounts(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://a.test/1", art("g1", "https://n.test/1", "One", 1), art("g2", "https://n.test/2", "Two", 2)), "top", "world")
	mustSave(t, s, ok("https://a.test/2", art("x1", "https://n.test/1", "One again", 1), art("g3", "https://n.test/3", "Three", 3)), "top")
	checkCounts(t, s)
	arts, _ := s.Articles(ctx, "top", 0, 10)
	s.SetRead(ctx, arts[0].ID, true)
	s.SetRead(ctx, arts[0].ID, true) // twice: no double count
	s.SetRead(ctx, arts[1].ID, true)
	checkCounts(t, s)
	s.SetRead(ctx, arts[1].ID, false)
	s.MarkSectionRead(ctx, "world")
	checkCounts(t, s)
	mustSave(t, s, ok("https://a.test/1", art("g1", "https://n.test/1", "One", 1), art("g4", "https://n.test/4", "Four", 4)), "top", "world")
	checkCounts(t, s)
	if _, err := s.db.Exec("DELETE FROM article_sections WHERE article_id = ?", arts[2].ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, s)
	counts, _ := s.UnreadCounts(ctx)
	if n, _ := s.Count(ctx, "top"); n != 3 || counts["top"] != 1 { // One, Two (read via world), Four
		t.Errorf("top: %d articles, %d unread", n, counts["top"])
	}
}
