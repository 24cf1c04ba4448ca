package recommend

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsreader/cache/stories"
)

// PlaceWeight is how much a place counts in an interest, against another
// name: a story read in a town is no interest in everything else that
// happens there ("sprint in Corran" read is no interest in a striker
// signed from Corran; "floods in Solvane" none in an ambassador
// expelled from it). The town still counts, a little, and fully where
// the reader's stories share it as more than a place.
const PlaceWeight = 0.2

// placeWords are the prepositions after which a name is a place ("at"
// and "from" are not: "pilots at Greyfell Airlines", "a statement from
// Brannock").
var placeWords = map[string]bool{
	"in": true, "across": true, "near": true, "outside": true,
	"around": true, "throughout": true, "within": true, "inside": true,
}

// Places are the terms (normalised as stories' terms are) that texts use
// as places: capitalised words after "in", "across", "near" ... ("in
// Port Salo", "across Norvania") at least as often as elsewhere inside a
// sentence (a company may be "in Brannock" once but is "Brannock said",
// "Brannock's plan" more), and the places datelines
// open with ("PORT SALO, Nov 28 (Meridian) -"), given as datelinePlaces.
//
// Only names count (isName: never written in lower case), so "at Fenwick
// General Hospital" makes Fenwick a place, not hospitals; a title in
// Title Case ("Minister Quits in Sweeping Reshuffle") says nothing, and
// nor does "shares in", "stake in" (a company).
func Places(texts []string, datelinePlaces []string, isName func(string) bool) map[string]bool {
	at, other := map[string]int{}, map[string]int{}
	for _, p := range datelinePlaces {
		for _, w := range strings.Fields(p) {
			if t := placeTerm(w); t != "" {
				at[t] += 2
			}
		}
	}
	for _, text := range texts {
		if titleCase(words(text)) {
			continue
		}
		prev, prev2 := "", ""
		run := false    // inside a run of capitalised words after a place word
		initial := true // the next word opens a sentence
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				if r != ' ' && r != '-' {
					run = false // punctuation ends the name
				}
				if strings.ContainsRune(".!?:;\n\u2014\u2013\"\u201c\u201d", r) {
					initial = true
				}
				i += n
				continue
			}
			j := i
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) {
					break
				}
				j += n
			}
			w := text[i:j]
			possessive := strings.HasPrefix(text[j:], "'s") || strings.HasPrefix(text[j:], "\u2019s")
			if unicode.IsUpper(r) {
				if t := placeTerm(w); t != "" {
					switch {
					case (run || placeWords[strings.ToLower(prev)] && !companyWords[strings.ToLower(prev2)]) && !possessive:
						at[t]++
						run = true
					case !initial:
						other[t]++
						run = false
					default:
						run = false
					}
				}
			} else {
				run = false
			}
			if possessive {
				run = false
			}
			prev, prev2, initial = w, prev, false
			i = j
		}
	}
	out := map[string]bool{}
	for t, n := range at {
		if n >= other[t] && isName(t) {
			out[t] = true
		}
	}
	return out
}

// companyWords before "in" make what follows a company ("shares in
// Ashcombe Retail").
var companyWords = map[string]bool{"shares": true, "stake": true, "stakes": true, "holding": true, "investment": true, "invest": true, "invested": true}

func placeTerm(w string) string {
	t := stories.Normalize(strings.ToLower(w))
	if utf8.RuneCountInString(t) < 2 || stories.IsStop(t) {
		return ""
	}
	return t
}
