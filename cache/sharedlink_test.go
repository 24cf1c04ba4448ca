package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsreader/feed"
)

// A feed whose items all link to one page (a podcast's episodes to the
// show's page, a port's notices to its notices page) but have guids of
// their own keeps every item: the shared link does not make them one
// article, at the first refresh or later ones, and each opens that page.
// A feed that changes its guids keeps joining its items to the stored
// ones by their own links, as before.
func TestItemsSharingALinkStayApart(t *testing.T) {
	var round atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>Port Notices</title><link>https://port.test/notices</link>`)
		n := 3 + int(round.Load())
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, `<item><title>Berth %d closed</title><link>https://port.test/notices</link><guid isPermaLink="false">notice-%d</guid><pubDate>Fri, 27 Nov 2026 %02d:00:00 +0000</pubDate><description>Berth %d is shut for dredging until further notice.</description></item>`, i, i, i, i)
		}
		// An item with its own page, whose guid scheme changes between
		// refreshes: still one article.
		fmt.Fprintf(&b, `<item><title>Harbour dues for 2027</title><link>https://port.test/dues-2027</link><guid isPermaLink="false">dues-v%d</guid><pubDate>Thu, 26 Nov 2026 09:00:00 +0000</pubDate></item>`, round.Load())
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "port", Title: "Port", Feeds: []string{srv.URL}}}); err != nil {
		t.Fatal(err)
	}
	titles := func() map[string]string {
		t.Helper()
		arts, err := s.Articles(ctx, "port", 0, 20)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, a := range arts {
			if _, dup := out[a.Title]; dup {
				t.Errorf("%q listed twice", a.Title)
			}
			out[a.Title] = a.Link
		}
		return out
	}
	for r := range 2 {
		round.Store(int32(r))
		refreshAll(t, s, feed.NewFetcher(feed.Options{}))
		got := titles()
		if len(got) != 3+r+1 {
			t.Errorf("round %d: %d articles, want %d: %v", r, len(got), 3+r+1, got)
		}
		for i := 1; i <= 3+r; i++ {
			if link, ok := got[fmt.Sprintf("Berth %d closed", i)]; !ok || link != "https://port.test/notices" {
				t.Errorf("round %d: Berth %d: listed %v, link %q", r, i, ok, link)
			}
		}
		if got["Harbour dues for 2027"] != "https://port.test/dues-2027" {
			t.Errorf("round %d: dues item %v", r, got)
		}
	}
}

// A feed that stamps its items with the time of each request (generated
// feeds, some CMSs) does not bring an old article back to the top of the
// list at every refresh: a date later than the article's first sighting
// cannot be when it was published, and is not taken. A corrected date is
// taken, earlier or later (a post dated a year back by a typo in its
// year, corrected), when it is before the article was first seen.
func TestRestampedItemKeepsItsFirstDate(t *testing.T) {
	var stamp atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Always now</title><item><title>Quay report</title><link>https://now.test/1</link><guid>now-1</guid><pubDate>%s</pubDate><description>The same report.</description></item></channel></rss>`, stamp.Load())
	}))
	defer srv.Close()
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "now", Title: "Now", Feeds: []string{srv.URL}}}); err != nil {
		t.Fatal(err)
	}
	published := func() string {
		t.Helper()
		arts, err := s.Articles(ctx, "now", 0, 5)
		if err != nil || len(arts) != 1 {
			t.Fatalf("articles: %v %v", err, arts)
		}
		return arts[0].Published.UTC().Format("2006-01-02 15:04")
	}
	start := time.Now().UTC().Truncate(time.Minute)
	at := func(d time.Duration) time.Time { return start.Add(d) }
	for _, c := range []struct {
		name        string
		stamp, want time.Time
	}{
		{"first", at(-365*24*time.Hour - 3*time.Hour), at(-365*24*time.Hour - 3*time.Hour)},
		{"year corrected later", at(-3 * time.Hour), at(-3 * time.Hour)},
		{"restamped at the request", at(time.Hour), at(-3 * time.Hour)}, // after the first sighting: kept
		{"corrected earlier", at(-4 * time.Hour), at(-4 * time.Hour)},
		{"restamped again", at(2 * time.Minute), at(-4 * time.Hour)},
	} {
		stamp.Store(c.stamp.Format(time.RFC1123Z))
		refreshAll(t, s, feed.NewFetcher(feed.Options{}))
		if got, want := published(), c.want.Format("2006-01-02 15:04"); got != want {
			t.Errorf("%s: feed says %s: published %s, want %s", c.name, c.stamp.Format(time.RFC1123Z), got, want)
		}
	}
}

