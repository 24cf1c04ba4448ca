package cache

import (
	"errors"
	"fmt"
	"testing"

	"newsreader/feed"
)

func sectionsString(t *testing.T, s *Store) string {
	t.Helper()
	infos, err := s.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := ""
	for _, si := range infos {
		out += fmt.Sprintf("%s(%s)%v", si.Key, si.Title, si.Feeds)
		if si.Ranking != "" {
			out += "+" + si.Ranking
		}
		if si.FullText {
			out += "!ft"
		}
		out += " "
	}
	return out
}

func TestSeedingFromConfigOnceThenTheCacheWins(t *testing.T) {
	s := openTemp(t)
	cfg := []feed.Section{
		{Key: "World", Title: "The World", Feeds: []string{"https://a.test/w", "https://b.test/w"}, Ranking: "https://a.test/mr"},
		{Key: "tech", Feeds: []string{"https://a.test/t"}, FullText: true},
	}
	if n, err := s.SeedSubscriptions(ctx, cfg); err != nil || n != 3 {
		t.Fatalf("seeded %d, %v", n, err)
	}
	want := "World(The World)[https://a.test/w https://b.test/w]+https://a.test/mr tech(tech)[https://a.test/t]!ft "
	if got := sectionsString(t, s); got != want {
		t.Fatalf("after seeding:\n got %s\nwant %s", got, want)
	}
	// Seeding again changes nothing.
	if n, err := s.SeedSubscriptions(ctx, cfg); err != nil || n != 0 {
		t.Fatalf("second seed added %d, %v", n, err)
	}
	// A removal in the reader sticks although the config still lists the feed.
	if err := s.Unsubscribe(ctx, "https://b.test/w"); err != nil {
		t.Fatal(err)
	}
	// A feed added to the config later is added; a renamed title is not taken.
	cfg[0].Feeds = append(cfg[0].Feeds, "https://c.test/w")
	cfg[0].Title = "Renamed"
	if n, err := s.SeedSubscriptions(ctx, cfg); err != nil || n != 1 {
		t.Fatalf("third seed added %d, %v", n, err)
	}
	want = "World(The World)[https://a.test/w https://c.test/w]+https://a.test/mr tech(tech)[https://a.test/t]!ft "
	if got := sectionsString(t, s); got != want {
		t.Fatalf("after removal and config edit:\n got %s\nwant %s", got, want)
	}
	// Reset: the config's view again.
	if _, err := s.ResetSubscriptions(ctx, cfg[:1]); err != nil {
		t.Fatal(err)
	}
	want = "World(Renamed)[https://a.test/w https://b.test/w https://c.test/w]+https://a.test/mr "
	if got := sectionsString(t, s); got != want {
		t.Fatalf("after reset:\n got %s\nwant %s", got, want)
	}
}

func TestSubscribeMoveUnsubscribe(t *testing.T) {
	s := openTemp(t)
	if err := s.Subscribe(ctx, "news", "", "https://a.test/feed"); err != nil {
		t.Fatal(err)
	}
	if err := s.Subscribe(ctx, "NEWS", "", "https://a.test/feed"); !errors.Is(err, ErrSubscribed) {
		t.Errorf("second subscribe: %v", err)
	}
	if err := s.Subscribe(ctx, "bad key", "", "https://a.test/x"); err == nil {
		t.Error("a key with a space was accepted")
	}
	if err := s.Subscribe(ctx, "news", "", "ftp://a.test/x"); err == nil {
		t.Error("an ftp URL was accepted")
	}
	if err := s.Subscribe(ctx, "blogs", "Blogs I read", "https://b.test/feed"); err != nil {
		t.Fatal(err)
	}
	if got, want := sectionsString(t, s), "news(news)[https://a.test/feed] blogs(Blogs I read)[https://b.test/feed] "; got != want {
		t.Fatalf("got %s want %s", got, want)
	}
	// Articles of a removed feed leave its section, except starred ones.
	mustSave(t, s, ok("https://a.test/feed", art("1", "https://n.test/1", "One", 1), art("2", "https://n.test/2", "Two", 2)), "news")
	arts, _ := s.Articles(ctx, "news", 0, 10)
	s.SetStarred(ctx, arts[1].ID, true)
	if err := s.MoveFeed(ctx, "https://a.test/feed", "blogs"); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s, "news"); fmt.Sprint(got) != "[Two]" {
		t.Errorf("news after move: %v", got)
	}
	if got, want := sectionsString(t, s), "news(news)[] blogs(Blogs I read)[https://b.test/feed https://a.test/feed] "; got != want {
		t.Fatalf("after move got %s want %s", got, want)
	}
	if err := s.Unsubscribe(ctx, "https://a.test/feed"); err != nil {
		t.Fatal(err)
	}
	if err := s.Unsubscribe(ctx, "https://a.test/feed"); !errors.Is(err, ErrNotSubscribed) {
		t.Errorf("second unsubscribe: %v", err)
	}
	subs, err := s.Subscriptions(ctx)
	if err != nil || len(subs) != 1 || subs[0].URL != "https://b.test/feed" || subs[0].Status != "never fetched" {
		t.Errorf("subscriptions %+v %v", subs, err)
	}
	if _, err := PickSections(mustSections(t, s), "nope"); err == nil {
		t.Error("unknown section picked")
	}
}

