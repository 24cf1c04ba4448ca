//go:build noindex

package cache

// indexing is off in a build for measuring the save path without
// discovery (see indexing_on.go).
const indexing = false
