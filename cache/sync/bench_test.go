package sync_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	mf "miniflux.app/v2/client"

	"newsreader/cache"
	"newsreader/cache/sync"
)

// benchSetup makes an account with feeds*per entries on the server and a
// closed cache file that has fetched the same feeds (not yet synced).
func benchSetup(b *testing.B, kind string, feeds, per int) (*account, string, []string) {
	b.Helper()
	site := newSite(b)
	var urls []string
	for i := 0; i < feeds; i++ {
		urls = append(urls, site.add(fmt.Sprintf("bench-%s-%d-%d", kind, per, i), per))
	}
	a := newAccount(b, kind, urls...)
	dir := b.TempDir()
	tmpl := filepath.Join(dir, "template.db")
	st, err := cache.Open(tmpl)
	if err != nil {
		b.Fatal(err)
	}
	refresh(b, st, urls...)
	st.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	st.Close()
	return a, tmpl, urls
}

func copyFile(b *testing.B, from, to string) {
	src, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
	dst.Close()
}

// BenchmarkFirstSync10k: a cache of 10,000 articles meets a server with the
// same 10,000 entries for the first time (pull, match, nothing to push).
func BenchmarkFirstSync10k(b *testing.B) {
	for _, kind := range kinds {
		b.Run(kind, func(b *testing.B) {
			needEnv(b)
			a, tmpl, _ := benchSetup(b, kind, 20, 500)
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				p := filepath.Join(b.TempDir(), fmt.Sprintf("c%d.db", i))
				copyFile(b, tmpl, p)
				st, err := cache.Open(p)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rep, err := sync.Run(ctx, st, a.srv, opts(a))
				if err != nil || rep.Seen != 10000 || rep.Matched != 10000 {
					b.Fatalf("first sync: %+v %v", rep, err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
		})
	}
}

// BenchmarkIncremental100: 100 changes here and 100 on the server since
// the last sync.
func BenchmarkIncremental100(b *testing.B) {
	for _, kind := range kinds {
		b.Run(kind, func(b *testing.B) {
			needEnv(b)
			a, tmpl, _ := benchSetup(b, kind, 10, 500)
			st, err := cache.Open(tmpl)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
				b.Fatal(err)
			}
			arts, err := st.Articles(ctx, "news", 0, 5000)
			if err != nil {
				b.Fatal(err)
			}
			ents := a.entries(b)
			var serverIDs []int64
			for _, e := range ents {
				serverIDs = append(serverIDs, e.ID)
			}
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				on := i%2 == 0
				// Local: 100 articles from the first half; server: 100 entries
				// (by ID order, so possibly other articles).
				for j := 0; j < 100; j++ {
					st.SetStarred(ctx, arts[j].ID, on)
				}
				status := mf.EntryStatusUnread
				if on {
					status = mf.EntryStatusRead
				}
				if err := a.user.Client.UpdateEntries(serverIDs[len(serverIDs)-100:], status); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rep, err := sync.Run(ctx, st, a.srv, opts(a))
				if err != nil || rep.Pushed.Total() != 100 || rep.Pulled.Total() != 100 {
					b.Fatalf("incremental sync: %+v %v", rep, err)
				}
			}
		})
	}
}

// BenchmarkPush1000: 1,000 local state changes in one sync.
func BenchmarkPush1000(b *testing.B) {
	for _, kind := range kinds {
		b.Run(kind, func(b *testing.B) {
			needEnv(b)
			a, tmpl, _ := benchSetup(b, kind, 4, 500)
			st, err := cache.Open(tmpl)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
				b.Fatal(err)
			}
			arts, err := st.Articles(ctx, "news", 0, 2000)
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				for j := 0; j < 1000; j++ {
					st.SetRead(ctx, arts[j].ID, i%2 == 0)
				}
				b.StartTimer()
				rep, err := sync.Run(ctx, st, a.srv, opts(a))
				if err != nil || rep.Pushed.Total() != 1000 {
					b.Fatalf("push 1000: %+v %v", rep, err)
				}
			}
		})
	}
}
