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
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
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

type item struct {
	story, topic, outlet string
	feeds                []string
	minutes              int
	headline, first      string
	paras                []string
	slug, link           string
	n                    int // order in the file
}

type truth struct {
	Link    string `json:"link"`
	Feed    string `json:"feed"`
	Section string `json:"section"`
	Outlet  string `json:"outlet"`
	Story   string `json:"story"`
	Topic   string `json:"topic"`
}

func main() {
	dir := flag.String("dir", "cache/testdata/heldout", "corpus directory (stories.txt in, feeds and truth.json out)")
	flag.Parse()
	items := parse(filepath.Join(*dir, "stories.txt"))
	byFeed := map[string][]*item{}
	var truths []truth
	for _, it := range items {
		o := outlets[it.outlet]
		for _, f := range it.feeds {
			name := feedFile(it.outlet, f)
			byFeed[name] = append(byFeed[name], it)
			truths = append(truths, truth{Link: it.link, Feed: "/" + name, Section: o.feeds[f], Outlet: o.name, Story: it.story, Topic: it.topic})
		}
	}
	var names []string
	for n := range byFeed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		its := byFeed[name]
		sort.SliceStable(its, func(i, j int) bool { return its[i].minutes < its[j].minutes })
		key, f, _ := strings.Cut(strings.TrimSuffix(name, ".xml"), "-")
		var out string
		if outlets[keyOf(key)].style == "atom" {
			out = atom(keyOf(key), f, its, items)
		} else {
			out = rss(keyOf(key), f, its, items)
		}
		if err := os.WriteFile(filepath.Join(*dir, name), []byte(out), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	sort.SliceStable(truths, func(i, j int) bool { return truths[i].Feed < truths[j].Feed })
	data, _ := json.MarshalIndent(truths, "", " ")
	if err := os.WriteFile(filepath.Join(*dir, "truth.json"), append(data, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	stories := map[string]bool{}
	for _, it := range items {
		stories[it.story] = true
	}
	fmt.Printf("%d stories, %d items, %d feeds\n", len(stories), len(items), len(names))
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

func parse(path string) []*item {
	fh, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer fh.Close()
	var items []*item
	var story, topic string
	slugs := map[string]bool{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "="):
			f := strings.Split(l[1:], "|")
			if len(f) != 2 {
				log.Fatalf("line %d: want = story | topic", line)
			}
			story, topic = strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		case strings.HasPrefix(l, ">"):
			if len(items) == 0 {
				log.Fatalf("line %d: paragraph before any item", line)
			}
			it := items[len(items)-1]
			it.paras = append(it.paras, strings.TrimSpace(l[1:]))
		default:
			f := strings.Split(l, "|")
			if len(f) != 3 || story == "" {
				log.Fatalf("line %d: want O feeds HOURS | headline | text", line)
			}
			head := strings.Fields(f[0])
			if len(head) != 3 || outlets[head[0]] == nil {
				log.Fatalf("line %d: bad item head %q", line, f[0])
			}
			o := outlets[head[0]]
			hours, err := strconv.ParseFloat(head[2], 64)
			if err != nil {
				log.Fatalf("line %d: %v", line, err)
			}
			it := &item{story: story, topic: topic, outlet: head[0], feeds: strings.Split(head[1], ","),
				minutes: int(hours * 60), headline: strings.TrimSpace(f[1]), first: strings.TrimSpace(f[2]), n: len(items)}
			if o.style == "brief" { // a one-sentence headline, without its full stop
				it.headline = strings.TrimSuffix(it.headline, ".")
			}
			for _, fd := range it.feeds {
				if _, ok := o.feeds[fd]; !ok {
					log.Fatalf("line %d: %s has no feed %q", line, o.name, fd)
				}
			}
			it.slug = slug(it.headline)
			for slugs[head[0]+it.slug] {
				it.slug += "-2"
			}
			slugs[head[0]+it.slug] = true
			sec := it.feeds[len(it.feeds)-1]
			switch head[0] {
			case "N":
				it.link = fmt.Sprintf("https://%s/%s/2026/nov/%s", o.host, sec, it.slug)
			case "M":
				it.link = fmt.Sprintf("https://%s/article/%s-idMW%05d", o.host, it.slug, 40000+len(items)*37)
			case "L":
				it.link = fmt.Sprintf("https://%s/%s/%s/", o.host, sec, it.slug)
			case "C":
				it.link = fmt.Sprintf("https://%s/story/%d/%s.html", o.host, 880000+len(items)*13, it.slug)
			}
			items = append(items, it)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return items
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	return b.String()
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

func esc(s string) string { return html.EscapeString(s) }

func author(o *outlet, it *item) string { return o.authors[it.n%len(o.authors)] }

// readMore is another story of the same outlet, as its "Read more" box
// would link: the next one in the file.
func readMore(it *item, all []*item) *item {
	for k := 1; k < len(all); k++ {
		o := all[(it.n+k)%len(all)]
		if o.outlet == it.outlet && o.story != it.story {
			return o
		}
	}
	return nil
}

func rss(o, f string, its, all []*item) string {
	out := outlets[o]
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
`)
	fmt.Fprintf(&b, "<title>%s</title>\n<link>https://%s/%s</link>\n<description>%s</description>\n<language>en</language>\n",
		esc(out.feedTitle(f)), out.host, f, esc("The latest from "+out.name))
	fmt.Fprintf(&b, "<atom:link href=\"https://%s/feeds/%s.rss\" rel=\"self\" type=\"application/rss+xml\"/>\n", out.host, f)
	for _, it := range its {
		b.WriteString("<item>\n")
		switch out.style {
		case "long":
			fmt.Fprintf(&b, "<title>%s</title>\n", esc(title(it.headline)))
		default:
			fmt.Fprintf(&b, "<title>%s</title>\n", esc(it.headline))
		}
		fmt.Fprintf(&b, "<link>%s</link>\n", it.link)
		switch out.style {
		case "wire":
			fmt.Fprintf(&b, "<guid isPermaLink=\"false\">urn:meridianwire:%s</guid>\n", it.slug)
		default:
			fmt.Fprintf(&b, "<guid>%s</guid>\n", it.link)
		}
		fmt.Fprintf(&b, "<pubDate>{{ago %d}}</pubDate>\n", it.minutes)
		switch out.style {
		case "long":
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n<category>%s</category>\n", esc(author(out, it)), esc(title(out.feeds[it.feeds[0]])))
			fmt.Fprintf(&b, "<media:content url=\"https://img.northgate-times.example/2026/11/%s.jpg\" medium=\"image\" width=\"1200\"/>\n", it.slug)
			fmt.Fprintf(&b, "<description>%s</description>\n", esc(it.first))
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", longBody(out, it, all))
		case "wire":
			body := "<p>" + esc(it.first) + "</p>"
			for _, p := range it.paras {
				body += "<p>" + esc(p) + "</p>"
			}
			body += fmt.Sprintf("<p>(Reporting by %s; Editing by %s)</p>", author(out, it), out.authors[(it.n+1)%len(out.authors)])
			fmt.Fprintf(&b, "<description>%s</description>\n", esc(body))
		case "brief":
			fmt.Fprintf(&b, "<category>%s</category>\n<description>%s</description>\n", esc(title(out.feeds[f])), esc(it.first))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func longBody(out *outlet, it *item, all []*item) string {
	var b strings.Builder
	credits := []string{"Photo: Lev Anders/Northgate Times", "Photograph: Marta Quell for the Northgate Times", "Image: Northgate Times archive", "Photo: Pool/Northgate Times"}
	fmt.Fprintf(&b, "<figure><img src=\"https://img.northgate-times.example/2026/11/%s.jpg\" alt=\"\"><figcaption>%s</figcaption></figure>", it.slug, credits[it.n%len(credits)])
	paras := append([]string{it.first}, it.paras...)
	for i, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", esc(p))
		if i == 1 {
			if o := readMore(it, all); o != nil {
				fmt.Fprintf(&b, "<p><strong>Read more:</strong> <a href=\"%s\">%s</a></p>", o.link, esc(title(o.headline)))
			}
		}
	}
	b.WriteString("<aside><p><em>Sign up for our Morning Briefing newsletter to get the day's most important stories in your inbox.</em></p></aside>")
	b.WriteString("<p>Read more from Northgate Times and share your views in the comments below.</p>")
	b.WriteString("<p><small>© 2026 Northgate Times. All rights reserved.</small></p>")
	return b.String()
}

func atom(o, f string, its, all []*item) string {
	out := outlets[o]
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
`)
	fmt.Fprintf(&b, "<title>%s</title>\n<id>tag:%s,2026:%s</id>\n<link rel=\"alternate\" href=\"https://%s/%s/\"/>\n<link rel=\"self\" href=\"https://%s/%s/feed.atom\"/>\n",
		esc(out.feedTitle(f)), strings.TrimPrefix(out.host, "www."), f, out.host, f, out.host, f)
	if len(its) > 0 {
		fmt.Fprintf(&b, "<updated>{{iso %d}}</updated>\n", its[0].minutes)
	}
	for _, it := range its {
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<title type=\"html\">%s</title>\n", esc(it.headline))
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", it.link)
		fmt.Fprintf(&b, "<id>tag:lakeshoreledger.example,2026:%s</id>\n", it.slug)
		fmt.Fprintf(&b, "<published>{{iso %d}}</published>\n<updated>{{iso %d}}</updated>\n", it.minutes, it.minutes)
		fmt.Fprintf(&b, "<author><name>%s</name></author>\n", esc(author(out, it)))
		fmt.Fprintf(&b, "<category term=\"%s\"/>\n", esc(title(out.feeds[f])))
		fmt.Fprintf(&b, "<summary type=\"text\">%s</summary>\n", esc(it.first))
		var body strings.Builder
		body.WriteString("<p><em>" + esc(it.first) + "</em></p>")
		for _, p := range it.paras {
			body.WriteString("<p>" + esc(p) + "</p>")
		}
		body.WriteString("<p>This article first appeared in The Lakeshore Ledger's weekend edition.</p>")
		fmt.Fprintf(&b, "<content type=\"html\">%s</content>\n", esc(body.String()))
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.String()
}
