package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// rssDoc builds a small RSS document with n items whose titles start with prefix.
func rssDoc(prefix string, n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>` + prefix + `</title>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>%s %d</title><link>https://example.test/%s/%d</link><pubDate>Mon, 23 Nov 2026 10:%02d:00 +0000</pubDate></item>`, prefix, i, prefix, i, i%60)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func fetchOne(t *testing.T, f *Fetcher, req Request) Result {
	t.Helper()
	return f.Fetch(context.Background(), req)
}

func TestConditionalGET(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Mon, 23 Nov 2026 10:00:00 GMT" {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT")
		fmt.Fprint(w, rssDoc("cond", 3))
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	first := fetchOne(t, f, Request{URL: srv.URL})
	if first.Status != StatusOK || len(first.Articles) != 3 || first.ETag != `"v1"` || first.LastModified == "" {
		t.Fatalf("first fetch: %+v", first)
	}
	second := fetchOne(t, f, Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified})
	if second.Status != StatusNotModified || second.Articles != nil || second.Err != nil {
		t.Fatalf("second fetch: %+v", second)
	}
	if second.ETag != `"v1"` {
		t.Errorf("validators lost on 304: %+v", second)
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("server saw %d full and %d conditional requests", full.Load(), notModified.Load())
	}
}

// listenOn starts a server on a specific loopback address so tests can
// have several "hosts".
func listenOn(t *testing.T, ip string, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestConcurrencyBounds(t *testing.T) {
	var mu sync.Mutex
	inFlight, maxAll := 0, 0
	perHost, maxHost := map[string]int{}, map[string]int{}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.Host)
		mu.Lock()
		inFlight++
		perHost[host]++
		maxAll = max(maxAll, inFlight)
		maxHost[host] = max(maxHost[host], perHost[host])
		mu.Unlock()
		time.Sleep(40 * time.Millisecond)
		mu.Lock()
		inFlight--
		perHost[host]--
		mu.Unlock()
		fmt.Fprint(w, rssDoc("c", 1))
	})
	var reqs []Request
	for _, ip := range []string{"127.0.0.1", "127.0.0.2", "127.0.0.3"} {
		base := listenOn(t, ip, handler)
		for i := range 8 {
			reqs = append(reqs, Request{URL: fmt.Sprintf("%s/feed%d.xml", base, i)})
		}
	}
	f := NewFetcher(Options{Workers: 5, PerHost: 2})
	got := 0
	f.FetchAll(context.Background(), reqs, func(r Result) {
		if r.Status != StatusOK {
			t.Errorf("%s: %v", r.URL, r.Err)
		}
		got++
	})
	if got != len(reqs) {
		t.Fatalf("got %d results for %d feeds", got, len(reqs))
	}
	if maxAll > 5 {
		t.Errorf("%d requests in flight at once, limit 5", maxAll)
	}
	if maxAll < 3 {
		t.Errorf("at most %d requests at once: feeds on different hosts should overlap", maxAll)
	}
	for h, m := range maxHost {
		if m > 2 {
			t.Errorf("host %s saw %d requests at once, limit 2", h, m)
		}
	}
}

func TestSlowFeedTimesOutOthersFinish(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.WriteHeader(200)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
		w.(http.Flusher).Flush()
		select { // headers sent, body stalls
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	fast := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rssDoc("fast", 2))
	}))
	defer fast.Close()
	f := NewFetcher(Options{Timeout: 300 * time.Millisecond})
	results := map[string]Result{}
	start := time.Now()
	f.FetchAll(context.Background(), []Request{{URL: slow.URL + "/slow"}, {URL: fast.URL + "/a"}, {URL: fast.URL + "/b"}}, func(r Result) {
		results[r.URL] = r
	})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("refresh took %v: the timeout did not fire", took)
	}
	if r := results[slow.URL+"/slow"]; r.Status != StatusError || r.Err.Error() != "timed out" {
		t.Errorf("slow feed: %v %v", r.Status, r.Err)
	}
	for _, u := range []string{fast.URL + "/a", fast.URL + "/b"} {
		if r := results[u]; r.Status != StatusOK || len(r.Articles) != 2 {
			t.Errorf("%s: %v %v", u, r.Status, r.Err)
		}
	}
}

