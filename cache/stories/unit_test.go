package stories

import (
	"math"
	"testing"
)

func TestUnit(t *testing.T) {
	v := Unit(Vector{"harbour": 3, "strike": 4})
	if math.Abs(v["harbour"]-0.6) > 1e-12 || math.Abs(v["strike"]-0.8) > 1e-12 {
		t.Errorf("unit of (3, 4): %v", v)
	}
	if c := Cosine(v, v); math.Abs(c-1) > 1e-12 {
		t.Errorf("a unit vector's cosine with itself: %v", c)
	}
	if z := Unit(Vector{"a": 0}); z["a"] != 0 || len(Unit(Vector{})) != 0 {
		t.Errorf("zero vectors: %v", z)
	}
}
