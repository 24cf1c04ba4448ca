package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"newsreader/feed"
)

// The test pages mark what they are made of: data-truth="body" on every
// element of the article's body, data-truth="junk" on furniture. The
// attribute plays no part in extraction (Readability scores class and id).
type truth struct{ body, junk []string }

func norm(s string) string { return strings.Join(strings.Fields(feed.Line(s)), " ") }

func readTruth(t testing.TB, page []byte) truth {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var tr truth
	walk(doc, func(n *html.Node) bool {
		switch attr(n, "data-truth") {
		case "body":
			tr.body = append(tr.body, norm(textOf(n)))
			return false
		case "junk":
			// Every text run of a junk element is checked on its own.
			walk(n, func(c *html.Node) bool {
				if c.Type == html.TextNode && len(norm(c.Data)) >= 8 {
					tr.junk = append(tr.junk, norm(c.Data))
				}
				if c.Type == html.ElementNode && c.Parent != nil && (c.Parent.Data == "script" || c.Data == "script") {
					return false
				}
				return true
			})
			return false
		}
		return true
	})
	return tr
}

type score struct {
	page            string
	recall, leak    float64
	missing, leaked []string
	words           int
	elapsed         time.Duration
	html            string
}

func measure(t testing.TB, name string) score {
	page, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tr := readTruth(t, page)
	if len(tr.body) < 5 || len(tr.junk) < 5 {
		t.Fatalf("%s: test page marks %d body and %d junk parts", name, len(tr.body), len(tr.junk))
	}
	base, _ := url.Parse("https://site.example/articles/" + name)
	art, err := Extract(page, base)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got := norm(feed.PlainText(art.HTML))
	s := score{page: name, words: art.Words, elapsed: art.Elapsed, html: art.HTML}
	for _, b := range tr.body {
		if strings.Contains(got, b) {
			s.recall++
		} else {
			s.missing = append(s.missing, b)
		}
	}
	for _, j := range tr.junk {
		if strings.Contains(got, j) {
			s.leak++
			s.leaked = append(s.leaked, j)
		}
	}
	s.recall /= float64(len(tr.body))
	s.leak /= float64(len(tr.junk))
	return s
}

var pages = []string{"news-cms.html", "wordpress.html", "amp.html", "liveblog.html", "table.html", "itemprop.html", "broadcaster.html", "newsletter-platform.html"}

// TestBodyRecallAndBoilerplate extracts every test page and requires the
// whole body back, no boilerplate, and never a script.
func TestBodyRecallAndBoilerplate(t *testing.T) {
	for _, p := range pages {
		s := measure(t, p)
		t.Logf("%-15s recall %.2f  leaked %.2f  words %d", p, s.recall, s.leak, s.words)
		if s.recall < 1 {
			t.Errorf("%s: body parts missing:\n  %s\n--- extracted:\n%s", p, strings.Join(s.missing, "\n  "), s.html)
		}
		if s.leak > 0 {
			t.Errorf("%s: boilerplate leaked:\n  %s\n--- extracted:\n%s", p, strings.Join(s.leaked, "\n  "), s.html)
		}
		low := strings.ToLower(s.html)
		if p == "table.html" && strings.Contains(low, "<td") {
			t.Errorf("%s: a table cell outside its table:\n%s", p, s.html)
		}
		for _, bad := range []string{"<script", "script-marker", "ldjson-marker", "<style", "<form", "<input", "<iframe", "onclick", "onload", "javascript:", "<amp-", "data-truth", "class="} {
			if strings.Contains(low, bad) {
				t.Errorf("%s: %q in the extracted HTML", p, bad)
			}
		}
	}
}

// TestCleanupEarnsItsKeep measures Readability alone on the same pages:
// the furniture it keeps is what the clean-up removes.
func TestCleanupEarnsItsKeep(t *testing.T) {
	cleanup = false
	defer func() { cleanup = true }()
	leaked, recall := 0, 0.0
	for _, p := range pages {
		s := measure(t, p)
		t.Logf("without the clean-up: %-15s recall %.2f  leaked %.2f  %q", p, s.recall, s.leak, s.leaked)
		leaked += len(s.leaked)
		recall += s.recall
	}
	if leaked == 0 {
		t.Error("Readability alone leaks nothing on these pages: they do not test the clean-up")
	}
	t.Logf("without the clean-up: mean recall %.2f, %d boilerplate strings leaked", recall/float64(len(pages)), leaked)
}