func TestOversizedBodyRejected(t *testing.T) {
	big := rssDoc("big", 200) // ~25 KB
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(big))
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/gzip" {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz.Bytes())
			return
		}
		fmt.Fprint(w, big)
	}))
	defer srv.Close()
	if gz.Len() >= 8<<10 {
		t.Fatalf("compressed body %d bytes: test needs it under the limit", gz.Len())
	}
	f := NewFetcher(Options{MaxBody: 8 << 10})
	for _, path := range []string{"/plain", "/gzip"} {
		r := fetchOne(t, f, Request{URL: srv.URL + path})
		if r.Status != StatusError || !strings.Contains(r.Err.Error(), "larger than") {
			t.Errorf("%s: want size error, got %v %v", path, r.Status, r.Err)
		}
	}
	ok := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/gzip"})
	if ok.Status != StatusOK || len(ok.Articles) != 200 {
		t.Errorf("gzip feed under the default limit: %v %v", ok.Status, ok.Err)
	}
}

func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/hop/%d", &n); err == nil && n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		if r.URL.Path == "/to-file" {
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
			return
		}
		fmt.Fprint(w, rssDoc("landed", 1))
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	if r := fetchOne(t, f, Request{URL: srv.URL + "/hop/5"}); r.Status != StatusOK {
		t.Errorf("5 redirects should be followed: %v", r.Err)
	}
	if r := fetchOne(t, f, Request{URL: srv.URL + "/hop/6"}); r.Status != StatusError || !strings.Contains(r.Err.Error(), "redirects") {
		t.Errorf("6 redirects: %v %v", r.Status, r.Err)
	}
	if r := fetchOne(t, f, Request{URL: srv.URL + "/to-file"}); r.Status != StatusError {
		t.Errorf("redirect to file: should fail, got %v", r.Status)
	}
	if r := fetchOne(t, f, Request{URL: "file:///etc/passwd"}); r.Status != StatusError {
		t.Errorf("file URL fetched")
	}
}

func TestRelativeLinksResolvedAfterRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old.rss" {
			http.Redirect(w, r, "/new/feed.rss", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>R</title><item><title>t</title><link>story.html</link></item></channel></rss>`)
	}))
	defer srv.Close()
	r := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/old.rss"})
	if r.Status != StatusOK || r.Articles[0].Link != srv.URL+"/new/story.html" {
		t.Fatalf("%v %v %+v", r.Status, r.Err, r.Articles)
	}
}

func TestCharsetFromHeader(t *testing.T) {
	latin1 := []byte("<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Cr\xe8me br\xfbl\xe9e</title><link>https://x.test/1</link></item></channel></rss>")
	withProlog := append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>`), latin1...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/header":
			w.Header().Set("Content-Type", "application/rss+xml; charset=ISO-8859-1")
			w.Write(latin1)
		case "/prolog": // header says UTF-8 but the prolog wins, as XML says
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.Write(withProlog)
		case "/both": // both say Latin-1: must not be decoded twice
			w.Header().Set("Content-Type", "text/xml; charset=iso-8859-1")
			w.Write(withProlog)
		case "/undeclared":
			w.Header().Set("Content-Type", "text/xml")
			w.Write(latin1)
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	for _, p := range []string{"/header", "/prolog", "/both", "/undeclared"} {
		r := fetchOne(t, f, Request{URL: srv.URL + p})
		if r.Status != StatusOK {
			t.Errorf("%s: %v", p, r.Err)
			continue
		}
		if r.Title != "Café" || r.Articles[0].Title != "Crème brûlée" {
			t.Errorf("%s: title %q item %q", p, r.Title, r.Articles[0].Title)
		}
	}
}

func TestFailuresAreReportedPerFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/404":
			http.NotFound(w, r)
		case "/html":
			fmt.Fprint(w, "<html><body>hello</body></html>")
		case "/broken":
			fmt.Fprint(w, `<rss version="2.0"><channel><title>x</title><item><title>unclosed`)
		default:
			fmt.Fprint(w, rssDoc("good", 4))
		}
	}))
	defer srv.Close()
	want := map[string]string{
		"/404":    "HTTP 404",
		"/html":   "not an RSS, Atom or JSON feed",
		"/broken": "bad feed",
		"/good":   "",
	}
	var reqs []Request
	for p := range want {
		reqs = append(reqs, Request{URL: srv.URL + p})
	}
	reqs = append(reqs, Request{URL: "http://127.0.0.1:1/refused"})
	seen := 0
	NewFetcher(Options{}).FetchAll(context.Background(), reqs, func(r Result) {
		seen++
		p := strings.TrimPrefix(r.URL, srv.URL)
		if p == "http://127.0.0.1:1/refused" {
			if r.Status != StatusError || !strings.Contains(r.Err.Error(), "refused") {
				t.Errorf("refused: %v %v", r.Status, r.Err)
			}
			return
		}
		if want[p] == "" {
			if r.Status != StatusOK || len(r.Articles) != 4 {
				t.Errorf("good feed lost: %v %v", r.Status, r.Err)
			}
			return
		}
		if r.Status != StatusError || !strings.Contains(r.Err.Error(), want[p]) {
			t.Errorf("%s: want error containing %q, got %v %v", p, want[p], r.Status, r.Err)
		}
	})
	if seen != len(reqs) {
		t.Errorf("%d results for %d feeds", seen, len(reqs))
	}
}

func TestOfflineFetchesNothing(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	r := fetchOne(t, NewFetcher(Options{Offline: true}), Request{URL: srv.URL})
	if r.Status != StatusError || r.Err != ErrOffline || hits.Load() != 0 {
		t.Errorf("offline: %v %v, %d hits", r.Status, r.Err, hits.Load())
	}
}

func TestUserAgentSent(t *testing.T) {
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.UserAgent()
		fmt.Fprint(w, rssDoc("ua", 1))
	}))
	defer srv.Close()
	fetchOne(t, NewFetcher(Options{UserAgent: "newsreader/test"}), Request{URL: srv.URL})
	if ua != "newsreader/test" {
		t.Errorf("User-Agent %q", ua)
	}
}

// A Content-Length of the largest size a server may send sizes no buffer
// (its +1 overflowed: a negative capacity, a panic): the body is read as
// any other, and its early end is the feed's error.
func TestHugeContentLength(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n%s", int64(math.MaxInt64),
			`<rss version="2.0"><channel><title>T</title></channel></rss>`)
		buf.Flush()
	}))
	defer srv.Close()
	r := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/feed"})
	if r.Status != StatusError {
		t.Errorf("a body cut short of its Content-Length: %v %v", r.Status, r.Err)
	}
}

