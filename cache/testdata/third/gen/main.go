// Command gen writes the third labelled news corpus of the discovery
// evaluation (cache/third_test.go) from stories.txt: one feed per outlet
// and section, each outlet in its own format and house style, and
// truth.json with the story and topic of every item of every feed.
//
// Run from the repository root: go run ./cache/testdata/third/gen
//
// Everything in stories.txt is invented (outlets, people, places,
// companies, teams). Its format:
//
//	= story-id | topic
//	O feed,feed HOURS | headline | first text
//	> a further paragraph
//
// where O is the outlet:
//
//	R The Fenwick Courier, a regional daily: RSS 2.0, long HTML bodies in
//	  content:encoded with a photo caption, a subhead, a "Related" list of
//	  other Courier stories and a subscription box
//	W Continental Press Agency, a wire: Atom, a dateline opening each text
//	  (a first text "CALDON — ..." becomes "CALDON, Nov 27 (CPA) — ...")
//	  and a reporting credit closing it
//	J Bytewise, a tech site: JSON Feed 1.1 with summary, content_html,
//	  tags and an affiliate disclosure
//	S Grandstand & Stage, a sports and culture site: RSS 2.0 with a
//	  one- or two-sentence summary only
//
// the feeds are that outlet's section feeds carrying the item, and HOURS
// is how long before the evaluation starts the item was published. The
// feeds carry {{ago MINUTES}} (RFC 1123) and {{iso MINUTES}} (RFC 3339)
// markers that the test replaces with dates.
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
	name, file, host, style string
	feeds                   map[string]string // feed key -> section key
	authors                 []string
}

