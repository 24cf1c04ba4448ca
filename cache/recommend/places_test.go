package recommend

import (
	"fmt"
	"sort"
	"testing"
)

// Places: names after "in", "across", "near" ... at least as often as
// elsewhere in a sentence, and datelines' places; not a possessive, not a
// company ("shares in"), not a word also written in lower case, nothing
// from a Title Case headline.
func TestPlaces(t *testing.T) {
	lower := map[string]bool{"hospital": true, "general": true, "sweeping": true, "reshuffle": true}
	isName := func(term string) bool { return !lower[term] }
	for _, c := range []struct {
		texts, datelines []string
		want             string
	}{
		{[]string{"Remy Attar wins the sprint in Corran as Oskar Blum keeps the lead."}, nil, "[corran]"},
		{[]string{"The line opened in Port Salo on Monday."}, []string{"PORT SALO"}, "[port salo]"},
		{[]string{"Patients waited up to 14 hours for a bed in Fenwick General Hospital last week, the figures show."}, nil, "[fenwick]"},
		{[]string{"Hask Sacks Defence Minister in Sweeping Reshuffle"}, nil, "[]"},
		{[]string{"Investors bought shares in Ashcombe Retail on Monday after the warning."}, nil, "[]"},
		{[]string{"Layoffs in Brannock's plant were announced. The company said that Brannock would cut jobs and that Brannock shares fell."}, nil, "[]"},
		{[]string{"The plant in Brannock was closed. The carmaker said that Brannock would cut jobs and that Brannock shares fell."}, nil, "[]"},
		{[]string{"Floods across Northern Solvane forced 6,000 people from their homes."}, nil, "[northern solvane]"},
		{[]string{"Pilots at Greyfell Airlines walked out on the first day of the holidays."}, nil, "[]"},
		{[]string{"Thousands were stranded as the pilots walked out."}, []string{"KELLIN"}, "[kellin]"},
	} {
		var got []string
		for p := range Places(c.texts, c.datelines, isName) {
			got = append(got, p)
		}
		sort.Strings(got)
		if s := fmt.Sprint(got); s != c.want {
			t.Errorf("Places(%q, %q) = %s, want %s", c.texts, c.datelines, s, c.want)
		}
	}
}

// WithoutCredits drops a report's credits in brackets, in any letter
// case, and leaves a text with other brackets (or none) as it is.
func TestWithoutCredits(t *testing.T) {
	for in, want := range map[string]string{
		"Profit fell. (Reporting by Anya Kern; Editing by Tomas Reed)":                      "Profit fell. ",
		"Profit fell. (reporting by Anya Kern in Lisk; writing by Tomas Reed)":              "Profit fell. ",
		"Profit fell (Additional reporting by Lio Barrett) and shares rose.":                "Profit fell  and shares rose.",
		"Sales (excluding fuel) fell (Compiled by Mina Calloway)":                           "Sales (excluding fuel) fell ",
		"Sales (excluding fuel) fell, the company (Brannock) said. (Edited by A. N. Other)": "Sales (excluding fuel) fell, the company (Brannock) said. ",
		"Sales (excluding fuel) fell, reported by the company.":                             "Sales (excluding fuel) fell, reported by the company.",
		"No brackets at all":           "No brackets at all",
		"An open bracket at the end (": "An open bracket at the end (",
		"(Reporting":                   "(Reporting",
	} {
		if got := WithoutCredits(in); got != want {
			t.Errorf("WithoutCredits(%q) = %q, want %q", in, got, want)
		}
	}
}
