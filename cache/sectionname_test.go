package cache

import (
	"strings"
	"testing"

	"newsreader/feed"
	"newsreader/feed/opml"
)

// One name is one section wherever it comes from: a folder a sync server
// had before keys were made alike ("tech---apps"), a config section titled
// so, and an OPML category of that name all end in the section that holds
// it already, not in new ones beside it.
func TestOneNameIsOneSection(t *testing.T) {
	s := openTemp(t)
	// As an older version stored a synced folder: its own key form.
	if err := s.Subscribe(ctx, "tech---apps", "Tech / Apps", "https://a.test/synced"); err != nil {
		t.Fatal(err)
	}
	// A config section titled alike, under a key of its own.
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "ta", Title: "tech / apps", Feeds: []string{"https://b.test/config"}}}); err != nil {
		t.Fatal(err)
	}
	// The same folder synced now.
	if err := s.Subscribe(ctx, feed.SectionKey("Tech / Apps"), "Tech / Apps", "https://c.test/synced-now"); err != nil {
		t.Fatal(err)
	}
	// An OPML file with the folder.
	doc, err := opml.Parse(strings.NewReader(`<opml version="2.0"><body><outline text="Tech/Apps">
<outline type="rss" text="D" xmlUrl="https://d.test/opml"/></outline></body></opml>`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(ctx, []ImportEntry{{Section: doc.Feeds[0].Section, SectionTitle: doc.Feeds[0].SectionTitle, URL: doc.Feeds[0].URL}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewSections) != 0 || res.Added != 1 {
		t.Errorf("import: %+v", res)
	}
	// A user typing the key as made now reaches the same section.
	if err := s.Subscribe(ctx, "tech-apps", "", "https://e.test/typed"); err != nil {
		t.Fatal(err)
	}
	key, err := s.SectionFor(ctx, feed.SectionKey("TECH / APPS"), "TECH / APPS")
	if err != nil || key != "tech---apps" {
		t.Errorf("SectionFor = %q, %v", key, err)
	}
	want := "tech---apps(Tech / Apps)[https://a.test/synced https://b.test/config https://c.test/synced-now https://d.test/opml https://e.test/typed] "
	if got := sectionsString(t, s); got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
	// Other names stay other sections.
	if err := s.Subscribe(ctx, "tech", "Tech", "https://f.test/other"); err != nil {
		t.Fatal(err)
	}
	if got := len(mustSections(t, s)); got != 2 {
		t.Errorf("%d sections: %s", got, sectionsString(t, s))
	}
}

// Re-importing an OPML file written by an older version, whose long
// categories were stored under their whole keys before keys were cut,
// adds its new feeds to those sections: no short-key section beside each
// long one, and no feed twice, however its address is spelt.
func TestReimportingAnOldOPMLMakesNoDuplicates(t *testing.T) {
	s := openTemp(t)
	longA := "international-affairs-europe-and-the-eastern-partnership-countries"
	longB := "international-affairs-europe-and-the-middle-east"
	for i, sec := range [][2]string{
		{longA, "International Affairs / Europe and the Eastern Partnership Countries"},
		{longB, "International Affairs / Europe and the Middle East"},
	} {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO sections(key, title, position) VALUES(?, ?, ?)", sec[0], sec[1], i+1); err != nil {
			t.Fatal(err)
		}
	}
	for _, sub := range [][2]string{{longA, "https://a.test/feed"}, {longB, "https://b.test/feed"}, {longB, "https://moved.test/new"}} {
		if err := s.Subscribe(ctx, sub[0], "", sub[1]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO feed_moves(old, new, moved_at) VALUES('https://moved.test/old', 'https://moved.test/new', 1)"); err != nil {
		t.Fatal(err)
	}
	// The older export: the whole keys given, one feed since added
	// elsewhere, one at the address it moved from, one spelt differently.
	old := `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0" xmlns:newsreader="https://newsreader.invalid/opml"><body>
<outline text="International Affairs / Europe and the Eastern Partnership Countries" newsreader:key="` + longA + `">
  <outline type="rss" text="A" xmlUrl="http://A.TEST/feed"/>
  <outline type="rss" text="C" xmlUrl="https://c.test/feed"/>
</outline>
<outline text="International Affairs / Europe and the Middle East" newsreader:key="` + longB + `">
  <outline type="rss" text="B" xmlUrl="https://b.test/feed"/>
  <outline type="rss" text="M" xmlUrl="https://moved.test/old"/>
  <outline type="rss" text="D" xmlUrl="https://d.test/feed"/>
</outline></body></opml>`
	// And a third-party export of the same categories, nested.
	nested := `<opml version="2.0"><body><outline text="International Affairs">
<outline text="Europe and the Eastern Partnership Countries"><outline type="rss" text="E" xmlUrl="https://e.test/feed"/></outline>
<outline text="Europe and the Middle East"><outline type="rss" text="F" xmlUrl="https://f.test/feed"/><outline type="rss" text="D" xmlUrl="https://d.test/feed/"/></outline>
</outline></body></opml>`
	for round, file := range []string{old, old, nested} {
		doc, err := opml.Parse(strings.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		var entries []ImportEntry
		for _, f := range doc.Feeds {
			entries = append(entries, ImportEntry{Section: f.Section, SectionTitle: f.SectionTitle, URL: f.URL, Title: f.Title})
		}
		res, err := s.Import(ctx, entries)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.NewSections) != 0 {
			t.Errorf("round %d: new sections %v", round, res.NewSections)
		}
	}
	want := longA + "(International Affairs / Europe and the Eastern Partnership Countries)[https://a.test/feed https://c.test/feed https://e.test/feed] " +
		longB + "(International Affairs / Europe and the Middle East)[https://b.test/feed https://moved.test/new https://d.test/feed https://f.test/feed] "
	if got := sectionsString(t, s); got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
}
