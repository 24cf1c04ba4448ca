package cache

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// headsFromArticles is the one-row-per-story list worked out from the
// section's whole article list: each story's newest article, newest first.
func headsFromArticles(t *testing.T, s *Store, section string) []string {
	t.Helper()
	arts, err := s.Articles(ctx, section, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	var out []string
	for _, a := range arts { // newest first
		if a.Story == 0 {
			t.Fatalf("%q has no story", a.Title)
		}
		if !seen[a.Story] {
			seen[a.Story] = true
			out = append(out, a.Title)
		}
	}
	return out
}

func storyRows(t *testing.T, s *Store, section string, offset, limit int) []string {
	t.Helper()
	arts, err := s.StoryHeads(ctx, section, offset, limit)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		out = append(out, a.Title)
	}
	return out
}

func checkStoryRows(t *testing.T, s *Store, sections ...string) {
	t.Helper()
	for _, sec := range sections {
		want := headsFromArticles(t, s, sec)
		if got := storyRows(t, s, sec, 0, 100); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: story rows\n%q\nwant\n%q", sec, got, want)
		}
		if len(want) > 2 {
			if got := storyRows(t, s, sec, 1, 2); fmt.Sprint(got) != fmt.Sprint(want[1:3]) {
				t.Errorf("%s: second page of two %q, want %q", sec, got, want[1:3])
			}
		}
		if n, err := s.StoryCount(ctx, sec); err != nil || n != len(want) {
			t.Errorf("%s: %d stories (%v), want %d", sec, n, err, len(want))
		}
	}
}

// The story list reads article_sections' copy of each article's story:
// it must follow story assignment, an article joining a second section
// after its story is known, and a cache migrated from before the copy.
func TestStoryRowsFollowStories(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	saveNews(t, s)
	// 7 articles, 4 events: the wire's reports head three of them.
	checkStoryRows(t, s, "markets", "business")
	if n, _ := s.StoryCount(ctx, "markets"); n != 4 {
		t.Errorf("markets: %d stories, want 4 (rates, recall, two measles outbreaks)", n)
	}
	if got := storyRows(t, s, "markets", 0, 1); len(got) != 1 || !strings.HasPrefix(got[0], "Tirrenia keeps") {
		t.Errorf("newest story's row %q, want the wire's rates report", got)
	}
	// Harbor's markets feed also lands in "world" now: its articles
	// already have stories when their rows there are added.
	mustSave(t, s, ok("https://harbor.example/world.rss",
		news("Harbor Post", "www.harbor.example", 90, "Olmsted Motors recalls 882,000 cars over brake fault", "Olmsted Motors is calling back 882,000 vehicles after finding a fault in brake software, the carmaker said."),
		news("Harbor Post", "www.harbor.example", 10, "Faulty brake software: Olmsted recall widens to trucks", "Olmsted Motors widened its recall of 882,000 cars over brake software to 40,000 trucks."),
	), "world")
	checkStoryRows(t, s, "markets", "business", "world")
	var zero int
	if err := s.db.QueryRow("SELECT count(*) FROM article_sections WHERE story = 0").Scan(&zero); err != nil || zero != 0 {
		t.Errorf("%d rows without their article's story (%v)", zero, err)
	}
	// Rows written by other means, and a story given after the rows exist
	// (a cache's articles from before stories get theirs at the next save).
	kal, port := byTitle(t, s, "Measles cases rise in Kalmira"), byTitle(t, s, "Measles cases rise in Port")
	if _, err := s.db.Exec("INSERT INTO article_sections(section, article_id, published) VALUES ('health', ?, 1), ('health', ?, 2)", kal.ID, port.ID); err != nil {
		t.Fatal(err)
	}
	checkStoryRows(t, s, "health")
	if _, err := s.db.Exec("UPDATE articles SET story = ? WHERE id = ?", port.Story, kal.ID); err != nil {
		t.Fatal(err)
	}
	checkStoryRows(t, s, "markets", "health")
	if n, _ := s.StoryCount(ctx, "health"); n != 1 {
		t.Errorf("health: %d stories after joining the two, want 1", n)
	}
	s.Close()

	// A cache from before the copy: the migration fills it in.
	mine := -1
	for i, m := range migrations {
		if strings.Contains(m, "ALTER TABLE article_sections ADD COLUMN story") {
			mine = i
		}
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DROP TRIGGER article_sections_story_added; DROP TRIGGER articles_story_copy;
DROP INDEX article_sections_story; ALTER TABLE article_sections DROP COLUMN story;
PRAGMA user_version = ` + fmt.Sprint(mine)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkStoryRows(t, s, "markets", "business", "world", "health")
}
