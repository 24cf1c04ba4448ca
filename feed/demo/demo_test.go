package demo

import (
	"context"
	"testing"

	"newsreader/feed"
)

func TestDemoSiteServesEverySectionConditionally(t *testing.T) {
	srv, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	cfg := srv.Config()
	if _, ok := cfg.Section("markets"); !ok || len(cfg.Sections) < 5 {
		t.Fatalf("demo sections: %v", cfg.Keys())
	}
	f := feed.NewFetcher(feed.Options{})
	seenIn := map[string]map[string]bool{} // article ID -> sections
	for _, s := range cfg.Sections {
		ids := map[string]bool{}
		for _, u := range append(s.Feeds, s.Ranking) {
			r := f.Fetch(context.Background(), feed.Request{URL: u})
			if r.Status != feed.StatusOK {
				t.Fatalf("%s: %v", u, r.Err)
			}
			again := f.Fetch(context.Background(), feed.Request{URL: u, ETag: r.ETag, LastModified: r.LastModified})
			if again.Status != feed.StatusNotModified {
				t.Errorf("%s: second fetch %v, want not modified", u, again.Status)
			}
			for _, a := range r.Articles {
				if a.Undated || a.Link == "" || a.Author == "" || a.Image == "" || a.Views == 0 {
					t.Errorf("%s: incomplete demo article %+v", u, a)
				}
				ids[a.ID] = true
				if seenIn[a.ID] == nil {
					seenIn[a.ID] = map[string]bool{}
				}
				seenIn[a.ID][s.Key] = true
			}
		}
		if len(ids) < 20 {
			t.Errorf("section %s has %d articles, want 20+", s.Key, len(ids))
		}
	}
	shared := 0
	for _, secs := range seenIn {
		if len(secs) > 1 {
			shared++
		}
	}
	if shared < 20 {
		t.Errorf("only %d stories recur across sections", shared)
	}
}
