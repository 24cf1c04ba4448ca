package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// Prune applies retention now: articles older than keepDays go (never
// starred ones); when that leaves over a tenth of the file free, the file
// is compacted. It prints what it freed.
func Prune(ctx context.Context, store *cache.Store, keepDays int, out io.Writer) error {
	if keepDays <= 0 {
		fmt.Fprintln(out, "keep_days = 0: retention is off, nothing pruned")
		return nil
	}
	start := time.Now()
	sizeBefore := store.FileSize()
	r, err := store.Prune(ctx, keepDays, time.Now())
	if err != nil {
		return err
	}
	sizeAfter := sizeBefore
	compacted := false
	if r.Articles > 0 && r.FreedBytes*10 > sizeBefore {
		if _, sizeAfter, err = store.Compact(ctx); err != nil {
			return err
		}
		compacted = true
	}
	fmt.Fprintf(out, "pruned %s older than %d days (kept %s)", count(r.Articles, "article"), keepDays, count(r.KeptStarred, "starred one"))
	if compacted {
		fmt.Fprintf(out, "; cache %s → %s", mb(sizeBefore), mb(sizeAfter))
	} else {
		fmt.Fprintf(out, "; %s free in the cache for reuse (%s)", mb(r.FreedBytes), mb(sizeBefore))
	}
	fmt.Fprintf(out, " in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// DueOnly keeps the feeds whose hints (ttl, max-age, Retry-After,
// back-off) make them due now, and says how many it left out.
func DueOnly(ctx context.Context, store *cache.Store, sections []feed.Section, out io.Writer) ([]feed.Section, error) {
	due, err := store.NextDue(ctx)
	if err != nil {
		return nil, err
	}
	kept, skipped := cache.DueSections(sections, due, time.Now())
	if skipped > 0 {
		fmt.Fprintf(out, "%s not due yet (their ttl, Cache-Control max-age, Retry-After or back-off; --feeds shows when): --force fetches them anyway\n", count(skipped, "feed"))
	}
	return kept, nil
}

// SetFullText turns fetching full text during refresh on or off for a
// section the config does not list (the config decides for its own).
func SetFullText(ctx context.Context, store *cache.Store, cfg []feed.Section, section, value string, out io.Writer) error {
	var on bool
	switch strings.ToLower(value) {
	case "on", "true", "yes":
		on = true
	case "off", "false", "no":
	default:
		return fmt.Errorf("--full-text takes on or off, not %q", value)
	}
	if section == "" {
		return fmt.Errorf("--full-text needs --section KEY")
	}
	for _, s := range cfg {
		if strings.EqualFold(s.Key, section) {
			return fmt.Errorf("section %s comes from the config file: set full_text there", s.Key)
		}
	}
	if err := store.SetSectionFullText(ctx, section, on); err != nil {
		return err
	}
	fmt.Fprintf(out, "full text during refresh is %s for section %s\n", map[bool]string{true: "on", false: "off"}[on], section)
	return nil
}
