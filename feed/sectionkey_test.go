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