func mustSections(t *testing.T, s *Store) []SectionInfo {
	infos, err := s.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return infos
}

func TestFullTextSettings(t *testing.T) {
	s := openTemp(t)
	cfg := []feed.Section{{Key: "world", Feeds: []string{"https://a.test/w", "https://b.test/w"}}}
	if _, err := s.SeedSubscriptions(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	s.Subscribe(ctx, "blogs", "", "https://c.test/feed")
	if err := s.SetSectionFullText(ctx, "blogs", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSectionFullText(ctx, "nope", true); err == nil {
		t.Error("unknown section accepted")
	}
	// The config turns full text on later: it applies at the next start.
	cfg[0].FullTextFeeds = []string{"https://b.test/w"}
	if _, err := s.SeedSubscriptions(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	infos := mustSections(t, s)
	if infos[0].FullText || fmt.Sprint(infos[0].FullTextFeeds) != "[https://b.test/w]" || infos[0].FullTextFor("https://a.test/w") || !infos[0].FullTextFor("https://b.test/w") {
		t.Errorf("world: %+v", infos[0])
	}
	if !infos[1].FullText || !infos[1].FullTextFor("https://c.test/feed") {
		t.Errorf("blogs (not in the config) lost its setting: %+v", infos[1])
	}
	cfg[0].FullText, cfg[0].FullTextFeeds = true, nil
	s.SeedSubscriptions(ctx, cfg)
	if infos = mustSections(t, s); !infos[0].FullText || len(infos[0].FullTextFeeds) != 0 || !infos[0].Section().FullText {
		t.Errorf("world after full_text = true: %+v", infos[0])
	}
}

// A feed filed in two folders (Feedly and Inoreader allow it, and
// newsreader's own export writes a feed once per section) is subscribed
// in both sections; a feed already subscribed before the import, or
// listed twice in one folder, is skipped.
func TestImportKeepsAFeedInEveryCategory(t *testing.T) {
	s := openTemp(t)
	if err := s.Subscribe(ctx, "old", "", "https://had.test/feed"); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(ctx, []ImportEntry{
		{Section: "harbour", SectionTitle: "Harbour", URL: "https://ledger.test/rss", Title: "Ledger"},
		{Section: "harbour", SectionTitle: "Harbour", URL: "https://pics.test/rss", Title: "Pictures"},
		{Section: "must-read", SectionTitle: "Must Read", URL: "https://ledger.test/rss", Title: "The Ledger"},
		{Section: "must-read", SectionTitle: "Must Read", URL: "https://ledger.test/rss", Title: "Ledger again"},
		{Section: "must-read", SectionTitle: "Must Read", URL: "https://had.test/feed", Title: "Had"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Shared != 1 || len(res.Duplicates) != 2 || fmt.Sprint(res.NewSections) != "[harbour must-read]" {
		t.Errorf("result %+v", res)
	}
	want := "old(old)[https://had.test/feed] harbour(Harbour)[https://ledger.test/rss https://pics.test/rss] must-read(Must Read)[https://ledger.test/rss] "
	if got := sectionsString(t, s); got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
	// The same file again adds nothing.
	res, err = s.Import(ctx, []ImportEntry{
		{Section: "harbour", URL: "https://ledger.test/rss"},
		{Section: "must-read", URL: "https://ledger.test/rss"},
	})
	if err != nil || res.Added != 0 || res.Shared != 0 || len(res.Duplicates) != 2 {
		t.Errorf("again: %+v %v", res, err)
	}
}
