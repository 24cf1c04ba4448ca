package stories

import (
	"math"
	"slices"
)

// The story assigner compares each new article with dozens of recent ones,
// so it keeps their vectors as term IDs in ascending order (interned once
// by the caller) rather than maps: a comparison is then a merge of two
// short sorted lists, and weighing one again after the document
// frequencies moved touches no map. The figures are those of Weigh and
// Similarity.

// FlatVec is a vector as parallel slices, IDs ascending.
type FlatVec struct {
	IDs []int32
	W   []float64
}

// FlatDoc is a Doc with terms interned: Named[i] says Terms.IDs[i] is also
// one of the Names.
type FlatDoc struct {
	Terms, Names FlatVec
	Named        []bool
	Marks        Marks
}

// FlatWeighed is a FlatDoc with IDF applied: All and Names of unit
// length, ContentNorm the length of All without its Named terms (Content
// is All without them, scaled by 1/ContentNorm).
type FlatWeighed struct {
	All, Names  FlatVec
	Named       []bool
	ContentNorm float64
}

type idw struct {
	id int32
	w  float64
}

func flatVec(v Vector, id func(string) int32) FlatVec {
	pairs := make([]idw, 0, len(v))
	for t, w := range v {
		pairs = append(pairs, idw{id(t), w})
	}
	return sortedFlat(pairs)
}

func sortedFlat(pairs []idw) FlatVec {
	slices.SortFunc(pairs, func(a, b idw) int { return int(a.id) - int(b.id) })
	f := FlatVec{IDs: make([]int32, len(pairs)), W: make([]float64, len(pairs))}
	for i, p := range pairs {
		f.IDs[i], f.W[i] = p.id, p.w
	}
	return f
}

// Flatten interns a Doc's terms with id (which must give distinct terms
// distinct IDs).
func Flatten(d Doc, id func(string) int32) FlatDoc {
	f := FlatDoc{Terms: flatVec(d.Terms, id), Names: flatVec(d.Names, id), Marks: d.Marks}
	f.name()
	return f
}

// name sets Named, in the array it holds when that has room.
func (f *FlatDoc) name() {
	if f.Named == nil || cap(f.Named) < len(f.Terms.IDs) {
		f.Named = make([]bool, len(f.Terms.IDs))
	}
	f.Named = f.Named[:len(f.Terms.IDs)]
	j := 0
	for i, x := range f.Terms.IDs {
		for j < len(f.Names.IDs) && f.Names.IDs[j] < x {
			j++
		}
		f.Named[i] = j < len(f.Names.IDs) && f.Names.IDs[j] == x
	}
}

// TrimTo keeps what the cache stores of an article: its MaxStored terms
// and MaxStored/2 names that weigh most, all and names being the top IDs
// of its weighed vectors (TopFlat); raw weights are kept.
func (d FlatDoc) TrimTo(all, names []int32) FlatDoc {
	out := FlatDoc{Terms: pickFlat(d.Terms, all, MaxStored), Names: pickFlat(d.Names, names, MaxStored/2), Marks: d.Marks}
	out.name()
	return out
}

// pickFlat is the entries of v whose IDs top holds when v has more than
// n, else all of them; in new slices either way (v may be a scratch).
func pickFlat(v FlatVec, top []int32, n int) FlatVec {
	if len(v.IDs) <= n {
		return FlatVec{IDs: slices.Clone(v.IDs), W: slices.Clone(v.W)}
	}
	keep := slices.Clone(top)
	slices.Sort(keep)
	out := FlatVec{IDs: make([]int32, 0, len(keep)), W: make([]float64, 0, len(keep))}
	j := 0
	for i, x := range v.IDs {
		for j < len(keep) && keep[j] < x {
			j++
		}
		if j < len(keep) && keep[j] == x {
			out.IDs, out.W = append(out.IDs, x), append(out.W, v.W[i])
		}
	}
	return out
}

// weighFlat is v with IDF applied and of unit length, its weights in
// into's array when it has room.
func weighFlat(v FlatVec, idf func(int32) float64, into []float64) (FlatVec, []float64) {
	if cap(into) < len(v.W) {
		into = make([]float64, len(v.W))
	}
	out := FlatVec{IDs: v.IDs, W: into[:len(v.W)]}
	var norm float64
	for i, x := range v.IDs {
		w := v.W[i] * idf(x)
		out.W[i] = w
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range out.W {
			out.W[i] /= norm
		}
	}
	return out, out.W
}

