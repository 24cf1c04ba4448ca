package discover

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newsreader/feed"
)

// A feed that refresh reads (windows-1252 bytes in a feed declared UTF-8;
// a body gzip-compressed under the transport's own gzip, or a .xml.gz
// file) is a feed to --add and to the reader's add dialog too, not "no
// feed found".
func TestDiscoverTakesFeedsRefreshReads(t *testing.T) {
	gz := func(b string) string {
		var buf bytes.Buffer
		z := gzip.NewWriter(&buf)
		z.Write([]byte(b))
		z.Close()
		return buf.String()
	}
	mislabelled := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 Times</title><link>https://odd.test/</link><description>d</description>" +
		"<item><title>D\xe9j\xe0 vu</title><link>https://odd.test/1</link></item></channel></rss>"
	srv := site(t, map[string][2]string{
		"/mislabelled.xml": {"application/rss+xml; charset=utf-8", mislabelled},
		"/packed.xml.gz":   {"application/gzip", gz(atomFeed)},
	})
	f := feed.NewFetcher(feed.Options{})
	for path, title := range map[string]string{"/mislabelled.xml": "Café Times", "/packed.xml.gz": "Atom site"} {
		if res := f.Fetch(context.Background(), feed.Request{URL: srv.URL + path}); res.Status != feed.StatusOK || res.Title != title {
			t.Fatalf("%s: refresh reads it as %v %v %q", path, res.Status, res.Err, res.Title)
		}
		cands, err := Discover(context.Background(), f, srv.URL+path)
		if err != nil || len(cands) != 1 || cands[0].URL != srv.URL+path || cands[0].Via != "self" || cands[0].Title != title {
			t.Errorf("%s: %+v, %v", path, cands, err)
		}
	}
}

// A feed whose first items carry HTML in CDATA (a <header>, a <body>) near
// its start is still a feed, not a web page.
func TestDiscoverFeedWithMarkupInItsFirstItem(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Markup Wire</title><link>https://odd.test/</link><description>d</description>` +
		`<item><title>One</title><link>https://odd.test/1</link><description><![CDATA[<header><h2>One</h2></header><p>Text.</p>]]></description></item></channel></rss>`
	srv := site(t, map[string][2]string{"/feed.xml": {"application/rss+xml", doc}})
	cands, err := Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/feed.xml")
	if err != nil || len(cands) != 1 || cands[0].Via != "self" || cands[0].Title != "Markup Wire" {
		t.Errorf("%+v, %v", cands, err)
	}
}

// A feed's address that gives no feed (an empty body, a feed cut off
// halfway) says what is wrong with it, not where else no feed was found;
// a web page with no feed still says where it looked.
func TestDiscoverSaysWhyAFeedAddressIsNoFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/empty.xml":
		case "/cut.xml":
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half`))
		case "/page":
			w.Write([]byte(`<!doctype html><html><head><title>No feeds</title></head><body>Hello</body></html>`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := feed.NewFetcher(feed.Options{})
	for path, want := range map[string]string{
		"/empty.xml": "no feed found: empty response",
		"/cut.xml":   "no feed found: ",
		"/page":      "no feed found (no <link rel=\"alternate\"> feed",
	} {
		_, err := Discover(context.Background(), f, srv.URL+path)
		if err == nil || !errors.Is(err, ErrNoFeed) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
		if path != "/page" && err != nil && strings.Contains(err.Error(), "rel=") {
			t.Errorf("%s: %v names where no feed was found", path, err)
		}
	}
}
