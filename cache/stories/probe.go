package stories

import (
	"math"
	"math/bits"
)

// Probe is one weighed article made ready to be compared with many
// others, as the story assigner compares each new article with the
// recent reports of up to eight stories. Its terms are kept by ID in a
// small open-addressed table, so a comparison walks the other article's
// terms only (at most MaxStored), not a merge of both lists with the
// new article's hundreds. The figures are FlatSimilarityAt's to the bit:
// the same products are added in the same order (ascending term IDs).
type Probe struct {
	a     FlatWeighed
	slots []probeSlot
	shift uint
}

type probeSlot struct {
	key   uint32 // term ID + 1; 0: empty
	named bool
	w     float64
}

// Reset makes p the probe of a, reusing p's table.
func (p *Probe) Reset(a FlatWeighed) {
	p.a = a
	n := 16
	for n < 2*len(a.All.IDs) {
		n <<= 1
	}
	if cap(p.slots) < n {
		p.slots = make([]probeSlot, n)
	} else {
		p.slots = p.slots[:n]
		clear(p.slots)
	}
	p.shift = 64 - uint(bits.TrailingZeros(uint(n)))
	mask := uint(n - 1)
	for i, x := range a.All.IDs {
		h := p.slot(x)
		for p.slots[h].key != 0 {
			h = (h + 1) & mask
		}
		p.slots[h] = probeSlot{key: uint32(x) + 1, named: a.Named[i], w: a.All.W[i]}
	}
}

func (p *Probe) slot(x int32) uint {
	return uint((uint64(uint32(x)) * 0x9E3779B97F4A7C15) >> p.shift)
}

// find is the slot of term x, or nil when the probe's article does not
// hold it.
func (p *Probe) find(x int32) *probeSlot {
	k, mask := uint32(x)+1, uint(len(p.slots)-1)
	for h := p.slot(x); ; h = (h + 1) & mask {
		e := &p.slots[h]
		if e.key == k {
			return e
		}
		if e.key == 0 {
			return nil
		}
	}
}

// dotAll is dotFlat(p.a.All, b).
func (p *Probe) dotAll(b FlatVec) float64 {
	var s float64
	for j, x := range b.IDs {
		if e := p.find(x); e != nil {
			s += e.w * b.W[j]
		}
	}
	return s
}

// contentDot is contentDot(p.a, b).
func (p *Probe) contentDot(b FlatWeighed) float64 {
	if p.a.ContentNorm == 0 || b.ContentNorm == 0 {
		return 0
	}
	var s float64
	for j, x := range b.All.IDs {
		if b.Named[j] {
			continue
		}
		if e := p.find(x); e != nil && !e.named {
			s += e.w * b.All.W[j]
		}
	}
	return s / (p.a.ContentNorm * b.ContentNorm)
}

// Similarity is FlatSimilarity(p's article, b).
func (p *Probe) Similarity(b FlatWeighed) float64 {
	a := p.a
	if len(a.Names.IDs) == 0 || len(b.Names.IDs) == 0 {
		return 0.8 * p.dotAll(b.All)
	}
	e := dotFlat(a.Names, b.Names)
	if e <= 0 {
		return 0
	}
	c := p.contentDot(b)
	if c <= 0 {
		return 0
	}
	return math.Sqrt(e * c)
}

// SimilarityAt is FlatSimilarityAt(p's article, b, hours, term).
func (p *Probe) SimilarityAt(b FlatWeighed, hours float64, term func(int32) string) float64 {
	return namesAt(p.Similarity(b), p.a, b, hours, term)
}
