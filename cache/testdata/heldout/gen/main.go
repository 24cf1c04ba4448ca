// Command gen writes the held-out labelled news corpus of the discovery
// evaluation (cache/heldout_test.go) from stories.txt: one feed per
// outlet and section, each outlet in its own house style, and truth.json
// with the story and topic of every item of every feed.
//
// Run from the repository root: go run ./cache/testdata/heldout/gen
//
// Everything in stories.txt is invented (outlets, people, places,
// companies). Its format:
//
//	= story-id | topic
//	O feed,feed HOURS | headline | first text
//	> a further paragraph (Northgate and Ledger only)
//
// where O is the outlet (N Northgate Times, M Meridian Wire, L Lakeshore
// Ledger, C Capstone Daily), the feeds are that outlet's section feeds
// carrying the item, and HOURS is how long before the evaluation starts
// the item was published. The feeds carry {{ago MINUTES}} (RFC 1123) and
// {{iso MINUTES}} (RFC 3339) markers that the test replaces with dates.
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"unicode"

	"newsreader/cache/testdata/corpus"
)

type outlet struct {
	name, host, style string
	feeds             map[string]string // feed key -> section key
	feedTitle         func(string) string
	authors           []string
}

var outlets = map[string]*outlet{
	"N": {name: "Northgate Times", host: "www.northgate-times.example", style: "long",
		feeds:     map[string]string{"politics": "politics", "business": "business", "world": "world"},
		feedTitle: func(s string) string { return "Northgate Times - " + title(s) },
		authors:   []string{"Hanna Ruiz", "Callum Dray", "Edith Marsh", "Sanjay Pell", "Gretchen Oyelaran"}},
	"M": {name: "Meridian Wire", host: "www.meridianwire.example", style: "wire",
		feeds:     map[string]string{"top": "top", "business": "business", "technology": "tech", "sport": "sport"},
		feedTitle: func(s string) string { return "Meridian Wire: " + title(s) + " News" },
		authors:   []string{"Anya Kern", "Tomas Reed", "Lio Barrett", "Mina Calloway"}},
	"L": {name: "The Lakeshore Ledger", host: "www.lakeshoreledger.example", style: "atom",
		feeds:     map[string]string{"tech": "tech", "business": "business", "politics": "politics"},
		feedTitle: func(s string) string { return "The Lakeshore Ledger | " + title(s) },
		authors:   []string{"Nora Achebe-Lind", "Pieter Vollan", "Ruth Kamenev"}},
	"C": {name: "Capstone Daily", host: "news.capstone-daily.example", style: "brief",
		feeds:     map[string]string{"world": "world", "sport": "sport", "politics": "politics"},
		feedTitle: func(s string) string { return "Capstone Daily » " + title(s) },
		authors:   []string{"Capstone Daily staff"}},
}

func main() {
	dir := flag.String("dir", "cache/testdata/heldout", "corpus directory (stories.txt in, feeds and truth.json out)")
	flag.Parse()
	items := corpus.Read(filepath.Join(*dir, "stories.txt"), corpus.Spec{
		Feeds: func(k string) (string, map[string]string, bool) {
			if o := outlets[k]; o != nil {
				return o.name, o.feeds, true
			}
			return "", nil, false
		},
		Style: func(it *corpus.Item) {
			if outlets[it.Outlet].style == "brief" { // a one-sentence headline, without its full stop
				it.Headline = strings.TrimSuffix(it.Headline, ".")
			}
		},
		Link: func(it *corpus.Item, n int) string {
			o, sec := outlets[it.Outlet], it.Feeds[len(it.Feeds)-1]
			switch it.Outlet {
			case "N":
				return fmt.Sprintf("https://%s/%s/2026/nov/%s", o.host, sec, it.Slug)
			case "M":
				return fmt.Sprintf("https://%s/article/%s-idMW%05d", o.host, it.Slug, 40000+n*37)
			case "L":
				return fmt.Sprintf("https://%s/%s/%s/", o.host, sec, it.Slug)
			}
			return fmt.Sprintf("https://%s/story/%d/%s.html", o.host, 880000+n*13, it.Slug)
		},
		SlugMax: 60,
	})
	feeds := corpus.Write(*dir, items,
		func(it *corpus.Item, f string) string { return feedFile(it.Outlet, f) },
		func(it *corpus.Item, f string) (string, string) { o := outlets[it.Outlet]; return o.name, o.feeds[f] },
		func(name string, its []*corpus.Item) string {
			key, f, _ := strings.Cut(strings.TrimSuffix(name, ".xml"), "-")
			if outlets[keyOf(key)].style == "atom" {
				return atom(keyOf(key), f, its, items)
			}
			return rss(keyOf(key), f, its, items)
		})
	stories, _ := corpus.Count(items)
	fmt.Printf("%d stories, %d items, %d feeds\n", stories, len(items), feeds)
}

