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
//	C the Courier's comment feed (as WordPress writes one): "Comments for
//	  The Fenwick Courier", items "Comment on <headline> by <name>" linked
//	  to the article's address with "#comment-N", the comment as text
//	F Fenwick Talk, a town forum (as phpBB writes its feed): items
//	  "<forum> • Re: <topic>" linked to "viewtopic.php?…#pN"
//
// A reply's headline is written in full in stories.txt; a comment's must
// name a Courier headline written before it (its link is that article's).
//
// the feeds are that outlet's section feeds carrying the item, and HOURS
// is how long before the evaluation starts the item was published. The
// feeds carry {{ago MINUTES}} (RFC 1123) and {{iso MINUTES}} (RFC 3339)
// markers that the test replaces with dates.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"strings"

	"newsreader/cache/testdata/corpus"
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
	"C": {name: "The Fenwick Courier comments", file: "comments", host: "www.fenwickcourier.example", style: "comments",
		feeds: map[string]string{"courier": "news"}},
	"F": {name: "Fenwick Talk", file: "talk", host: "talk.fenwick.example", style: "forum",
		feeds:   map[string]string{"latest": "news"},
		authors: []string{"millbank_mike", "HettieM", "greystone_watch", "oresk_exile", "wendside_lou"}},
}

// courierLinks are the Courier's articles' addresses by headline, for the
// comments on them.
var courierLinks = map[string]string{}

