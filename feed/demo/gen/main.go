// Command gen writes the demo site's feeds and their ground truth into
// ../site. Every headline and paragraph comes from our own templates
// (kinds.go) and invented names (world.go); nothing comes from a real
// publication. Run: go generate ./feed/demo
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type outlet struct{ key, name string }

// outlets are the demo's three invented news organisations; each voice in
// a kind's text belongs to one of them, in this order.
var outlets = []outlet{{"herald", "Demo Herald"}, {"wire", "Demo Wire"}, {"courier", "Demo Courier"}}

var sections = []string{"top", "world", "business", "markets", "technology", "science", "health"}

// spec is one story: a kind told about an entity by some outlets (h, w,
// c), first published hours ago. follow marks a follow-up: the same story
// (same names and numbers) as the spec before it, a day or so later.
type spec struct {
	kind, who, outlets string
	hours              int
	follow             bool
}

var specs = []spec{
	// markets
	{"rates-hold", "norvania", "hwc", 2, false},
	{"rates-hold", "tirrenia", "hw", 30, false},
	{"rates-cut", "estmark", "wc", 55, false},
	{"rates-cut", "valmont", "hc", 9, false},
	{"index-record", "estmark", "hw", 4, false},
	{"index-record", "caledonia", "c", 40, false},
	{"index-record", "norvania", "hc", 33, false},
	{"currency-slide", "ashland", "hwc", 14, false},
	{"currency-slide", "tirrenia", "h", 60, false},
	{"currency-slide", "estmark", "w", 46, false},
	{"oil-output", "valmont", "hw", 20, false},
	{"oil-output", "norvania", "c", 48, false},
	{"earnings", "olmsted", "hwc", 6, false},
	{"earnings", "northwind", "hw", 26, false},
	{"earnings", "tessaract", "c", 50, false},
	{"takeover", "halvorsen", "hc", 12, false},
	{"takeover", "quillon", "w", 62, false},
	// business
	{"layoffs", "tessaract", "hwc", 8, false},
	{"layoffs", "northwind", "w", 36, false},
	{"strike", "sorrento", "hwc", 29, false},
	{"strike-day2", "sorrento", "hwc", 5, true},
	{"strike", "brindle", "h", 70, false},
	{"airline-routes", "bexley", "hw", 16, false},
	{"airline-routes", "skylark", "c", 44, false},
	{"recall", "olmsted", "hwc", 3, false},
	{"recall", "marlowe", "w", 58, false},
	// technology
	{"chip-launch", "tessaract", "hwc", 10, false},
	{"chip-launch", "argent", "hw", 34, false},
	{"outage", "juniper", "hwc", 28, false},
	{"outage-after", "juniper", "hw", 4, true},
	{"outage", "lumenridge", "c", 66, false},
	{"privacy-fine", "juniper", "hw", 18, false},
	{"privacy-fine", "northwind", "c", 52, false},
	{"ai-model", "quillon", "hwc", 7, false},
	{"ai-model", "argent", "w", 46, false},
	{"tram", "caldera", "hc", 22, false},
	// science
	{"exoplanet", "highmoor", "hwc", 11, false},
	{"exoplanet", "vesterhaven", "w", 52, false},
	{"fossil", "ostrava", "hw", 19, false},
	{"fossil", "saltgate", "c", 64, false},
	{"deepsea", "estmark", "hwc", 25, false},
	{"deepsea", "norvania", "h", 68, false},
	{"prize", "norvania", "wc", 38, false},
	{"climate-summit", "vesterhaven", "hwc", 15, false},
	// health
	{"outbreak", "kalmira", "hwc", 13, false},
	{"hospital", "dunmore", "hc", 21, false},
	{"hospital", "highmoor", "w", 57, false},
	{"drug-approval", "saltmarsh", "hwc", 17, false},
	{"vaccine-trial", "saltmarsh", "hw", 35, false},
	{"vaccine-trial", "corriveau", "c", 61, false},
	{"walking", "estmark", "hwc", 27, false},
	{"walking", "ashland", "c", 65, false},
	{"outbreak", "portalder", "hc", 50, false},
	{"drug-approval", "corriveau", "w", 45, false},
	{"hospital", "saltgate", "c", 33, false},
	// world
	{"election", "estmark", "hwc", 40, false},
	{"election-result", "estmark", "hwc", 12, true},
	{"election", "caledonia", "h", 71, false},
	{"floods", "highmoor", "hwc", 31, false},
	{"floods-after", "highmoor", "hw", 7, true},
	{"floods", "caldera", "w", 54, false},
	{"trade-deal", "tirrenia", "hwc", 23, false},
	{"trade-deal", "valmont", "c", 67, false},
}