// A section whose key has accents (an imported French category,
// "actualités-françaises") is found by --section typed without them, as
// a keyboard without them types it; another section is not.
func TestSectionKeyTypedWithoutAccents(t *testing.T) {
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{
		{Key: "actualités-françaises", Title: "Actualités françaises", Feeds: []string{"https://fr.test/rss"}},
		{Key: "monde", Title: "Monde", Feeds: []string{"https://fr.test/monde"}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"actualites-francaises", "ACTUALITES-FRANCAISES", "Actualités-Françaises"} {
		if got, err := PickSections(mustSections(t, s), k); err != nil || len(got) != 1 || got[0].Key != "actualités-françaises" {
			t.Errorf("--section %s: %v, %v", k, got, err)
		}
	}
	if _, err := PickSections(mustSections(t, s), "actualites"); err == nil {
		t.Error("--section actualites found a section")
	}
}

// German's ß and ss find each other: "strassenbahn" (typed on a keyboard
// without ß) finds "Straßenbahn", "Straße " finds the Swiss "Strasse";
// other words are searched as before.
func TestSearchSharpS(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, ok("https://kueste.example/feed",
		news("Küstenbote", "kueste.example", 10, "Straßenbahn fährt wieder", "Die Straßenbahn fährt ab Montag wieder über die Brücke."),
		news("Zürcher Blatt", "zuerich.example", 20, "Neue Strasse eröffnet", "Die Strasse zum Hafen ist offen."),
		news("Küstenbote", "kueste.example", 30, "Hafenfest", "Viele Gäste kamen."),
	), "welt")
	for q, want := range map[string]string{
		"strassenbahn":  "Straßenbahn fährt wieder",
		"strassenb":     "Straßenbahn fährt wieder", // being typed
		"Strassenbahn ": "Straßenbahn fährt wieder",
		"straße ":       "Neue Strasse eröffnet",
		"hafenfest ":    "Hafenfest",
	} {
		hits, n, err := s.Search(ctx, "", q, 0, 10)
		if err != nil || n != 1 || len(hits) != 1 || hits[0].Title != want {
			var titles []string
			for _, h := range hits {
				titles = append(titles, h.Title)
			}
			t.Errorf("%q: %d hits %v, %v; want %q", q, n, titles, err, want)
		}
	}
}

// A feed that lists only its latest notice or episode, linked to the
// feed's own site page (the channel's link), keeps each one it has given:
// the site's page is no article's own, so a new notice is not taken for
// the one stored before (it was overwritten, never shown as new).
func TestLoneItemLinkingToTheSiteIsItsOwn(t *testing.T) {
	s, setRound := roundFeed(t, "port", func(n int) string {
		return fmt.Sprintf(`<rss version="2.0"><channel><title>Port Notices</title><link>https://port.test/notices</link><item><title>Notice %d</title><link>https://port.test/notices</link><guid isPermaLink="false">notice-%d</guid><pubDate>Fri, 27 Nov 2026 %02d:00:00 +0000</pubDate><description>Berth %d is shut.</description></item></channel></rss>`, n, n, 10+n, n)
	})
	for r := range 2 {
		setRound(r)
		refreshAll(t, s, feed.NewFetcher(feed.Options{}))
	}
	titles := sectionTitles(t, s, "port")
	if strings.Join(titles, "|") != "Notice 1|Notice 0" {
		t.Errorf("articles %q, want Notice 1 and Notice 0", titles)
	}
}

