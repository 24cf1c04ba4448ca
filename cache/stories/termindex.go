package stories

import (
	"math/bits"
	"strings"
)

// termIndex maps the terms a Reader has met to their place in its
// scratch (readScratch.info). It is asked once for every token of every
// article, a cold refresh's commonest question: as a Go map of strings
// it cost 4 % of the refresh's CPU (hashing the string, probing, then
// comparing the bytes). Most terms are words of at most eight bytes,
// which are their own key as one integer: those are kept in an
// open-addressed table of integers, with no string to hash or compare;
// longer terms, and the rare one holding a NUL byte, in a map.
type termIndex struct {
	slots []termSlot // a power of two long, at most half full
	shift uint       // 64 - log2(len(slots))
	n     int
	long  map[string]int32
}

type termSlot struct {
	key uint64 // the term's bytes, little-endian; 0: empty
	val int32
}

// shortKey is s as one integer when it has one to eight bytes and no NUL
// (so that no two terms share a key and none is 0).
func shortKey(s string) (uint64, bool) {
	if len(s) == 0 || len(s) > 8 {
		return 0, false
	}
	var k uint64
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == 0 {
			return 0, false
		}
		k = k<<8 | uint64(s[i])
	}
	return k, true
}

// home is k's first slot: the top bits of a multiplicative hash, which
// every byte of the word moves (the bits below depend only on the
// word's first bytes, so "reported", "reporter" and "reports" met in
// one slot and piled up).
func (x *termIndex) home(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> x.shift
}

// get is the value of s, if it has one.
func (x *termIndex) get(s string) (int32, bool) {
	k, short := shortKey(s)
	if !short {
		v, ok := x.long[s]
		return v, ok
	}
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for h := x.home(k); ; h = (h + 1) & mask {
		switch e := x.slots[h]; e.key {
		case k:
			return e.val, true
		case 0:
			return 0, false
		}
	}
}

// put gives s, which has no value yet, the value v. A long s is kept as
// it is: the caller passes a copy when s is a slice of a bigger string.
func (x *termIndex) put(s string, v int32) {
	k, short := shortKey(s)
	if !short {
		if x.long == nil {
			x.long = map[string]int32{}
		}
		x.long[s] = v
		return
	}
	if 2*(x.n+1) > len(x.slots) {
		x.grow()
	}
	x.insert(k, v)
	x.n++
}

func (x *termIndex) insert(k uint64, v int32) {
	mask := uint64(len(x.slots) - 1)
	h := x.home(k)
	for x.slots[h].key != 0 {
		h = (h + 1) & mask
	}
	x.slots[h] = termSlot{k, v}
}

func (x *termIndex) grow() {
	old := x.slots
	x.slots = make([]termSlot, max(1024, 2*len(old)))
	x.shift = uint(64 - bits.TrailingZeros(uint(len(x.slots))))
	for _, e := range old {
		if e.key != 0 {
			x.insert(e.key, e.val)
		}
	}
}

// putCopy is put with a copy of s where one is kept (a long s).
func (x *termIndex) putCopy(s string, v int32) {
	if _, short := shortKey(s); !short {
		s = strings.Clone(s)
	}
	x.put(s, v)
}
