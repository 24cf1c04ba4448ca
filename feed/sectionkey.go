package feed

import (
	"fmt"
	"strings"
	"unicode"
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

// NameKey is the whole key a section's name makes (an OPML category, a
// sync server's folder, a config section's title): lower case, letters
// (with their combining marks), digits, "_", "." and, after a letter
// or digit, "+" and "#" kept ("C++" and "C#" are two folders, not one
// "c"), every run of anything else (spaces, slashes, punctuation) one
// "-"; control
// characters and terminal sequences dropped (Line). It is
// "" when the name has no letter or digit. Every place that turns a name
// into a key uses it (SectionKey), so one name is one section wherever it
// comes from.
func NameKey(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(Line(name)) { // a terminal sequence in a hostile name is no part of it
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || (unicode.IsMark(r) || r == '+' || r == '#') && b.Len() > 0 && !dash {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// SectionKey makes a section key from a name: NameKey cut to
// MaxSectionKey characters (ShortKey). It is "" when the name has no
// letter or digit: the caller names its own default section.
func SectionKey(name string) string { return ShortKey(NameKey(name)) }

// SameSection reports whether a section already held (key, title) is the
// one a name makes (wantKey, wantTitle, either may be ""): a title that
// makes the same whole key, or a key that does. A key stored by an older
// version ("tech---apps", or one longer than MaxSectionKey, from before
// keys were cut) is the same section as the key made now ("tech-apps", the
// cut one); a long key counts only when its title does not say it is
// another section.
func SameSection(key, title, wantKey, wantTitle string) bool {
	if wantTitle != "" && title != "" {
		if NameKey(title) == NameKey(wantTitle) && NameKey(title) != "" {
			return true
		}
	}
	if wantKey == "" {
		return false
	}
	have, want := NameKey(key), NameKey(wantKey)
	if have == "" {
		return false
	}
	return have == want || ShortKey(have) == want && (wantTitle == "" || title == "" || title == key)
}
