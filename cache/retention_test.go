package cache

import (
	"fmt"
	"testing"
	"time"

	"newsreader/feed"
)

func aged(id string, days int, now time.Time) feed.Article {
	p := now.Add(-time.Duration(days) * 24 * time.Hour)
	return feed.Article{ID: id, Link: "https://n.test/" + id, Title: id, Source: "S", Published: p, Updated: p, Summary: "<p>" + id + "</p>"}
}

// backdate pretends the articles were first fetched when they were published.
func backdate(t *testing.T, s *Store) {
	if _, err := s.db.Exec("UPDATE articles SET fetched_at = published"); err != nil {
		t.Fatal(err)
	}
}

func TestPruneKeepsStarredAndYoung(t *testing.T) {
	s := openTemp(t)
	now := time.Now()
	res := ok("https://a.test/feed",
		aged("old-read", 40, now), aged("old-unread", 45, now), aged("old-starred", 50, now),
		aged("young-unread", 5, now), aged("young-read", 3, now), aged("edge", 29, now))
	mustSave(t, s, res, "top", "world")
	backdate(t, s)
	ids := map[string]int64{}
	arts, _ := s.Articles(ctx, "top", 0, 100)
	for _, a := range arts {
		ids[a.Title] = a.ID
	}
	s.SetRead(ctx, ids["old-read"], true)
	s.SetRead(ctx, ids["young-read"], true)
	s.SetStarred(ctx, ids["old-starred"], true)
	s.SetFullText(ctx, ids["old-read"], "<p>full</p>", "")
	s.db.Exec("INSERT INTO rankings(section, rank, article_id) VALUES('top', 1, ?)", ids["old-unread"])

	r, err := s.Prune(ctx, 30, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 2 || r.KeptStarred != 1 {
		t.Errorf("prune result %+v", r)
	}
	want := "[young-read young-unread edge old-starred]"
	for _, sec := range []string{"top", "world"} {
		if got := fmt.Sprint(titles(t, s, sec)); got != want {
			t.Errorf("%s after prune: %s, want %s", sec, got, want)
		}
	}
	counts, _ := s.UnreadCounts(ctx)
	if n, _ := s.Count(ctx, "top"); n != 4 || counts["top"] != 3 || counts["world"] != 3 { // young-unread, edge, old-starred
		t.Errorf("counts after prune: total %d, unread %v", n, counts)
	}
	var stories int
	s.db.QueryRow("SELECT count(*) FROM stories").Scan(&stories)
	if stories == 0 {
		t.Error("no stories were assigned: the check below would prove nothing")
	}
	for table, q := range map[string]string{
		"full_texts":         "SELECT count(*) FROM full_texts",
		"rankings":           "SELECT count(*) FROM rankings",
		"articles_fts":       "SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)",
		"article_terms":      "SELECT count(*) FROM article_terms WHERE article_id NOT IN (SELECT id FROM articles)",
		"stories":            "SELECT count(*) FROM stories WHERE id NOT IN (SELECT story FROM articles)",
		"wrong story counts": "SELECT count(*) FROM stories x WHERE articles != (SELECT count(*) FROM articles WHERE story = x.id)",
	} {
		var n int
		if err := s.db.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s keeps %d rows of pruned articles (%v)", table, n, err)
		}
	}
	// The feed still lists the pruned articles: they come back read, not as news.
	mustSave(t, s, res, "top", "world")
	arts, _ = s.Articles(ctx, "top", 0, 100)
	counts, _ = s.UnreadCounts(ctx)
	if len(arts) != 6 || counts["top"] != 3 {
		t.Errorf("after the feed lists them again: %d articles, unread %v", len(arts), counts)
	}
	for _, a := range arts {
		if (a.Title == "old-read" || a.Title == "old-unread") && !a.Read {
			t.Errorf("%s came back unread", a.Title)
		}
	}
	// Retention off keeps everything.
	if r, _ := s.Prune(ctx, 0, now.AddDate(1, 0, 0)); r.Articles != 0 {
		t.Errorf("keep_days 0 pruned %d", r.Articles)
	}
}

func TestPruneInBatches(t *testing.T) {
	s := openTemp(t)
	now := time.Now()
	var arts []feed.Article
	for i := range pruneBatch*2 + 17 {
		arts = append(arts, aged(fmt.Sprintf("a%05d", i), 60, now))
	}
	arts = append(arts, aged("fresh", 1, now))
	mustSave(t, s, ok("https://a.test/feed", arts...), "top")
	backdate(t, s)
	r, err := s.Prune(ctx, 30, now)
	if err != nil || r.Articles != pruneBatch*2+17 {
		t.Fatalf("%+v %v", r, err)
	}
	if got := fmt.Sprint(titles(t, s, "top")); got != "[fresh]" {
		t.Errorf("left %s", got)
	}
}

