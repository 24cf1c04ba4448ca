package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"newsreader/cache"
	"newsreader/feed"
)

// PrintResult writes one line for a feed's refresh: ok, not modified, or
// the error's reason.
func PrintResult(w io.Writer, r feed.Result) {
	switch r.Status {
	case feed.StatusOK:
		note := ""
		if n := r.Note(); n != "" {
			note = "; " + n
		}
		if r.MovedTo != "" {
			note += "; moved permanently to " + feed.Line(r.MovedTo)
		}
		fmt.Fprintf(w, "ok            %s (%s, %s%s)\n", feed.Line(r.URL), plural(len(r.Articles), "article"), r.Elapsed.Round(time.Millisecond), note)
	case feed.StatusNotModified:
		if r.MovedTo != "" {
			fmt.Fprintf(w, "not modified  %s (moved permanently to %s)\n", feed.Line(r.URL), feed.Line(r.MovedTo))
			return
		}
		fmt.Fprintf(w, "not modified  %s\n", feed.Line(r.URL))
	default:
		fmt.Fprintf(w, "error         %s: %s\n", feed.Line(r.URL), feed.Line(r.Err.Error()))
	}
}

// PrintSummary writes the refresh's closing line.
func PrintSummary(w io.Writer, s cache.Summary, took time.Duration) {
	extra := ""
	if s.FullTexts > 0 {
		extra += fmt.Sprintf(", %d full texts", s.FullTexts)
	}
	if s.Pruned > 0 {
		extra += fmt.Sprintf(", %d old articles pruned", s.Pruned)
	}
	fmt.Fprintf(w, "%s: %d ok, %d not modified, %d failed; %d new and %d updated articles%s in %s\n",
		plural(s.Total(), "feed"), s.OK, s.NotModified, s.Failed, s.New, s.Updated, extra, took.Round(time.Millisecond))
}

