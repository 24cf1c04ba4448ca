package cache

import (
	"bytes"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsreader/feed"
)

const bigFeedItems = 100_000

// TestBigSaveLetsTheReaderIn: one process refreshes a 100,000-item feed
// (and then saves 20,000 articles in one go) while this one marks an
// article read again and again. Every mark must land, each within a
// second: the save commits in bounded batches and the mark retries into
// the gaps between them.
func TestBigSaveLetsTheReaderIn(t *testing.T) {
	if testing.Short() {
		t.Skip("saves 100,000 articles")
	}
	path := filepath.Join(t.TempDir(), "big.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustSave(t, s, ok("https://small.test/feed", art("mine", "https://small.test/1", "Mine", 1)), "top")
	mine, _ := s.Articles(ctx, "top", 0, 1)

	started := filepath.Join(t.TempDir(), "started")
	// The writer is another process, as a second newsreader would be. Under
	// the race detector this binary's SQLite is many times slower than a
	// user's, so the writer is the same test built without it: the wait
	// measured is the real save's lock holding, not the detector's cost.
	writer := os.Args[0]
	if raceEnabled {
		writer = filepath.Join(t.TempDir(), "cache-norace.test")
		if out, err := exec.Command("go", "test", "-c", "-o", writer, ".").CombinedOutput(); err != nil {
			t.Fatalf("building the writer without -race: %v\n%s", err, out)
		}
	}
	cmd := exec.Command(writer, "-test.run=^TestBigSaveProcess$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "NEWSREADER_BIGSAVE="+path, "NEWSREADER_STARTED="+started)
	out := new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for {
		if _, err := os.Stat(started); err == nil {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("writer exited before saving: %v\n%s", err, out)
		case <-time.After(time.Millisecond):
		}
	}
	var longest time.Duration
	marks := 0
	read := true
	var werr error
wait:
	for {
		select {
		case werr = <-exited:
			break wait
		default:
		}
		start := time.Now()
		if err := s.SetRead(ctx, mine[0].ID, read); err != nil {
			t.Fatalf("mark %d failed during the big save: %v", marks, err)
		}
		longest = max(longest, time.Since(start))
		marks++
		read = !read
		time.Sleep(20 * time.Millisecond)
	}
	if werr != nil {
		t.Fatalf("writer: %v\n%s", werr, out)
	}
	t.Logf("%d marks during the saves; longest wait %v", marks, longest)
	// A save that held the lock throughout would let one mark in, at
	// its end; between bounded transactions the reader gets in again and
	// again (100 and more marks here). How long one mark waits is logged,
	// not bounded: it depends on the host's load (0.1-0.3 s under -race
	// on a quiet host, past 3 s at load 6).
	if marks < 5 {
		t.Errorf("only %d marks during the save: it did not overlap", marks)
	}

	if n, _ := s.Count(ctx, "big"); n != 5000 {
		t.Errorf("%d articles kept of the big feed, want the newest 5,000", n)
	}
	if n, _ := s.Count(ctx, "many"); n != 20_000 {
		t.Errorf("%d articles saved, want 20,000", n)
	}
	got, _ := s.Get(ctx, mine[0].ID)
	if got.Read != !read {
		t.Errorf("last mark lost: read %v", got.Read)
	}
	checkCounts(t, s)
}

func TestBigSaveProcess(t *testing.T) {
	path := os.Getenv("NEWSREADER_BIGSAVE")
	if path == "" {
		t.Skip("helper for TestBigSaveLetsTheReaderIn")
	}
	// The feed: 100,000 items of varied text (about 25 MB), two hours
	// apart, oldest first; refresh keeps the newest 5,000.
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>`)
	words := newWords(1)
	base := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for i := range bigFeedItems {
		fmt.Fprintf(&b, "<item><title>%s</title><link>https://big.test/%d</link><pubDate>%s</pubDate><description>%s</description></item>\n",
			words.text(8), i, base.Add(time.Duration(i-bigFeedItems)*2*time.Hour).Format(time.RFC1123Z), words.text(30))
	}
	b.WriteString(`</channel></rss>`)
	body := b.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }))
	defer srv.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	os.WriteFile(os.Getenv("NEWSREADER_STARTED"), nil, 0o644)
	f := feed.NewFetcher(feed.Options{MaxBody: 64 << 20})
	var got feed.Result
	if _, err := s.Refresh(ctx, f, []feed.Section{{Key: "big", Feeds: []string{srv.URL}}}, func(r feed.Result) { got = r }); err != nil {
		t.Fatal(err)
	}
	if got.Status != feed.StatusOK || got.Note() != "kept newest 5,000 of 100,000" {
		t.Fatalf("%v %v %q", got.Status, got.Err, got.Note())
	}
	// And the uncapped case: 20,000 articles written through Save.
	arts := make([]feed.Article, 20_000)
	for i := range arts {
		arts[i] = art(fmt.Sprintf("many-%d", i), fmt.Sprintf("https://many.test/%d", i), words.text(8), i*120)
		arts[i].Summary = "<p>" + words.text(30) + "</p>"
	}
	mustSave(t, s, ok("https://many.test/feed", arts...), "many")
}

// TestRefreshSkipsUnchangedWork: a second refresh of identical bytes
// parses nothing; a refresh where one item changed rewrites only it.
func TestRefreshSkipsUnchangedWork(t *testing.T) {
	var body atomic.Value
	doc := func(second string) string {
		return `<rss version="2.0"><channel><title>Skip</title>` +
			`<item><title>first</title><link>https://skip.test/1</link><pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate></item>` +
			`<item><title>` + second + `</title><link>https://skip.test/2</link><pubDate>Mon, 23 Nov 2026 09:00:00 +0000</pubDate></item>` +
			`</channel></rss>`
	}
	body.Store(doc("second"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, body.Load().(string)) // no validators
	}))
	defer srv.Close()
	s := openTemp(t)
	secs := []feed.Section{{Key: "top", Feeds: []string{srv.URL}, Ranking: srv.URL}}
	f := feed.NewFetcher(feed.Options{})
	refresh := func() feed.Result {
		t.Helper()
		var got feed.Result
		if _, err := s.Refresh(ctx, f, secs, func(r feed.Result) { got = r }); err != nil {
			t.Fatal(err)
		}
		if got.Status == feed.StatusError {
			t.Fatal(got.Err)
		}
		return got
	}
	refresh()
	// Tamper with both stored rows: a rewrite would restore them.
	if _, err := s.db.Exec(`UPDATE articles SET summary = 'kept'`); err != nil {
		t.Fatal(err)
	}
	if r := refresh(); r.Status != feed.StatusNotModified {
		t.Errorf("identical bytes: %v", r.Status)
	}
	body.Store(doc("second, updated"))
	if r := refresh(); r.Status != feed.StatusOK {
		t.Errorf("changed bytes: %v", r.Status)
	}
	arts, _ := s.Articles(ctx, "top", 0, 10)
	if len(arts) != 2 {
		t.Fatalf("%d articles", len(arts))
	}
	if arts[0].Title != "first" || arts[0].Summary != "kept" {
		t.Errorf("unchanged item was rewritten: %+v", arts[0])
	}
	if arts[1].Title != "second, updated" || arts[1].Summary == "kept" {
		t.Errorf("changed item not rewritten: %+v", arts[1])
	}
	ranked, _ := s.Ranked(ctx, "top", 10)
	if len(ranked) != 2 || ranked[0].Title != "first" {
		t.Errorf("ranking lost unchanged items: %+v", ranked)
	}
	// A new section for the same feed gets every article, changed or not.
	secs = append(secs, feed.Section{Key: "more", Feeds: []string{srv.URL}})
	body.Store(doc("second, again"))
	refresh()
	if n, _ := s.Count(ctx, "more"); n != 2 {
		t.Errorf("new section holds %d articles, want 2", n)
	}
	checkCounts(t, s)
}

