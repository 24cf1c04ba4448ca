package cache

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsreader/cache/recommend"
	"newsreader/cache/stories"
	"newsreader/feed"
)

// Feed boilerplate: the paragraphs an outlet prints under (or over) its
// reports, word for word: "Sign up for the Harbour Times morning
// briefing", "© 2026 Meridian Wire", "Photo: Pool/Harbour Times". Their
// words say nothing of the event, yet, read as the report's terms, they
// made every report of the feed look a little like every other (Related
// listed a storm "alike in content" to a store closure). The stop words
// catch the common ones in any outlet's wording; these are found per
// feed: a paragraph that recurs in at least boilerplateMin of a feed's
// new reports and in half of them, or that names the outlet, is left out
// of the terms the stories and the discovery lists weigh. A paragraph a
// few reports share and that does not name the outlet is kept: a live
// blog's standing intro, or the background a running story repeats, names
// the event and ties its reports together. The search index holds all.

// boilerplateMin is how many of a feed's reports must print a paragraph
// for it to be the feed's boilerplate.
const boilerplateMin = 3

// feedBoilerplate returns the paragraphs of texts (plain texts, one per
// report; "" for none) that are the feed's boilerplate, or nil. names are
// the reports' outlets (feed.Article.Source: the feed's title, as
// "Harbour Times - World").
func feedBoilerplate(texts, names []string) map[string]bool {
	n := 0
	for _, t := range texts {
		if t != "" {
			n++
		}
	}
	if n < boilerplateMin {
		return nil
	}
	count := map[string]int{}
	var seen map[string]bool
	for _, t := range texts {
		if !strings.Contains(t, "\n\n") {
			continue // one paragraph: the report itself
		}
		clear(seen)
		if seen == nil {
			seen = map[string]bool{}
		}
		for p := range strings.SplitSeq(t, "\n\n") {
			if p = strings.TrimSpace(p); p != "" && !seen[p] {
				seen[p] = true
				count[p]++
			}
		}
	}
	var outlets []string
	var out map[string]bool
	for p, c := range count {
		if c < boilerplateMin {
			continue
		}
		if 2*c < n {
			if outlets == nil {
				outlets = outletNames(names)
			}
			if !mentions(p, outlets) {
				continue
			}
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[p] = true
	}
	return out
}

// outletNames returns the outlets' names, lower-case, from feed titles:
// each title and the parts of it a feed title joins the outlet's name to
// the section's by (" - ", " | ", ": " …), parts of at least 4 bytes.
func outletNames(titles []string) []string {
	var out []string
	for _, t := range titles {
		t = strings.ToLower(strings.TrimSpace(t))
		parts := []string{t}
		for _, sep := range []string{" - ", " – ", " — ", " | ", " > ", " » ", ": ", " · "} {
			var next []string
			for _, p := range parts {
				next = append(next, strings.Split(p, sep)...)
			}
			parts = next
		}
		for _, p := range append(parts, t) {
			if p = strings.TrimSpace(p); len(p) >= 4 && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// mentions says whether paragraph p names one of the outlets.
func mentions(p string, outlets []string) bool {
	p = strings.ToLower(p)
	for _, o := range outlets {
		if strings.Contains(p, o) {
			return true
		}
	}
	return false
}

// withoutParagraphs returns text without the paragraphs of drop (text
// itself when it holds none of them, or nothing else).
func withoutParagraphs(text string, drop map[string]bool) string {
	if len(drop) == 0 || !strings.Contains(text, "\n\n") {
		return text
	}
	var kept []string
	cut := false
	for p := range strings.SplitSeq(text, "\n\n") {
		if drop[strings.TrimSpace(p)] {
			cut = true
			continue
		}
		kept = append(kept, p)
	}
	if !cut || len(kept) == 0 {
		return text
	}
	return strings.Join(kept, "\n\n")
}

// prepareHook, when set (by tests), runs as prepareArticles starts.
var prepareHook func()

// prepareArticles prepares a feed's changed articles (see prepareArticle;
// unchanged ones are left zero), their terms read without the feed's
// boilerplate.
func (s *Store) prepareArticles(arts []feed.Article) []articlePrep {
	if prepareHook != nil {
		prepareHook()
	}
	out := make([]articlePrep, len(arts))
	texts, names := make([]string, len(arts)), make([]string, 0, 1)
	for i, a := range arts {
		if !a.Unchanged {
			texts[i] = indexText(a.Summary, a.Content)
		}
		if a.Source != "" && !slices.Contains(names, a.Source) {
			names = append(names, a.Source)
		}
	}
	drop := feedBoilerplate(texts, names)
	d := &s.disc.dict
	r, _ := d.readers.Get().(*stories.Reader)
	if r == nil {
		r = new(stories.Reader)
	}
	for i, a := range arts {
		if a.Unchanged {
			continue
		}
		out[i] = s.prepareText(r, a.Title, texts[i], drop)
		out[i].reply = stories.IsReply(a.Title, a.Link, a.Source)
	}
	d.readers.Put(r)
	return out
}

// storyText is an article's plain text as the stories and the discovery
// lists read it: without the feed's boilerplate paragraphs (drop), its
// navigation boxes (other stories' headlines: see withoutNavigation) and
// the credits of its datelines and its reporters' and editors' credits
// ("(Reporting by …; Editing by …)": a wire signs most of its reports
// with a few names, which made reports of unrelated events alike).
func storyText(text string, drop map[string]bool) string {
	return recommend.WithoutCredits(withoutDatelineCredit(withoutNavigation(withoutParagraphs(text, drop))))
}

// datelineCredit is a wire dateline's credit: "PORT SALO (Meridian) -",
// "SAN LORENZO, Nov 28 (Meridian Wire) –": the place in capitals (a date
// may follow it), the agency in brackets, a dash.
var datelineCredit = regexp.MustCompile(`(?m)^(\p{Lu}[\p{Lu}\p{M} .'’/-]{1,40}(?:, [\p{L}\d .]{1,20})?) \([^()\n\d]{2,40}\)( ?[-–—]+ )`)

// withoutDatelineCredit returns text without the agency's credit in the
// datelines opening its lines (the summary's and the content's): the
// agency's name opens every report it sends, and read as a name it made
// any two of them alike. The place stays: it is where the event
// happened. The expression is only tried on a line that can open with
// one (two capitals, or a capital and a space or stop, then " (" close
// by): over a whole text it cost 27 µs an article with a bracket in it,
// as most news has.
func withoutDatelineCredit(text string) string {
	if !strings.Contains(text, " (") {
		return text
	}
	var b []byte
	last := 0
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; mayOpenWithDateline(line) {
			if m := datelineCredit.FindStringSubmatchIndex(line); m != nil {
				b = append(b, text[last:start]...)
				b = append(b, line[m[2]:m[3]]...)
				b = append(b, line[m[4]:m[5]]...)
				last = start + m[1]
			}
		}
		start = end + 1
	}
	if b == nil {
		return text
	}
	return string(append(b, text[last:]...))
}

// datelinePlaces are the places the wire datelines opening text's lines
// give ("PORT SALO" of "PORT SALO (Meridian) -").
func datelinePlaces(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if mayOpenWithDateline(line) {
			if m := datelineCredit.FindStringSubmatch(line); m != nil {
				out = append(out, m[1])
			}
		}
	}
	return out
}

// mayOpenWithDateline says whether line can open with what datelineCredit
// matches: a capital, then a capital, a mark or one of " .'’/-", and
// " (" within the length a dateline can have.
func mayOpenWithDateline(line string) bool {
	r0, n := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r0) {
		return false
	}
	r1, _ := utf8.DecodeRuneInString(line[n:])
	if !unicode.IsUpper(r1) && !unicode.IsMark(r1) && !strings.ContainsRune(" .'’/-", r1) {
		return false
	}
	return strings.Contains(line[:min(len(line), maxDatelineOpening)], " (")
}

// maxDatelineOpening bounds where a dateline's " (" can be: 41 letters of
// place (4 bytes each at most) and ", " and 20 of date.
const maxDatelineOpening = 41*4 + 2 + 20*4 + 2