// listedArticle is the --list --json shape.
type listedArticle struct {
	ID        string  `json:"id"`
	Section   string  `json:"section"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Link      string  `json:"link"`
	Author    string  `json:"author"`
	Published string  `json:"published"`
	Summary   string  `json:"summary"`
	Read      bool    `json:"read"`
	Starred   bool    `json:"starred"`
	Story     int64   `json:"story"`      // equal values = same story
	StorySize int     `json:"story_size"` // distinct outlets covering it
	Comments  int     `json:"comments,omitempty"`
	Views     int     `json:"views,omitempty"`
	Rating    float64 `json:"rating,omitempty"`
}

// scoredArticle is the shape of the discovery verbs (--related, --ranking,
// --recommended, --search): a listed article with its score and reason.
type scoredArticle struct {
	listedArticle
	Score   float64 `json:"score"`
	Why     string  `json:"why"`
	Snippet string  `json:"snippet,omitempty"`
}

func listed(section string, a cache.Article) listedArticle {
	return listedArticle{
		ID: feed.Line(a.UID), Section: section, Source: feed.Line(a.Source), Title: feed.Line(a.Title), Link: feed.Link(a.Link), Author: feed.Line(a.Author),
		Published: a.Published.UTC().Format(time.RFC3339), Summary: feed.PlainText(a.Summary),
		Read: a.Read, Starred: a.Starred, Story: a.Story, StorySize: a.StorySize,
		Comments: a.Comments, Views: a.Views, Rating: a.Rating,
	}
}

// Leads gives the articles whose feed has only their text (an Atom
// entry's content, a JSON Feed item's content_html or content_text, no
// description) the opening of that text as their summary, as --json
// prints it: a summary is empty only when the article has no words.
// Listing reads no article's text; this reads those few.
func Leads(ctx context.Context, st *cache.Store, arts []cache.Article) {
	for i := range arts {
		if arts[i].Summary != "" {
			continue
		}
		full, err := st.Get(ctx, arts[i].ID)
		if err != nil || full.Content == "" {
			continue
		}
		var paras []string
		for p := range strings.SplitSeq(feed.PlainText(full.Content), "\n\n") {
			// As the article pane: not the title again, nor a
			// platform's sign-off.
			if p = strings.TrimSpace(p); p != "" && !signOff(p) && !(len(paras) == 0 && sameTitle(p, full.Title)) {
				paras = append(paras, p)
			}
		}
		arts[i].Summary = html.EscapeString(lead(strings.Join(paras, "\n\n"), leadLen))
	}
}

// leadLen is about how long a summary made from an article's text is:
// a paragraph or two.
const leadLen = 400

// lead is text cut after about n bytes: at the end of a paragraph when
// one ends in the second half, else at a space, with "…"; never inside a
// character.
func lead(text string, n int) string {
	text = strings.TrimSpace(text)
	if len(text) <= n {
		return text
	}
	cut := text[:n]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndex(cut, "\n\n"); i > n/2 {
		return cut[:i]
	}
	if i := strings.LastIndexAny(cut, " \n"); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " \n,;:") + "…"
}

// PrintScored writes a discovery list like PrintList, each line ending in
// its reason; with asJSON each object also carries score and why (and a
// search hit its snippet).
func PrintScored(w io.Writer, section string, list []cache.Scored, snippets []string, asJSON bool) error {
	enc := json.NewEncoder(w)
	for i, s := range list {
		if asJSON {
			o := scoredArticle{listedArticle: listed(section, s.Article), Score: s.Score, Why: feed.Line(s.Why)}
			if i < len(snippets) {
				o.Snippet = feed.Line(snippets[i])
			}
			if err := enc.Encode(o); err != nil {
				return err
			}
			continue
		}
		if err := printLine(w, s.Article, "  ("+feed.Line(s.Why)+")"); err != nil {
			return err
		}
	}
	return nil
}

func printLine(w io.Writer, a cache.Article, tail string) error {
	// The TUI's marks: ● unread, * starred, each in its own column.
	mark := "●"
	if a.Read {
		mark = " "
	}
	if a.Starred {
		mark += "*"
	} else {
		mark += " "
	}
	// The source column is 16 cells as the terminal counts them (code
	// points: CJK takes two, combining marks none), not 16 runes.
	src := sourceColumn(feed.Line(a.Source), 16)
	src += strings.Repeat(" ", max(16-ansi.StringWidthWc(src), 0))
	prefix := fmt.Sprintf("%s %s  %s  ", mark, a.Published.Local().Format("2006-01-02 15:04"), src)
	text := feed.Line(a.Title) + tail
	if width := termWidth(w); width > 0 {
		// On a terminal a long title goes on under itself, broken
		// between words, rather than where the terminal's edge falls.
		indent := ansi.StringWidthWc(prefix)
		if tw := width - indent; tw >= 20 && ansi.StringWidthWc(text) > tw {
			lines := wrapText(text, tw, "", false)
			text = strings.Join(lines, "\n"+strings.Repeat(" ", indent))
		}
	}
	_, err := fmt.Fprintf(w, "%s%s\n", prefix, text)
	return err
}

// IsTerminal says whether w (through the verbs' SafeWriter) is a terminal.
func IsTerminal(w io.Writer) bool { return termWidth(w) > 0 }

// termWidth is w's width when w is a terminal, else 0 (a file or pipe
// gets each article on one line, for grep and cut).
func termWidth(w io.Writer) int {
	if sw, ok := w.(safeWriter); ok {
		w = sw.w
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	if width, _, err := term.GetSize(f.Fd()); err == nil {
		return width
	}
	return 0
}

// sourceColumn fits a source in width cells: a feed titled "Outlet -
// Section" ("BBC News - World", "NYT > World") too long for them gives
// the outlet; another name too long ends in "…".
func sourceColumn(src string, width int) string {
	if ansi.StringWidthWc(src) <= width {
		return src
	}
	for _, sep := range []string{" - ", " – ", " — ", " > ", ": "} {
		if i := strings.Index(src, sep); i > 0 && ansi.StringWidthWc(src[:i]) <= width {
			return src[:i]
		}
	}
	return ansi.TruncateWc(src, width, "…")
}

// PrintList writes a section's articles, one line each or, with asJSON,
// one JSON object per line.
func PrintList(w io.Writer, section string, arts []cache.Article, asJSON bool) error {
	enc := json.NewEncoder(w)
	for _, a := range arts {
		if asJSON {
			if err := enc.Encode(listed(section, a)); err != nil {
				return err
			}
			continue
		}
		if err := printLine(w, a, ""); err != nil {
			return err
		}
	}
	return nil
}