var outlets = map[string]*outlet{
	"R": {name: "The Fenwick Courier", file: "courier", host: "www.fenwickcourier.example", style: "daily",
		feeds:   map[string]string{"news": "news", "business": "business", "sport": "sport", "whats-on": "culture"},
		authors: []string{"Dilys Harrow", "Kwame Asante-Bell", "Rosalind Oakes", "Tobiah Fenner", "Maud Ellery"}},
	"W": {name: "Continental Press Agency", file: "cpa", host: "newsroom.cpa-wire.example", style: "wire",
		feeds:   map[string]string{"national": "news", "world": "world", "business": "business", "technology": "tech"},
		authors: []string{"Ilse Marchetti", "Bram Oduya", "Carys Whitlow", "Yusuf Delacroix"}},
	"J": {name: "Bytewise", file: "bytewise", host: "bytewise.example", style: "json",
		feeds:   map[string]string{"all": "tech", "money": "business"},
		authors: []string{"Priya Castellane", "Jonah Weatherby", "Sunniva Lark"}},
	"S": {name: "Grandstand & Stage", file: "grandstand", host: "grandstandstage.example", style: "brief",
		feeds:   map[string]string{"sport": "sport", "culture": "culture"},
		authors: []string{"G&S Desk"}},
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
	dir := flag.String("dir", "cache/testdata/third", "corpus directory (stories.txt in, feeds and truth.json out)")
	flag.Parse()
	items := parse(filepath.Join(*dir, "stories.txt"))
	byFeed := map[string][]*item{}
	var truths []truth
	for _, it := range items {
		o := outlets[it.outlet]
		for _, f := range it.feeds {
			name := feedFile(o, f)
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
		file, f, _ := strings.Cut(strings.TrimSuffix(strings.TrimSuffix(name, ".xml"), ".json"), "-")
		o := byFile(file)
		var out string
		switch o.style {
		case "wire":
			out = atom(o, f, its)
		case "json":
			out = jsonFeed(o, f, its)
		default:
			out = rss(o, f, its, items)
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
	stories, topics := map[string]bool{}, map[string]bool{}
	for _, it := range items {
		stories[it.story] = true
		topics[it.topic] = true
	}
	fmt.Printf("%d stories in %d topics, %d items, %d feeds\n", len(stories), len(topics), len(items), len(names))
}

func feedFile(o *outlet, f string) string {
	if o.style == "json" {
		return o.file + "-" + f + ".json"
	}
	return o.file + "-" + f + ".xml"
}

func byFile(file string) *outlet {
	for _, o := range outlets {
		if o.file == file {
			return o
		}
	}
	log.Fatalf("no outlet %q", file)
	return nil
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
	stories := map[string]bool{}
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
			if stories[story] {
				log.Fatalf("line %d: story %s twice", line, story)
			}
			stories[story] = true
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
			for _, fd := range it.feeds {
				if _, ok := o.feeds[fd]; !ok {
					log.Fatalf("line %d: %s has no feed %q", line, o.name, fd)
				}
			}
			if o.style == "wire" {
				city, rest, ok := strings.Cut(it.first, " — ")
				if !ok || strings.ToUpper(city) != city {
					log.Fatalf("line %d: a wire text opens with its dateline: CITY — ...", line)
				}
				day := 28 - int(hours)/24
				it.first = fmt.Sprintf("%s, Nov %d (CPA) — %s", city, day, rest)
			}
			it.slug = slug(it.headline)
			for slugs[head[0]+it.slug] {
				it.slug += "-2"
			}
			slugs[head[0]+it.slug] = true
			sec := it.feeds[0]
			switch head[0] {
			case "R":
				it.link = fmt.Sprintf("https://%s/%s/%s-%d", o.host, sec, it.slug, 7100+len(items)*3)
			case "W":
				it.link = fmt.Sprintf("https://%s/stories/2026/11/%s", o.host, it.slug)
			case "J":
				it.link = fmt.Sprintf("https://%s/%d/%s/", o.host, 2000+len(items)*11, it.slug)
			case "S":
				it.link = fmt.Sprintf("https://%s/%s/%s/", o.host, sec, it.slug)
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
		if b.Len() > 70 {
			break
		}
	}
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

func author(o *outlet, it *item) string { return o.authors[it.n%len(o.authors)] }

// related are up to two other stories of the same outlet, as a "Related"
// box under an article would list them: the next ones in the file.
func related(it *item, all []*item) []*item {
	var out []*item
	seen := map[string]bool{it.story: true}
	for k := 1; k < len(all) && len(out) < 2; k++ {
		o := all[(it.n+k)%len(all)]
		if o.outlet == it.outlet && !seen[o.story] {
			seen[o.story] = true
			out = append(out, o)
		}
	}
	return out
}

var subheads = []string{"What happens next", "Background", "Reaction", "How we got here", "The numbers"}

func rss(o *outlet, f string, its, all []*item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
`)
	title := o.name + " - " + strings.ToUpper(f[:1]) + f[1:]
	fmt.Fprintf(&b, "<title>%s</title>\n<link>https://%s/%s/</link>\n<description>%s</description>\n<language>en-gb</language>\n<ttl>15</ttl>\n",
		esc(title), o.host, f, esc("Latest "+f+" from "+o.name))
	for _, it := range its {
		b.WriteString("<item>\n")
		fmt.Fprintf(&b, "<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"true\">%s</guid>\n<pubDate>{{ago %d}}</pubDate>\n",
			esc(it.headline), it.link, it.link, it.minutes)
		switch o.style {
		case "daily":
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n<category>%s</category>\n", esc(author(o, it)), esc(o.feeds[it.feeds[0]]))
			fmt.Fprintf(&b, "<description>%s</description>\n", esc(it.first))
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", dailyBody(o, it, all))
		case "brief":
			fmt.Fprintf(&b, "<category>%s</category>\n", esc(f))
			fmt.Fprintf(&b, "<description>%s</description>\n", esc(it.first))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func dailyBody(o *outlet, it *item, all []*item) string {
	var b strings.Builder
	captions := []string{"Picture: Courier photographer", "Picture: supplied", "Picture: Ewan Hollis/Fenwick Courier", "File picture"}
	fmt.Fprintf(&b, "<figure><img src=\"https://img.fenwickcourier.example/%s.jpg\" alt=\"\"/><figcaption>%s</figcaption></figure>", it.slug, captions[it.n%len(captions)])
	fmt.Fprintf(&b, "<p class=\"standfirst\"><strong>%s</strong></p>", esc(it.first))
	for i, p := range it.paras {
		if i == 2 {
			fmt.Fprintf(&b, "<h2>%s</h2>", subheads[it.n%len(subheads)])
		}
		fmt.Fprintf(&b, "<p>%s</p>", esc(p))
		if i == 0 {
			if rel := related(it, all); len(rel) > 0 {
				b.WriteString("<div class=\"related\"><h3>Related</h3><ul>")
				for _, r := range rel {
					fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", r.link, esc(r.headline))
				}
				b.WriteString("</ul></div>")
			}
		}
	}
	b.WriteString("<div class=\"support\"><p>Support local journalism: subscribe to the Courier from 99p a week and get every story first.</p></div>")
	b.WriteString("<p><em>Got a story? Email newsdesk@fenwickcourier.example or message us on our app.</em></p>")
	return b.String()
}

func atom(o *outlet, f string, its []*item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
`)
	fmt.Fprintf(&b, "<title>CPA %s</title>\n<id>urn:cpa:feed:%s</id>\n<link rel=\"self\" href=\"https://%s/feeds/%s.atom\"/>\n",
		esc(strings.ToUpper(f)), f, o.host, f)
	if len(its) > 0 {
		fmt.Fprintf(&b, "<updated>{{iso %d}}</updated>\n", its[0].minutes)
	}
	for _, it := range its {
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<title>%s</title>\n", esc(it.headline))
		fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s\"/>\n", it.link)
		fmt.Fprintf(&b, "<id>urn:cpa:story:%d</id>\n", 550000+it.n*7)
		fmt.Fprintf(&b, "<published>{{iso %d}}</published>\n<updated>{{iso %d}}</updated>\n", it.minutes, it.minutes)
		fmt.Fprintf(&b, "<author><name>%s</name></author>\n", esc(author(o, it)))
		var body strings.Builder
		body.WriteString("<p>" + esc(it.first) + "</p>")
		for _, p := range it.paras {
			body.WriteString("<p>" + esc(p) + "</p>")
		}
		city, _, _ := strings.Cut(it.first, ",")
		fmt.Fprintf(&body, "<p>(Reporting by %s in %s; Writing by %s; Editing by %s)</p>", author(o, it), titleWord(city),
			o.authors[(it.n+1)%len(o.authors)], o.authors[(it.n+2)%len(o.authors)])
		body.WriteString("<p>© 2026 Continental Press Agency. All rights reserved. Republication requires a CPA licence.</p>")
		fmt.Fprintf(&b, "<content type=\"html\">%s</content>\n", esc(body.String()))
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.String()
}

// titleWord writes an upper-case dateline city as a name ("PORT ELLA" ->
// "Port Ella").
func titleWord(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Summary       string       `json:"summary"`
	ContentHTML   string       `json:"content_html"`
	DatePublished string       `json:"date_published"`
	Authors       []jsonAuthor `json:"authors"`
	Tags          []string     `json:"tags"`
}

type jsonDoc struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

func jsonFeed(o *outlet, f string, its []*item) string {
	doc := jsonDoc{Version: "https://jsonfeed.org/version/1.1", Title: "Bytewise — " + f,
		HomePageURL: "https://" + o.host + "/", FeedURL: "https://" + o.host + "/feeds/" + f + ".json", Language: "en"}
	for _, it := range its {
		var body strings.Builder
		body.WriteString("<p>" + esc(it.first) + "</p>")
		for _, p := range it.paras {
			body.WriteString("<p>" + esc(p) + "</p>")
		}
		body.WriteString("<hr/><p><small>Bytewise may earn a commission when you buy through links on our site. Our reviews are independent.</small></p>")
		doc.Items = append(doc.Items, jsonItem{ID: it.link, URL: it.link, Title: it.headline, Summary: it.first,
			ContentHTML: body.String(), DatePublished: fmt.Sprintf("{{iso %d}}", it.minutes),
			Authors: []jsonAuthor{{author(o, it)}}, Tags: []string{f, "news"}})
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	return string(data) + "\n"
}