// An item a feed lists twice (pinned at the top and in its place, the
// same guid and link) is still the article stored when it was listed
// once: its link is its own, shared with no other item, so it joins the
// stored article by it (it came back as a second article).
func TestItemListedTwiceIsStillOneArticle(t *testing.T) {
	s, setRound := roundFeed(t, "port", func(round int) string {
		item := `<item><title>Ferry timetable changes</title><link>https://port.test/ferry</link><guid isPermaLink="false">ferry-1</guid><pubDate>Fri, 27 Nov 2026 09:00:00 +0000</pubDate><description>New sailings from Monday.</description></item>`
		other := `<item><title>Berth 2 closed</title><link>https://port.test/berth</link><guid isPermaLink="false">berth-2</guid><pubDate>Fri, 27 Nov 2026 08:00:00 +0000</pubDate><description>Dredging.</description></item>`
		body := item + other
		if round > 0 {
			body = item + item + other // pinned, and in its place
		}
		return fmt.Sprintf(`<rss version="2.0"><channel><title>Port</title><link>https://port.test/</link>%s</channel></rss>`, body)
	})
	for r := range 2 {
		setRound(r)
		refreshAll(t, s, feed.NewFetcher(feed.Options{}))
		titles := sectionTitles(t, s, "port")
		if strings.Join(titles, "|") != "Ferry timetable changes|Berth 2 closed" {
			t.Errorf("round %d: articles %q, want the ferry's and the berth's once each", r, titles)
		}
	}
}

// An article two feeds carry (joined by its link) keeps the earlier of
// their dates: a later one from the other feed is no correction, and the
// article does not swap dates at every refresh.
func TestArticleOfTwoFeedsKeepsTheEarlierDate(t *testing.T) {
	start := time.Now().UTC().Truncate(time.Minute)
	dates := map[string]time.Time{"/a.xml": start.Add(-3 * time.Hour), "/b.xml": start.Add(-2 * time.Hour)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title><item><title>Quay reopens</title><link>https://wire.test/quay</link><guid isPermaLink="false">%s-quay</guid><pubDate>%s</pubDate><description>The quay reopens.</description></item></channel></rss>`,
			r.URL.Path, r.URL.Path, dates[r.URL.Path].Format(time.RFC1123Z))
	}))
	defer srv.Close()
	s := openTemp(t)
	f := feed.NewFetcher(feed.Options{})
	for _, p := range []string{"/a.xml", "/b.xml", "/a.xml", "/b.xml"} {
		if _, err := s.Refresh(ctx, f, []feed.Section{{Key: "top", Feeds: []string{srv.URL + p}}}, nil); err != nil {
			t.Fatal(err)
		}
		arts, err := s.Articles(ctx, "top", 0, 5)
		if err != nil || len(arts) != 1 {
			t.Fatalf("after %s: %v %v", p, err, arts)
		}
		if got, want := arts[0].Published.UTC(), dates["/a.xml"]; !got.Equal(want) {
			t.Errorf("after %s: published %v, want %v (feed a's, the earlier)", p, got, want)
		}
	}
}

// A feed with no guids whose one item links to the site's front page (a
// daily puzzle, a comic) keeps each day's item: the front page is no
// item's ID, so the next day's item was taken for the stored one.
func TestGuidlessItemLinkingToTheSiteIsItsOwn(t *testing.T) {
	s, setRound := roundFeed(t, "knot", func(n int) string {
		return fmt.Sprintf(`<rss version="2.0"><channel><title>Daily Knot</title><link>https://knot.test/</link><item><title>Knot %d</title><link>https://knot.test/</link><pubDate>Fri, 27 Nov 2026 %02d:00:00 +0000</pubDate><description>Today's knot: number %d.</description></item></channel></rss>`, n, 10+n, n)
	})
	for r := range 2 {
		setRound(r)
		refreshAll(t, s, feed.NewFetcher(feed.Options{}))
		refreshAll(t, s, feed.NewFetcher(feed.Options{})) // again: no new article
	}
	titles := sectionTitles(t, s, "knot")
	if strings.Join(titles, "|") != "Knot 1|Knot 0" {
		t.Errorf("articles %q, want Knot 1 and Knot 0", titles)
	}
}

// roundFeed serves body(round) as one feed, round being the one last set
// (0 first), from section key of a new cache.
func roundFeed(t *testing.T, key string, body func(round int) string) (*Store, func(int)) {
	t.Helper()
	var round atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, body(int(round.Load())))
	}))
	t.Cleanup(srv.Close)
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: key, Title: key, Feeds: []string{srv.URL}}}); err != nil {
		t.Fatal(err)
	}
	return s, func(r int) { round.Store(int32(r)) }
}

// sectionTitles is the titles of a section's articles, newest first.
func sectionTitles(t *testing.T, s *Store, key string) []string {
	t.Helper()
	arts, err := s.Articles(ctx, key, 0, 20)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	return titles
}
