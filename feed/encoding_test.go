package feed

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func zlibbed(b []byte) []byte {
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}

func deflated(b []byte) []byte {
	var buf bytes.Buffer
	z, _ := flate.NewWriter(&buf, flate.DefaultCompression)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}

// What servers and CDNs send under Content-Encoding: a plain body
// labelled gzip, deflate as zlib (the standard) and as raw deflate (what
// many servers send), gzip labelled deflate, a plain body labelled
// deflate or br, and two codings listed. Each is read; none asked for br.
func TestContentEncodingsAsServersSendThem(t *testing.T) {
	doc := []byte(rssDoc("coded", 3))
	cases := map[string]struct {
		ce   string
		body []byte
	}{
		"/plain-as-gzip":    {"gzip", doc},
		"/plain-as-x-gzip":  {"x-gzip", doc},
		"/gzip":             {"gzip", gzipped(doc)},
		"/zlib":             {"deflate", zlibbed(doc)},
		"/raw-deflate":      {"deflate", deflated(doc)},
		"/gzip-as-deflate":  {"deflate", gzipped(doc)},
		"/plain-as-deflate": {"deflate", doc},
		"/plain-as-br":      {"br", doc},
		"/gzip-then-zlib":   {"gzip, deflate", zlibbed(gzipped(doc))},
		"/two-headers":      {"", gzipped(deflated(doc))}, // Content-Encoding given twice, below
		"/identity":         {"identity", doc},
	}
	var mu sync.Mutex
	var accepts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		accepts = append(accepts, r.Header.Get("Accept-Encoding"))
		mu.Unlock()
		c, ok := cases[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		if r.URL.Path == "/two-headers" {
			w.Header().Add("Content-Encoding", "deflate")
			w.Header().Add("Content-Encoding", "gzip")
		} else {
			w.Header().Set("Content-Encoding", c.ce)
		}
		w.Write(c.body)
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	for path := range cases {
		res := fetchOne(t, f, Request{URL: srv.URL + path})
		if res.Status != StatusOK || len(res.Articles) != 3 || res.Articles[0].Title != "coded 0" {
			t.Errorf("%s: %v %v, %d articles", path, res.Status, res.Err, len(res.Articles))
		}
	}
	// The same through Get (adding a feed, full text).
	for _, path := range []string{"/plain-as-gzip", "/raw-deflate", "/zlib"} {
		p, err := f.Get(context.Background(), srv.URL+path, "", 0)
		if err != nil || !bytes.Equal(p.Body, doc) {
			t.Errorf("Get %s: %v, %.40q", path, err, p.Body)
		}
	}
	for _, a := range accepts {
		if !strings.Contains(a, "gzip") || !strings.Contains(a, "deflate") || strings.Contains(a, "br") {
			t.Errorf("Accept-Encoding %q: want gzip and deflate, never br", a)
		}
	}
}

// A body really compressed with brotli (or a coding this build does not
// know) is a clear error of its feed, not garbage to parse; bodies
// labelled deflate or gzip that are neither nor text are bad bodies; and
// the size cap holds for what deflate unpacks to.
func TestUndecodableContentEncodings(t *testing.T) {
	doc := []byte(rssDoc("coded", 3))
	binary := deflated(doc) // compressed bytes: as a brotli body looks
	cases := map[string]struct {
		ce, body, want string
	}{
		"/br":           {"br", string(binary), "brotli"},
		"/zstd":         {"zstd", string(binary), `unsupported Content-Encoding "zstd"`},
		"/bad-deflate":  {"deflate", "\x00\x01\x02garbage", "bad deflate body"},
		"/deflate-bomb": {"deflate", string(deflated(bytes.Repeat([]byte(" "), 2<<20))), "larger than"},
		"/zlib-bomb":    {"deflate", string(zlibbed(bytes.Repeat([]byte(" "), 2<<20))), "larger than"},
		"/gzip-bomb":    {"gzip", string(gzipped(bytes.Repeat([]byte(" "), 2<<20))), "larger than"},
		"/gzip-cut":     {"gzip", string(gzipped(doc)[:40]), "bad gzip body"},
		"/compress":     {"compress", string(binary), `unsupported Content-Encoding "compress"`},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := cases[r.URL.Path]
		w.Header().Set("Content-Encoding", c.ce)
		w.Write([]byte(c.body))
	}))
	defer srv.Close()
	f := NewFetcher(Options{MaxBody: 1 << 20})
	for path, c := range cases {
		res := fetchOne(t, f, Request{URL: srv.URL + path})
		if res.Status != StatusError || res.Err == nil || !strings.Contains(res.Err.Error(), c.want) {
			t.Errorf("%s: %v %v, want an error with %q", path, res.Status, res.Err, c.want)
		}
	}
	if _, err := f.Get(context.Background(), srv.URL+"/br", "", 0); err == nil || !strings.Contains(err.Error(), "brotli") {
		t.Errorf("Get br: %v", err)
	}
}
