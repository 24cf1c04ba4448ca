package bench

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/sitetext"
)

// The 500 x 100 single-host site of issue 8: 500 feeds of 100 news items
// each, every item carrying 1-3 KB of HTML, all on one loopback host.
//
//	go test ./bench -run '^$' -bench 'Site' -benchtime 3x -count 3
const siteFeeds, siteItems = 500, 100

// siteBody is feed f of the generated site: RSS 2.0 with the media, dc and
// content namespaces, items of 1-3 KB HTML (feed/sitetext: made-up words,
// some recurring far more than others, as the words of real news do); a
// third carry media:thumbnail, a third an image enclosure, the rest only
// an <img> inside the HTML.
func siteBody(f, items int) []byte {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Section %d | The Bench Courier</title><link>https://site.test/section/%d</link><description>News from section %d</description>
`, f, f, f)
	base := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for i := range items {
		k := f*items + i
		sb.WriteString("<item>")
		fmt.Fprintf(&sb, "<title>%s</title>", sitetext.Title(k))
		fmt.Fprintf(&sb, "<link>https://site.test/news/%d/%d-story</link><guid isPermaLink=\"true\">https://site.test/news/%d/%d-story</guid>", f, i, f, i)
		fmt.Fprintf(&sb, "<pubDate>%s</pubDate>", base.Add(-time.Duration(k)*time.Minute).Format(time.RFC1123Z))
		fmt.Fprintf(&sb, "<dc:creator>Reporter %d</dc:creator><category>Section %d</category>", k%37, f)
		switch i % 3 {
		case 0:
			fmt.Fprintf(&sb, `<media:thumbnail url="https://img.site.test/%d/%d.jpg" width="240" height="135"/>`, f, i)
		case 1:
			fmt.Fprintf(&sb, `<enclosure url="https://img.site.test/%d/%d.jpg" type="image/jpeg" length="12345"/>`, f, i)
		}
		sb.WriteString("<description><![CDATA[")
		sb.WriteString(sitetext.Site(k))
		sb.WriteString("]]></description>")
		sb.WriteString("</item>\n")
	}
	sb.WriteString("</channel></rss>\n")
	return []byte(sb.String())
}

var siteBodies = func() func() [][]byte {
	var bodies [][]byte
	return func() [][]byte {
		if bodies == nil {
			for f := range siteFeeds {
				bodies = append(bodies, siteBody(f, siteItems))
			}
		}
		return bodies
	}
}()

// siteServer serves the site on one loopback host. With validators it
// sends an ETag and answers a matching If-None-Match with 304; without,
// it sends the same bytes every time and no validators at all.
func siteServer(b *testing.B, validators bool) []string {
	bodies := siteBodies()
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d.rss", &f); err != nil || f < 0 || f >= len(bodies) {
			http.NotFound(w, r)
			return
		}
		if validators {
			etag := fmt.Sprintf(`"s%d"`, f)
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(bodies[f])
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Close() })
	urls := make([]string, len(bodies))
	for f := range urls {
		urls[f] = fmt.Sprintf("http://%s/feed/%d.rss", ln.Addr(), f)
	}
	return urls
}

// siteConfig spreads the site's feeds over ten sections, as a news site's
// section feeds would be.
func siteConfig(b *testing.B, dir string, urls []string) string {
	secs := map[string][]string{}
	for i, u := range urls {
		k := fmt.Sprintf("s%d", i%10)
		secs[k] = append(secs[k], u)
	}
	return writeConfig(b, dir, secs)
}

// report adds the process figures: peak RSS, and CPU (user+system) in
// all and per item.
func report(b *testing.B, rss float64, cpu []time.Duration) {
	b.ReportMetric(rss, "peakRSS-MB")
	if len(cpu) > 0 {
		var sum time.Duration
		for _, c := range cpu {
			sum += c
		}
		avg := sum / time.Duration(len(cpu))
		b.ReportMetric(avg.Seconds(), "cpu-s/op")
		b.ReportMetric(float64(avg.Microseconds())/1000/float64(siteFeeds*siteItems), "cpu-ms/item")
	}
}

// BenchmarkSiteRefreshCold: a whole --refresh process of the 500 x 100
// site into an empty cache.
func BenchmarkSiteRefreshCold(b *testing.B) {
	dir := b.TempDir()
	cfg := siteConfig(b, dir, siteServer(b, true))
	var rss float64
	var cpu []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(dir, fmt.Sprintf("cold%d.db", i))
		i++
		b.StartTimer()
		r, c := runBinaryCPU(b, "--config", cfg, "--cache", db, "--refresh")
		rss, cpu = max(rss, r), append(cpu, c)
		b.StopTimer()
		reportCacheSize(b, db)
		b.StartTimer()
	}
	report(b, rss, cpu)
}

// BenchmarkSiteRefreshColdEngineOnly is the cold site refresh without the
// full-text index and stories (see BenchmarkRefreshColdEngineOnly).
func BenchmarkSiteRefreshColdEngineOnly(b *testing.B) { withEngineOnly(BenchmarkSiteRefreshCold)(b) }

// BenchmarkSiteRefreshWarm: the same site again, every feed answering 304.
func BenchmarkSiteRefreshWarm(b *testing.B) { siteRefreshAgain(b, true) }

// BenchmarkSiteRefreshIdentical: the server ignores validators and sends
// the same bytes again for every feed.
func BenchmarkSiteRefreshIdentical(b *testing.B) { siteRefreshAgain(b, false) }

// siteRefreshAgain refreshes a cache that already holds the whole site,
// from a server that answers validators or not.
func siteRefreshAgain(b *testing.B, validators bool) {
	dir := b.TempDir()
	cfg := siteConfig(b, dir, siteServer(b, validators))
	db := filepath.Join(dir, "again.db")
	runBinaryCPU(b, "--config", cfg, "--cache", db, "--refresh")
	var rss float64
	var cpu []time.Duration
	b.ResetTimer()
	for b.Loop() {
		r, c := runBinaryCPU(b, "--config", cfg, "--cache", db, "--refresh")
		rss, cpu = max(rss, r), append(cpu, c)
	}
	report(b, rss, cpu)
}

// BenchmarkSiteGofeedParse is the floor the issue measures against: a bare
// gofeed.Parser.Parse loop over the same 500 bodies, on one goroutine.
// Its CPU time (user+system, from getrusage) is what refresh's CPU is
// compared with.
func BenchmarkSiteGofeedParse(b *testing.B) {
	bodies := siteBodies()
	runtime.GC()
	var cpu []time.Duration
	b.ResetTimer()
	for b.Loop() {
		before := processCPU()
		p := gofeed.NewParser()
		for _, body := range bodies {
			if _, err := p.Parse(bytes.NewReader(body)); err != nil {
				b.Fatal(err)
			}
		}
		cpu = append(cpu, processCPU()-before)
	}
	b.StopTimer()
	var sum time.Duration
	for _, c := range cpu {
		sum += c
	}
	avg := sum / time.Duration(len(cpu))
	b.ReportMetric(avg.Seconds(), "cpu-s/op")
	b.ReportMetric(float64(avg.Microseconds())/1000/float64(siteFeeds*siteItems), "cpu-ms/item")
}

// processCPU is this process's user+system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSiteRefreshInProcess is the cold refresh in this process, for
// -cpuprofile (the server's share of the profile is net/http serving
// bytes from memory).
func BenchmarkSiteRefreshInProcess(b *testing.B) {
	urls := siteServer(b, true)
	secs := make([]feed.Section, 10)
	for i := range secs {
		secs[i].Key = fmt.Sprintf("s%d", i)
	}
	for i, u := range urls {
		secs[i%10].Feeds = append(secs[i%10].Feeds, u)
	}
	if n, _ := strconv.Atoi(os.Getenv("SITE_FEEDS")); n > 0 && n < len(urls) {
		for i := range secs { // profile a smaller site: SITE_FEEDS=100
			secs[i].Feeds = secs[i].Feeds[:0]
		}
		for i, u := range urls[:n] {
			secs[i%10].Feeds = append(secs[i%10].Feeds, u)
		}
	}
	refreshInProcess(b, secs)
}

// refreshInProcess refreshes secs into a new cache in this process, once
// per iteration; only the refresh is timed.
func refreshInProcess(b *testing.B, secs []feed.Section) {
	want := 0
	for _, s := range secs {
		want += len(s.Feeds)
	}
	dir := b.TempDir()
	i := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		st, err := cache.Open(filepath.Join(dir, fmt.Sprintf("inproc%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		i++
		b.StartTimer()
		sum, err := st.Refresh(context.Background(), feed.NewFetcher(feed.Options{}), secs, nil)
		if err != nil || sum.OK != want {
			b.Fatalf("%+v %v", sum, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// runBinaryCPU is runBinary that also returns the process's user+system
// CPU time, read by GNU time.
func runBinaryCPU(b *testing.B, args ...string) (float64, time.Duration) {
	timeBin, err := exec.LookPath("/usr/bin/time")
	if err != nil {
		return runBinary(b, args...), 0
	}
	var stdout, stderr strings.Builder
	cmd := exec.Command(timeBin, append([]string{"-f", "maxrss %M cpu %U %S", newsreaderBinary(b)}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s%s", args, err, stdout.String(), stderr.String())
	}
	if strings.Contains(stdout.String(), "error ") {
		b.Fatalf("a feed failed:\n%s", stdout.String())
	}
	var kb, user, sys float64
	for _, l := range strings.Split(stderr.String(), "\n") {
		fmt.Sscanf(l, "maxrss %f cpu %f %f", &kb, &user, &sys)
	}
	return kb / 1024, time.Duration((user + sys) * float64(time.Second))
}

// BenchmarkLoadRefreshInProcess is BenchmarkRefreshCold's 200 x 100 load
// in this process, for -cpuprofile (with -tags noindex: the engine only).
func BenchmarkLoadRefreshInProcess(b *testing.B) {
	refreshInProcess(b, []feed.Section{{Key: "top", Feeds: loadGenerator(b, 200, 100)}})
}
