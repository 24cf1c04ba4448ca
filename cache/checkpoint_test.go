package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"newsreader/feed"
)

// A refresh's log is copied into the database as it goes, by the
// checkpointer, and started again once long (restartFrames): 80 feeds
// saved in as many transactions leave a log far smaller than the
// database, every article stored. Without the checkpointer the log holds
// every page written; without the restart it grows while the next
// transaction writes.
func TestRefreshCheckpointsAsItGoes(t *testing.T) {
	budget, every, restart, from := TxBudget, checkpointEvery, restartFrames, checkpointFrom
	// A transaction a feed, a checkpoint after each from the third
	// feed on, the log started again past 400 KB.
	TxBudget, checkpointEvery, restartFrames, checkpointFrom = 0, 0, 100, 50
	t.Cleanup(func() { TxBudget, checkpointEvery, restartFrames, checkpointFrom = budget, every, restart, from })
	w := newWords(7)
	bodies := map[string]string{}
	for f := range 80 {
		var b strings.Builder
		fmt.Fprintf(&b, `<rss version="2.0"><channel><title>Feed %d</title>`, f)
		for i := range 25 {
			fmt.Fprintf(&b, `<item><title>%s</title><link>https://cp.test/%d/%d</link><pubDate>Mon, 23 Nov 2026 %02d:%02d:00 +0000</pubDate><description>%s</description></item>`,
				w.text(8), f, i, i%24, f, w.text(300))
		}
		b.WriteString(`</channel></rss>`)
		bodies[fmt.Sprintf("/%d.xml", f)] = b.String()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, bodies[r.URL.Path])
	}))
	defer srv.Close()
	var urls []string
	for p := range bodies {
		urls = append(urls, srv.URL+p)
	}
	s := openTemp(t)
	f := feed.NewFetcher(feed.Options{Workers: 1}) // one feed at a time: a commit each
	if _, err := s.Refresh(ctx, f, []feed.Section{{Key: "top", Feeds: urls}}, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, "top"); n != 80*25 {
		t.Fatalf("%d articles stored, want %d", n, 80*25)
	}
	db, err1 := os.Stat(s.path)
	wal, err2 := os.Stat(s.path + "-wal")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if wal.Size() > db.Size()/2 {
		t.Fatalf("log %d bytes, database %d: the refresh did not checkpoint as it went", wal.Size(), db.Size())
	}
	t.Logf("log %d bytes, database %d", wal.Size(), db.Size())
}

// Once the log is past restartFrames, a commit copies what the
// checkpointer has not, so that the next transaction starts the log again
// from its beginning (a checkpoint that runs while the next transaction
// writes never lets it).
func TestLongLogStartsAgain(t *testing.T) {
	restart := restartFrames
	restartFrames = 10
	t.Cleanup(func() { restartFrames = restart })
	s := openTemp(t)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec("PRAGMA wal_autocheckpoint = 0")
	exec("CREATE TABLE filler(x BLOB)")
	for range 30 {
		exec("INSERT INTO filler VALUES (randomblob(8000))")
	}
	c := s.startCheckpointer(ctx)
	defer c.stop()
	// The checkpointer copies the 30 transactions while the next one
	// writes, and that one commits after.
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO filler VALUES (randomblob(8000))"); err != nil {
		t.Fatal(err)
	}
	c.committed(ctx, conn)
	for c.log.Load() < restartFrames {
		time.Sleep(5 * time.Millisecond)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	c.committed(ctx, conn)
	exec("INSERT INTO filler VALUES (randomblob(8000))")
	other, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var busy, log, done int64
	if err := other.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &done); err != nil {
		t.Fatal(err)
	}
	if log > 8 {
		t.Errorf("the log holds %d frames after a long one was copied: it did not start again", log)
	}
}