// Truth is one item of one feed, as written in truth.json (feed/demo
// declares the same type for its readers).
type Truth struct {
	Link    string `json:"link"`
	Feed    string `json:"feed"`
	Section string `json:"section"`
	Outlet  string `json:"outlet"`
	Story   string `json:"story"`
	Topic   string `json:"topic"`
}

type item struct {
	guid, link, title, author, summary, body string
	cats                                     []string
	ago                                      int // minutes before the server started
	comments, views                          int
	rating                                   float64
	story, topic                             string
	outlet                                   int
	rank                                     int // popularity for the most-read feed
}

func main() {
	dir := flag.String("o", "site", "output directory")
	flag.Parse()
	rng := rand.New(rand.NewPCG(7, 11))
	byKind := map[string]kind{}
	for _, k := range kinds {
		byKind[k.id] = k
	}
	feeds := map[string][]item{} // "markets-herald" -> items
	var popular []struct {
		it       item
		sections []string
	}
	var slots map[string]string
	var storyID string
	seenStory := map[string]int{}
	inst := map[string]int{} // kind -> stories of it so far
	used := map[string]int{} // kind -> versions written so far, to vary openings
	links := map[string]bool{}
	titles := map[string]bool{}
	for si, sp := range specs {
		k, ok := byKind[sp.kind]
		if !ok {
			panic("unknown kind " + sp.kind)
		}
		if !sp.follow {
			slots = fillSlots(rng, k, sp.who)
			storyID = sp.kind + "-" + sp.who
			if seenStory[storyID]++; seenStory[storyID] > 1 {
				storyID += fmt.Sprint(seenStory[storyID])
			}
		}
		inst[k.id]++
		secs := append([]string(nil), k.sections...)
		if !contains(secs, "top") && len(sp.outlets) == 3 && sp.hours <= 12 {
			secs = append(secs, "top")
		}
		for j, oc := range sp.outlets {
			oi := strings.IndexByte("hwc", byte(oc))
			o := outlets[oi]
			n := used[k.id]
			used[k.id]++
			ago := max(sp.hours*60-j*(15+rng.IntN(150))+rng.IntN(20), 3)
			raw := filler(slots, ago)
			head := k.heads[oi]
			if oi != 0 && (si+oi)%2 == 0 && len(sp.outlets) > 1 {
				// Every other story, the second outlet's desk words it
				// much as the herald does.
				head = k.near
			}
			title := upperFirst(raw(head))
			if titles[title] {
				// The outlet used this wording for another event: lead
				// with the name, as a desk would.
				title = raw(map[string]string{"country": "{country}", "city": "{city}", "company": "{short}"}[k.ent]) + ": " + title
			}
			titles[title] = true
			link := fmt.Sprintf("/%s/%s/%s.html", o.key, secs[0], slug(title))
			if links[link] {
				panic("duplicate link " + link)
			}
			links[link] = true
			it := item{
				guid:   "https://demo.invalid" + strings.TrimSuffix(link, ".html"),
				link:   link,
				title:  title,
				author: staff[o.key][rng.IntN(len(staff[o.key]))],
				cats:   []string{k.topic},
				ago:    ago,
				story:  storyID,
				topic:  k.topic,
				outlet: oi,
			}
			ds := details[k.id]
			if len(ds) < inst[k.id] {
				panic(fmt.Sprintf("kind %s needs %d details", k.id, inst[k.id]))
			}
			slots["detail"] = raw(ds[inst[k.id]-1])
			slots["profile"] = profiles[sp.who]
			if slots["profile"] == "" {
				panic("no profile for " + sp.who)
			}
			it.summary, it.body = body(rng, k, oi, n, slots, raw, len(sp.outlets))
			// Reaction counts: the herald shows comments and views, the
			// courier ratings and views on some stories, the wire none.
			pop := len(sp.outlets)*4000 + rng.IntN(9000) - sp.hours*40
			it.rank = pop
			switch oi {
			case 0:
				it.comments = max(pop/60+rng.IntN(40), 0)
				it.views = max(pop*3+rng.IntN(500), 100)
			case 2:
				if rng.IntN(3) > 0 {
					it.views = max(pop+rng.IntN(300), 50)
					it.rating = float64(25+rng.IntN(25)) / 10
				}
			}
			for _, s := range secs {
				feeds[s+"-"+o.key] = append(feeds[s+"-"+o.key], it)
			}
			if oi == 0 {
				popular = append(popular, struct {
					it       item
					sections []string
				}{it, secs})
			}
		}
	}
	var truth []Truth
	emit := func(name, title, chanLink, section string, items []item) {
		sort.SliceStable(items, func(i, j int) bool { return items[i].ago < items[j].ago })
		write(filepath.Join(*dir, name+".xml"), rss(title, chanLink, items))
		for _, it := range items {
			truth = append(truth, Truth{Link: it.link, Feed: "/feeds/" + name + ".xml", Section: section,
				Outlet: outlets[it.outlet].name, Story: it.story, Topic: it.topic})
		}
	}
	for _, s := range sections {
		for _, o := range outlets {
			name := s + "-" + o.key
			if len(feeds[name]) == 0 {
				panic("empty feed " + name)
			}
			emit(name, o.name, "/"+o.key+"/"+s, s, feeds[name])
		}
	}
	// Each section's most-read feed lists the herald's most popular
	// stories of that section, by popularity, not by date: the site's
	// ranking.
	sort.SliceStable(popular, func(i, j int) bool { return popular[i].it.rank > popular[j].it.rank })
	for _, s := range sections {
		var top []item
		for _, p := range popular {
			if contains(p.sections, s) && len(top) < 10 {
				top = append(top, p.it)
			}
		}
		write(filepath.Join(*dir, "most-read-"+s+".xml"), rss("Demo Herald", "/herald/most-read/"+s, top))
		for _, it := range top {
			truth = append(truth, Truth{Link: it.link, Feed: "/feeds/most-read-" + s + ".xml", Section: s,
				Outlet: outlets[it.outlet].name, Story: it.story, Topic: it.topic})
		}
	}
	js, err := json.MarshalIndent(truth, "", " ")
	if err != nil {
		panic(err)
	}
	write(filepath.Join(*dir, "truth.json"), string(js)+"\n")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

var ordinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}

