package sync_test

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	mf "miniflux.app/v2/client"

	"newsreader/cache"
	"newsreader/cache/sync"
	"newsreader/feed"
	"newsreader/feed/remote"
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

// remoteIDs maps entry URL to the Miniflux entry ID.
func (a *account) ids(t testing.TB, links ...string) []int64 {
	t.Helper()
	ents := a.entries(t)
	out := make([]int64, len(links))
	for i, l := range links {
		e := ents[l]
		if e == nil {
			t.Fatalf("server has no entry %s", l)
		}
		out[i] = e.ID
	}
	return out
}

func TestServerChangesReachCache(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			name := "srv2local-" + kind
			u := site.add(name, 8)
			a := newAccount(t, kind, u)
			st := local(t, u)
			ctx := context.Background()
			link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
			if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
				t.Fatal(err)
			}
			// Changes on the server through REST PUT /v1/entries.
			if err := a.user.Client.UpdateEntries(a.ids(t, link(0), link(1), link(2)), mf.EntryStatusRead); err != nil {
				t.Fatal(err)
			}
			if err := a.user.Client.UpdateEntriesStarred(a.ids(t, link(2), link(5)), true); err != nil {
				t.Fatal(err)
			}
			rep, err := sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pulled.Read != 3 || rep.Pulled.Starred != 2 || rep.Pushed.Total() != 0 {
				t.Errorf("report %+v, want 3 read and 2 starred pulled, nothing pushed", rep)
			}
			arts := articles(t, st)
			for i := 0; i < 8; i++ {
				got := arts[link(i)]
				if got.Read != (i <= 2) || got.Starred != (i == 2 || i == 5) {
					t.Errorf("cached article %d: read %v starred %v", i, got.Read, got.Starred)
				}
			}
			if n := pending(t, st); n != 0 {
				t.Errorf("applying the server's changes queued %d changes to push back", n)
			}
			// Back to unread and unstarred on the server.
			if err := a.user.Client.UpdateEntries(a.ids(t, link(1)), mf.EntryStatusUnread); err != nil {
				t.Fatal(err)
			}
			if err := a.user.Client.UpdateEntriesStarred(a.ids(t, link(5)), false); err != nil {
				t.Fatal(err)
			}
			rep, err = sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pulled.Unread != 1 || rep.Pulled.Unstarred != 1 || rep.Pulled.Total() != 2 {
				t.Errorf("report %+v, want 1 unread and 1 unstarred pulled", rep)
			}
			arts = articles(t, st)
			if arts[link(1)].Read || arts[link(5)].Starred || !arts[link(0)].Read {
				t.Errorf("cache after unread/unstar on the server: %v %v %v", arts[link(1)].Read, arts[link(5)].Starred, arts[link(0)].Read)
			}
			// A sync with nothing new moves nothing.
			rep, err = sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pulled.Total()+rep.Pushed.Total() != 0 {
				t.Errorf("idle sync moved %+v", rep)
			}
		})
	}
}

