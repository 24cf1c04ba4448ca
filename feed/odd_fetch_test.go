package feed

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A feed that declares UTF-8 (in its prolog or its Content-Type) but
// holds windows-1252 bytes, as CMSs that paste old text into UTF-8
// templates serve, is read with those bytes as windows-1252 rather than
// failing whole; its real UTF-8 stays as it is.
func TestMislabelledUTF8IsRepaired(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 Times</title><link>https://odd.test/</link><description>d</description>" +
		"<item><title>D\xe9j\xe0 vu \x96 it\x92s back, na\u00efve \u20ac5</title><link>https://odd.test/1</link><description>Cr\xe8me br\xfbl\xe9e</description></item></channel></rss>"
	for _, ct := range []string{"application/rss+xml", "application/rss+xml; charset=utf-8"} {
		t.Run(ct, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", ct)
				fmt.Fprint(w, doc)
			}))
			defer srv.Close()
			res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/feed.xml"})
			if res.Status != StatusOK || len(res.Articles) != 1 {
				t.Fatalf("fetch: status %v err %v, %d articles", res.Status, res.Err, len(res.Articles))
			}
			a := res.Articles[0]
			if res.Title != "Café Times" || a.Title != "Déjà vu – it’s back, naïve €5" || !strings.Contains(a.Summary, "Crème brûlée") {
				t.Errorf("feed %q, title %q, summary %q", res.Title, a.Title, a.Summary)
			}
		})
	}
}

// A feed declared UTF-8 but wholly in another encoding (Cyrillic in
// windows-1251, Chinese in GBK) is not read as windows-1252, which would
// garble every word: it keeps the parse error.
func TestOtherEncodingMislabelledUTF8KeepsItsError(t *testing.T) {
	for name, enc := range map[string]encoding.Encoding{"windows-1251": charmap.Windows1251, "GBK": simplifiedchinese.GBK} {
		t.Run(name, func(t *testing.T) {
			title, err := enc.NewEncoder().String(map[string]string{"windows-1251": "Новости дня", "GBK": "今日新闻"}[name])
			if err != nil {
				t.Fatal(err)
			}
			text, _ := enc.NewEncoder().String(map[string]string{"windows-1251": "Городской совет утвердил бюджет на следующий год.", "GBK": "市议会批准了明年的预算。"}[name])
			doc := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>" + title + "</title><link>https://odd.test/</link><description>d</description>" +
				"<item><title>" + title + "</title><link>https://odd.test/1</link><description>" + text + "</description></item></channel></rss>"
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, doc)
			}))
			defer srv.Close()
			res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/feed.xml"})
			if res.Status == StatusOK || res.Err == nil || !strings.Contains(res.Err.Error(), "UTF-8") {
				t.Errorf("status %v, err %v, %d articles", res.Status, res.Err, len(res.Articles))
			}
		})
	}
}

// A subscription that is a web page, not its feed, says so and names the
// feed the page announces (the site's own before a comments feed).
func TestWebPageErrorNamesItsFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/blog/":
			fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Blog</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="Comments Feed" href="/comments/feed/">
<link rel="alternate" type="application/atom+xml" title="Posts" href="atom.xml">
</head><body><p>Posts</p></body></html>`)
		default:
			fmt.Fprint(w, `<html><head><title>Plain</title></head><body>no feeds</body></html>`)
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	res := fetchOne(t, f, Request{URL: srv.URL + "/blog/"})
	if res.Status != StatusError || res.Err == nil {
		t.Fatalf("page fetched as %v", res.Status)
	}
	if msg := res.Err.Error(); !strings.Contains(msg, "a web page, not an RSS, Atom or JSON feed") || !strings.Contains(msg, srv.URL+"/blog/atom.xml") || strings.Contains(msg, "comments") {
		t.Errorf("error %q", msg)
	}
	res = fetchOne(t, f, Request{URL: srv.URL + "/plain"})
	if msg := res.Err.Error(); !strings.Contains(msg, "a web page, not an RSS, Atom or JSON feed") || !strings.Contains(msg, "names none") {
		t.Errorf("error %q", msg)
	}
}

// A body cut off before its Content-Length (the server or a proxy closed
// the connection) is a clear error, not Go's "unexpected EOF".
func TestTruncatedBodyError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		doc := rssDoc("cut", 20)
		w.Header().Set("Content-Length", fmt.Sprint(len(doc)))
		w.Write([]byte(doc[:len(doc)/2]))
		w.(http.Flusher).Flush()
		c, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			c.Close()
		}
	}))
	defer srv.Close()
	res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/feed.xml"})
	if res.Status != StatusError || res.Err == nil || res.Err.Error() != "cut off: the connection closed before the whole feed arrived" {
		t.Errorf("status %v, error %v", res.Status, res.Err)
	}
}

// A body still gzip-compressed after the transport's decompression (the
// server compressed twice, as a CMS's own compression behind a
// compressing server does, or serves a .xml.gz as it is) is unpacked,
// within the body cap.
func TestGzippedBodyIsUnpacked(t *testing.T) {
	doc := []byte(rssDoc("packed", 3))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/twice":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gzipped(gzipped(doc)))
		case "/file.xml.gz":
			w.Header().Set("Content-Type", "application/gzip")
			w.Write(gzipped(doc))
		case "/bomb":
			w.Write(gzipped(bytes.Repeat([]byte(" "), 2<<20)))
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{MaxBody: 1 << 20})
	for _, p := range []string{"/twice", "/file.xml.gz"} {
		if res := fetchOne(t, f, Request{URL: srv.URL + p}); res.Status != StatusOK || len(res.Articles) != 3 {
			t.Errorf("%s: %v %v, %d articles", p, res.Status, res.Err, len(res.Articles))
		}
	}
	if res := fetchOne(t, f, Request{URL: srv.URL + "/bomb"}); res.Status != StatusError || res.Err == nil || !strings.Contains(res.Err.Error(), "larger than") {
		t.Errorf("bomb: %v %v", res.Status, res.Err)
	}
}

// A feed in UTF-16 (with its byte order mark, as Windows servers write
// it) is read like any other, little- or big-endian.
func TestUTF16Feed(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?>` + "\n" + `<rss version="2.0"><channel><title>Sixteen</title><link>https://odd.test/</link><description>d</description>` +
		`<item><title>Café ’16</title><link>https://odd.test/16</link><description>wide text</description></item></channel></rss>`
	enc := func(bigEndian bool) []byte {
		var b []byte
		if bigEndian {
			b = append(b, 0xfe, 0xff)
		} else {
			b = append(b, 0xff, 0xfe)
		}
		for _, r := range doc { // every rune here is in the BMP
			if bigEndian {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return b
	}
	for _, be := range []bool{false, true} {
		body := enc(be)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/xml")
			w.Write(body)
		}))
		res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/feed.xml"})
		srv.Close()
		if res.Status != StatusOK || len(res.Articles) != 1 || res.Title != "Sixteen" || res.Articles[0].Title != "Café ’16" {
			t.Errorf("big endian %v: %v %v %q %+v", be, res.Status, res.Err, res.Title, res.Articles)
		}
	}
}

// gzipped is b compressed with gzip.
func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}