// fillSlots binds a story's names and numbers; every outlet's version of
// the story uses the same ones.
func fillSlots(rng *rand.Rand, k kind, who string) map[string]string {
	s := map[string]string{}
	setCountry := func(key string) {
		c, ok := countries[key]
		if !ok {
			panic("unknown country " + key)
		}
		s["country"], s["adj"], s["bank"], s["cur"], s["capital"], s["index"], s["leader"] = c.name, c.adj, c.bank, c.cur, c.capital, c.index, c.leader
		s["ccountry"] = c.name
	}
	switch k.ent {
	case "country":
		setCountry(who)
		s["city"] = s["capital"]
	case "city":
		c, ok := cities[who]
		if !ok {
			panic("unknown city " + who)
		}
		setCountry(c.country)
		s["city"] = c.name
	case "company":
		c, ok := companies[who]
		if !ok {
			panic("unknown company " + who)
		}
		if k.sectors != nil && !contains(k.sectors, c.sector) {
			panic(fmt.Sprintf("%s is not a %v company", who, k.sectors))
		}
		hq := cities[c.hq]
		setCountry(hq.country)
		s["co"], s["short"], s["what"], s["ceo"], s["hq"], s["city"] = c.name, c.short, c.what, c.ceo, hq.name, hq.name
		keys := make([]string, 0, len(companies))
		for key := range companies {
			if key != who && companies[key].sector == c.sector {
				keys = append(keys, key)
			}
		}
		if len(keys) == 0 {
			for key := range companies {
				if key != who {
					keys = append(keys, key)
				}
			}
		}
		sort.Strings(keys)
		r := companies[keys[rng.IntN(len(keys))]]
		s["rival"], s["rshort"] = r.name, r.short
	}
	e := rng.Perm(len(experts))
	s["expert"], s["expert2"] = experts[e[0]], experts[e[1]]
	p := 100 + 25*rng.IntN(22)
	s["pct"] = strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%d.%02d", p/100, p%100), "0"), ".0")
	s["infl"] = fmt.Sprintf("%d.%d", 2+rng.IntN(4), rng.IntN(10))
	s["n"] = fmt.Sprint(6 + rng.IntN(35))
	s["m"] = fmt.Sprint(120 + rng.IntN(780))
	k2 := 3 + rng.IntN(7)
	s["k"], s["kth"] = fmt.Sprint(k2), ordinals[k2]
	s["bn"] = fmt.Sprintf("%d.%d", 1+rng.IntN(9), 1+rng.IntN(9))
	s["pts"] = fmt.Sprintf("%d,%03d", 4+rng.IntN(6), rng.IntN(1000))
	s["yr"] = fmt.Sprint(4 + rng.IntN(12))
	return s
}

