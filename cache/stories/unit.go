package stories

import "math"

// Unit scales v in place to unit length (an empty or all-zero vector is
// left as it is) and returns it: the one normalising step for callers
// that change a weighed vector (Recommended drops bare numbers first).
func Unit(v Vector) Vector {
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for t := range v {
			v[t] /= norm
		}
	}
	return v
}