// Weigh applies IDF (by term ID) to both vectors, as Doc.Weigh does.
func (d FlatDoc) Weigh(idf func(int32) float64) FlatWeighed {
	var w FlatWeighed
	d.WeighInto(idf, &w)
	return w
}

// WeighInto is Weigh, reusing the weight arrays *into holds.
func (d FlatDoc) WeighInto(idf func(int32) float64, into *FlatWeighed) {
	all, w := weighFlat(d.Terms, idf, into.All.W)
	names, _ := weighFlat(d.Names, idf, into.Names.W)
	var c float64
	for i, x := range w {
		if !d.Named[i] {
			c += x * x
		}
	}
	*into = FlatWeighed{All: all, Names: names, Named: d.Named, ContentNorm: math.Sqrt(c)}
}

func dotFlat(a, b FlatVec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.IDs) && j < len(b.IDs) {
		switch {
		case a.IDs[i] < b.IDs[j]:
			i++
		case a.IDs[i] > b.IDs[j]:
			j++
		default:
			s += a.W[i] * b.W[j]
			i++
			j++
		}
	}
	return s
}

// contentDot is the cosine of the two Content vectors.
func contentDot(a, b FlatWeighed) float64 {
	if a.ContentNorm == 0 || b.ContentNorm == 0 {
		return 0
	}
	var s float64
	i, j := 0, 0
	for i < len(a.All.IDs) && j < len(b.All.IDs) {
		switch {
		case a.All.IDs[i] < b.All.IDs[j]:
			i++
		case a.All.IDs[i] > b.All.IDs[j]:
			j++
		default:
			if !a.Named[i] && !b.Named[j] {
				s += a.All.W[i] * b.All.W[j]
			}
			i++
			j++
		}
	}
	return s / (a.ContentNorm * b.ContentNorm)
}

// FlatSimilarity is Similarity of two flat weighed articles.
func FlatSimilarity(a, b FlatWeighed) float64 {
	if len(a.Names.IDs) == 0 || len(b.Names.IDs) == 0 {
		return 0.8 * dotFlat(a.All, b.All)
	}
	e := dotFlat(a.Names, b.Names)
	if e <= 0 {
		return 0
	}
	c := contentDot(a, b)
	if c <= 0 {
		return 0
	}
	return math.Sqrt(e * c)
}

// TopFlat returns the IDs of the n entries of v that weigh most, ties
// broken by term (term gives an ID's term), as Top does. key gives an
// ID's PrefixKey (kept by the caller: weights tie often, rare words used
// once, and comparing two numbers is cheaper than comparing two terms).
func TopFlat(v FlatVec, n int, term func(int32) string, key func(int32) uint64) []int32 {
	n = min(n, len(v.IDs))
	if n <= 0 {
		return nil
	}
	before := func(a, b int) bool {
		if v.W[a] != v.W[b] {
			return v.W[a] > v.W[b]
		}
		if ka, kb := key(v.IDs[a]), key(v.IDs[b]); ka != kb {
			return ka < kb
		}
		return term(v.IDs[a]) < term(v.IDs[b])
	}
	// Keep the best n in top, in order, with one pass; each newcomer's
	// place is found by binary search.
	top := make([]int, 0, n)
	for i := range v.IDs {
		if len(top) == n && !before(i, top[n-1]) {
			continue
		}
		lo, hi := 0, len(top) // the first place whose holder i goes before
		for lo < hi {
			if m := int(uint(lo+hi) >> 1); before(i, top[m]) {
				hi = m
			} else {
				lo = m + 1
			}
		}
		if len(top) < n {
			top = append(top, 0)
		}
		copy(top[lo+1:], top[lo:len(top)-1])
		top[lo] = i
	}
	out := make([]int32, len(top))
	for i, k := range top {
		out[i] = v.IDs[k]
	}
	return out
}

// PrefixKey is the first 8 bytes of s, big-endian, padded with zero
// bytes: PrefixKey(a) < PrefixKey(b) implies a < b, and a < b implies
// PrefixKey(a) <= PrefixKey(b).
func PrefixKey(s string) uint64 {
	if len(s) >= 8 {
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
			uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
	}
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}
