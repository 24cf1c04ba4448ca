package feed

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxSectionKey is the most characters a section key may have: a key is
// typed (--section KEY) and named in messages, and a longer one is a
// category's whole name, not a key.
const MaxSectionKey = 40

// CheckKeyLength says whether key is short enough to name a section.
func CheckKeyLength(key string) error {
	if n := utf8.RuneCountInString(key); n > MaxSectionKey {
		return fmt.Errorf("section key %q is %d characters long; the most is %d (the section's title may be longer)", Line(key), n, MaxSectionKey)
	}
	return nil
}

// ShortKey cuts a key made from a name (an OPML category, a sync server's
// folder) to MaxSectionKey characters: at the last "-" that keeps at least
// half of it, else at the limit. The section's title keeps the whole name.
func ShortKey(key string) string {
	if utf8.RuneCountInString(key) <= MaxSectionKey {
		return key
	}
	n, cut := 0, len(key)
	for i := range key {
		if n == MaxSectionKey {
			cut = i
			break
		}
		n++
	}
	k := key[:cut]
	if key[cut] != '-' { // a word is cut: end at the word before when that keeps enough
		if j := strings.LastIndexByte(k, '-'); j >= 0 && utf8.RuneCountInString(k[:j]) >= MaxSectionKey/2 {
			k = k[:j]
		}
	}
	return strings.TrimRight(k, "-")
}
