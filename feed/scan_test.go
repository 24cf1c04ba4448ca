package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed/rss"
)

// deepFeeds are hostile documents of about a million unclosed nested
// elements: without the depth check gofeed recurses once per element and
// the process dies of a stack overflow (a fatal error, not a panic).
func deepFeeds() map[string]string {
	const n = 1_000_000
	return map[string]string{
		"rss namespaced": `<?xml version="1.0"?><rss version="2.0" xmlns:x="http://x.example/ns"><channel><title>t</title><item><title>i</title>` +
			strings.Repeat("<x:a>", n),
		"atom": `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="http://x.example/ns"><title>t</title><entry><title>e</title>` +
			strings.Repeat("<x:a>", n),
		"item default namespace": `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item xmlns="http://x.example/ns"><title>i</title>` +
			strings.Repeat("<a>", n),
		"closed but deep": `<rss version="2.0"><channel><title>t</title><item><title>i</title>` +
			strings.Repeat("<a>", 600) + strings.Repeat("</a>", 600) + `</item></channel></rss>`,
	}
}

func TestDeepNestingRejectedBeforeGofeed(t *testing.T) {
	u, _ := url.Parse("https://deep.example/feed")
	for name, body := range deepFeeds() {
		_, _, err := Parse([]byte(body), u, fixedNow)
		if !errors.Is(err, ErrTooDeep) {
			t.Errorf("%s: err %v, want %v", name, err, ErrTooDeep)
		}
	}
}

func TestDeepNestingIsAPerFeedFetchError(t *testing.T) {
	feeds := deepFeeds()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/good" {
			w.Write([]byte(`<rss version="2.0"><channel><title>Good</title><item><title>fine</title><link>https://g.example/1</link></item></channel></rss>`))
			return
		}
		body, ok := feeds[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		// Served gzipped, as an attacker would: a few KB on the wire.
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(body))
		zw.Close()
	}))
	defer srv.Close()
	var reqs []Request
	for name := range feeds {
		reqs = append(reqs, Request{URL: srv.URL + "/" + name})
	}
	reqs = append(reqs, Request{URL: srv.URL + "/good"})
	got := map[string]Result{}
	NewFetcher(Options{}).FetchAll(context.Background(), reqs, func(r Result) { got[r.URL] = r })
	for name := range feeds {
		r := got[srv.URL+"/"+name]
		if r.Status != StatusError || r.Err == nil || r.Err.Error() != "feed nested too deeply" {
			t.Errorf("%s: status %v err %v", name, r.Status, r.Err)
		}
	}
	if r := got[srv.URL+"/good"]; r.Status != StatusOK || len(r.Articles) != 1 {
		t.Errorf("good feed: %v %v", r.Status, r.Err)
	}
}

func TestNestingUpToTheLimitParses(t *testing.T) {
	u, _ := url.Parse("https://ok.example/feed")
	// rss > channel > item > 500 nested elements: under MaxDepth.
	body := `<rss version="2.0"><channel><title>t</title><item><title>deep but fine</title><link>https://ok.example/1</link>` +
		strings.Repeat("<a>", 500) + strings.Repeat("</a>", 500) + `</item></channel></rss>`
	_, arts, err := Parse([]byte(body), u, fixedNow)
	if err != nil || len(arts) != 1 || arts[0].Title != "deep but fine" {
		t.Fatalf("%v %+v", err, arts)
	}
}

func TestScanFindsTheItemsGofeedFinds(t *testing.T) {
	for _, name := range []string{"relative.rss", "hostile.rss", "atom.xml"} {
		body, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		spans, err := scanXML(body)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := parseFormat(body)
		if err != nil {
			t.Fatal(err)
		}
		if len(spans) != len(f.Items) {
			t.Fatalf("%s: scan found %d items, gofeed %d", name, len(spans), len(f.Items))
		}
		for i, s := range spans {
			src := string(body[s.start:s.end])
			if !strings.HasPrefix(src, "<item") && !strings.HasPrefix(src, "<entry") || !strings.HasSuffix(src, ">") {
				t.Errorf("%s item %d: span %q", name, i, src)
			}
		}
	}
	// Markup in comments, CDATA, attribute values and self-closing tags
	// is not an item.
	body := []byte(`<rss><channel><!-- <item> --><item a="<item>"><description><![CDATA[<item><entry>]]></description></item><item/><x:item xmlns:x="u"><y>1</y></x:item></channel></rss>`)
	spans, err := scanXML(body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range spans {
		got = append(got, string(body[s.start:s.end]))
	}
	want := []string{`<item a="<item>"><description><![CDATA[<item><entry>]]></description></item>`, `<item/>`, `<x:item xmlns:x="u"><y>1</y></x:item>`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spans\n%q\nwant\n%q", got, want)
	}
}

// BenchmarkDepthScan is the cost of the depth check (and item spans) on a
// 276 KB, 100-item feed, beside a bare gofeed rss.Parser on the same bytes:
//
//	go test ./feed -run '^$' -bench 'DepthScan|RSSParser'
func BenchmarkDepthScan(b *testing.B) {
	body := benchFeed()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := scanXML(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRSSParser(b *testing.B) {
	body := benchFeed()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := (&rss.Parser{}).Parse(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFeed() []byte {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Bench</title>`)
	para := "<p>" + strings.Repeat("Officials said the plan would cost more than expected and a vote comes next week. ", 6) + `<a href="/x">more</a></p>`
	for i := range 100 {
		fmt.Fprintf(&sb, `<item><title>Story %d</title><link>https://b.example/%d</link><guid>https://b.example/%d</guid><pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate><media:thumbnail url="https://b.example/%d.jpg"/><description><![CDATA[%s]]></description></item>`,
			i, i, i, i, strings.Repeat(para, 5))
	}
	sb.WriteString(`</channel></rss>`)
	return []byte(sb.String())
}
