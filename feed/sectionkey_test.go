package feed

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A key made from a long name is cut to MaxSectionKey (40) characters, at
// a word when that keeps at least half; a key of that length or less
// stays.
func TestShortKey(t *testing.T) {
	for in, want := range map[string]string{
		"world":                              "world",
		"jane-subscriptions-in-feedly-cloud": "jane-subscriptions-in-feedly-cloud",
		strings.Repeat("x", 40):              strings.Repeat("x", 40),
		strings.Repeat("x", 50):              strings.Repeat("x", 40),
		"international-affairs-europe-eastern-partnership-countries": "international-affairs-europe-eastern",
		"ab-" + strings.Repeat("y", 50):                              "ab-" + strings.Repeat("y", 37),
		"noticias-del-día-y-de-la-semana-en-españa-y-portugal":       "noticias-del-día-y-de-la-semana-en",
		strings.Repeat("日本", 25):                                     strings.Repeat("日本", 20),
		strings.Repeat("a", 40) + "-ghi":                             strings.Repeat("a", 40),
	} {
		got := ShortKey(in)
		if got != want {
			t.Errorf("ShortKey(%q) = %q, want %q", in, got, want)
		}
		if n := utf8.RuneCountInString(got); n > MaxSectionKey || CheckKeyLength(got) != nil {
			t.Errorf("ShortKey(%q) is %d characters", in, n)
		}
	}
	if err := CheckKeyLength(strings.Repeat("é", 41)); err == nil || !strings.Contains(err.Error(), "41 characters long; the most is 40") {
		t.Errorf("CheckKeyLength(41 letters) = %v", err)
	}
	if err := CheckKeyLength(strings.Repeat("é", 40)); err != nil {
		t.Errorf("CheckKeyLength(40 letters) = %v", err)
	}
}

// A name's key keeps the combining marks of its letters (Hindi vowel
// signs, decomposed accents): they are part of the word, not a break.
func TestNameKeyKeepsMarks(t *testing.T) {
	for in, want := range map[string]string{
		"समाचार और विचार":      "समाचार-और-विचार",
		"Vie\u0323\u0302t Nam": "vie\u0323\u0302t-nam",
		"Tech / Apps":          "tech-apps",
		"  --  ":               "",
		"\u0301abc":            "abc",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// SameSection: a title that makes the same key, a key stored in an older
// form, a long key cut as keys are now unless its title names another
// section.
func TestSameSection(t *testing.T) {
	long := "international-affairs-europe-and-the-eastern-partnership"
	for _, c := range []struct {
		key, title, wantKey, wantTitle string
		same                           bool
	}{
		{"ta", "Tech / Apps", "tech-apps", "tech/apps", true},
		{"tech---apps", "x", "tech-apps", "", true},
		{long, long, ShortKey(long), "", true},
		{long, "International Affairs / Europe and the Eastern Partnership", ShortKey(long), "International Affairs / Europe and the Eastern Partnership", true},
		{long, "International Affairs / Europe and the Eastern Partnership", ShortKey(long), "International Affairs / Europe and the Ukraine", false},
		{"tech", "Tech", "tech-apps", "Tech / Apps", false},
		{"world", "World", "", "", false},
	} {
		if got := SameSection(c.key, c.title, c.wantKey, c.wantTitle); got != c.same {
			t.Errorf("SameSection(%q, %q, %q, %q) = %v", c.key, c.title, c.wantKey, c.wantTitle, got)
		}
	}
}

// Names that differ only by "+" or "#" after a letter are different
// sections (a sync server's "C++" and "C#" folders); "+" or "#" standing
// alone is punctuation as before.
func TestNameKeyKeepsPlusAndSharp(t *testing.T) {
	for in, want := range map[string]string{
		"C++":            "c++",
		"C#":             "c#",
		"F# / .NET":      "f#-.net",
		"Notes + ideas":  "notes-ideas",
		"#breaking news": "breaking-news",
		"Tech / Apps":    "tech-apps",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
	if SameSection("c++", "C++", "c#", "C#") {
		t.Error(`"C++" and "C#" are one section`)
	}
}
