package cache

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// BenchmarkPrune1M measures retention on a cache of 1,000,000 articles
// (NEWSREADER_PRUNE_N to change) spread evenly over 60 days in 7 sections,
// with a third read, 1 % starred, 1 % with full text, stories, terms and
// the full-text index kept by the real triggers; keep_days = 30 prunes
// about half. It reports the prune time (bounded transactions), the
// articles pruned, the file before, and after VACUUM (--prune compacts).
// The first run builds the cache once per process in a temporary folder.
//
//	go test ./cache -run '^$' -bench Prune1M -benchtime 1x
func BenchmarkPrune1M(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("NEWSREADER_PRUNE_N")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	template := filepath.Join(dir, "template.db")
	now := time.Now()
	if t := os.Getenv("NEWSREADER_PRUNE_TEMPLATE"); t != "" {
		// A cache built by an earlier run (kept with -test.benchtime 0x
		// style reuse): its articles are dated from when it was built.
		template = t
		fi, err := os.Stat(t)
		if err != nil {
			b.Fatal(err)
		}
		now = fi.ModTime()
	} else {
		start := time.Now()
		buildBig(b, template, n, now)
		b.Logf("built %d articles in %s", n, time.Since(start).Round(time.Second))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, fmt.Sprintf("run%d.db", i))
		copyFile(b, template, path)
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		before := s.FileSize()
		b.StartTimer()
		t0, cpu0 := time.Now(), cpuTime()
		r, err := s.Prune(ctx, 30, now)
		took, cpu := time.Since(t0), cpuTime()-cpu0
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		_, after, err := s.Compact(ctx)
		vac := time.Since(t1)
		if err != nil {
			b.Fatal(err)
		}
		var left int
		s.db.QueryRow("SELECT count(*) FROM articles").Scan(&left)
		s.Close()
		os.Remove(path)
		b.ReportMetric(took.Seconds(), "prune-s")
		b.ReportMetric(cpu.Seconds(), "prune-cpu-s")
		b.ReportMetric(float64(r.Articles), "pruned")
		b.ReportMetric(float64(left), "left")
		b.ReportMetric(float64(before)/(1<<20), "MB-before")
		b.ReportMetric(float64(r.FreedBytes)/(1<<20), "MB-freed")
		b.ReportMetric(float64(after)/(1<<20), "MB-after-vacuum")
		b.ReportMetric(vac.Seconds(), "vacuum-s")
	}
}

// cpuTime is the process's user+system CPU time (what a prune costs,
// whatever else the machine is doing).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func copyFile(b *testing.B, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// buildBig writes a cache of n articles with SQL (the triggers that keep
// counts, the search index and the outbox run as they would).
func buildBig(b *testing.B, path string, n int, now time.Time) {
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	span := int64(60 * 86400)
	stmts := []string{
		`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20)
INSERT INTO feeds(url, title) SELECT 'https://outlet' || i || '.example/feed', 'Outlet ' || i FROM c`,
		fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < %d),
w(k, word) AS (VALUES (0,'council'),(1,'bridge'),(2,'markets'),(3,'storm'),(4,'election'),(5,'orchid'),(6,'hospital'),
	(7,'rail'),(8,'energy'),(9,'budget'),(10,'court'),(11,'school'),(12,'harbour'),(13,'festival'),(14,'trade'),(15,'climate'))
INSERT INTO articles(uid, feed_id, source, title, link, author, published, updated, summary, content, categories,
	fetched_at, read, read_at, starred, story, outlet)
SELECT 'https://outlet' || (1 + i %% 20) || '.example/a/' || i, 1 + i %% 20, 'Outlet ' || (i %% 20),
	(SELECT word FROM w WHERE k = i %% 16) || ' ' || (SELECT word FROM w WHERE k = (i / 16) %% 16) || ' report number ' || i,
	'https://outlet' || (1 + i %% 20) || '.example/a/' || i, 'Reporter ' || (i %% 97),
	%d - (i * %d / %d), %d - (i * %d / %d),
	'<p>' || (SELECT word FROM w WHERE k = (i / 7) %% 16) || ' officials said on Tuesday that the ' || (SELECT word FROM w WHERE k = (i / 3) %% 16) ||
	' plans announced last week would go ahead, despite objections from residents and a review that found the costs had risen by a fifth since the start. Number ' || i || '.</p>',
	'', 'news', %d - (i * %d / %d), (i %% 3 = 0), 0, (i %% 100 = 0), i - i %% 3, 'outlet' || (i %% 20)
FROM c`, n, now.Unix(), span, n, now.Unix(), span, n, now.Unix(), span, n),
		`INSERT INTO article_sections(section, article_id, published, read) SELECT 'sec' || (id % 7), id, published, read FROM articles`,
		`INSERT INTO stories(id, outlets, articles, first, last) SELECT story, count(DISTINCT outlet), count(*), min(published), max(published) FROM articles GROUP BY story`,
		`INSERT INTO article_terms(article_id, terms) SELECT id, 'council 0.41 bridge 0.38 markets 0.30 storm 0.22 election 0.2 report 0.1' FROM articles`,
		`INSERT INTO full_texts(article_id, html, fetched_at) SELECT id, '<p>' || summary || summary || summary || summary || '</p>', fetched_at FROM articles WHERE id % 100 = 7`,
	}
	for _, q := range stmts {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			b.Fatalf("%v\n%s", err, q)
		}
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
}
