package stories

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortByID orders keys as slices.Sort does, whatever the number of keys
// and the range of the IDs (one byte of them varying, two, all four),
// with its scratch too short, long enough, or handed back from a
// previous sort.
func TestSortByIDIsSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var tmp []uint64
	for _, n := range []int{0, 1, 63, 64, 65, 250, 600} {
		for _, top := range []int32{200, 60000, 1 << 24, 1<<31 - 1} {
			ids := map[int32]bool{}
			keys := make([]uint64, 0, n)
			for len(keys) < n {
				id := r.Int32N(top)
				if ids[id] && len(ids) < int(top) {
					continue
				}
				ids[id] = true
				keys = append(keys, uint64(uint32(id)^1<<31)<<32|uint64(len(keys)))
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			tmp = sortByID(keys, tmp)
			if !slices.Equal(keys, want) {
				t.Fatalf("%d keys, IDs below %d: not in slices.Sort's order", n, top)
			}
		}
	}
}
