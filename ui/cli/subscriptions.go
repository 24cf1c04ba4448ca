// Package cli implements the command-line verbs that manage what the
// reader follows and what it keeps: --add, --remove, --feeds,
// --import-opml, --export-opml, --show, --prune, --reset-subscriptions.
// main.go only parses flags and dispatches here.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"newsreader/cache"
	"newsreader/feed"
)

// count is "1 feed", "2 feeds", "0 feeds".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ErrNoSections is what reading commands say before anything is subscribed.
var ErrNoSections = errors.New("no sections yet: add a feed with --add URL or import some with --import-opml FILE")

// LoadSections seeds the cache's subscriptions from the config (the first
// time each config entry is seen) or, with reset, replaces them by the
// config's, and returns the sections in effect.
func LoadSections(ctx context.Context, store *cache.Store, cfg []feed.Section, reset bool, out io.Writer) ([]cache.SectionInfo, error) {
	if reset {
		n, err := store.ResetSubscriptions(ctx, cfg)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(out, "subscriptions reset from the config: %s, %s\n", count(len(cfg), "section"), count(n, "feed"))
	} else if _, err := store.SeedSubscriptions(ctx, cfg); err != nil {
		return nil, err
	}
	return store.Sections(ctx)
}