func TestCaptionsKeepTextLoseLicensingLinks(t *testing.T) {
	s := measure(t, "news-cms.html")
	if !strings.Contains(s.html, "New cables were lifted into place in March.") || !strings.Contains(s.html, "Photo: City Council") || strings.Contains(s.html, "creativecommons") {
		t.Errorf("caption:\n%s", s.html)
	}
	if !strings.Contains(s.html, `<img src="https://site.example/img/cables.jpg" alt="New cables being lifted into place"/>`) {
		t.Errorf("image not kept with an absolute address:\n%s", s.html)
	}
	wp := measure(t, "wordpress.html")
	if !strings.Contains(wp.html, "The hooch layer after two weeks. Image: Hannah Bell") || strings.Contains(wp.html, "licensed") {
		t.Errorf("caption:\n%s", wp.html)
	}
	amp := measure(t, "amp.html")
	if !strings.Contains(amp.html, `<img src="https://site.example/images/orchid.jpg"`) {
		t.Errorf("amp-img not turned into an image:\n%s", amp.html)
	}
}

// hostile serves pages through a real loopback server.
func TestFetchThroughTheHardenedClient(t *testing.T) {
	big := strings.Repeat("<p>"+strings.Repeat("filler words ", 40)+"</p>\n", 12000) // ~6 MB
	page, _ := os.ReadFile("testdata/wordpress.html")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/post":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><article>"+big+"</article></body></html>")
		case "/moved":
			http.Redirect(w, r, "javascript:alert(1)", http.StatusFound)
		case "/empty":
			fmt.Fprint(w, "<html><body><nav><a href=/>home</a></nav></body></html>")
		default:
			http.Error(w, "\x1b[31mno such page\x1b[0m", http.StatusNotFound)
		}
	}))
	defer srv.Close()
	f := feed.NewFetcher(feed.Options{})
	ctx := context.Background()
	art, err := Fetch(ctx, f, srv.URL+"/post")
	if err != nil || !strings.Contains(art.HTML, "The lesson is that a starter") || art.Title == "" {
		t.Errorf("post: %v %q", err, art.Title)
	}
	if _, err := Fetch(ctx, f, srv.URL+"/huge"); !errors.Is(err, feed.ErrTooLarge) {
		t.Errorf("page over the size cap: %v", err)
	}
	if _, err := Fetch(ctx, f, srv.URL+"/moved"); err == nil {
		t.Error("redirect to javascript: followed")
	}
	if _, err := Fetch(ctx, f, srv.URL+"/empty"); err == nil {
		t.Error("a page with no text gave an article")
	}
	if _, err := Fetch(ctx, f, srv.URL+"/missing"); err == nil || strings.ContainsRune(err.Error(), 0x1b) || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: %v", err)
	}
	if _, err := Fetch(ctx, f, "file:///etc/passwd"); err == nil {
		t.Error("file: URL fetched")
	}
	if _, err := Fetch(ctx, feed.NewFetcher(feed.Options{Offline: true}), srv.URL+"/post"); !errors.Is(err, feed.ErrOffline) {
		t.Errorf("offline: %v", err)
	}
}

