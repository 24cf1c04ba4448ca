package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"newsreader/cache"
	cachesync "newsreader/cache/sync"
	"newsreader/feed"
)

// Sync runs --sync: one sync with the [sync] server, printing what moved
// each way (--json: one object). A failure returns the reason, after
// saying how many local changes are kept for the next sync.
func Sync(ctx context.Context, store *cache.Store, acct *cachesync.Account, asJSON bool, out io.Writer) error {
	rep, err := acct.Sync(ctx, store)
	if err != nil {
		if st, serr := cachesync.ReadStatus(context.WithoutCancel(ctx), store); serr == nil && st.Pending > 0 {
			return fmt.Errorf("sync: %w (%d local %s kept for the next sync)", err, st.Pending, plural(st.Pending, "change", "changes"))
		}
		return fmt.Errorf("sync: %w", err)
	}
	if asJSON {
		return printSyncJSON(out, acct, rep)
	}
	fmt.Fprintf(out, "sync with %s (%s) in %v\n", feed.Line(acct.Config.URL), acct.Config.Kind, rep.Took.Round(time.Millisecond))
	fmt.Fprintf(out, "  pushed: %s\n", counts(rep.Pushed))
	fmt.Fprintf(out, "  pulled: %s\n", counts(rep.Pulled))
	if rep.Cached > 0 {
		fmt.Fprintf(out, "  cached: %d %s from the server\n", rep.Cached, plural(rep.Cached, "entry", "entries"))
	}
	if rep.Waiting > 0 {
		fmt.Fprintf(out, "  waiting: %d local %s for articles the server does not have yet\n", rep.Waiting, plural(rep.Waiting, "change", "changes"))
	}
	for _, u := range rep.Added {
		fmt.Fprintf(out, "  subscribed here: %s\n", feed.Line(u))
	}
	for _, u := range rep.PushedUp {
		fmt.Fprintf(out, "  subscribed on the server: %s\n", feed.Line(u))
	}
	if len(rep.Offered) > 0 {
		fmt.Fprintf(out, "  %d server %s not subscribed here (subscriptions = \"add\" in [sync] adds them):\n", len(rep.Offered), plural(len(rep.Offered), "feed", "feeds"))
		for _, f := range rep.Offered {
			cat := ""
			if f.Category != "" {
				cat = " [" + feed.Line(f.Category) + "]"
			}
			fmt.Fprintf(out, "    %s%s\n", feed.Line(f.URL), cat)
		}
	}
	return nil
}

func counts(c cachesync.Counts) string {
	if c.Total() == 0 {
		return "nothing"
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{c.Read, "read"}, {c.Unread, "unread"}, {c.Starred, "starred"}, {c.Unstarred, "unstarred"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

type jsonCounts struct {
	Read      int `json:"read"`
	Unread    int `json:"unread"`
	Starred   int `json:"starred"`
	Unstarred int `json:"unstarred"`
}

func printSyncJSON(out io.Writer, acct *cachesync.Account, rep cachesync.Report) error {
	type jfeed struct {
		URL      string `json:"url"`
		Title    string `json:"title,omitempty"`
		Category string `json:"category,omitempty"`
	}
	offered := []jfeed{}
	for _, f := range rep.Offered {
		offered = append(offered, jfeed{URL: feed.Line(f.URL), Title: feed.Line(f.Title), Category: feed.Line(f.Category)})
	}
	v := struct {
		Server   string     `json:"server"`
		Kind     string     `json:"kind"`
		Pushed   jsonCounts `json:"pushed"`
		Pulled   jsonCounts `json:"pulled"`
		Waiting  int        `json:"waiting"`
		Cached   int        `json:"cached"`
		Offered  []jfeed    `json:"offered"`
		Added    []string   `json:"subscribed_here"`
		PushedUp []string   `json:"subscribed_on_server"`
		TookMS   int64      `json:"took_ms"`
	}{
		Server: feed.Line(acct.Config.URL), Kind: acct.Config.Kind,
		Pushed:  jsonCounts(rep.Pushed),
		Pulled:  jsonCounts(rep.Pulled),
		Waiting: rep.Waiting, Cached: rep.Cached, Offered: offered,
		Added: nonNil(rep.Added), PushedUp: nonNil(rep.PushedUp), TookMS: rep.Took.Milliseconds(),
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "%s\n", b)
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// SyncVerb is --sync: it connects with the [sync] table (c nil: an error
// saying what to add) and syncs once.
func SyncVerb(ctx context.Context, store *cache.Store, c *feed.SyncConfig, asJSON bool, out io.Writer) error {
	if c == nil {
		return ErrNoSync
	}
	acct, err := cachesync.Connect(ctx, c)
	if err != nil {
		return err
	}
	return Sync(ctx, store, acct, asJSON, out)
}

// ErrNoSync is --sync without a [sync] table (exit 2).
var ErrNoSync = errors.New(`--sync needs a [sync] table in the config: kind = "miniflux" or "greader", url, and token or username with password_command`)

// SyncAccount connects the reader's UI to the [sync] server (nil when
// none is configured or offline). Its password_command runs now, before
// the UI takes the terminal.
func SyncAccount(ctx context.Context, c *feed.SyncConfig, offline bool) (*cachesync.Account, error) {
	if c == nil || offline {
		return nil, nil
	}
	return cachesync.Connect(ctx, c)
}