// A conflict goes to the later change, whichever side made it. The Google
// Reader API gives change times in seconds, hence the pauses.
func TestConflictLaterChangeWins(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			name := "conflict-" + kind
			u := site.add(name, 4)
			a := newAccount(t, kind, u)
			st := local(t, u)
			ctx := context.Background()
			link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
			if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
				t.Fatal(err)
			}
			arts := articles(t, st)
			// Article 0: the server reads it, then the reader reads and
			// unreads it later: unread wins. Article 1: the reader reads and
			// unreads it, then the server reads it later: read wins. Same
			// with stars on articles 2 and 3.
			if err := a.user.Client.UpdateEntries(a.ids(t, link(0)), mf.EntryStatusRead); err != nil {
				t.Fatal(err)
			}
			if err := a.user.Client.UpdateEntriesStarred(a.ids(t, link(2)), true); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1100 * time.Millisecond)
			for _, i := range []int{0, 1} {
				st.SetRead(ctx, arts[link(i)].ID, true)
				st.SetRead(ctx, arts[link(i)].ID, false)
			}
			for _, i := range []int{2, 3} {
				st.SetStarred(ctx, arts[link(i)].ID, true)
				st.SetStarred(ctx, arts[link(i)].ID, false)
			}
			time.Sleep(1100 * time.Millisecond)
			if err := a.user.Client.UpdateEntries(a.ids(t, link(1)), mf.EntryStatusRead); err != nil {
				t.Fatal(err)
			}
			if err := a.user.Client.UpdateEntriesStarred(a.ids(t, link(3)), true); err != nil {
				t.Fatal(err)
			}
			rep, err := sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			want := []struct{ read, starred bool }{{false, false}, {true, false}, {false, false}, {false, true}}
			arts = articles(t, st)
			ents := a.entries(t)
			for i, w := range want {
				c, e := arts[link(i)], ents[link(i)]
				if c.Read != w.read || c.Starred != w.starred {
					t.Errorf("cache article %d: read %v starred %v, want %v %v", i, c.Read, c.Starred, w.read, w.starred)
				}
				if (e.Status == mf.EntryStatusRead) != w.read || e.Starred != w.starred {
					t.Errorf("server entry %d: %s starred %v, want read %v starred %v", i, e.Status, e.Starred, w.read, w.starred)
				}
			}
			if rep.Pushed.Unread != 1 || rep.Pushed.Unstarred != 1 || rep.Pulled.Read != 1 || rep.Pulled.Starred != 1 {
				t.Errorf("report %+v", rep)
			}
			if n := pending(t, st); n != 0 {
				t.Errorf("%d changes left in the outbox", n)
			}
		})
	}
}

// stopAfterFirstPush stops Miniflux once the first batch of a push has
// been acknowledged: the server goes away in the middle of a sync.
type stopAfterFirstPush struct {
	remote.Server
	pushes int
}

func (s *stopAfterFirstPush) Mark(ctx context.Context, ids []string, f remote.Field, on bool) error {
	if s.pushes > 0 {
		env.StopMiniflux()
	}
	s.pushes++
	return s.Server.Mark(ctx, ids, f, on)
}

func TestServerGoneMidSyncLosesNothing(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			name := "gone-" + kind
			u := site.add(name, 1200)
			a := newAccount(t, kind, u)
			st := local(t, u)
			ctx := context.Background()
			t.Cleanup(func() { ensureMiniflux(t) })
			if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
				t.Fatal(err)
			}
			if _, err := st.MarkSectionRead(ctx, "news"); err != nil {
				t.Fatal(err)
			}
			if n := pending(t, st); n != 1200 {
				t.Fatalf("outbox holds %d, want 1200", n)
			}
			// Down before the sync starts: the pull fails, nothing moves.
			env.StopMiniflux()
			_, err := sync.Run(ctx, st, a.srv, opts(a))
			if err == nil {
				t.Fatal("sync with the server down succeeded")
			}
			if n := pending(t, st); n != 1200 {
				t.Fatalf("outbox holds %d after a failed sync, want 1200", n)
			}
			st2, err := sync.ReadStatus(ctx, st)
			if err != nil || st2.LastErr == "" || st2.Pending != 1200 {
				t.Errorf("status after failure: %+v %v", st2, err)
			}
			ensureMiniflux(t)
			// Down after the first batch was acknowledged.
			_, err = sync.Run(ctx, st, &stopAfterFirstPush{Server: a.srv}, opts(a))
			if err == nil {
				t.Fatal("sync survived the server going away")
			}
			left := pending(t, st)
			if left == 0 || left >= 1200 {
				t.Fatalf("outbox holds %d after a sync cut short, want some but not all of 1200 acknowledged", left)
			}
			ensureMiniflux(t)
			rep, err := sync.Run(ctx, st, a.srv, opts(a))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pushed.Read != left {
				t.Errorf("resumed sync pushed %d, want the %d left", rep.Pushed.Read, left)
			}
			if n := pending(t, st); n != 0 {
				t.Errorf("outbox holds %d after the resumed sync", n)
			}
			unread := 0
			for _, e := range a.entries(t) {
				if e.Status != mf.EntryStatusRead {
					unread++
				}
			}
			if unread != 0 {
				t.Errorf("%d entries still unread on the server", unread)
			}
			if s, _ := sync.ReadStatus(ctx, st); s.LastErr != "" || s.LastOK.IsZero() {
				t.Errorf("status after success: %+v", s)
			}
		})
	}
}

