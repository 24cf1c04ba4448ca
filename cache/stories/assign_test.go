package stories

import (
	"math"
	"testing"
)

// A wire report and a feature on one event share names and figures but
// hardly a word else; two events of one company share the company only.
func TestSimilarityAtTrustsSharedNamesCloseInTime(t *testing.T) {
	docs := map[string]Doc{
		"wire": NewDoc("Solvane's Dimas, Krol head for presidential run-off",
			"Centrist Aurel Dimas and nationalist Vera Krol will face each other in a run-off for the Solvane presidency after neither won a majority in the first round."),
		"feature": NewDoc("Solvane's choice: a technocrat or a firebrand",
			"In Solvane, voters must pick between Aurel Dimas and Vera Krol, who offer two very different countries. Dimas, a former central banker, promises stability. Krol promises to close the border."),
		"quits": NewDoc("Transport minister Pike resigns over expenses",
			"Transport minister Joran Pike resigned after admitting he wrongly claimed 38,000 crowns for visits to a family holiday home."),
		"undone": NewDoc("Undone by the road to the lake",
			"The career of Joran Pike survived a late railway and a budget overrun. It did not survive 38,000 crowns of mileage to a lakeside cottage."),
		"fine": NewDoc("Juniper Telecom fined for keeping customer data",
			"The regulator fined Juniper Telecom for keeping the records of former customers for years."),
		"outage": NewDoc("Juniper Telecom network goes down",
			"Phone and internet service failed for a day when Juniper Telecom lost its core network."),
	}
	df := map[string]int{}
	for _, d := range docs {
		for t := range d.Terms {
			df[t]++
		}
	}
	idf := idfFrom(df, 1000)
	w := map[string]Weighed{}
	for k, d := range docs {
		w[k] = d.Weigh(idf)
	}
	for _, pair := range [][2]string{{"wire", "feature"}, {"quits", "undone"}} {
		a, b := w[pair[0]], w[pair[1]]
		if s := Similarity(a, b); s >= Threshold {
			t.Errorf("%s/%s: Similarity %.3f already reaches the threshold; the case tests nothing", pair[0], pair[1], s)
		}
		if s := SimilarityAt(a, b, 2); s < Threshold {
			t.Errorf("%s/%s two hours apart: %.3f < threshold %.2f (names cosine %.3f)", pair[0], pair[1], s, Threshold, Cosine(a.Names, b.Names))
		}
		if s, plain := SimilarityAt(a, b, -30), Similarity(a, b); s != plain {
			t.Errorf("%s/%s 30 hours apart: %.3f, want Similarity's %.3f", pair[0], pair[1], s, plain)
		}
	}
	// One company, two events, an hour apart: no shared figure, too few
	// names; Similarity decides.
	if s, plain := SimilarityAt(w["fine"], w["outage"], 1), Similarity(w["fine"], w["outage"]); s != plain || s >= Threshold {
		t.Errorf("look-alike: SimilarityAt %.3f, Similarity %.3f, threshold %.2f", s, plain, Threshold)
	}

	// The story assigner's flat form gives the same figures.
	id, term := interner()
	flat := map[string]FlatWeighed{}
	for k, d := range docs {
		flat[k] = Flatten(d, id).Weigh(func(i int32) float64 { return idf(term(i)) })
	}
	for a := range docs {
		for b := range docs {
			for _, h := range []float64{2, -30} {
				want, got := SimilarityAt(w[a], w[b], h), FlatSimilarityAt(flat[a], flat[b], h, term)
				if math.Abs(want-got) > 1e-9 {
					t.Errorf("%s/%s at %vh: FlatSimilarityAt %.6f, SimilarityAt %.6f", a, b, h, got, want)
				}
			}
		}
	}
}
