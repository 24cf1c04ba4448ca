// Package bench holds whole-process benchmarks of the newsreader binary:
// listing from a 100,000-article cache, and cold and warm refreshes of
// 200 feeds x 100 items served by a loopback load generator.
//
//	go test ./bench -run '^$' -bench . -benchtime 10x -count 5
package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// A binary built once per benchmark run.
type built struct {
	once sync.Once
	path string
	err  error
}

func (x *built) get(b *testing.B, name string, tags ...string) string {
	x.once.Do(func() {
		dir, err := os.MkdirTemp("", "newsreader-bench-")
		if err != nil {
			x.err = err
			return
		}
		x.path = filepath.Join(dir, name)
		args := []string{"build", "-o", x.path}
		if len(tags) > 0 {
			args = append(args, "-tags", strings.Join(tags, ","))
		}
		if out, err := exec.Command("go", append(args, "..")...).CombinedOutput(); err != nil {
			x.err = fmt.Errorf("%v: %s", err, out)
		}
	})
	if x.err != nil {
		b.Fatal(x.err)
	}
	return x.path
}

var (
	reader, engine built
	// engineOnly: the binary run is built with -tags noindex (saves
	// without the full-text index and stories), for the *EngineOnly
	// benchmarks, which measure what discovery adds.
	engineOnly bool
)

// withEngineOnly runs f with the engine-only binary.
func withEngineOnly(f func(*testing.B)) func(*testing.B) {
	return func(b *testing.B) {
		engineOnly = true
		defer func() { engineOnly = false }()
		f(b)
	}
}

// newsreaderBinary is the binary the benchmarks run.
func newsreaderBinary(b *testing.B) string {
	if engineOnly {
		return engine.get(b, "newsreader-noindex", "noindex")
	}
	return reader.get(b, "newsreader")
}

// reportRSS reports the peak RSS, or, when it could not be measured (no
// GNU time), says so instead of reporting 0, which benchstat would take
// for a measurement.
func reportRSS(b *testing.B, mb float64) {
	if mb <= 0 {
		b.Log("peak RSS not measured: install GNU time (/usr/bin/time, Debian package \"time\")")
		return
	}
	b.ReportMetric(mb, "peakRSS-MB")
}

// runBinary runs the binary and returns its peak RSS in MB, read by GNU
// time (Debian package "time") when present, else 0. (The rusage Go gets
// from wait4 would include this benchmark process's own memory: the child
// is cloned from it before exec.)
func runBinary(b *testing.B, args ...string) float64 {
	name, full := newsreaderBinary(b), args
	timeBin, timeErr := exec.LookPath("/usr/bin/time")
	if timeErr == nil {
		name, full = timeBin, append([]string{"-f", "maxrss %M", newsreaderBinary(b)}, args...)
	}
	var stdout, stderr strings.Builder
	cmd := exec.Command(name, full...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s%s", args, err, stdout.String(), stderr.String())
	}
	var kb float64
	for _, l := range strings.Split(stderr.String(), "\n") {
		fmt.Sscanf(l, "maxrss %f", &kb)
	}
	return kb / 1024
}

func writeConfig(b *testing.B, dir string, sections map[string][]string) string {
	var sb strings.Builder
	sb.WriteString("site = \"Bench\"\n")
	for key, feeds := range sections {
		fmt.Fprintf(&sb, "[[sections]]\nkey = %q\nfeeds = [", key)
		for i, f := range feeds {
			if i > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "%q", f)
		}
		sb.WriteString("]\n")
	}
	p := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BigCache fills a cache with n articles through the ordinary Save path,
// spread over secs feed by feed.
func BigCache(b *testing.B, path string, n int, secs ...string) {
	s, err := cache.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	base := time.Now()
	const perFeed = 1000
	for f := 0; f*perFeed < n; f++ {
		arts := make([]feed.Article, 0, perFeed)
		for i := range perFeed {
			k := f*perFeed + i
			p := base.Add(-time.Duration(k) * time.Minute)
			arts = append(arts, feed.Article{
				ID: fmt.Sprintf("bench-%d", k), Link: fmt.Sprintf("https://bench.test/%d", k), Source: "Bench",
				Title: fmt.Sprintf("Generated headline number %d about markets and rates", k), Author: "Bench Writer",
				Published: p, Updated: p, Summary: "<p>A short generated summary for the benchmark.</p>",
				Content: "<p>" + strings.Repeat("Generated body text. ", 40) + "</p>",
			})
		}
		res := feed.Result{URL: fmt.Sprintf("https://bench.test/feed%d.rss", f), Status: feed.StatusOK, Title: "Bench", Articles: arts}
		if err := s.Save(context.Background(), res, cache.Membership{Sections: []string{secs[f%len(secs)]}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListProcess: exec, open the cache, print 50 markets articles, exit.
func BenchmarkListProcess(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "cache.db")
	BigCache(b, db, 100_000, "top", "world", "business", "markets", "technology")
	cfg := writeConfig(b, dir, map[string][]string{"markets": {"https://bench.test/feed3.rss"}})
	runBinary(b, "--config", cfg, "--cache", db, "--offline", "--list", "--section", "markets") // warm the page cache
	var rss float64
	b.ResetTimer()
	for b.Loop() {
		rss = max(rss, runBinary(b, "--config", cfg, "--cache", db, "--offline", "--list", "--section", "markets"))
	}
	reportRSS(b, rss)
}

// loadGenerator serves feeds feeds of items items each on several
// loopback addresses, with ETags so a second fetch gets 304s. It returns
// the feed URLs.
func loadGenerator(b *testing.B, feeds, items int) []string {
	body := func(f int) []byte {
		var sb strings.Builder
		fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Load feed %d</title>`, f)
		for i := range items {
			fmt.Fprintf(&sb, `<item><title>Load feed %d item %d: a generated headline</title><link>https://load.test/%d/%d</link><guid>https://load.test/%d/%d</guid><pubDate>%s</pubDate><description>&lt;p&gt;Generated summary text for the load test, item %d.&lt;/p&gt;</description></item>`,
				f, i, f, i, f, i, time.Now().Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z), i)
		}
		sb.WriteString(`</channel></rss>`)
		return []byte(sb.String())
	}
	bodies := make([][]byte, feeds)
	for f := range bodies {
		bodies[f] = body(f)
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d.rss", &f); err != nil || f >= feeds {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"f%d"`, f)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(bodies[f])
	})
	const hosts = 8
	var bases []string
	for h := 1; h <= hosts; h++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", h))
		if err != nil {
			b.Fatal(err)
		}
		srv := &http.Server{Handler: handler}
		go srv.Serve(ln)
		b.Cleanup(func() { srv.Close() })
		bases = append(bases, "http://"+ln.Addr().String())
	}
	urls := make([]string, feeds)
	for f := range urls {
		urls[f] = fmt.Sprintf("%s/feed/%d.rss", bases[f%hosts], f)
	}
	return urls
}

