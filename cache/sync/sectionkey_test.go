package sync

import (
	"testing"
	"unicode/utf8"

	"newsreader/feed"
)

// A server's category becomes a key one can type: a long category name
// is cut to feed.MaxSectionKey characters at a word.
func TestSectionKeyOfALongCategory(t *testing.T) {
	for in, want := range map[string]string{
		"World News":  "world-news",
		"  ":          "all",
		"Tech / Apps": "tech---apps",
		"International Affairs and the Eastern Partnership Countries": "international-affairs-and-the-eastern",
	} {
		got := SectionKey(in)
		if got != want || utf8.RuneCountInString(got) > feed.MaxSectionKey {
			t.Errorf("SectionKey(%q) = %q, want %q", in, got, want)
		}
	}
}