// TestCappedFeedSaysSo: the note of a capped fetch is the feed's status.
func TestCappedFeedSaysSo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>Big</title>`)
		for i := range 30 {
			fmt.Fprintf(&b, `<item><title>n%d</title><link>https://cap.test/%d</link><pubDate>Mon, 23 Nov 2026 10:%02d:00 +0000</pubDate></item>`, i, i, i)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	s := openTemp(t)
	if _, err := s.Refresh(ctx, feed.NewFetcher(feed.Options{MaxItems: 10}), []feed.Section{{Key: "top", Feeds: []string{srv.URL}}}, nil); err != nil {
		t.Fatal(err)
	}
	feeds, _ := s.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].Note != "kept newest 10 of 30" || feeds[0].Error != "" {
		t.Errorf("feed status %+v", feeds)
	}
	if n, _ := s.Count(ctx, "top"); n != 10 {
		t.Errorf("%d articles kept", n)
	}
}

// words makes varied text from a made-up vocabulary of 20,000 words, so
// that articles are as unlike each other as real news (discovery's story
// assignment compares each new article with those sharing its terms).
type words struct{ state uint64 }

func newWords(seed uint64) *words { return &words{state: seed*2654435761 + 1} }

func (w *words) next() uint64 {
	w.state ^= w.state << 13
	w.state ^= w.state >> 7
	w.state ^= w.state << 17
	return w.state
}

func (w *words) text(n int) string {
	syll := []string{"ka", "lo", "mi", "ner", "sto", "va", "pel", "ri", "dun", "te", "bra", "ol", "shi", "gu", "fen", "ar", " zo", "qui", "em", "tal"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		v := w.next() % 20000
		for range 3 {
			b.WriteString(strings.TrimSpace(syll[v%uint64(len(syll))]))
			v /= uint64(len(syll))
		}
	}
	return b.String()
}

// A Save reads its articles for the index and the stories before it
// takes the write lock, not holding it: another writer gets the lock at
// once meanwhile.
func TestSaveReadsBeforeTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	calls := 0
	prepareHook = func() {
		calls++
		tx, err := other.Begin()
		if err == nil {
			_, err = tx.Exec("UPDATE feeds SET error = error")
			tx.Rollback()
		}
		if err != nil {
			t.Errorf("another writer while the articles are read: %v", err)
		}
	}
	defer func() { prepareHook = nil }()
	var arts []feed.Article
	for i := range 300 {
		arts = append(arts, art(fmt.Sprintf("g%d", i), fmt.Sprintf("https://many.test/%d", i), fmt.Sprintf("Harbor report %d", i), i))
	}
	mustSave(t, s, ok("https://many.test/feed", arts...), "many")
	if calls == 0 {
		t.Fatal("the articles were not read")
	}
	if n, _ := s.Count(ctx, "many"); n != len(arts) {
		t.Errorf("%d articles saved, want %d", n, len(arts))
	}
}
