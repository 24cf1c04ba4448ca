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

// Adding an address that redirects permanently subscribes the feed at its
// new address, and says so.
func TestAddMovedFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old.xml" {
			http.Redirect(w, r, "/new.xml", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Moved</title><item><title>x</title><link>https://x.test/1</link></item></channel></rss>`)
	}))
	defer srv.Close()
	ctx := context.Background()
	store, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out bytes.Buffer
	if err := cli.Add(ctx, store, feed.NewFetcher(feed.Options{}), srv.URL+"/old.xml", "news", nil, &out); err != nil {
		t.Fatal(err)
	}
	subs, _ := store.Subscriptions(ctx)
	if len(subs) != 1 || subs[0].URL != srv.URL+"/new.xml" {
		t.Errorf("subscriptions: %+v", subs)
	}
	if want := "added " + srv.URL + "/new.xml (Moved) to section news: 1 article (" + srv.URL + "/old.xml moved there permanently)"; !strings.Contains(out.String(), want) {
		t.Errorf("said %q, want %q", out.String(), want)
	}
}

// --feeds keeps its columns when a section key is longer than 12 cells
// (OPML imports make them: "noticias-del-día", "local-weather-alerts"):
// every line's address starts in the same terminal column.
func TestFeedsColumnsHoldWithLongSectionKeys(t *testing.T) {
	ctx := context.Background()
	store, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, s := range []struct{ sec, u string }{
		{"top", "https://a.example/top.xml"},
		{"noticias-del-día", "https://b.example/portada.xml"},
		{"local-weather-alerts", "https://c.example/alerts.atom"},
	} {
		if err := store.Subscribe(ctx, s.sec, "", s.u); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := cli.Feeds(ctx, store, false, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	col := -1
	for _, l := range lines {
		i := strings.Index(l, "https://")
		if i < 0 {
			t.Fatalf("no address: %q", l)
		}
		c := len([]rune(l[:i])) // every letter before it is one cell
		if col >= 0 && c != col {
			t.Errorf("address at column %d, not %d:\n%s", c, col, out.String())
		}
		col = c
	}
}

// --add --section with a key longer than feed.MaxSectionKey is refused
// with a message that says how long a key may be; nothing is subscribed
// and nothing fetched.
func TestAddRefusesALongSectionKey(t *testing.T) {
	ctx := context.Background()
	store, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	fetched := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fetched = true }))
	defer srv.Close()
	key := "my-very-long-section-key-for-all-the-local-news-today"
	var out bytes.Buffer
	err = cli.Add(ctx, store, feed.NewFetcher(feed.Options{}), srv.URL+"/f.xml", key, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "is 53 characters long; the most is 40") {
		t.Errorf("Add with a long key: %v", err)
	}
	if fetched {
		t.Error("the feed was fetched")
	}
	if subs, _ := store.Subscriptions(ctx); len(subs) != 0 {
		t.Errorf("subscribed: %v", subs)
	}
}
