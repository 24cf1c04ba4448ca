package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// oldest is the earliest date believed; anything before is a broken date.
var oldest = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// Parse parses an RSS, Atom or JSON feed body fetched from base and
// normalises its items. now stands in for missing or absurd dates.
func Parse(body []byte, base *url.URL, now time.Time) (string, []Article, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return "", nil, errors.New("empty response")
	}
	// XML parsers drop a raw ESC but keep the rest of its sequence ("[2J"),
	// so remove whole sequences first. ESC is ASCII in every encoding a
	// feed may declare, so this is safe before decoding.
	if bytes.IndexByte(body, 0x1b) >= 0 {
		body = stripEscapeBytes(body)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return "", nil, errors.New("not an RSS, Atom or JSON feed")
		}
		return "", nil, fmt.Errorf("bad feed: %s", firstLine(err.Error()))
	}
	title := Line(f.Title)
	if title == "" {
		title = base.Hostname()
	}
	arts := make([]Article, 0, len(f.Items))
	seen := map[string]bool{}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		a := normalise(it, base, now)
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		a.FeedURL = base.String()
		a.Source = title
		arts = append(arts, a)
	}
	return title, arts, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return Line(s)
}

func normalise(it *gofeed.Item, base *url.URL, now time.Time) Article {
	a := Article{
		Title:   Line(it.Title),
		Link:    resolve(base, it.Link),
		Summary: HTML(it.Description),
		Content: HTML(it.Content),
	}
	if a.Link == "" {
		for _, l := range it.Links {
			if a.Link = resolve(base, l); a.Link != "" {
				break
			}
		}
	}
	if a.Title == "" {
		a.Title = Line(truncateRunes(stripTags(it.Description), 80))
	}
	if a.Title == "" {
		a.Title = "(untitled)"
	}
	a.Author = author(it)
	a.Published, a.Updated, a.Undated = dates(it, now)
	for _, c := range it.Categories {
		if c = Line(c); c != "" {
			a.Categories = append(a.Categories, c)
		}
	}
	a.Image = image(it, base)
	a.Comments, a.Views, a.Rating = popularity(it)

	guid := strings.TrimSpace(it.GUID)
	switch {
	case guid != "" && (strings.Contains(guid, "://") || strings.HasPrefix(guid, "tag:") || strings.HasPrefix(guid, "urn:")):
		a.ID = guid
	case guid != "":
		a.ID = base.String() + "#" + guid // a bare guid is only unique within its feed
	case a.Link != "":
		a.ID = a.Link
	default:
		a.ID = hashID(base.String(), a.Title, it.Published, it.Updated)
	}
	a.ID = Line(a.ID)
	return a
}

func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		n := Line(p.Name)
		if n == "" {
			n = Line(p.Email)
		}
		if n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := Line(c); n != "" {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, ", ")
}

// dates picks published and updated times, treating missing, pre-1995 and
// future (beyond a day of clock skew) dates as unknown.
func dates(it *gofeed.Item, now time.Time) (pub, upd time.Time, undated bool) {
	ok := func(t *time.Time) bool {
		return t != nil && !t.Before(oldest) && !t.After(now.Add(24*time.Hour))
	}
	switch {
	case ok(it.PublishedParsed):
		pub = it.PublishedParsed.UTC()
	case ok(it.UpdatedParsed):
		pub = it.UpdatedParsed.UTC()
	default:
		pub, undated = now.UTC(), true
	}
	upd = pub
	if ok(it.UpdatedParsed) && it.UpdatedParsed.After(pub) {
		upd = it.UpdatedParsed.UTC()
	}
	if pub.After(now) {
		pub = now.UTC()
	}
	return pub, upd, undated
}

func image(it *gofeed.Item, base *url.URL) string {
	for _, th := range mediaElements(it.Extensions, "thumbnail") {
		if u := resolve(base, th.Attrs["url"]); u != "" {
			return u
		}
	}
	if it.Image != nil {
		if u := resolve(base, it.Image.URL); u != "" {
			return u
		}
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(e.Type, "image/") {
			if u := resolve(base, e.URL); u != "" {
				return u
			}
		}
	}
	return ""
}

// mediaElements finds media:NAME elements at item level and inside
// media:group and media:content.
func mediaElements(exts ext.Extensions, name string) []ext.Extension {
	media := exts["media"]
	if media == nil {
		return nil
	}
	out := append([]ext.Extension{}, media[name]...)
	for _, parent := range []string{"group", "content"} {
		for _, g := range media[parent] {
			out = append(out, g.Children[name]...)
			for _, c := range g.Children["content"] {
				out = append(out, c.Children[name]...)
			}
		}
	}
	return out
}

func popularity(it *gofeed.Item) (comments, views int, rating float64) {
	if sl := it.Extensions["slash"]; sl != nil {
		for _, c := range sl["comments"] {
			if n, err := strconv.Atoi(strings.TrimSpace(c.Value)); err == nil && n >= 0 {
				comments = n
			}
		}
	}
	for _, comm := range mediaElements(it.Extensions, "community") {
		for _, st := range comm.Children["statistics"] {
			if n, err := strconv.Atoi(st.Attrs["views"]); err == nil && n >= 0 {
				views = n
			}
		}
		for _, sr := range comm.Children["starRating"] {
			if f, err := strconv.ParseFloat(sr.Attrs["average"], 64); err == nil && f >= 0 && f <= 1e6 {
				rating = f
			}
		}
	}
	return comments, views, rating
}

// resolve makes ref absolute against base and keeps it only if http(s).
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Host == "" {
		return ""
	}
	return Link(u.String())
}

// stripTags removes markup crudely, for deriving a title from a summary.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
