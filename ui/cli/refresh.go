package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/ui"
)

// ExitInterrupted is the exit code after Ctrl-C (128 + SIGINT).
const ExitInterrupted = 130

// Refresh runs --refresh: one line per feed as it finishes, then a
// summary. It returns the exit code: 0, 1 when the cache cannot be
// written or every feed failed, 130 when ctx was cancelled (Ctrl-C), after
// saying how many feeds were not fetched.
func Refresh(ctx context.Context, store *cache.Store, f *feed.Fetcher, sections []feed.Section, out, errOut io.Writer) int {
	urls, _ := cache.Plan(sections)
	start := time.Now()
	finished := 0
	sum, err := store.Refresh(ctx, f, sections, func(r feed.Result) {
		if ctx.Err() != nil && r.Status == feed.StatusError {
			return // cut short by the interrupt: counted as not fetched below
		}
		finished++
		ui.PrintResult(out, r)
	})
	if ctx.Err() != nil {
		fmt.Fprintf(errOut, "newsreader: interrupted: %d of %d feeds fetched, %d not fetched\n", finished, len(urls), len(urls)-finished)
		return ExitInterrupted
	}
	if err != nil {
		fmt.Fprintln(errOut, "newsreader:", err)
		return 1
	}
	ui.PrintSummary(out, sum, time.Since(start))
	if sum.Total() > 0 && sum.Failed == sum.Total() {
		return 1
	}
	return 0
}
