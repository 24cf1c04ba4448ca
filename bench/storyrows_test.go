package bench

import (
	"context"
	"testing"

	"newsreader/cache"
)

// BenchmarkStoryRows: the list's one-row-per-story view at 100,000
// articles: the first page of story heads and the story count (what v
// loads), then a page deep in the list.
func BenchmarkStoryRows(b *testing.B) {
	s, err := cache.Open(NewsCache(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.Run("FirstPage", func(b *testing.B) {
		for b.Loop() {
			if arts, err := s.StoryHeads(ctx, "news", 0, 200); err != nil || len(arts) == 0 {
				b.Fatal(len(arts), err)
			}
		}
	})
	b.Run("Count", func(b *testing.B) {
		for b.Loop() {
			if n, err := s.StoryCount(ctx, "news"); err != nil || n == 0 {
				b.Fatal(n, err)
			}
		}
	})
	b.Run("Page50", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.StoryHeads(ctx, "news", 50*200, 200); err != nil {
				b.Fatal(err)
			}
		}
	})
}
