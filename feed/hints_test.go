package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestHintsFromHeadersAndFeed(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, cc, retry, body string
		want                  Hints
	}{
		{"max-age", "public, max-age=600", "", "", Hints{MaxAge: 10 * time.Minute}},
		{"s-maxage wins when longer", "max-age=60, s-maxage=1200", "", "", Hints{MaxAge: 20 * time.Minute}},
		{"no-cache", "no-cache, max-age=600", "", "", Hints{}},
		{"ttl", "", "", `<rss><channel><title>x</title><ttl>45</ttl><item><ttl>1</ttl></item></channel></rss>`, Hints{TTL: 45 * time.Minute}},
		{"ttl inside an item only", "", "", `<rss><channel><item><ttl>99</ttl></item></channel></rss>`, Hints{}},
		{"sy:updatePeriod", "", "", `<rdf:RDF><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rdf:RDF>`, Hints{TTL: 30 * time.Minute}},
		{"retry-after seconds", "", "120", "", Hints{RetryAfter: 2 * time.Minute}},
		{"retry-after date", "", "Sat, 28 Nov 2026 11:30:00 GMT", "", Hints{RetryAfter: 90 * time.Minute}},
		{"retry-after garbage", "", "soon", "", Hints{}},
	} {
		h := http.Header{}
		h.Set("Cache-Control", tc.cc)
		h.Set("Retry-After", tc.retry)
		if got := hintsFrom(h, []byte(tc.body), now); got != tc.want {
			t.Errorf("%s: got %+v want %+v", tc.name, got, tc.want)
		}
	}
}

func TestFetchCarriesHints(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/busy" {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Cache-Control", "max-age=300")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title><ttl>60</ttl><item><title>a</title><link>https://x.test/a</link></item></channel></rss>`))
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	r := f.Fetch(context.Background(), Request{URL: srv.URL + "/feed"})
	if r.Status != StatusOK || r.Hints != (Hints{MaxAge: 5 * time.Minute, TTL: time.Hour}) || r.Hints.Interval() != time.Hour {
		t.Errorf("ok: %+v", r)
	}
	r = f.Fetch(context.Background(), Request{URL: srv.URL + "/busy"})
	if r.Status != StatusError || r.Hints.RetryAfter != time.Hour {
		t.Errorf("429: %+v", r)
	}
}
