package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// PrintResult writes one line for a feed's refresh: ok, not modified, or
// the error's reason.
func PrintResult(w io.Writer, r feed.Result) {
	switch r.Status {
	case feed.StatusOK:
		fmt.Fprintf(w, "ok            %s (%d articles, %s)\n", feed.Line(r.URL), len(r.Articles), r.Elapsed.Round(time.Millisecond))
	case feed.StatusNotModified:
		fmt.Fprintf(w, "not modified  %s\n", feed.Line(r.URL))
	default:
		fmt.Fprintf(w, "error         %s: %s\n", feed.Line(r.URL), feed.Line(r.Err.Error()))
	}
}

// PrintSummary writes the refresh's closing line.
func PrintSummary(w io.Writer, s cache.Summary, took time.Duration) {
	fmt.Fprintf(w, "%d feeds: %d ok, %d not modified, %d failed; %d articles in %s\n",
		s.Total(), s.OK, s.NotModified, s.Failed, s.Articles, took.Round(time.Millisecond))
}

// listedArticle is the --list --json shape.
type listedArticle struct {
	ID        string `json:"id"`
	Section   string `json:"section"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Link      string `json:"link"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Summary   string `json:"summary"`
	Read      bool   `json:"read"`
	Starred   bool   `json:"starred"`
}

// PrintList writes a section's articles, one line each or, with asJSON,
// one JSON object per line.
func PrintList(w io.Writer, section string, arts []cache.Article, asJSON bool) error {
	enc := json.NewEncoder(w)
	for _, a := range arts {
		if asJSON {
			err := enc.Encode(listedArticle{
				ID: feed.Line(a.UID), Section: section, Source: feed.Line(a.Source), Title: feed.Line(a.Title), Link: feed.Link(a.Link), Author: feed.Line(a.Author),
				Published: a.Published.UTC().Format(time.RFC3339), Summary: feed.PlainText(a.Summary),
				Read: a.Read, Starred: a.Starred,
			})
			if err != nil {
				return err
			}
			continue
		}
		mark := "*"
		if a.Read {
			mark = " "
		}
		if _, err := fmt.Fprintf(w, "%s %s  %-16.16s  %s\n", mark, a.Published.Local().Format("2006-01-02 15:04"), feed.Line(a.Source), feed.Line(a.Title)); err != nil {
			return err
		}
	}
	return nil
}
