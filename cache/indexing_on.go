//go:build !noindex

package cache

// indexing says whether saves build the full-text index and assign
// stories. Only the benchmarks turn it off (go build -tags noindex), to
// measure what discovery adds to a refresh.
const indexing = true