// TestChunkedBodiesKeepTheirBytes: bodies of unknown length are read
// through pooled scratch buffers; each result must still be its own feed
// when many of different sizes are read at once and read again, and the
// size limit must still hold for them.
func TestChunkedBodiesKeepTheirBytes(t *testing.T) {
	docs := map[string]string{}
	for i := range 12 {
		name := fmt.Sprintf("f%d", i)
		docs["/"+name] = rssDoc(name, 5+i*40) // 1 to 60 KB, growing and shrinking the scratch
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		doc, ok := docs[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		for len(doc) > 0 { // flushed in pieces: chunked, no Content-Length
			n := min(len(doc), 3000)
			io.WriteString(w, doc[:n])
			w.(http.Flusher).Flush()
			doc = doc[n:]
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[string][]Result{}
	for round := range 3 {
		for path := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := fetchOne(t, f, Request{URL: srv.URL + path})
				mu.Lock()
				got[path] = append(got[path], r)
				mu.Unlock()
			}()
		}
		if round == 1 {
			wg.Wait()
		}
	}
	wg.Wait()
	for path, doc := range docs {
		name := path[1:]
		want := strings.Count(doc, "<item>")
		for _, r := range got[path] {
			if r.Status != StatusOK || len(r.Articles) != want {
				t.Fatalf("%s: %v %v, %d articles, want %d", path, r.Status, r.Err, len(r.Articles), want)
			}
			for i, a := range r.Articles {
				if !strings.HasPrefix(a.Title, name+" ") {
					t.Fatalf("%s: article %d is %q, from another feed's bytes", path, i, a.Title)
				}
			}
		}
	}
	small := NewFetcher(Options{MaxBody: 8 << 10})
	if r := fetchOne(t, small, Request{URL: srv.URL + "/f11"}); r.Status != StatusError || !strings.Contains(r.Err.Error(), "larger than") {
		t.Errorf("chunked body over the limit: %v %v", r.Status, r.Err)
	}
}

// A body's buffer goes back to the pool once the body is parsed: what was
// parsed from it must not change when later bodies are read into the same
// buffer. Feeds with long CDATA descriptions (lifted before parsing) and
// content:encoded, some with a Content-Length and some chunked, are read
// once, then the others many times over; the first results still hold
// their own texts.
func TestParsedFeedsOutliveTheirBodies(t *testing.T) {
	doc := func(name string, n int) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>` + name + `</title>`)
		for i := range n {
			body := strings.Repeat(name+" paragraph text. ", 20+i%7)
			fmt.Fprintf(&b, `<item><title>%s %d</title><link>https://example.test/%s/%d</link><description><![CDATA[<p>%s</p>]]></description><content:encoded><![CDATA[<p>%s full</p>]]></content:encoded></item>`, name, i, name, i, body, body)
		}
		b.WriteString(`</channel></rss>`)
		return b.String()
	}
	docs := map[string]string{}
	for i := range 8 {
		docs[fmt.Sprintf("/f%d", i)] = doc(fmt.Sprintf("feed%d", i), 3+i*9)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d := docs[r.URL.Path]
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", fmt.Sprint(len(d)))
			io.WriteString(w, d)
			return
		}
		for len(d) > 0 {
			n := min(len(d), 2000)
			io.WriteString(w, d[:n])
			w.(http.Flusher).Flush()
			d = d[n:]
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	first := map[string]Result{}
	for path := range docs {
		first[path] = fetchOne(t, f, Request{URL: srv.URL + path + "?chunked=" + path[2:]})
	}
	var wg sync.WaitGroup
	for range 4 {
		for path := range docs {
			for _, q := range []string{"", "?chunked=1"} {
				wg.Go(func() { fetchOne(t, f, Request{URL: srv.URL + path + q}) })
			}
		}
	}
	wg.Wait()
	for path, r := range first {
		name := "feed" + path[2:]
		if r.Status != StatusOK || len(r.Articles) != strings.Count(docs[path], "<item>") {
			t.Fatalf("%s: %v %v, %d articles", path, r.Status, r.Err, len(r.Articles))
		}
		for i, a := range r.Articles {
			text := a.Summary + a.Content
			if a.Title != fmt.Sprintf("%s %d", name, i) || strings.Count(a.Summary, name+" paragraph text.") != 20+i%7 ||
				strings.Count(text, "paragraph") != strings.Count(text, name+" paragraph") || !strings.Contains(a.Content, "full") {
				t.Fatalf("%s: article %d changed after its body was reused: %q / %.80q / %.80q", path, i, a.Title, a.Summary, a.Content)
			}
		}
	}
}