func ensureMiniflux(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if env.Admin.HealthcheckContext(ctx) == nil {
		return
	}
	if err := env.StartMiniflux(); err != nil {
		t.Fatal(err)
	}
}

type state struct{ read, starred bool }

func cacheStates(t testing.TB, st *cache.Store) map[string]state {
	m := map[string]state{}
	for l, a := range articles(t, st) {
		m[l] = state{a.Read, a.Starred}
	}
	return m
}

func serverStates(t testing.TB, a *account) map[string]state {
	m := map[string]state{}
	for l, e := range a.entries(t) {
		m[l] = state{e.Status == mf.EntryStatusRead, e.Starred}
	}
	return m
}

// Two devices with their own caches converge through the server whichever
// syncs first.
func TestTwoCachesConverge(t *testing.T) {
	for _, kind := range kinds {
		for _, order := range []string{"AB", "BA"} {
			t.Run(kind+"/"+order, func(t *testing.T) {
				site := newSite(t)
				name := "converge-" + kind + order
				u := site.add(name, 20)
				a := newAccount(t, kind, u)
				ctx := context.Background()
				dev := map[byte]*cache.Store{'A': local(t, u), 'B': local(t, u)}
				for _, d := range dev {
					if _, err := sync.Run(ctx, d, a.srv, opts(a)); err != nil {
						t.Fatal(err)
					}
				}
				link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
				artsA, artsB := articles(t, dev['A']), articles(t, dev['B'])
				for i := 0; i < 6; i++ {
					dev['A'].SetRead(ctx, artsA[link(i)].ID, true)
				}
				dev['A'].SetStarred(ctx, artsA[link(10)].ID, true)
				for i := 4; i < 10; i++ {
					dev['B'].SetRead(ctx, artsB[link(i)].ID, true)
				}
				dev['B'].SetStarred(ctx, artsB[link(11)].ID, true)
				for _, d := range []byte{order[0], order[1], order[0]} {
					if _, err := sync.Run(ctx, dev[d], a.srv, opts(a)); err != nil {
						t.Fatal(err)
					}
				}
				ca, cb, sv := cacheStates(t, dev['A']), cacheStates(t, dev['B']), serverStates(t, a)
				for i := 0; i < 20; i++ {
					want := state{read: i < 10, starred: i == 10 || i == 11}
					if ca[link(i)] != want || cb[link(i)] != want || sv[link(i)] != want {
						t.Errorf("article %d: A %+v B %+v server %+v, want %+v", i, ca[link(i)], cb[link(i)], sv[link(i)], want)
					}
				}
			})
		}
	}
}