var fileKey = map[string]string{"N": "northgate", "M": "meridian", "L": "ledger", "C": "capstone"}

func feedFile(o, f string) string { return fileKey[o] + "-" + f + ".xml" }

func keyOf(file string) string {
	for k, v := range fileKey {
		if v == file {
			return k
		}
	}
	log.Fatalf("no outlet %q", file)
	return ""
}

var small = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true, "for": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "vs": true, "with": true}

// title writes a headline in Title Case, as some outlets do.
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && small[strings.ToLower(w)] {
			continue
		}
		r := []rune(w)
		for j, c := range r {
			if unicode.IsLetter(c) {
				r[j] = unicode.ToUpper(c)
				break
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func author(o *outlet, it *corpus.Item) string { return o.authors[it.N%len(o.authors)] }

// readMore is another story of the same outlet, as its "Read more" box
// would link: the next one in the file.
func readMore(it *corpus.Item, all []*corpus.Item) *corpus.Item {
	for k := 1; k < len(all); k++ {
		o := all[(it.N+k)%len(all)]
		if o.Outlet == it.Outlet && o.Story != it.Story {
			return o
		}
	}
	return nil
}

func rss(o, f string, its, all []*corpus.Item) string {
	out := outlets[o]
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
`)
	fmt.Fprintf(&b, "<title>%s</title>\n<link>https://%s/%s</link>\n<description>%s</description>\n<language>en</language>\n",
		corpus.Esc(out.feedTitle(f)), out.host, f, corpus.Esc("The latest from "+out.name))
	fmt.Fprintf(&b, "<atom:link href=\"https://%s/feeds/%s.rss\" rel=\"self\" type=\"application/rss+xml\"/>\n", out.host, f)
	for _, it := range its {
		b.WriteString("<item>\n")
		switch out.style {
		case "long":
			fmt.Fprintf(&b, "<title>%s</title>\n", corpus.Esc(title(it.Headline)))
		default:
			fmt.Fprintf(&b, "<title>%s</title>\n", corpus.Esc(it.Headline))
		}
		fmt.Fprintf(&b, "<link>%s</link>\n", it.Link)
		switch out.style {
		case "wire":
			fmt.Fprintf(&b, "<guid isPermaLink=\"false\">urn:meridianwire:%s</guid>\n", it.Slug)
		default:
			fmt.Fprintf(&b, "<guid>%s</guid>\n", it.Link)
		}
		fmt.Fprintf(&b, "<pubDate>{{ago %d}}</pubDate>\n", it.Minutes)
		switch out.style {
		case "long":
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n<category>%s</category>\n", corpus.Esc(author(out, it)), corpus.Esc(title(out.feeds[it.Feeds[0]])))
			fmt.Fprintf(&b, "<media:content url=\"https://img.northgate-times.example/2026/11/%s.jpg\" medium=\"image\" width=\"1200\"/>\n", it.Slug)
			fmt.Fprintf(&b, "<description>%s</description>\n", corpus.Esc(it.First))
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", longBody(out, it, all))
		case "wire":
			body := "<p>" + corpus.Esc(it.First) + "</p>"
			for _, p := range it.Paras {
				body += "<p>" + corpus.Esc(p) + "</p>"
			}
			body += fmt.Sprintf("<p>(Reporting by %s; Editing by %s)</p>", author(out, it), out.authors[(it.N+1)%len(out.authors)])
			fmt.Fprintf(&b, "<description>%s</description>\n", corpus.Esc(body))
		case "brief":
			fmt.Fprintf(&b, "<category>%s</category>\n<description>%s</description>\n", corpus.Esc(title(out.feeds[f])), corpus.Esc(it.First))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func longBody(out *outlet, it *corpus.Item, all []*corpus.Item) string {
	var b strings.Builder
	credits := []string{"Photo: Lev Anders/Northgate Times", "Photograph: Marta Quell for the Northgate Times", "Image: Northgate Times archive", "Photo: Pool/Northgate Times"}
	fmt.Fprintf(&b, "<figure><img src=\"https://img.northgate-times.example/2026/11/%s.jpg\" alt=\"\"><figcaption>%s</figcaption></figure>", it.Slug, credits[it.N%len(credits)])
	paras := append([]string{it.First}, it.Paras...)
	for i, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", corpus.Esc(p))
		if i == 1 {
			if o := readMore(it, all); o != nil {
				fmt.Fprintf(&b, "<p><strong>Read more:</strong> <a href=\"%s\">%s</a></p>", o.Link, corpus.Esc(title(o.Headline)))
			}
		}
	}
	b.WriteString("<aside><p><em>Sign up for our Morning Briefing newsletter to get the day's most important stories in your inbox.</em></p></aside>")
	b.WriteString("<p>Read more from Northgate Times and share your views in the comments below.</p>")
	b.WriteString("<p><small>© 2026 Northgate Times. All rights reserved.</small></p>")
	return b.String()
}

func atom(o, f string, its, all []*corpus.Item) string {
	out := outlets[o]
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
`)
	fmt.Fprintf(&b, "<title>%s</title>\n<id>tag:%s,2026:%s</id>\n<link rel=\"alternate\" href=\"https://%s/%s/\"/>\n<link rel=\"self\" href=\"https://%s/%s/feed.atom\"/>\n",
		corpus.Esc(out.feedTitle(f)), strings.TrimPrefix(out.host, "www."), f, out.host, f, out.host, f)
	if len(its) > 0 {
		fmt.Fprintf(&b, "<updated>{{iso %d}}</updated>\n", its[0].Minutes)
	}
	for _, it := range its {
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<title type=\"html\">%s</title>\n", corpus.Esc(it.Headline))
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", it.Link)
		fmt.Fprintf(&b, "<id>tag:lakeshoreledger.example,2026:%s</id>\n", it.Slug)
		fmt.Fprintf(&b, "<published>{{iso %d}}</published>\n<updated>{{iso %d}}</updated>\n", it.Minutes, it.Minutes)
		fmt.Fprintf(&b, "<author><name>%s</name></author>\n", corpus.Esc(author(out, it)))
		fmt.Fprintf(&b, "<category term=\"%s\"/>\n", corpus.Esc(title(out.feeds[f])))
		fmt.Fprintf(&b, "<summary type=\"text\">%s</summary>\n", corpus.Esc(it.First))
		var body strings.Builder
		body.WriteString("<p><em>" + corpus.Esc(it.First) + "</em></p>")
		for _, p := range it.Paras {
			body.WriteString("<p>" + corpus.Esc(p) + "</p>")
		}
		body.WriteString("<p>This article first appeared in The Lakeshore Ledger's weekend edition.</p>")
		fmt.Fprintf(&b, "<content type=\"html\">%s</content>\n", corpus.Esc(body.String()))
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.String()
}
