package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/ui"
)

// Show prints one article as the article pane lays it out, without
// styling. ref is the article's id from --list --json (or its row id).
// With full, the body is the extracted full text, from the cache or
// fetched now (and cached).
func Show(ctx context.Context, store *cache.Store, f *feed.Fetcher, ref string, full bool, width int, out io.Writer) error {
	id, err := store.ArticleRef(ctx, ref)
	if err != nil {
		return err
	}
	art, err := store.Get(ctx, id)
	if err != nil {
		return err
	}
	body := art.Content
	if len(body) < len(art.Summary) {
		body = art.Summary
	}
	if full {
		if body, err = store.LoadFullText(ctx, f, id); err != nil {
			return fmt.Errorf("full text of %s: %w", ref, err)
		}
	} else {
		body = ui.WithLeadImage(body, art.Image)
	}
	// A file (or pipe) gets the text's grapheme clusters as they are; a
	// terminal gets them as it draws them.
	exact := !ui.IsTerminal(out) // out is the verbs' SafeWriter round stdout
	lines := ui.PlainArticle(art, body, width, exact)
	if !full && len(lines) == len(ui.PlainArticle(art, "", width, exact)) {
		// Nothing under the header: a title-only feed.
		hint := "No text in the feed for this article."
		if art.Link != "" {
			hint = "No text in the feed for this article: --full fetches its full text."
		}
		lines = append(lines, hint)
	}
	_, err = io.WriteString(out, strings.Join(lines, "\n")+"\n")
	return err
}

// Width is the terminal's width when out is one, else $COLUMNS, else 80.
func Width(out *os.File) int {
	if w, _, err := term.GetSize(out.Fd()); err == nil && w > 0 {
		return w
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 80
}