// BenchmarkRefreshCold: a whole --refresh process into an empty cache.
func BenchmarkRefreshCold(b *testing.B) {
	dir := b.TempDir()
	cfg := writeConfig(b, dir, map[string][]string{"top": loadGenerator(b, 200, 100)})
	var rss float64
	i := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(dir, fmt.Sprintf("cold%d.db", i))
		i++
		b.StartTimer()
		rss = max(rss, runBinary(b, "--config", cfg, "--cache", db, "--refresh"))
		b.StopTimer()
		reportCacheSize(b, db)
		b.StartTimer()
	}
	reportRSS(b, rss)
}

// reportCacheSize reports the cache's size on disk after a refresh (the
// database, with its log checkpointed into it), as cache-MB: the
// EngineOnly variants show what the index and stories take.
func reportCacheSize(b *testing.B, path string) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(st.Size())/(1<<20), "cache-MB")
}

// BenchmarkRefreshWarm: a whole --refresh process where every feed answers 304.
// BenchmarkRefreshColdEngineOnly is BenchmarkRefreshCold without the
// full-text index and story assignment (a -tags noindex build): the
// difference is what discovery adds to a cold refresh.
func BenchmarkRefreshColdEngineOnly(b *testing.B) { withEngineOnly(BenchmarkRefreshCold)(b) }

func BenchmarkRefreshWarm(b *testing.B) {
	dir := b.TempDir()
	cfg := writeConfig(b, dir, map[string][]string{"top": loadGenerator(b, 200, 100)})
	db := filepath.Join(dir, "warm.db")
	runBinary(b, "--config", cfg, "--cache", db, "--refresh")
	var rss float64
	b.ResetTimer()
	for b.Loop() {
		rss = max(rss, runBinary(b, "--config", cfg, "--cache", db, "--refresh"))
	}
	reportRSS(b, rss)
}

// BenchmarkFirstFrameProcess: from exec of the reader in a 120x40 tmux
// pane, over a 100,000-article section, to the first full screen (the
// headline count and the first article's title both drawn). The pane is
// polled with capture-pane every millisecond, so figures carry that grain.
func BenchmarkFirstFrameProcess(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux not installed")
	}
	dir := b.TempDir()
	db := filepath.Join(dir, "cache.db")
	BigCache(b, db, 100_000, "markets")
	cfg := writeConfig(b, dir, map[string][]string{"markets": {"https://bench.test/feed3.rss"}})
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			b.Fatalf("tmux %v: %v: %s", args, err, out)
		}
		return string(out)
	}
	tmux("new-session", "-d", "-s", "ff", "-x", "120", "-y", "40", "sleep 600")
	b.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })
	cmd := newsreaderBinary(b) + " --config " + cfg + " --cache " + db + " --offline --section markets"
	var rss float64
	b.ResetTimer()
	for b.Loop() {
		tmux("respawn-pane", "-k", "-t", "ff", cmd)
		deadline := time.Now().Add(10 * time.Second)
		for {
			scr := tmux("capture-pane", "-p", "-t", "ff")
			if strings.Contains(scr, "Headlines 1/100000") && strings.Contains(scr, "Generated headline number 0 about") {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("no full first frame:\n%s", scr)
			}
			time.Sleep(time.Millisecond)
		}
		b.StopTimer()
		if pid := strings.TrimSpace(tmux("display-message", "-p", "-t", "ff", "#{pane_pid}")); pid != "" {
			if status, err := os.ReadFile("/proc/" + pid + "/status"); err == nil {
				for _, l := range strings.Split(string(status), "\n") {
					var kb float64
					if _, err := fmt.Sscanf(l, "VmHWM: %f kB", &kb); err == nil {
						rss = max(rss, kb/1024)
					}
				}
			}
		}
		tmux("respawn-pane", "-k", "-t", "ff", "sleep 600")
		b.StartTimer()
	}
	reportRSS(b, rss)
}
