package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// An untitled JSON Feed item takes its title from its plain-text summary:
// the cut at 80 characters counts the text's characters, not those of its
// escaped form, so it never splits an escape ("&amp;" shown as "&a").
func TestUntitledJSONItemTitleFromSummary(t *testing.T) {
	lead := strings.Repeat("word ", 15) // 75 characters
	body := `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
  {"id": "1", "url": "https://odd.test/j/1", "summary": "` + lead + `Q&A <3 and more words after the cut"},
  {"id": "2", "url": "https://odd.test/j/2", "summary": "` + lead + `ab <3 & more words after the cut"}]}`
	_, arts := parseString(t, body, "https://odd.test/feed.json")
	got := titles(arts)
	for link, want := range map[string]string{
		"https://odd.test/j/1": lead + "Q&A <…",
		"https://odd.test/j/2": lead + "ab <3…",
	} {
		if got[link] != want {
			t.Errorf("%s: title %q, want %q", link, got[link], want)
		}
	}
}

// Get unpacks a gzip body as the fetcher does, and one that unpacks past
// the size cap is ErrTooLarge, as an over-size page is.
func TestGetUnpacksGzipWithinItsCap(t *testing.T) {
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		z := gzip.NewWriter(&buf)
		z.Write(b)
		z.Close()
		return buf.Bytes()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		switch r.URL.Path {
		case "/page.gz":
			w.Write(gz([]byte(rssDoc("packed", 2))))
		case "/bomb.gz":
			w.Write(gz(bytes.Repeat([]byte(" "), 2<<20)))
		}
	}))
	defer srv.Close()
	f := NewFetcher(Options{})
	p, err := f.Get(context.Background(), srv.URL+"/page.gz", "", 1<<20)
	if err != nil || !bytes.Contains(p.Body, []byte("<rss")) {
		t.Errorf("page.gz: %v, %.40q", err, p.Body)
	}
	if _, err := f.Get(context.Background(), srv.URL+"/bomb.gz", "", 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb.gz: %v, want ErrTooLarge", err)
	}
}