// --feeds said "back-off after 1 failed fetches".
func TestBackoffHintCountsInEnglish(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	fail := feed.Result{Status: feed.StatusError, Err: fmt.Errorf("HTTP 500")}
	if _, hint, n := nextDue(fail, 0, now); hint != "back-off after 1 failed fetch" || n != 1 {
		t.Errorf("first failure: %q (%d)", hint, n)
	}
	if _, hint, _ := nextDue(fail, 1, now); hint != "back-off after 2 failed fetches" {
		t.Errorf("second failure: %q", hint)
	}
}

func TestScheduleFromHintsAndBackoff(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	u := "https://a.test/feed"
	due := func() time.Time {
		m, err := s.NextDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m[u]
	}
	step := func(r feed.Result) {
		t.Helper()
		r.URL = u
		if err := s.Save(ctx, r, Membership{}); err != nil {
			t.Fatal(err)
		}
		if err := s.Schedule(ctx, r, now); err != nil {
			t.Fatal(err)
		}
	}
	step(feed.Result{Status: feed.StatusOK, Hints: feed.Hints{TTL: time.Hour, MaxAge: 10 * time.Minute}})
	if got := due(); !got.Equal(now.Add(time.Hour)) {
		t.Errorf("ttl 60: due %v", got)
	}
	step(feed.Result{Status: feed.StatusOK, Hints: feed.Hints{TTL: 7 * 24 * time.Hour}})
	if got := due(); !got.Equal(now.Add(hintMax)) {
		t.Errorf("a week's ttl is capped: due %v", got)
	}
	step(feed.Result{Status: feed.StatusNotModified})
	if got := due(); !got.Equal(now.Add(hintMax)) {
		t.Errorf("a 304 keeps the last body's ttl: due %v", got)
	}
	step(feed.Result{Status: feed.StatusOK})
	step(feed.Result{Status: feed.StatusNotModified})
	if got := due(); !got.IsZero() {
		t.Errorf("no hints: due %v, want any time", got)
	}
	var waits []time.Duration
	for range 3 {
		step(feed.Result{Status: feed.StatusError, Err: fmt.Errorf("HTTP 500")})
		waits = append(waits, due().Sub(now))
	}
	if fmt.Sprint(waits) != "[5m0s 10m0s 20m0s]" {
		t.Errorf("back-off %v", waits)
	}
	for range 5 {
		step(feed.Result{Status: feed.StatusError, Err: fmt.Errorf("HTTP 500")})
	}
	if got := due().Sub(now); got != backoffMax {
		t.Errorf("after 8 failures: wait %v", got)
	}
	step(feed.Result{Status: feed.StatusError, Err: fmt.Errorf("dial tcp: lookup a.test: no such host")})
	if got := due().Sub(now); got != backoffNetMax {
		t.Errorf("a network error (maybe ours) backs off %v", got)
	}
	step(feed.Result{Status: feed.StatusError, Err: fmt.Errorf("HTTP 429"), Hints: feed.Hints{RetryAfter: 8 * time.Hour}})
	if got := due(); !got.Equal(now.Add(8 * time.Hour)) {
		t.Errorf("Retry-After longer than the back-off: due %v", got)
	}
	step(feed.Result{Status: feed.StatusError, Err: feed.ErrOffline})
	if got := due(); !got.Equal(now.Add(8 * time.Hour)) {
		t.Errorf("offline must not count as a failure: due %v", got)
	}
	step(feed.Result{Status: feed.StatusOK})
	var failures int
	s.db.QueryRow("SELECT failures FROM feeds WHERE url = ?", u).Scan(&failures)
	if got := due(); !got.IsZero() || failures != 0 {
		t.Errorf("success resets: due %v, failures %d", got, failures)
	}

	secs := []feed.Section{{Key: "a", Feeds: []string{u, "https://b.test/feed"}, Ranking: "https://c.test/mr", FullText: true}}
	kept, skipped := DueSections(secs, map[string]time.Time{"https://b.test/feed": now.Add(time.Minute), "https://c.test/mr": now.Add(-time.Minute)}, now)
	if skipped != 1 || len(kept) != 1 || fmt.Sprint(kept[0].Feeds) != "["+u+"]" || kept[0].Ranking != "https://c.test/mr" || !kept[0].FullText {
		t.Errorf("due sections %+v, skipped %d", kept, skipped)
	}
}
