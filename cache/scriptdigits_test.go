package cache

import (
	"testing"
	"unicode/utf8"
)

// Superscript and subscript digits are searched as digits: km² (from
// the feed's text or its <sup>2</sup>) is found by km2 and by km², CO₂ by
// co2.
func TestSearchFindsScriptDigits(t *testing.T) {
	s := openTemp(t)
	flats := news("Harbor Post", "harbor.example", 10, "Flats of 80 m² sell fast in Port Alder", "<p>Each flat covers 80 m<sup>2</sup>, and the whole estate 3 km<sup>2</sup> by the river.</p>")
	flats.Summary = "<p>Each flat covers 80 m<sup>2</sup>, and the whole estate 3 km<sup>2</sup> by the river.</p>"
	gas := news("Capital Wire", "capitalwire.example", 20, "Steelworks cut their output", "")
	gas.Summary = "<p>Output of CO₂ at the Tessen steelworks fell by a tenth.</p>"
	mustSave(t, s, ok("https://mixed.example/feed", flats, gas), "top")
	for q, want := range map[string]string{
		"km2": flats.Title, "km²": flats.Title, "m2 flats": flats.Title, "80 m²": flats.Title,
		"co2": gas.Title, "CO₂": gas.Title, "co₂ steelworks": gas.Title,
	} {
		hits, _, err := s.Search(ctx, "", q, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].Title != want {
			var got []string
			for _, h := range hits {
				got = append(got, h.Title)
			}
			t.Errorf("search %q: %q, want %q", q, got, want)
		}
	}
}

// hasScriptDigit's byte scan finds every rune scriptDigits changes, and
// foldScriptDigits leaves other text as it is.
func TestScriptDigitsScan(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r) + "b"
		if scriptDigits.Replace(s) != s && !hasScriptDigit(s) {
			t.Errorf("%U is folded but the scan misses it", r)
		}
	}
	for _, s := range []string{"", "plain", "—’“…", "\xc2", "\xe2\x81", "naïve café", "10⁶ m³ H₂O"} {
		if got := foldScriptDigits(s); (got != s) != (s == "10⁶ m³ H₂O") {
			t.Errorf("foldScriptDigits(%q) = %q", s, got)
		}
	}
	if got := foldScriptDigits("10⁶ m³ H₂O x⁻¹"); got != "106 m3 H2O x-1" {
		t.Errorf("folded: %q", got)
	}
}
