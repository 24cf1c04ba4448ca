package sync_test

import (
	"context"
	"strconv"
	"testing"

	mf "miniflux.app/v2/client"

	"newsreader/cache/sync"
)

func opts(a *account) sync.Options {
	return sync.Options{Identity: a.kind + " " + env.URL + " " + a.user.Name, Subscriptions: "off"}
}

func TestLocalChangesReachServer(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			needEnv(t)
			site := newSite(t)
			u := site.add("local2srv-"+kind, 10)
			a := newAccount(t, kind, u)
			st := local(t, u)
			ctx := context.Background()
			arts := articles(t, st)
			if len(arts) != 10 {
				t.Fatalf("cached %d articles, want 10", len(arts))
			}
			link := func(i int) string { return site.srv.URL + "/local2srv-" + kind + "/" + itoa(i) }
			for _, i := range []int{1, 2, 3} {
				if err := st.SetRead(ctx, arts[link(i)].ID, true); err != nil {
					t.Fatal(err)
				}
			}
			for _, i := range []int{3, 4} {
				if err := st.SetStarred(ctx, arts[link(i)].ID, true); err != nil {
					t.Fatal(err)
				}
			}
			if n := pending(t, st); n != 5 {
				t.Fatalf("outbox holds %d changes, want 5", n)
			}
			rep, err := sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pushed.Read != 3 || rep.Pushed.Starred != 2 || rep.Pulled.Total() != 0 {
				t.Errorf("report %+v, want 3 read and 2 starred pushed, nothing pulled", rep)
			}
			if n := pending(t, st); n != 0 {
				t.Errorf("outbox holds %d changes after the sync, want 0", n)
			}
			ents := a.entries(t)
			for i := 0; i < 10; i++ {
				e := ents[link(i)]
				if e == nil {
					t.Fatalf("server has no entry %s", link(i))
				}
				wantRead := i >= 1 && i <= 3
				wantStar := i == 3 || i == 4
				if (e.Status == mf.EntryStatusRead) != wantRead || e.Starred != wantStar {
					t.Errorf("server entry %d: status %s starred %v, want read %v starred %v", i, e.Status, e.Starred, wantRead, wantStar)
				}
			}
			// Unread and unstar go up too.
			st.SetRead(ctx, arts[link(2)].ID, false)
			st.SetStarred(ctx, arts[link(4)].ID, false)
			rep, err = sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pushed.Unread != 1 || rep.Pushed.Unstarred != 1 || rep.Pulled.Total() != 0 {
				t.Errorf("second report %+v, want 1 unread and 1 unstarred pushed, nothing pulled", rep)
			}
			ents = a.entries(t)
			if ents[link(2)].Status != mf.EntryStatusUnread || ents[link(4)].Starred {
				t.Errorf("server did not take unread/unstar: %s %v", ents[link(2)].Status, ents[link(4)].Starred)
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
