package stories

import (
	"math/rand/v2"
	"testing"
)

// The index answers as a map would, for terms short and long, with NUL
// and high bytes, across its growth; terms sharing a prefix or only
// their length stay apart.
func TestTermIndexIsAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []byte{'a', 'b', 'z', '0', 0, 0xc3, 0xa9, 0xff}
	word := func() string {
		b := make([]byte, r.IntN(13))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	var x termIndex
	want := map[string]int32{}
	for i := range 20000 {
		w := word()
		got, ok := x.get(w)
		if v, had := want[w]; ok != had || got != v {
			t.Fatalf("get(%q) = %d, %v; the map says %d, %v", w, got, ok, v, had)
		}
		if !ok {
			want[w] = int32(i)
			x.putCopy(w, int32(i))
		}
	}
	for w, v := range want {
		if got, ok := x.get(w); !ok || got != v {
			t.Fatalf("after growing: get(%q) = %d, %v, want %d", w, got, ok, v)
		}
	}
	for _, pair := range [][2]string{{"ab", "ab\x00"}, {"abcdefgh", "abcdefghi"}, {"a", "a\x00\x00"}} {
		var y termIndex
		y.put(pair[0], 1)
		if _, ok := y.get(pair[1]); ok {
			t.Errorf("%q found as %q", pair[1], pair[0])
		}
	}
	if len(want) < 5000 || x.n < 1000 || len(x.long) < 1000 {
		t.Fatalf("%d terms, %d short, %d long: the case tests too little", len(want), x.n, len(x.long))
	}
}

// Words that share all but their last bytes spread over the table: the
// longest run of full slots stays short (with the hash's middle bits,
// every word sharing its first six bytes met in one slot).
func TestTermIndexSpreadsWordsOfOnePrefix(t *testing.T) {
	var x termIndex
	n := 0
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			x.put("report"+string(a)+string(b), int32(n))
			n++
		}
	}
	longest, run := 0, 0
	for _, e := range append(x.slots, x.slots...) { // runs wrap round
		if e.key == 0 {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	if longest > 40 {
		t.Fatalf("%d words of one prefix: a run of %d full slots in %d", n, longest, len(x.slots))
	}
	for i := range n {
		w := "report" + string(rune('a'+i/26)) + string(rune('a'+i%26))
		if v, ok := x.get(w); !ok || v != int32(i) {
			t.Fatalf("get(%q) = %d, %v", w, v, ok)
		}
	}
}
