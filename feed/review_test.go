package feed

import (
	"strings"
	"testing"
)

// An untitled JSON Feed item takes its title from its plain-text summary:
// the cut at 80 characters counts the text's characters, not those of its
// escaped form, so it never splits an escape ("&amp;" shown as "&a").
func TestUntitledJSONItemTitleFromSummary(t *testing.T) {
	lead := strings.Repeat("word ", 15) // 75 characters
	body := `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
  {"id": "1", "url": "https://odd.test/j/1", "summary": "` + lead + `Q&A <3 and more words after the cut"},
  {"id": "2", "url": "https://odd.test/j/2", "summary": "` + lead + `ab <3 & more words after the cut"}]}`
	_, arts := parseString(t, body, "https://odd.test/feed.json")
	got := titles(arts)
	for link, want := range map[string]string{
		"https://odd.test/j/1": lead + "Q&A <…",
		"https://odd.test/j/2": lead + "ab <3…",
	} {
		if got[link] != want {
			t.Errorf("%s: title %q, want %q", link, got[link], want)
		}
	}
}
