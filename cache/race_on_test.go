//go:build race

package cache

// raceEnabled: this test binary is built with the race detector.
const raceEnabled = true