// Subscriptions: a server feed missing here is offered, or with "add"
// subscribed to in the section named after its category; a local feed
// missing on the server is subscribed to there under its section's title.
func TestSubscriptionsReconcile(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			shared := site.add("subs-shared-"+kind, 2)
			onlyRemote := site.add("subs-remote-"+kind, 3)
			onlyLocal := site.add("subs-local-"+kind, 2)
			a := newAccount(t, kind, shared, onlyRemote)
			ctx := context.Background()
			st := local(t, shared, onlyLocal)
			if _, err := st.SeedSubscriptions(ctx, []feed.Section{{Key: "news", Title: "News", Feeds: []string{shared, onlyLocal}}}); err != nil {
				t.Fatal(err)
			}
			o := opts(a)
			o.Subscriptions = "offer"
			o.Local = []sync.Subscription{{URL: shared, Section: "news", SectionTitle: "News"}, {URL: onlyLocal, Section: "news", SectionTitle: "Home Page"}}
			rep, err := sync.Run(ctx, st, a.srv, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Offered) != 1 || rep.Offered[0].URL != onlyRemote || rep.Offered[0].Category != "News" || len(rep.Added)+len(rep.PushedUp) != 0 {
				t.Fatalf("offer: %+v", rep)
			}
			o.Subscriptions = "add"
			o.Subscribe = st.Subscribe
			rep, err = sync.Run(ctx, st, a.srv, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Added) != 1 || rep.Added[0] != onlyRemote || len(rep.PushedUp) != 1 || rep.PushedUp[0] != onlyLocal {
				t.Fatalf("add: %+v", rep)
			}
			secs, err := st.Sections(ctx)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, s := range secs {
				for _, f := range s.Feeds {
					if f == onlyRemote {
						found = s.Key == "news"
					}
				}
			}
			if !found {
				t.Errorf("the server's feed is not in section news (its category): %+v", secs)
			}
			feeds, err := a.user.Client.Feeds()
			if err != nil {
				t.Fatal(err)
			}
			cat := ""
			for _, f := range feeds {
				if f.FeedURL == onlyLocal && f.Category != nil {
					cat = f.Category.Title
				}
			}
			if cat != "Home Page" {
				t.Errorf("the local feed on the server is in category %q, want its section's title", cat)
			}
		})
	}
}

// With source = "server" the reader takes entries from the server: a cache
// that fetched nothing gets the server's entries, with their state, in the
// section named after their category.
func TestEntriesFromServer(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			name := "fromsrv-" + kind
			u := site.add(name, 6)
			a := newAccount(t, kind, u)
			ctx := context.Background()
			link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
			if err := a.user.Client.UpdateEntries(a.ids(t, link(1)), mf.EntryStatusRead); err != nil {
				t.Fatal(err)
			}
			st, err := cache.Open(t.TempDir() + "/c.db")
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			o := opts(a)
			o.FromServer = true
			rep, err := sync.Run(ctx, st, a.srv, o)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Cached != 6 {
				t.Errorf("cached %d entries from the server, want 6", rep.Cached)
			}
			arts := articles(t, st) // section "news", from the category "News"
			if len(arts) != 6 {
				t.Fatalf("section news holds %d articles, want 6", len(arts))
			}
			if !arts[link(1)].Read || arts[link(2)].Read || arts[link(3)].Title != name+" story 3" {
				t.Errorf("articles from the server: %+v", arts[link(1)])
			}
			full, err := st.Get(ctx, arts[link(3)].ID)
			if err != nil || !strings.Contains(full.Content, "Body of "+name+" 3") {
				t.Errorf("content from the server: %q %v", full.Content, err)
			}
			// Reading here goes back up, as for fetched feeds.
			st.SetRead(ctx, arts[link(4)].ID, true)
			if _, err := sync.Run(ctx, st, a.srv, o); err != nil {
				t.Fatal(err)
			}
			if !serverStates(t, a)[link(4)].read {
				t.Error("a read of a server-sourced article did not reach the server")
			}
		})
	}
}

// Entries the server purged are forgotten, not asked for at every sync
// (the Google Reader API cannot list changes, so the client diffs).
func TestPurgedEntriesForgotten(t *testing.T) {
	site := newSite(t)
	u1, u2 := site.add("purge-a", 3), site.add("purge-b", 2)
	a := newAccount(t, "greader", u1, u2)
	st := local(t, u1, u2)
	ctx := context.Background()
	count := func() int {
		var n int
		st.DB().QueryRow("SELECT count(*) FROM sync_remote").Scan(&n)
		return n
	}
	if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 5 {
		t.Fatalf("%d remote entries known, want 5", n)
	}
	if err := a.user.Client.DeleteFeed(a.feeds[u1]); err != nil {
		t.Fatal(err)
	}
	if _, err := sync.Run(ctx, st, a.srv, opts(a)); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("%d remote entries known after the server dropped a feed of 3, want 2", n)
	}
}

