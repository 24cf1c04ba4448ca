package discover

import (
	"context"
	"strings"
	"testing"

	"newsreader/feed"
)

// Sites' subscribe buttons use the feed: scheme (feed://host/path,
// feed:https://host/path); pasted into --add or the reader's add box it
// means the http(s) address inside.
func TestFeedSchemeIsItsHTTPAddress(t *testing.T) {
	srv := site(t, map[string][2]string{"/rss.xml": {"application/rss+xml", strings.Replace(rss, "%s", "Scheme site", 1)}})
	host := strings.TrimPrefix(srv.URL, "http://")
	f := feed.NewFetcher(feed.Options{})
	for _, in := range []string{"feed://" + host + "/rss.xml", "feed:" + srv.URL + "/rss.xml", "FEED://" + host + "/rss.xml", "  feed:" + srv.URL + "/rss.xml  "} {
		cs, err := Discover(context.Background(), f, in)
		if err != nil || len(cs) != 1 || cs[0].URL != srv.URL+"/rss.xml" {
			t.Errorf("%q: %v %+v", in, err, cs)
		}
	}
}
