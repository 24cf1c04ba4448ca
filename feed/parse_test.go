package feed

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

var fixedNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func parseFixture(t *testing.T, name, base string) (string, []Article) {
	t.Helper()
	body, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(base)
	title, arts, err := Parse(body, u, fixedNow)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return title, arts
}

func TestParseResolvesRelativeLinksAndNormalises(t *testing.T) {
	title, arts := parseFixture(t, "relative.rss", "https://news.example/feeds/main.rss")
	if title != "Relative Times" || len(arts) != 5 {
		t.Fatalf("title %q, %d articles", title, len(arts))
	}
	a := arts[0]
	if a.Link != "https://news.example/news/2026/story-one.html" {
		t.Errorf("link %q", a.Link)
	}
	if a.Image != "https://news.example/img/one.jpg" {
		t.Errorf("image %q", a.Image)
	}
	if a.ID != "https://news.example/feeds/main.rss#story-1" {
		t.Errorf("bare guid should be scoped to its feed, got %q", a.ID)
	}
	if a.Comments != 42 || a.Views != 1234 || a.Rating != 3.5 {
		t.Errorf("popularity %d %d %v", a.Comments, a.Views, a.Rating)
	}
	if want := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC); !a.Published.Equal(want) || a.Undated {
		t.Errorf("published %v undated %v", a.Published, a.Undated)
	}
	if a.Source != "Relative Times" || a.FeedURL != "https://news.example/feeds/main.rss" {
		t.Errorf("source %q feed %q", a.Source, a.FeedURL)
	}

	hostile := arts[1]
	if hostile.Link != "" {
		t.Errorf("javascript: link stored as %q", hostile.Link)
	}
	if hostile.Image != "https://news.example/feeds/pics/two.png" {
		t.Errorf("enclosure image %q", hostile.Image)
	}
	if !strings.HasPrefix(hostile.ID, "sha1:") {
		t.Errorf("no guid and no link should hash, got %q", hostile.ID)
	}

	undated := arts[2]
	// Undated items take the fetch time, a second earlier for each place
	// down the feed (TestUndatedItemsKeepFeedOrder).
	fetchTime := func(p time.Time) bool { return !p.After(fixedNow) && fixedNow.Sub(p) < time.Minute }
	if !undated.Undated || !fetchTime(undated.Published) {
		t.Errorf("undated: %v %v", undated.Undated, undated.Published)
	}
	if arts[2].ID == arts[1].ID {
		t.Error("hashed IDs collide")
	}
	for _, i := range []int{3, 4} {
		if !arts[i].Undated || !fetchTime(arts[i].Published) {
			t.Errorf("%q: absurd date kept: %v", arts[i].Title, arts[i].Published)
		}
	}
}

func TestParseHostileFeedIsSanitised(t *testing.T) {
	title, arts := parseFixture(t, "hostile.rss", "https://example.test/feed")
	if title != "Hostile Feed" {
		t.Errorf("title %q", title)
	}
	a := arts[0]
	if a.Title != "Breaking news gpj.exe" {
		t.Errorf("item title %q", a.Title)
	}
	for _, s := range []string{a.Title, a.Author, a.Summary, a.Source, strings.Join(a.Categories, ",")} {
		if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") || strings.Contains(s, "&#x1b;") || strings.Contains(s, "&#27;") {
			t.Errorf("unsafe text survived: %q", s)
		}
	}
	if a.Author != "eve@example.test (Eve Mallory)" && a.Author != "Eve Mallory" {
		t.Errorf("author %q", a.Author)
	}
}

func TestParseJSONAndAtom(t *testing.T) {
	title, arts := parseFixture(t, "feed.json", "https://j.example/feed.json")
	if title != "JSON Feed" || len(arts) != 1 {
		t.Fatalf("json: %q %d", title, len(arts))
	}
	if a := arts[0]; a.Title != "Json item one" || a.Link != "https://j.example/j/one" || a.Author != "Jo" || a.Content != "<p>hi </p>" {
		t.Errorf("json item %+v", a)
	}
	_, arts = parseFixture(t, "atom.xml", "https://a.example/blog/atom.xml")
	if a := arts[0]; a.Title != "Atom <b>entry</b>" || a.Link != "https://a.example/blog/entries/1" || a.ID != "tag:example.test,2026:1" || a.Author != "Ann Author" {
		t.Errorf("atom item %+v", a)
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	u, _ := url.Parse("https://x.example/")
	for _, body := range []string{"", "<html><body>not a feed</body></html>", "<rss><channel><item><title>unclosed"} {
		if _, _, err := Parse([]byte(body), u, fixedNow); err == nil {
			t.Errorf("Parse(%q) succeeded", body)
		}
	}
}
