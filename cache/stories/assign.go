package stories

import "slices"

// Candidate is an article already in a story, compared with a new one.
type Candidate struct {
	Story int64
	Sim   float64 // cosine of the two weighed vectors
	Hours float64 // how far apart the two were published
	Apart bool    // their marks keep the two apart (see Apart): the story is not a match
}

// Threshold is the similarity from which a new article joins a story.
const Threshold = 0.3

// WindowHours is how far apart in time two reports of one event may be.
const WindowHours = 72

// timeFactor discounts a match by how far apart the two reports are: the
// same day counts in full, three days apart about two thirds.
func timeFactor(hours float64) float64 {
	if hours < 0 {
		hours = -hours
	}
	if hours <= 24 {
		return 1
	}
	return max(1-0.35*(hours-24)/(WindowHours-24), 0.5)
}

// MaxWeight is how much a story's most similar report counts against the
// average over all its reports: a story joins a new report when it is
// like one report very much and like the others too, so two events of
// one company do not chain into one story through a single bridge. At
// 0.5 the average counts as much: at 0.6 two central banks' rate holds
// on the demo merged when their feeds were saved in reverse order.
const MaxWeight = 0.5

// Match picks the story a new article belongs to from the similarities
// to every report of the candidate stories published within WindowHours
// (discounted by the time between them): the story scoring best on
// MaxWeight x best + (1 - MaxWeight) x mean, when that reaches
// Threshold. It returns 0 when the article starts a story of its own,
// with the best score seen either way.
//
// Reports Apart from the article (a report beside a reply, stage 6
// beside stage 5) do not count, and a story whose report most like the
// article is one of them is no match, however alike their words: the
// closest report says which event the article is not. A story that
// joined a report naming no stage to one naming stage 4 may still take
// the stage 3 report most like the first.
func Match(cands []Candidate) (story int64, score float64) {
	type agg struct {
		story            int64
		best, sum, apart float64
		n                int
	}
	// The stories in hand, few (the assigner takes at most eight), in an
	// array on the stack: no map and no allocation per story.
	var buf [8]agg
	by := buf[:0]
	for _, c := range cands {
		if c.Hours > WindowHours || c.Hours < -WindowHours {
			continue
		}
		s := c.Sim * timeFactor(c.Hours)
		k := slices.IndexFunc(by, func(a agg) bool { return a.story == c.Story })
		if k < 0 {
			k = len(by)
			by = append(by, agg{story: c.Story, apart: -1})
		}
		a := &by[k]
		if c.Apart {
			a.apart = max(a.apart, s)
			continue
		}
		a.best = max(a.best, s)
		a.sum += s
		a.n++
	}
	for _, a := range by {
		if a.n == 0 || a.apart >= a.best {
			continue
		}
		s := MaxWeight*a.best + (1-MaxWeight)*a.sum/float64(a.n)
		if s > score || s == score && a.story < story {
			story, score = a.story, s
		}
	}
	if score < Threshold {
		return 0, score
	}
	return story, score
}

// Reports of one event published close together may share little
// wording besides their names: a wire report of an election gives the
// vote, a feature on it the candidates' programmes. Within NamesHours,
// when the names and numbers of two reports agree (cosine at least
// NamesMin) and they share a number that is not a year (38,000 crowns, a
// 3.25% rate) or at least NamesShared names at a cosine of NamesStrong,
// their similarity is at least NamesWeight times that cosine. One company
// or town in two events (the look-alikes) shares a name or two and no
// figure, and is left to Similarity.
const (
	NamesHours  = 8
	NamesMin    = 0.6
	NamesStrong = 0.75
	NamesShared = 4
	NamesWeight = 0.45
)

// SimilarityAt is the Similarity of two reports published hours apart,
// raised by what their names alone say when they are close in time (see
// NamesHours).
func SimilarityAt(a, b Weighed, hours float64) float64 {
	s := Similarity(a, b)
	if hours > NamesHours || hours < -NamesHours {
		return s
	}
	n := Cosine(a.Names, b.Names)
	if n < NamesMin || NamesWeight*n <= s {
		return s
	}
	shared := Shared(a.Names, b.Names)
	figure := slices.ContainsFunc(shared, isFigure)
	return namesFloor(s, n, len(shared), figure)
}

// FlatSimilarityAt is SimilarityAt for flat weighed articles; term gives
// an ID's term.
func FlatSimilarityAt(a, b FlatWeighed, hours float64, term func(int32) string) float64 {
	return namesAt(FlatSimilarity(a, b), a, b, hours, term)
}

// namesAt is similarity s of a and b, published hours apart, raised by
// what their names alone say (FlatSimilarityAt).
func namesAt(s float64, a, b FlatWeighed, hours float64, term func(int32) string) float64 {
	if hours > NamesHours || hours < -NamesHours {
		return s
	}
	n := dotFlat(a.Names, b.Names)
	if n < NamesMin || NamesWeight*n <= s {
		return s
	}
	shared, figure := 0, false
	for i, j := 0, 0; i < len(a.Names.IDs) && j < len(b.Names.IDs); {
		switch x, y := a.Names.IDs[i], b.Names.IDs[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			shared++
			figure = figure || isFigure(term(x))
			i++
			j++
		}
	}
	return namesFloor(s, n, shared, figure)
}

// isFigure says whether a term is a number that is not a year.
func isFigure(t string) bool { return isNumber(t) && !isYear(t) }

// namesFloor is similarity s raised to NamesWeight x names cosine n when
// the names shared say enough: a figure, or NamesShared names at
// NamesStrong.
func namesFloor(s, n float64, shared int, figure bool) float64 {
	if figure || shared >= NamesShared && n >= NamesStrong {
		return max(s, NamesWeight*n)
	}
	return s
}
