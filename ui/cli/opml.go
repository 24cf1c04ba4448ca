package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/opml"
)

// ImportOPML subscribes to every feed of an OPML file ("-" is stdin) in
// one transaction and prints a summary. A file that does not parse
// imports nothing.
func ImportOPML(ctx context.Context, store *cache.Store, path string, out io.Writer) error {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	from := path
	if path == "-" {
		from = "standard input"
	}
	doc, err := opml.Parse(r)
	if err != nil {
		return fmt.Errorf("%s: %w (nothing imported)", from, err)
	}
	entries := make([]cache.ImportEntry, len(doc.Feeds))
	for i, f := range doc.Feeds {
		if f.Title == f.URL { // what exports write when a feed has no title
			f.Title = ""
		}
		entries[i] = cache.ImportEntry{Section: f.Section, SectionTitle: f.SectionTitle, URL: f.URL, Title: f.Title, Ranking: f.Ranking}
	}
	res, err := store.Import(ctx, entries)
	if err != nil {
		return fmt.Errorf("%s: %w (nothing imported)", from, err)
	}
	fmt.Fprintf(out, "imported %s from %s", count(res.Added, "feed"), from)
	if len(res.NewSections) > 0 {
		fmt.Fprintf(out, " into %s (%s)", count(len(res.NewSections), "new section"), strings.Join(res.NewSections, ", "))
	}
	if res.Shared > 0 {
		fmt.Fprintf(out, " (%d of them in several categories, subscribed in each)", res.Shared)
	}
	fmt.Fprintf(out, "; skipped %s, %d invalid\n", count(len(res.Duplicates), "duplicate"), len(doc.Invalid))
	for _, u := range res.Duplicates {
		fmt.Fprintf(out, "  duplicate: %s\n", u)
	}
	for _, u := range doc.Invalid {
		fmt.Fprintf(out, "  invalid feed address: %s\n", u)
	}
	if res.Added > 0 {
		fmt.Fprintln(out, "run newsreader (or newsreader --refresh) to fetch them")
		if keys := builtinSectionsLeft(ctx, store); len(keys) > 0 {
			// Someone moving their reading over has the built-in sample
			// site's sections too (seeded with no config file), ahead
			// of theirs and on the digit keys: say how to drop them.
			fmt.Fprintf(out, "the built-in sample sections are still there, ahead of yours (%s): newsreader --remove-section KEY drops one\n", strings.Join(keys, ", "))
		}
	}
	return nil
}

// builtinSectionsLeft is the keys of the built-in site's sections (feed.Default)
// that the cache still holds with their built-in feeds.
func builtinSectionsLeft(ctx context.Context, store *cache.Store) []string {
	infos, err := store.Sections(ctx)
	if err != nil {
		return nil
	}
	have := map[string]cache.SectionInfo{}
	for _, si := range infos {
		have[strings.ToLower(si.Key)] = si
	}
	var keys []string
	for _, d := range feed.Default().Sections {
		si, ok := have[d.Key]
		if !ok || len(si.Feeds) == 0 {
			continue
		}
		builtin := true
		for _, u := range si.Feeds {
			builtin = builtin && slices.Contains(d.Feeds, u)
		}
		if builtin {
			keys = append(keys, si.Key)
		}
	}
	return keys
}

// ExportOPML writes every section and feed as OPML 2.0.
func ExportOPML(ctx context.Context, store *cache.Store, site string, out io.Writer) error {
	infos, err := store.Sections(ctx)
	if err != nil {
		return err
	}
	titles, err := store.SubscriptionTitles(ctx)
	if err != nil {
		return err
	}
	secs := make([]opml.Section, len(infos))
	for i, si := range infos {
		secs[i] = opml.Section{Key: si.Key, Title: si.Title, Ranking: si.Ranking}
		for _, u := range si.Feeds {
			secs[i].Feeds = append(secs[i].Feeds, opml.Outline{URL: u, Title: feed.Line(titles[u])})
		}
	}
	title := "newsreader subscriptions"
	if site != "" {
		title = site + " (newsreader)"
	}
	return opml.Write(out, title, time.Now(), secs)
}
