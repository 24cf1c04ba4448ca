package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newsreader/feed"
)

// A section whose key is longer than feed.MaxSectionKey, made before keys
// were bounded (an OPML import of a long category), still takes feeds:
// the bound is for new keys; a new long key is still refused.
func TestExistingLongSectionKeyStillTakesFeeds(t *testing.T) {
	s := openTemp(t)
	long := "international-affairs-europe-and-the-eastern-partnership-countries"
	if _, err := s.db.ExecContext(ctx, "INSERT INTO sections(key, title, position) VALUES(?, 'International Affairs', 1)", long); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>T</title><item><guid>g1</guid><title>Talks resume</title><link>https://t.test/1</link></item></channel></rss>`)
	}))
	defer srv.Close()
	if _, err := s.AddFeed(ctx, feed.NewFetcher(feed.Options{}), strings.ToUpper(long), srv.URL+"/a.xml"); err != nil {
		t.Errorf("adding to the existing section: %v", err)
	}
	if err := s.Subscribe(ctx, long, "", srv.URL+"/b.xml"); err != nil {
		t.Errorf("subscribing in the existing section: %v", err)
	}
	if err := s.CheckSection(ctx, long); err != nil {
		t.Errorf("CheckSection of the existing key: %v", err)
	}
	if err := s.Subscribe(ctx, long+"-more", "", srv.URL+"/c.xml"); err == nil || !strings.Contains(err.Error(), "the most is 40") {
		t.Errorf("a new long key: %v", err)
	}
	if err := s.CheckSection(ctx, long+"-more"); err == nil {
		t.Error("CheckSection of a new long key: no error")
	}
}