// BenchmarkExtract reports the median extraction time per test page.
func BenchmarkExtract(b *testing.B) {
	var bodies [][]byte
	for _, p := range pages {
		data, _ := os.ReadFile(filepath.Join("testdata", p))
		bodies = append(bodies, data)
	}
	base, _ := url.Parse("https://site.example/a")
	var times []time.Duration
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		body := bodies[i%len(bodies)]
		start := time.Now()
		if _, err := Extract(body, base); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	cpu := cpuTime() - cpu0
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs/article")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}

// cpuTime is the process's user+system CPU time, steadier than the wall
// clock on a busy machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Pathological pages end in an error or an article, never a crash or a hang.
func TestPathologicalPages(t *testing.T) {
	base, _ := url.Parse("https://site.example/x")
	deep := strings.Repeat("<div>", 40000) + "<p>" + strings.Repeat("deep words ", 100) + "</p>" + strings.Repeat("</div>", 40000)
	many := "<html><body><article>" + strings.Repeat("<span>x</span>", 150000) + "</article></body></html>"
	for name, page := range map[string]string{"deep": deep, "many elements": many, "empty": "", "binary": "\x00\x01\x02\xff"} {
		start := time.Now()
		art, err := Extract([]byte(page), base)
		t.Logf("%s: %d words, %v in %s", name, art.Words, err, time.Since(start).Round(time.Millisecond))
		if err == nil && art.Words == 0 {
			t.Errorf("%s: an article with no words", name)
		}
	}
}

// An article whose address gives a file (a PDF, a podcast's audio, bytes
// with no label) is no page to extract: a clear error naming what it is,
// never its bytes shown as text. HTML is extracted however it is labelled.
func TestFetchRefusesFiles(t *testing.T) {
	page, _ := os.ReadFile("testdata/wordpress.html")
	noise := make([]byte, 4000)
	for i := range noise {
		noise[i] = byte(i*131 + i/7) // no text, no known signature
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(append([]byte("%PDF-1.7\n"), noise...))
		case "/download.php":
			// A download script passing on PHP finfo's type.
			w.Header().Set("Content-Type", "application/pdf; charset=binary")
			w.Write(append([]byte("%PDF-1.4\n"), noise...))
		case "/ep1.mp3":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(append([]byte("ID3\x03\x00\x00\x00\x00\x00\x00"), noise...))
		case "/blob":
			w.Header()["Content-Type"] = nil // not even Go's sniffing
			w.Write(noise)
		case "/photo":
			w.Header().Set("Content-Type", "image/jpeg")
			w.Write(noise)
		case "/post-as-bytes":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(page)
		case "/post-as-xhtml":
			w.Header().Set("Content-Type", "application/xhtml+xml; charset=utf-8")
			w.Write(page)
		}
	}))
	defer srv.Close()
	f := feed.NewFetcher(feed.Options{})
	ctx := context.Background()
	for path, kind := range map[string]string{"/report.pdf": "application/pdf", "/download.php": "application/pdf", "/ep1.mp3": "audio/mpeg", "/blob": "a file", "/photo": "image/jpeg"} {
		art, err := Fetch(ctx, f, srv.URL+path)
		if !errors.Is(err, ErrNotAPage) || !strings.Contains(err.Error(), "gives "+kind) || strings.Contains(err.Error(), "\x1b") || art.HTML != "" {
			t.Errorf("%s: %v, %d bytes of text", path, err, len(art.HTML))
		}
	}
	for _, path := range []string{"/post-as-bytes", "/post-as-xhtml"} {
		if art, err := Fetch(ctx, f, srv.URL+path); err != nil || !strings.Contains(art.HTML, "The lesson is that a starter") {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// A page served with no Content-Type, or as bytes, whose markup opens
// with a tag the sniffer does not know (<meta charset>, <main>) sniffs as
// plain text: it is text, and is extracted, not refused as a file.
func TestFetchReadsUnlabelledPagesSniffedAsText(t *testing.T) {
	page, _ := os.ReadFile("testdata/wordpress.html")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/meta":
			w.Header()["Content-Type"] = nil
			w.Write(append([]byte("<meta charset=\"utf-8\">\n"), page...))
		case "/main":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(append([]byte("<main>\n"), page...))
		}
	}))
	defer srv.Close()
	f := feed.NewFetcher(feed.Options{})
	for _, path := range []string{"/meta", "/main"} {
		if art, err := Fetch(context.Background(), f, srv.URL+path); err != nil || !strings.Contains(art.HTML, "The lesson is that a starter") {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// A file larger than a page may be (a podcast's episode, a long PDF: most
// of them) is refused naming what it is, as a small one is, whether its
// length is announced or not; a page over the cap is still too large.
func TestFetchRefusesLargeFiles(t *testing.T) {
	big := make([]byte, MaxPage+1<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/episode.mp3":
			w.Header().Set("Content-Type", "audio/mpeg")
		case "/streamed.pdf": // no Content-Length: sent in chunks
			w.Header().Set("Content-Type", "application/pdf")
			w.(http.Flusher).Flush()
		case "/huge-page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write(big)
	}))
	defer srv.Close()
	f := feed.NewFetcher(feed.Options{})
	for path, kind := range map[string]string{"/episode.mp3": "audio/mpeg", "/streamed.pdf": "application/pdf"} {
		if _, err := Fetch(context.Background(), f, srv.URL+path); !errors.Is(err, ErrNotAPage) || !strings.Contains(err.Error(), "gives "+kind) {
			t.Errorf("%s: %v", path, err)
		}
	}
	if _, err := Fetch(context.Background(), f, srv.URL+"/huge-page"); !errors.Is(err, feed.ErrTooLarge) || errors.Is(err, ErrNotAPage) {
		t.Errorf("/huge-page: %v", err)
	}
}