func main() {
	dir := flag.String("dir", "cache/testdata/third", "corpus directory (stories.txt in, feeds and truth.json out)")
	flag.Parse()
	items := corpus.Read(filepath.Join(*dir, "stories.txt"), corpus.Spec{
		Feeds: func(k string) (string, map[string]string, bool) {
			if o := outlets[k]; o != nil {
				return o.name, o.feeds, true
			}
			return "", nil, false
		},
		Style: func(it *corpus.Item) {
			if outlets[it.Outlet].style != "wire" {
				return
			}
			city, rest, ok := strings.Cut(it.First, " — ")
			if !ok || strings.ToUpper(city) != city {
				log.Fatalf("line %d: a wire text opens with its dateline: CITY — ...", it.Line)
			}
			day := 28 - int(it.Hours)/24
			it.First = fmt.Sprintf("%s, Nov %d (CPA) — %s", city, day, rest)
		},
		Link: func(it *corpus.Item, n int) string {
			o, sec := outlets[it.Outlet], it.Feeds[0]
			switch it.Outlet {
			case "R":
				l := fmt.Sprintf("https://%s/%s/%s-%d", o.host, sec, it.Slug, 7100+n*3)
				courierLinks[it.Headline] = l
				return l
			case "C":
				on, ok := strings.CutPrefix(it.Headline, "Comment on ")
				if i := strings.LastIndex(on, " by "); ok && i > 0 {
					if l, ok := courierLinks[on[:i]]; ok {
						return fmt.Sprintf("%s#comment-%d", l, 4400+n*7)
					}
				}
				log.Fatalf("line %d: a comment names no Courier headline before it", it.Line)
			case "F":
				return fmt.Sprintf("https://%s/viewtopic.php?t=%d&p=%d#p%d", o.host, 300+len(it.Story), 9000+n*5, 9000+n*5)
			case "W":
				return fmt.Sprintf("https://%s/stories/2026/11/%s", o.host, it.Slug)
			case "J":
				return fmt.Sprintf("https://%s/%d/%s/", o.host, 2000+n*11, it.Slug)
			}
			return fmt.Sprintf("https://%s/%s/%s/", o.host, sec, it.Slug)
		},
		SlugMax:       70,
		UniqueStories: true,
	})
	feeds := corpus.Write(*dir, items,
		func(it *corpus.Item, f string) string { return feedFile(outlets[it.Outlet], f) },
		func(it *corpus.Item, f string) (string, string) { o := outlets[it.Outlet]; return o.name, o.feeds[f] },
		func(name string, its []*corpus.Item) string {
			file, f, _ := strings.Cut(strings.TrimSuffix(strings.TrimSuffix(name, ".xml"), ".json"), "-")
			o := byFile(file)
			switch o.style {
			case "wire":
				return atom(o, f, its)
			case "json":
				return jsonFeed(o, f, its)
			}
			return rss(o, f, its, items)
		})
	stories, topics := corpus.Count(items)
	fmt.Printf("%d stories in %d topics, %d items, %d feeds\n", stories, topics, len(items), feeds)
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

func author(o *outlet, it *corpus.Item) string { return o.authors[it.N%len(o.authors)] }

// related are up to two other stories of the same outlet, as a "Related"
// box under an article would list them: the next ones in the file.
func related(it *corpus.Item, all []*corpus.Item) []*corpus.Item {
	var out []*corpus.Item
	seen := map[string]bool{it.Story: true}
	for k := 1; k < len(all) && len(out) < 2; k++ {
		o := all[(it.N+k)%len(all)]
		if o.Outlet == it.Outlet && !seen[o.Story] {
			seen[o.Story] = true
			out = append(out, o)
		}
	}
	return out
}

var subheads = []string{"What happens next", "Background", "Reaction", "How we got here", "The numbers"}

func rss(o *outlet, f string, its, all []*corpus.Item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
`)
	title := o.name + " - " + strings.ToUpper(f[:1]) + f[1:]
	switch o.style {
	case "comments":
		title = "Comments for The Fenwick Courier"
	case "forum":
		title = o.name + " - Latest posts"
	}
	fmt.Fprintf(&b, "<title>%s</title>\n<link>https://%s/%s/</link>\n<description>%s</description>\n<language>en-gb</language>\n<ttl>15</ttl>\n",
		corpus.Esc(title), o.host, f, corpus.Esc("Latest "+f+" from "+o.name))
	for _, it := range its {
		b.WriteString("<item>\n")
		fmt.Fprintf(&b, "<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"true\">%s</guid>\n<pubDate>{{ago %d}}</pubDate>\n",
			corpus.Esc(it.Headline), corpus.Esc(it.Link), corpus.Esc(it.Link), it.Minutes)
		switch o.style {
		case "daily":
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n<category>%s</category>\n", corpus.Esc(author(o, it)), corpus.Esc(o.feeds[it.Feeds[0]]))
			fmt.Fprintf(&b, "<description>%s</description>\n", corpus.Esc(it.First))
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", dailyBody(o, it, all))
		case "brief":
			fmt.Fprintf(&b, "<category>%s</category>\n", corpus.Esc(f))
			fmt.Fprintf(&b, "<description>%s</description>\n", corpus.Esc(it.First))
		case "comments", "forum":
			name := ""
			if i := strings.LastIndex(it.Headline, " by "); o.style == "comments" && i > 0 {
				name = it.Headline[i+len(" by "):]
			} else {
				name = author(o, it)
			}
			text := "<p>" + corpus.Esc(it.First) + "</p>"
			for _, p := range it.Paras {
				text += "<p>" + corpus.Esc(p) + "</p>"
			}
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n<description>%s</description>\n", corpus.Esc(name), corpus.Esc(it.First))
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>\n", text)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func dailyBody(o *outlet, it *corpus.Item, all []*corpus.Item) string {
	var b strings.Builder
	captions := []string{"Picture: Courier photographer", "Picture: supplied", "Picture: Ewan Hollis/Fenwick Courier", "File picture"}
	fmt.Fprintf(&b, "<figure><img src=\"https://img.fenwickcourier.example/%s.jpg\" alt=\"\"/><figcaption>%s</figcaption></figure>", it.Slug, captions[it.N%len(captions)])
	fmt.Fprintf(&b, "<p class=\"standfirst\"><strong>%s</strong></p>", corpus.Esc(it.First))
	for i, p := range it.Paras {
		if i == 2 {
			fmt.Fprintf(&b, "<h2>%s</h2>", subheads[it.N%len(subheads)])
		}
		fmt.Fprintf(&b, "<p>%s</p>", corpus.Esc(p))
		if i == 0 {
			if rel := related(it, all); len(rel) > 0 {
				b.WriteString("<div class=\"related\"><h3>Related</h3><ul>")
				for _, r := range rel {
					fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", r.Link, corpus.Esc(r.Headline))
				}
				b.WriteString("</ul></div>")
			}
		}
	}
	b.WriteString("<div class=\"support\"><p>Support local journalism: subscribe to the Courier from 99p a week and get every story first.</p></div>")
	b.WriteString("<p><em>Got a story? Email newsdesk@fenwickcourier.example or message us on our app.</em></p>")
	return b.String()
}

func atom(o *outlet, f string, its []*corpus.Item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
`)
	fmt.Fprintf(&b, "<title>CPA %s</title>\n<id>urn:cpa:feed:%s</id>\n<link rel=\"self\" href=\"https://%s/feeds/%s.atom\"/>\n",
		corpus.Esc(strings.ToUpper(f)), f, o.host, f)
	if len(its) > 0 {
		fmt.Fprintf(&b, "<updated>{{iso %d}}</updated>\n", its[0].Minutes)
	}
	for _, it := range its {
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<title>%s</title>\n", corpus.Esc(it.Headline))
		fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s\"/>\n", it.Link)
		fmt.Fprintf(&b, "<id>urn:cpa:story:%d</id>\n", 550000+it.N*7)
		fmt.Fprintf(&b, "<published>{{iso %d}}</published>\n<updated>{{iso %d}}</updated>\n", it.Minutes, it.Minutes)
		fmt.Fprintf(&b, "<author><name>%s</name></author>\n", corpus.Esc(author(o, it)))
		var body strings.Builder
		body.WriteString("<p>" + corpus.Esc(it.First) + "</p>")
		for _, p := range it.Paras {
			body.WriteString("<p>" + corpus.Esc(p) + "</p>")
		}
		city, _, _ := strings.Cut(it.First, ",")
		fmt.Fprintf(&body, "<p>(Reporting by %s in %s; Writing by %s; Editing by %s)</p>", author(o, it), titleWord(city),
			o.authors[(it.N+1)%len(o.authors)], o.authors[(it.N+2)%len(o.authors)])
		body.WriteString("<p>© 2026 Continental Press Agency. All rights reserved. Republication requires a CPA licence.</p>")
		fmt.Fprintf(&b, "<content type=\"html\">%s</content>\n", corpus.Esc(body.String()))
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

func jsonFeed(o *outlet, f string, its []*corpus.Item) string {
	doc := jsonDoc{Version: "https://jsonfeed.org/version/1.1", Title: "Bytewise — " + f,
		HomePageURL: "https://" + o.host + "/", FeedURL: "https://" + o.host + "/feeds/" + f + ".json", Language: "en"}
	for _, it := range its {
		var body strings.Builder
		body.WriteString("<p>" + corpus.Esc(it.First) + "</p>")
		for _, p := range it.Paras {
			body.WriteString("<p>" + corpus.Esc(p) + "</p>")
		}
		body.WriteString("<hr/><p><small>Bytewise may earn a commission when you buy through links on our site. Our reviews are independent.</small></p>")
		doc.Items = append(doc.Items, jsonItem{ID: it.Link, URL: it.Link, Title: it.Headline, Summary: it.First,
			ContentHTML: body.String(), DatePublished: fmt.Sprintf("{{iso %d}}", it.Minutes),
			Authors: []jsonAuthor{{author(o, it)}}, Tags: []string{f, "news"}})
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	return string(data) + "\n"
}
