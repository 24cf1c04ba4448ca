package feed

import (
	"math/rand/v2"
	"testing"
)

// A fingerprint changes with any one byte changed, anywhere, and is the
// same whether the bytes come in one piece or several (itemHashes writes
// the feed's part once and goes on from a copy for each item).
func TestFingerprint(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	body := make([]byte, 2048)
	for i := range body {
		body[i] = byte(r.IntN(256))
	}
	whole := bodyFingerprint(body)
	for i := range body {
		old := body[i]
		body[i] ^= byte(1 + r.IntN(255))
		if bodyFingerprint(body) == whole {
			t.Fatalf("byte %d changed, same fingerprint", i)
		}
		body[i] = old
	}
	var one, parts fingerprint
	one.write(body)
	parts.write(body[:100])
	rest := parts
	rest.write(body[100:])
	if rest.sum64() != one.sum64() || bodyFingerprint(body) != whole {
		t.Fatal("written in parts, the fingerprint differs")
	}
	if len(whole) != 16 {
		t.Fatalf("BodyHash %q: want 16 hex digits", whole)
	}
}
