package stories

import "slices"

// sortByID sorts ReadInterned's keys, each a term's ID (sign bit
// flipped) in the high 32 bits and its index in the low ones, into the
// order slices.Sort gives. An article has a few hundred of them, and a
// comparison sort of those was a tenth of the read-ahead's CPU; sorted
// by the ID's bytes, lowest first (a stable counting sort a byte, the
// bytes that every key shares skipped: with fewer than 65,536 terms
// known, two passes), they take a third of that. tmp is scratch of any
// length; the one to pass next time is returned.
func sortByID(keys, tmp []uint64) []uint64 {
	n := len(keys)
	if n < 64 {
		slices.Sort(keys)
		return tmp
	}
	if cap(tmp) < n {
		tmp = make([]uint64, n)
	}
	tmp = tmp[:n]
	src, dst := keys, tmp
	var count [256]int
	for shift := 32; shift < 64; shift += 8 {
		clear(count[:])
		for _, k := range src {
			count[byte(k>>shift)]++
		}
		if count[byte(src[0]>>shift)] == n {
			continue // every key has this byte
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range src {
			d := byte(k >> shift)
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
		return src
	}
	return tmp
}
