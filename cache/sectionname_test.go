package cache

import (
	"strings"
	"testing"

	"newsreader/feed"
	"newsreader/feed/opml"
)

// One name is one section wherever it comes from: a folder a sync server
// had before keys were made alike ("tech---apps"), the same folder synced
// now, an OPML category of that name, a key typed in the form made now
// and a config section keyed so all end in the section that holds it
// already, not in new ones beside it; each form of the key finds it.
func TestOneNameIsOneSection(t *testing.T) {
	s := openTemp(t)
	// As an older version stored a synced folder: its own key form.
	if err := s.Subscribe(ctx, "tech---apps", "Tech / Apps", "https://a.test/synced"); err != nil {
		t.Fatal(err)
	}
	// A config section keyed in the form made now.
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "tech-apps", Title: "Tech and apps", Feeds: []string{"https://b.test/config"}}}); err != nil {
		t.Fatal(err)
	}
	// The same folder synced now.
	if err := s.Subscribe(ctx, feed.SectionKey("Tech / Apps"), "Tech / Apps", "https://c.test/synced-now"); err != nil {
		t.Fatal(err)
	}
	// An OPML file with the folder.
	importOPML(t, s, `<opml version="2.0"><body><outline text="Tech/Apps">
<outline type="rss" text="D" xmlUrl="https://d.test/opml"/></outline></body></opml>`)
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
	for _, k := range []string{"tech---apps", "tech-apps", "TECH-APPS"} {
		if got, err := PickSections(mustSections(t, s), k); err != nil || len(got) != 1 || got[0].Key != "tech---apps" {
			t.Errorf("--section %s: %v, %v", k, got, err)
		}
	}
	// Other names stay other sections.
	if err := s.Subscribe(ctx, "tech", "Tech", "https://f.test/other"); err != nil {
		t.Fatal(err)
	}
	if got := len(mustSections(t, s)); got != 2 {
		t.Errorf("%d sections: %s", got, sectionsString(t, s))
	}
}

// A config section keeps its key, which --section and the config name:
// a folder synced or imported with its title joins it, and the key the
// title makes finds it too.
func TestFoldersJoinTheConfigSectionOfTheirName(t *testing.T) {
	s := openTemp(t)
	if _, err := s.SeedSubscriptions(ctx, []feed.Section{{Key: "ta", Title: "Tech / Apps", Feeds: []string{"https://b.test/config"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Subscribe(ctx, feed.SectionKey("tech/apps"), "tech/apps", "https://c.test/synced"); err != nil {
		t.Fatal(err)
	}
	importOPML(t, s, `<opml version="2.0"><body><outline text="Tech - Apps">
<outline type="rss" text="D" xmlUrl="https://d.test/opml"/></outline></body></opml>`)
	want := "ta(Tech / Apps)[https://b.test/config https://c.test/synced https://d.test/opml] "
	if got := sectionsString(t, s); got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
	for _, k := range []string{"ta", "tech-apps"} {
		if got, err := PickSections(mustSections(t, s), k); err != nil || len(got) != 1 || got[0].Key != "ta" {
			t.Errorf("--section %s: %v, %v", k, got, err)
		}
	}
	if _, err := PickSections(mustSections(t, s), "tech"); err == nil {
		t.Error("--section tech found a section")
	}
}

// importOPML imports an OPML file's feeds as --import-opml does.
func importOPML(t *testing.T, s *Store, file string) ImportResult {
	t.Helper()
	res, err := s.Import(ctx, entriesOf(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewSections) != 0 {
		t.Errorf("import made sections %v", res.NewSections)
	}
	return res
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
		t.Logf("round %d", round)
		importOPML(t, s, file)
	}
	want := longA + "(International Affairs / Europe and the Eastern Partnership Countries)[https://a.test/feed https://c.test/feed https://e.test/feed] " +
		longB + "(International Affairs / Europe and the Middle East)[https://b.test/feed https://moved.test/new https://d.test/feed https://f.test/feed] "
	if got := sectionsString(t, s); got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
}

// Categories whose long names are cut to the same key are told apart by
// "-2" in the order a file lists them; a file listing them the other way
// round still puts each one's feeds in its own section.
func TestCategoriesCutAlikeKeepTheirSectionsInAnyOrder(t *testing.T) {
	s := openTemp(t)
	file := func(first, second string, feeds ...string) string {
		return `<opml version="2.0"><body><outline text="International Affairs">
<outline text="` + first + `"><outline type="rss" text="A" xmlUrl="` + feeds[0] + `"/></outline>
<outline text="` + second + `"><outline type="rss" text="B" xmlUrl="` + feeds[1] + `"/></outline>
</outline></body></opml>`
	}
	east, mid := "Europe and the Eastern Partnership Countries", "Europe and the Middle East"
	res, err := s.Import(ctx, entriesOf(t, file(east, mid, "https://a.test/east", "https://b.test/mid")))
	if err != nil || len(res.NewSections) != 2 {
		t.Fatalf("first import: %+v %v", res, err)
	}
	importOPML(t, s, file(mid, east, "https://c.test/mid", "https://d.test/east"))
	for _, si := range mustSections(t, s) {
		for _, u := range si.Feeds {
			if strings.Contains(si.Title, "Eastern") != strings.Contains(u, "east") {
				t.Errorf("%s is in %q", u, si.Title)
			}
		}
	}
	if n := len(mustSections(t, s)); n != 2 {
		t.Errorf("%d sections: %s", n, sectionsString(t, s))
	}
}

// entriesOf parses an OPML file into Import's entries.
func entriesOf(t *testing.T, file string) []ImportEntry {
	t.Helper()
	doc, err := opml.Parse(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var entries []ImportEntry
	for _, f := range doc.Feeds {
		entries = append(entries, ImportEntry{Section: f.Section, SectionTitle: f.SectionTitle, URL: f.URL, Title: f.Title})
	}
	return entries
}
