package cli

import (
	"strings"
	"testing"
)

// Recommended printing nothing for a reader who has read something does
// not mean the cache is empty (it said "no articles in the cache yet").
func TestEmptyRecommendedSaysWhy(t *testing.T) {
	if got := emptyResult(Discovery{Recommended: true}, "", false); strings.Contains(got, "no articles") || !strings.Contains(got, "every story is read") {
		t.Errorf("with a history: %q", got)
	}
	if got := emptyResult(Discovery{Recommended: true}, "world", true); !strings.Contains(got, "no articles in world yet") {
		t.Errorf("without a history: %q", got)
	}
}
