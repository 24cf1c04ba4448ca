package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/ui/cli"
)

// On a terminal, --add asks which of several feeds to follow.
func TestAddAsksWhichFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" title="All posts" href="/all.xml">
<link rel="alternate" type="application/atom+xml" title="Only links" href="/links.atom"></head></html>`)
		default:
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title><item><title>x</title><link>https://x.test%s</link></item></channel></rss>`, r.URL.Path, r.URL.Path)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	for _, tc := range []struct{ answer, want, err string }{
		{"2\n", srv.URL + "/links.atom", ""},
		{"9\n\n", srv.URL + "/all.xml", ""}, // out of range, asked again; enter takes the first
		{"q\n", "", "cancelled"},
	} {
		store, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		var shown, out bytes.Buffer
		err = cli.Add(ctx, store, feed.NewFetcher(feed.Options{}), srv.URL+"/", "news", &cli.Prompt{In: strings.NewReader(tc.answer), Out: &shown}, &out)
		subs, _ := store.Subscriptions(ctx)
		store.Close()
		if !strings.Contains(shown.String(), "1. All posts  "+srv.URL+"/all.xml") || !strings.Contains(shown.String(), "2. Only links") {
			t.Errorf("%q: the choices were not shown:\n%s", tc.answer, shown.String())
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || len(subs) != 0 {
				t.Errorf("%q: %v, %d subscriptions", tc.answer, err, len(subs))
			}
			continue
		}
		if err != nil || len(subs) != 1 || subs[0].URL != tc.want || strings.Contains(out.String(), "also found") {
			t.Errorf("%q: %v %+v\n%s", tc.answer, err, subs, out.String())
		}
	}
}