// filler replaces {slot}s; {day} becomes a marker the server turns into
// the weekday of the item's date, ago minutes before it started.
func filler(slots map[string]string, ago int) func(string) string {
	return func(t string) string {
		var b strings.Builder
		for {
			i := strings.IndexByte(t, '{')
			if i < 0 {
				b.WriteString(t)
				break
			}
			j := strings.IndexByte(t[i:], '}')
			if j < 0 {
				panic("unclosed slot in " + t)
			}
			b.WriteString(t[:i])
			name := t[i+1 : i+j]
			v, ok := slots[name]
			if name == "day" {
				v, ok = fmt.Sprintf("{{day %d}}", ago), true
			}
			if !ok {
				panic("unknown slot {" + name + "} in " + t)
			}
			b.WriteString(v)
			t = t[i+j+1:]
		}
		return b.String()
	}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == '\'':
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// body writes one outlet's version of a story: the wire is brief, the
// herald standard, the courier long, with some variety in each. n counts
// earlier uses of this kind by this outlet, so two stories of one kind
// open differently. It returns a plain summary and the HTML body.
func body(rng *rand.Rand, k kind, oi, n int, slots map[string]string, raw func(string) string, coverage int) (string, string) {
	fill := func(t string) string { return upperFirst(raw(t)) }
	esc := html.EscapeString
	var b strings.Builder
	p := func(s string) { b.WriteString("<p>" + esc(s) + "</p>\n") }
	// Openings never repeat within a kind: the ledes first, then a
	// version that leads with one of the facts.
	var openers []string
	openers = append(openers, k.ledes...)
	for _, f := range k.facts {
		openers = append(openers, f...)
	}
	if n >= len(openers) {
		panic(fmt.Sprintf("kind %s is used more often than it has openings", k.id))
	}
	opener := fill(openers[n])
	lede := fill(k.ledes[n%len(k.ledes)])
	name := slots[map[string]string{"country": "country", "city": "city", "company": "short"}[k.ent]]
	if !strings.Contains(opener+lede, name) {
		// Every version names who or where the story is about.
		for _, l := range k.ledes {
			if l := fill(l); strings.Contains(l, name) && l != opener {
				lede = l
				break
			}
		}
	}
	p(opener)
	if opener != lede {
		p(lede)
	}
	// Facts in this outlet's order and phrasing.
	var facts []string
	for j := range k.facts {
		f := k.facts[(j+oi)%len(k.facts)]
		if s := fill(f[(oi+j+n)%len(f)]); s != opener {
			facts = append(facts, s)
		}
	}
	ctx := topicContext[k.topic]
	if ctx == nil {
		panic("no context for topic " + k.topic)
	}
	quote := func(i int) {
		q := strings.TrimSuffix(fill(k.quotes[i%len(k.quotes)]), ".")
		if !strings.HasSuffix(q, "?") {
			q += ","
		}
		who := raw(k.speakers[(i+n)%len(k.speakers)])
		b.WriteString("<blockquote><p>" + esc("\u201c"+q+"\u201d "+who+".") + "</p></blockquote>\n")
	}
	switch oi {
	case 1: // wire: brief
		keep := 1 + rng.IntN(len(facts))
		p(strings.Join(append(facts[:keep:keep], slots["detail"]), " "))
		quote(oi)
		if rng.IntN(2) == 0 && len(k.extra) > 0 {
			p(fill(k.extra[0]))
		}
	case 0: // herald: standard
		half := (len(facts) + 1) / 2
		p(strings.Join(append(facts[:half:half], slots["detail"]), " "))
		p(slots["profile"])
		quote(oi)
		if half < len(facts) {
			p(strings.Join(facts[half:], " "))
		}
		for _, e := range k.extra {
			p(fill(e))
		}
		p(fill(ctx[n%(len(ctx)-1)]))
		p(fill(ctx[len(ctx)-1]))
		if coverage > 1 && rng.IntN(2) == 0 {
			b.WriteString("<ul>\n")
			for _, f := range facts {
				b.WriteString("<li>" + esc(f) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		}
	default: // courier: long, with a subheading, figures and a picture
		p(slots["detail"])
		for _, f := range facts {
			p(f)
		}
		p(slots["profile"])
		quote(oi)
		if k.sub != "" {
			b.WriteString("<h2>" + esc(fill(k.sub)) + "</h2>\n")
		}
		for _, c := range ctx {
			p(fill(c))
		}
		for _, e := range k.extra {
			p(fill(e))
		}
		quote(oi + 1)
		switch rng.IntN(3) {
		case 0:
			b.WriteString("<table><tr><th>Figure</th><th>Value</th></tr>\n")
			for _, name := range []string{"n", "m", "bn"} {
				fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td></tr>\n", map[string]string{"n": "Change, %", "m": "Count", "bn": "Billions"}[name], esc(slots[name]))
			}
			b.WriteString("</table>\n")
		case 1:
			fmt.Fprintf(&b, "<p><img src=\"/img/%s.jpg\" alt=\"%s\"></p>\n", k.id, esc(fill("A view of {city}")))
		}
	}
	if oi != 1 && rng.IntN(3) == 0 {
		b.WriteString("<p>" + esc(fill("More on {city} and "+map[bool]string{true: "{short}", false: "{country}"}[slots["short"] != ""]+" in our ")) +
			"<a href=\"/" + outlets[oi].key + "/topics/" + slug(k.topic) + ".html\">" + esc(k.topic) + "</a> coverage.</p>\n")
	}
	return opener, b.String()
}

func rss(title, link string, items []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
`)
	fmt.Fprintf(&b, "<title>%s</title>\n<link>%s</link>\n<description>Generated sample feed for the newsreader demo.</description>\n", html.EscapeString(title), link)
	for _, it := range items {
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>%s</link>\n<guid isPermaLink=\"false\">%s</guid>\n<dc:creator>%s</dc:creator>\n<pubDate>{{ago %d}}</pubDate>\n",
			html.EscapeString(it.title), it.link, it.guid, html.EscapeString(it.author), it.ago)
		for _, c := range it.cats {
			fmt.Fprintf(&b, "<category>%s</category>\n", html.EscapeString(c))
		}
		if it.comments > 0 {
			fmt.Fprintf(&b, "<slash:comments>%d</slash:comments>\n", it.comments)
		}
		fmt.Fprintf(&b, "<media:thumbnail url=\"%s\"/>\n", "/img/"+strings.TrimSuffix(strings.TrimPrefix(it.link, "/"), ".html")+".jpg")
		if it.views > 0 {
			b.WriteString("<media:community>")
			if it.rating > 0 {
				fmt.Fprintf(&b, "<media:starRating average=\"%.1f\"/>", it.rating)
			}
			fmt.Fprintf(&b, "<media:statistics views=\"%d\"/></media:community>\n", it.views)
		}
		if it.outlet == 0 {
			// The herald sends a short description and the full text.
			fmt.Fprintf(&b, "<description>%s</description>\n<content:encoded><![CDATA[%s]]></content:encoded>\n", html.EscapeString(it.summary), it.body)
		} else {
			fmt.Fprintf(&b, "<description><![CDATA[%s]]></description>\n", it.body)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func write(path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		panic(err)
	}
}
