package stories

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// randomFlat is a weighed article of up to n terms drawn from a small
// vocabulary (so that articles share terms), some of them names.
func randomFlat(r *rand.Rand, n int) FlatWeighed {
	var d FlatDoc
	for id := int32(0); id < 120 && len(d.Terms.IDs) < n; id++ {
		if r.IntN(3) != 0 {
			continue
		}
		d.Terms.IDs = append(d.Terms.IDs, id)
		d.Terms.W = append(d.Terms.W, 1+float64(r.IntN(4)))
		if id < 12 && r.IntN(3) != 0 || r.IntN(8) == 0 { // names mostly from a few
			d.Names.IDs = append(d.Names.IDs, id)
			d.Names.W = append(d.Names.W, 1+float64(r.IntN(3)))
		}
	}
	d.name()
	return d.Weigh(func(id int32) float64 { return 1 + float64(id%7)/3 })
}

// A probe gives FlatSimilarityAt's figures exactly, for articles with and
// without names, sharing names, content or nothing, close in time and
// not, whatever the probe compared before.
func TestProbeIsFlatSimilarityAt(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	term := func(id int32) string {
		if id%5 == 0 {
			return strconv.Itoa(int(id) * 37) // figures
		}
		return "t" + strconv.Itoa(int(id))
	}
	var p Probe
	docs := make([]FlatWeighed, 60)
	for i := range docs {
		docs[i] = randomFlat(r, []int{0, 3, 40, 90}[i%4])
	}
	compared, raised := 0, 0
	for _, a := range docs {
		p.Reset(a)
		for _, b := range docs {
			for _, h := range []float64{1, -3, 30} {
				want := FlatSimilarityAt(a, b, h, term)
				if got := p.SimilarityAt(b, h, term); got != want {
					t.Fatalf("probe %v, FlatSimilarityAt %v (a %v, b %v, %vh)", got, want, a.All.IDs, b.All.IDs, h)
				}
				if want > 0 {
					compared++
				}
				if want != FlatSimilarity(a, b) {
					raised++
				}
			}
		}
	}
	if compared < 1000 || raised == 0 {
		t.Fatalf("%d similar pairs, %d raised by names: the case tests too little", compared, raised)
	}
}

// A probe reused for a smaller article forgets the larger one's terms.
func TestProbeResetForgets(t *testing.T) {
	big := FlatDoc{Terms: FlatVec{IDs: []int32{1, 2, 3, 4, 5}, W: []float64{1, 1, 1, 1, 1}}}
	big.name()
	small := FlatDoc{Terms: FlatVec{IDs: []int32{9}, W: []float64{1}}}
	small.name()
	var p Probe
	p.Reset(big.Weigh(func(int32) float64 { return 1 }))
	p.Reset(small.Weigh(func(int32) float64 { return 1 }))
	other := big.Weigh(func(int32) float64 { return 1 })
	if s := p.Similarity(other); s != 0 {
		t.Fatalf("similarity %v with an article sharing nothing", s)
	}
	if !slices.Equal(p.a.All.IDs, []int32{9}) {
		t.Fatal("probe keeps the old article")
	}
}
