package sync

import (
	"testing"
	"unicode/utf8"

	"newsreader/feed"
	"newsreader/feed/opml"
)

// A server's category becomes a key one can type: a long category name
// is cut to feed.MaxSectionKey characters at a word.
func TestSectionKeyOfALongCategory(t *testing.T) {
	for in, want := range map[string]string{
		"World News":  "world-news",
		"  ":          "all",
		"Tech / Apps": "tech-apps",
		"International Affairs and the Eastern Partnership Countries": "international-affairs-and-the-eastern",
	} {
		got := SectionKey(in)
		if got != want || utf8.RuneCountInString(got) > feed.MaxSectionKey {
			t.Errorf("SectionKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// A folder synced from a server and an OPML category of the same name get
// the same key, so they are one section.
func TestSyncedFolderAndOPMLCategoryShareAKey(t *testing.T) {
	for _, name := range []string{
		"World News", "Tech / Apps", "Tech/Apps", "News & Politics", "C++ and Go", "Ö1: Kultur", "  Sport  ",
		"समाचार और विचार", "Việt Nam", "日本のニュース", "Science, Health, and the Environment — Weekly Reading List",
		"a\x1b[31mb", "r/golang",
	} {
		s, o, f := SectionKey(name), opml.Key(name), feed.SectionKey(name)
		if s != o || s != f {
			t.Errorf("%q: sync %q, OPML %q, feed %q", name, s, o, f)
		}
		if feed.CheckKeyLength(s) != nil {
			t.Errorf("%q: key %q too long", name, s)
		}
	}
}
