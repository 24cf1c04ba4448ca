package feed

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A feed redirected permanently (301, 308, each hop from the first)
// says where it now is, but only when it answers there; temporary
// redirects (302, 303, 307) never move it, and a permanent hop after a
// temporary one does not either. A loop is a clear error.
func TestPermanentRedirectsSayWhereTheFeedMoved(t *testing.T) {
	hops := map[string]struct {
		code int
		to   string
	}{
		"/301":          {301, "/feed"},
		"/308":          {308, "/feed"},
		"/302":          {302, "/feed"},
		"/303":          {303, "/feed"},
		"/307":          {307, "/feed"},
		"/301-then-302": {301, "/302"},
		"/302-then-301": {302, "/301"},
		"/301-then-301": {301, "/308"},
		"/301-to-404":   {301, "/missing"},
		"/301-to-page":  {301, "/page"},
		"/loop-a":       {301, "/loop-b"},
		"/loop-b":       {301, "/loop-a"},
		"/301-to-304":   {301, "/unchanged"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := hops[r.URL.Path]; ok {
			http.Redirect(w, r, h.to, h.code)
			return
		}
		switch r.URL.Path {
		case "/feed":
			fmt.Fprint(w, rssDoc("moved", 2))
		case "/page":
			fmt.Fprint(w, "<!doctype html><html><head><title>Parked</title></head><body>This domain is for sale.</body></html>")
		case "/unchanged":
			w.WriteHeader(http.StatusNotModified)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	cases := []struct {
		path   string
		status Status
		moved  string // path, or "" for none
		err    string
	}{
		{"/301", StatusOK, "/feed", ""},
		{"/308", StatusOK, "/feed", ""},
		{"/302", StatusOK, "", ""},
		{"/303", StatusOK, "", ""},
		{"/307", StatusOK, "", ""},
		{"/301-then-302", StatusOK, "/302", ""},
		{"/302-then-301", StatusOK, "", ""},
		{"/301-then-301", StatusOK, "/feed", ""},
		{"/301-to-404", StatusError, "", "HTTP 404 Not Found at " + srv.URL + "/missing, where it was redirected"},
		{"/301-to-page", StatusError, "", "web page"},
		{"/loop-a", StatusError, "", "redirect loop"},
		{"/301-to-304", StatusNotModified, "/unchanged", ""},
	}
	for _, c := range cases {
		res := fetchOne(t, f, Request{URL: srv.URL + c.path, ETag: `"x"`})
		want := ""
		if c.moved != "" {
			want = srv.URL + c.moved
		}
		if res.Status != c.status || res.MovedTo != want {
			t.Errorf("%s: status %v (%v), moved to %q; want %v, %q", c.path, res.Status, res.Err, res.MovedTo, c.status, want)
		}
		if c.err != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), c.err)) {
			t.Errorf("%s: error %v, want one with %q", c.path, res.Err, c.err)
		}
	}
}

// A permanent redirect that came over plain HTTP moves the feed only
// within its site (a new path, its own https, another name under the same
// registered domain): anyone on the network path can forge one, and a
// move would keep the feed at the forger's address for good. To another
// site it is still followed, each time, but the feed keeps its address.
// Over HTTPS a move to another host counts; from https to http none does.
func TestPermanentRedirectOverHTTPStaysOnItsHost(t *testing.T) {
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/elsewhere": // to the same server by another name: another host
			http.Redirect(w, r, strings.Replace(srvURL, "127.0.0.1", "localhost", 1)+"/feed", http.StatusMovedPermanently)
		case "/same-host":
			http.Redirect(w, r, "/feed", http.StatusMovedPermanently)
		case "/feed":
			fmt.Fprint(w, rssDoc("moved", 2))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	srvURL = srv.URL
	f := NewFetcher(Options{})
	if res := fetchOne(t, f, Request{URL: srv.URL + "/elsewhere"}); res.Status != StatusOK || res.MovedTo != "" {
		t.Errorf("http, to another host: %v %v, moved to %q; want the feed read and not moved", res.Status, res.Err, res.MovedTo)
	}
	if res := fetchOne(t, f, Request{URL: srv.URL + "/same-host"}); res.Status != StatusOK || res.MovedTo != srv.URL+"/feed" {
		t.Errorf("http, same host: %v %v, moved to %q", res.Status, res.Err, res.MovedTo)
	}
	for _, c := range []struct {
		from, to string
		moves    bool
	}{
		{"http://a.test/f", "https://a.test/f", true},
		{"http://a.test/f", "http://a.test/g", true},
		{"http://www.a.test/f", "https://a.test/f", true}, // the same site
		{"http://a.example.co.uk/f", "https://feeds.example.co.uk/f", true},
		{"http://a.test/f", "https://b.test/f", false},
		{"http://example.co.uk/f", "https://other.co.uk/f", false},
		{"http://alice.github.io/f", "https://mallory.github.io/f", false}, // a public suffix: other owners
		{"http://127.0.0.1/f", "http://10.0.0.1/f", false},
		{"https://a.test/f", "https://b.test/f", true},
		{"https://a.test/f", "http://a.test/f", false},
	} {
		if got := trustedMove(mustURL(c.from), mustURL(c.to)); got != c.moves {
			t.Errorf("%s -> %s: moves %v, want %v", c.from, c.to, got, c.moves)
		}
	}
}