// Articles match remote entries by feed URL and GUID when their links
// differ (Miniflux's entry hash; the Google Reader API gives no GUID, so
// there the link must match).
func TestMatchByGUIDWhenLinksDiffer(t *testing.T) {
	site := newSite(t)
	name := "byagent-guid"
	u := site.add(name, 4)
	a := newAccount(t, "miniflux", u)
	st := local(t, u)
	ctx := context.Background()
	link := func(i int) string { return site.srv.URL + "/" + name + "/" + itoa(i) }
	ents := a.entries(t)
	if ents[link(1)+"?via=server"] == nil || ents[link(1)] != nil {
		t.Fatalf("the server should hold other links than the cache: %v", ents)
	}
	if err := a.user.Client.UpdateEntries([]int64{ents[link(1)+"?via=server"].ID}, mf.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	arts := articles(t, st)
	st.SetStarred(ctx, arts[link(2)].ID, true)
	rep, err := sync.Run(ctx, st, a.srv, opts(a))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Matched != 4 || rep.Pulled.Read != 1 || rep.Pushed.Starred != 1 {
		t.Errorf("report %+v, want 4 matched, 1 read pulled, 1 star pushed", rep)
	}
	if !articles(t, st)[link(1)].Read {
		t.Error("the server's read did not reach the article with the same GUID")
	}
	if !a.entries(t)[link(2)+"?via=server"].Starred {
		t.Error("the star did not reach the entry with the same GUID")
	}
}

// A feed that moved here (a permanent redirect) is the same feed as the
// server's subscription at its old address: reconciling neither adds the
// old address here nor subscribes the server to the new one (which left
// the server with the feed twice), and entries known only by their guid
// still find their articles.
func TestMovedFeedReconcilesWithItsOldAddress(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			site := newSite(t)
			// byagent: Miniflux sees other links, so only the guids match
			// (the Google Reader API gives none: there the links do).
			pre := "moved-"
			if kind == "miniflux" {
				pre = "byagent-moved-"
			}
			oldURL := site.add(pre+"old-"+kind, 3)
			newURL := site.add(pre+"new-"+kind, 3)
			a := newAccount(t, kind, oldURL) // before the move
			ctx := context.Background()
			st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.SeedSubscriptions(ctx, []feed.Section{{Key: "news", Title: "News", Feeds: []string{oldURL}}}); err != nil {
				t.Fatal(err)
			}
			refresh(t, st, oldURL) // read here before the move too
			site.move(pre+"old-"+kind, newURL)
			infos, err := st.Sections(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Refresh(ctx, feed.NewFetcher(feed.Options{}), cache.ConfigSections(infos), nil); err != nil {
				t.Fatal(err)
			}
			if infos, err = st.Sections(ctx); err != nil || len(infos) != 1 || !slices.Equal(infos[0].Feeds, []string{newURL}) {
				t.Fatalf("the move was not taken here: %v %+v", err, infos)
			}
			o := opts(a)
			o.Subscriptions = "add"
			o.Subscribe = st.Subscribe
			o.Local = []sync.Subscription{{URL: newURL, Section: "news", SectionTitle: "News"}}
			rep, err := sync.Run(ctx, st, a.srv, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Added) != 0 || len(rep.PushedUp) != 0 {
				t.Errorf("reconciled the moved feed with itself: added here %v, pushed to the server %v", rep.Added, rep.PushedUp)
			}
			if rep.Seen != 3 || rep.Matched != 3 {
				t.Errorf("the server's entries of the feed at its old address: %d seen, %d matched, want 3 and 3", rep.Seen, rep.Matched)
			}
			feeds, err := a.user.Client.Feeds()
			if err != nil {
				t.Fatal(err)
			}
			if len(feeds) != 1 {
				t.Errorf("the server has %d feeds, want 1", len(feeds))
			}
		})
	}
}
