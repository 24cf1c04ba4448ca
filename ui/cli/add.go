package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/discover"
)

// DefaultSection is where --add puts a feed when no --section is given
// and the cache has no section yet.
const DefaultSection = "feeds"

// Prompt lets the user pick among several feeds; nil means no terminal.
type Prompt struct {
	In  io.Reader
	Out io.Writer
}

// Add discovers the feeds at raw, picks one (asking through p when there
// are several and p is not nil; else the first site feed, naming the
// others), checks it parses, subscribes section to it and saves its
// articles. section "" means the first section (or DefaultSection).
func Add(ctx context.Context, store *cache.Store, f *feed.Fetcher, raw, section string, p *Prompt, out io.Writer) error {
	if section == "" {
		infos, err := store.Sections(ctx)
		if err != nil {
			return err
		}
		section = DefaultSection
		if len(infos) > 0 {
			section = infos[0].Key
		}
	}
	if err := store.CheckSection(ctx, section); err != nil {
		return err
	}
	cands, err := discover.Discover(ctx, f, raw)
	if err != nil {
		return err
	}
	pick := 0
	if len(cands) > 1 && p != nil {
		if pick, err = ask(p, cands); err != nil {
			return err
		}
	}
	chosen := cands[pick]
	res, err := store.AddFeed(ctx, f, section, chosen.URL)
	if errors.Is(err, cache.ErrSubscribed) {
		return fmt.Errorf("%s is already in section %s", chosen.URL, section)
	}
	if err != nil {
		return fmt.Errorf("%s does not work as a feed: %s", chosen.URL, feed.Line(err.Error()))
	}
	title := res.Title
	if title == "" {
		title = chosen.Title
	}
	added, moved := chosen.URL, ""
	if res.MovedTo != "" { // the subscription now holds the new address
		added, moved = res.MovedTo, " ("+chosen.URL+" moved there permanently)"
	}
	fmt.Fprintf(out, "added %s (%s) to section %s: %s%s\n", added, orDash(title), section, count(len(res.Articles), "article"), moved)
	if p == nil && len(cands) > 1 {
		for i, c := range cands {
			if i == pick {
				continue
			}
			kind := "other feed"
			if c.Comments {
				kind = "comments feed"
			}
			fmt.Fprintf(out, "  also found (%s): %s (%s)\n", kind, c.URL, orDash(c.Title))
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "untitled"
	}
	return s
}

func ask(p *Prompt, cands []discover.Candidate) (int, error) {
	fmt.Fprintln(p.Out, "Several feeds found:")
	for i, c := range cands {
		note := ""
		if c.Comments {
			note = " [comments]"
		}
		fmt.Fprintf(p.Out, "  %d. %s  %s%s\n", i+1, orDash(c.Title), c.URL, note)
	}
	r := bufio.NewReader(p.In)
	for {
		fmt.Fprintf(p.Out, "Subscribe to which (1-%d, enter for 1, q to cancel)? ", len(cands))
		line, err := r.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == "" && err == nil {
			return 0, nil
		}
		if line == "q" || (line == "" && err != nil) {
			return 0, errors.New("cancelled")
		}
		if n, convErr := strconv.Atoi(line); convErr == nil && n >= 1 && n <= len(cands) {
			return n - 1, nil
		}
		if err != nil {
			return 0, errors.New("cancelled")
		}
	}
}

// Remove unsubscribes from feed u.
func Remove(ctx context.Context, store *cache.Store, u string, out io.Writer) error {
	secs, err := store.Subscribed(ctx, u)
	if err != nil {
		return err
	}
	if err := store.Unsubscribe(ctx, u); errors.Is(err, cache.ErrNotSubscribed) {
		return fmt.Errorf("%s: not subscribed (--feeds lists the subscriptions)", u)
	} else if err != nil {
		return err
	}
	if len(secs) == 0 {
		fmt.Fprintf(out, "removed %s (it was a ranking feed)\n", u)
		return nil
	}
	fmt.Fprintf(out, "removed %s from %s\n", u, strings.Join(secs, ", "))
	return nil
}

// listedFeed is the --feeds --json shape.
type listedFeed struct {
	URL       string `json:"url"`
	Section   string `json:"section"`
	Title     string `json:"title"`
	Status    string `json:"status"`
	Error     string `json:"error"`
	FetchedAt string `json:"fetched_at"` // RFC 3339, "" when never fetched
	NextDue   string `json:"next_due"`   // RFC 3339 when the feed's hints hold it back, else ""
	Hint      string `json:"hint"`       // why: "ttl 1h0m0s", "max-age 10m0s", "back-off after 2 failed fetches"
}

// Feeds lists the subscriptions with their last status, one line each
// or one JSON object per line.
func Feeds(ctx context.Context, store *cache.Store, asJSON bool, out io.Writer) error {
	subs, err := store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(out)
	// The section column is as wide as the longest key (imports make
	// long ones: "noticias-del-día", "local-weather"), in terminal cells.
	secWidth := 12
	for _, s := range subs {
		secWidth = max(secWidth, ansi.StringWidthWc(s.Section))
	}
	for _, s := range subs {
		at := ""
		if !s.FetchedAt.IsZero() {
			at = s.FetchedAt.UTC().Format(time.RFC3339)
		}
		due := ""
		if s.NextDue.After(time.Now()) {
			due = s.NextDue.UTC().Format(time.RFC3339)
		}
		if asJSON {
			if err := enc.Encode(listedFeed{URL: s.URL, Section: s.Section, Title: feed.Line(s.Title), Status: s.Status, Error: feed.Line(s.Error), FetchedAt: at, NextDue: due, Hint: s.Hint}); err != nil {
				return err
			}
			continue
		}
		when := "never"
		if !s.FetchedAt.IsZero() {
			when = s.FetchedAt.Local().Format("2006-01-02 15:04")
		}
		sec := s.Section + strings.Repeat(" ", max(secWidth-ansi.StringWidthWc(s.Section), 0))
		line := strings.TrimRight(fmt.Sprintf("%-13s %s %-16s %s  %s", s.Status, sec, when, s.URL, feed.Line(s.Title)), " ")
		if s.Error != "" {
			line += "  (" + feed.Line(s.Error) + ")"
		}
		if due != "" {
			line += fmt.Sprintf("  [next %s: %s]", s.NextDue.Local().Format("15:04"), s.Hint)
		}
		if _, err := fmt.Fprintln(out, line); err != nil {
			return err
		}
	}
	if !asJSON && len(subs) == 0 {
		fmt.Fprintln(out, "no subscriptions: add one with --add URL or --import-opml FILE")
	}
	return nil
}

// Move moves feed u to section (created when new).
func Move(ctx context.Context, store *cache.Store, u, section string, out io.Writer) error {
	if section == "" {
		return errors.New("--move needs --section KEY (a new key creates the section)")
	}
	if err := store.MoveFeed(ctx, u, section); errors.Is(err, cache.ErrNotSubscribed) {
		return fmt.Errorf("%s: not subscribed (--feeds lists the subscriptions)", u)
	} else if err != nil {
		return err
	}
	fmt.Fprintf(out, "moved %s to section %s\n", u, section)
	return nil
}

// RemoveSection deletes a section and its subscriptions.
func RemoveSection(ctx context.Context, store *cache.Store, key string, out io.Writer) error {
	if err := store.RemoveSection(ctx, key); err != nil {
		return err
	}
	fmt.Fprintf(out, "removed section %s (its articles stay until retention removes them; starred ones stay)\n", key)
	return nil
}
