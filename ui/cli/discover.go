package cli

// The discovery verbs (--related, --ranking, --recommended, --search) and
// the reading-state verbs (--mark-read, --mark-unread, --star, --unstar).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"newsreader/cache"
	"newsreader/ui"
)

// IDs is a repeatable flag holding article IDs (flag.Value).
type IDs []string

func (l *IDs) String() string     { return strings.Join(*l, ",") }
func (l *IDs) Set(v string) error { *l = append(*l, v); return nil }

// Discovery holds the discovery and reading-state verbs of one call.
type Discovery struct {
	Related     string // --related ID
	Ranking     bool
	Recommended bool
	Search      string
	SearchSet   bool // --search was given (an empty query is still a query)
	MarkRead    IDs
	MarkUnread  IDs
	Star        IDs
	Unstar      IDs
}

// Any says whether a discovery or state verb was given.
func (d Discovery) Any() bool {
	return d.Related != "" || d.Ranking || d.Recommended || d.SearchSet || d.Changes()
}

// Changes says whether a reading-state verb was given.
func (d Discovery) Changes() bool {
	return len(d.MarkRead)+len(d.MarkUnread)+len(d.Star)+len(d.Unstar) > 0
}

// Run carries out the verbs: first the state changes, in the order read,
// unread, star, unstar, then the one listing asked for. section is
// --section as given ("" when not), defaultSection the one --ranking uses
// without it. It returns the exit code: 2 for an unknown article ID.
func Run(ctx context.Context, stdout, stderr io.Writer, st *cache.Store, d Discovery, section, defaultSection string, limit int, asJSON bool) int {
	fail := func(err error) int {
		fmt.Fprintln(stderr, "newsreader:", err)
		if errors.Is(err, cache.ErrNotFound) {
			return 2
		}
		return 1
	}
	changes := []struct {
		ids []string
		do  func(id int64) error
	}{
		{d.MarkRead, func(id int64) error { return st.SetRead(ctx, id, true) }},
		{d.MarkUnread, func(id int64) error { return st.SetRead(ctx, id, false) }},
		{d.Star, func(id int64) error { return st.SetStarred(ctx, id, true) }},
		{d.Unstar, func(id int64) error { return st.SetStarred(ctx, id, false) }},
	}
	// Resolve every ID before changing anything: an unknown one changes nothing.
	resolved := make([][]int64, len(changes))
	for i, c := range changes {
		for _, id := range c.ids {
			a, err := st.Lookup(ctx, id)
			if err != nil {
				return fail(err)
			}
			resolved[i] = append(resolved[i], a.ID)
		}
	}
	for i, c := range changes {
		for _, id := range resolved[i] {
			if err := c.do(id); err != nil {
				return fail(err)
			}
		}
	}
	var list []cache.Scored
	var snippets []string
	var err error
	var fallback bool // Recommended had no reading history
	shown := section
	switch {
	case d.Related != "":
		var a cache.Article
		if a, err = st.Lookup(ctx, d.Related); err == nil {
			list, err = st.Related(ctx, a.ID, limit)
		}
	case d.Ranking:
		if shown == "" {
			shown = defaultSection
		}
		list, err = st.Ranking(ctx, shown, limit)
	case d.Recommended:
		list, fallback, err = st.Recommended(ctx, section, limit)
		if err == nil && fallback && !asJSON {
			fmt.Fprintln(stderr, "newsreader: no reading history yet: showing the top stories")
		}
	case d.SearchSet:
		var hits []cache.Hit
		hits, _, err = st.Search(ctx, section, d.Search, 0, limit)
		for _, h := range hits {
			list = append(list, h.Scored)
			snippets = append(snippets, h.Snippet)
		}
	default:
		return 0
	}
	if err == nil && asJSON {
		arts := make([]cache.Article, len(list))
		for i, x := range list {
			arts[i] = x.Article
		}
		ui.Leads(ctx, st, arts)
		for i := range list {
			list[i].Summary = arts[i].Summary
		}
	}
	if err == nil {
		err = ui.PrintScored(stdout, shown, list, snippets, asJSON)
	}
	if err != nil {
		return fail(err)
	}
	if len(list) == 0 && !asJSON { // say why nothing was printed
		fmt.Fprintln(stderr, "newsreader:", emptyResult(d, shown, fallback))
	}
	return 0
}

// emptyResult says why a discovery verb printed nothing; fallback: the
// Recommended printed were the top stories (no reading history).
func emptyResult(d Discovery, section string, fallback bool) string {
	where := "the cache"
	if section != "" {
		where = section
	}
	switch {
	case d.Related != "":
		return "no other article in the cache is like this one yet"
	case d.SearchSet && strings.TrimSpace(d.Search) == "":
		return "--search needs some words to look for"
	case d.SearchSet:
		q := []rune(d.Search)
		if len(q) > 60 { // a pasted paragraph is not said back whole
			q = append(q[:59:59], '…')
		}
		return fmt.Sprintf("no article in %s matches %q", where, string(q))
	case d.Recommended && !fallback:
		// With a history, Recommended fills up with the top stories: it
		// is empty only when every story is read.
		return "nothing unread in " + where + " to recommend: every story is read; newsreader --refresh fetches new ones"
	}
	return "no articles in " + where + " yet; newsreader --refresh fetches them, or try --demo"
}
