//go:build ignore

// Command gen writes the demo site's feeds into ../site. Every headline and
// paragraph is generated here from our own templates and invented names;
// nothing comes from a real publication. Run: go generate ./feed/demo
package main

import (
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type story struct {
	slug     string
	title    string
	alt      string // the other outlet's headline for the same story
	sections []string
	words    map[string]string
	kind     string
}

var sections = []struct{ key, title string }{
	{"top", "Top stories"}, {"world", "World"}, {"business", "Business"}, {"markets", "Markets"},
	{"technology", "Technology"}, {"science", "Science"}, {"health", "Health"},
}

var (
	companies = []string{"Northwind Foods", "Halvorsen Shipping", "Calder Robotics", "Brightwater Energy", "Meridian Bank",
		"Tessaract Chips", "Olmsted Motors", "Juniper Telecom", "Saltmarsh Pharma", "Ravenglass Steel", "Quillon Software", "Bexley Airlines"}
	cities    = []string{"Port Alder", "Vesterhaven", "Kalmira", "New Dunmore", "Sorrento Bay", "Highmoor", "Lake Ostrava", "Caldera City"}
	countries = []string{"Norvania", "the Republic of Estmark", "Caledonia Minor", "Tirrenia", "the Ashland Federation", "Valmont"}
	people    = []string{"Ada Lindqvist", "Tomas Okafor", "Priya Raman", "Hugo Brandt", "Mei Tanaka", "Sofia Marquez", "Jonas Ek", "Leila Haddad"}
	indices   = []string{"the Alder 100", "the Vester Composite", "the Meridian 50"}
	diseases  = []string{"winter flu", "measles", "a new norovirus strain", "seasonal allergies"}
	fields    = []string{"quantum sensors", "battery chemistry", "coral reef genetics", "deep-sea microbes", "exoplanet atmospheres", "soil carbon"}
)

type template struct {
	kind, title, alt string
	sections         []string
}

// Templates use {company}, {city}, {country}, {person}, {index}, {pct}, {n}, {disease}, {field}.
var templates = []template{
	{"rates", "Central bank of {country} holds rates at {pct}%", "{country} keeps interest rates on hold at {pct}% as inflation cools", []string{"markets", "business", "top"}},
	{"earnings", "{company} profits jump {n}% on strong demand", "{company} beats forecasts with {n}% rise in quarterly profit", []string{"markets", "business"}},
	{"index", "{index} closes at a record high led by {company}", "Stocks rally: {index} ends at all-time high", []string{"markets", "top"}},
	{"bonds", "Bond yields in {country} climb to {pct}%", "{country} borrowing costs rise as ten-year yield hits {pct}%", []string{"markets", "world"}},
	{"merger", "{company} agrees takeover of a {city} rival", "{company} to buy {city} competitor in all-share deal", []string{"business", "markets"}},
	{"strike", "Dock workers in {city} strike over pay", "Port of {city} halted as dockers walk out", []string{"business", "world"}},
	{"election", "{country} heads to the polls in a tight election", "Voters in {country} face closest election in decades", []string{"world", "top"}},
	{"summit", "Leaders meet in {city} for climate summit", "{city} climate summit opens with pledges on emissions", []string{"world", "science", "top"}},
	{"floods", "Floods force thousands from homes near {city}", "Heavy rain floods {city}; {n} hundred evacuated", []string{"world", "top"}},
	{"chip", "{company} unveils a chip that uses {n}% less power", "{company}'s new processor promises {n}% energy savings", []string{"technology", "business"}},
	{"outage", "Nationwide outage hits {company} customers", "{company} network down for hours across {country}", []string{"technology", "top"}},
	{"ai", "{company} opens its translation model to researchers", "Researchers get access to {company} language model", []string{"technology", "science"}},
	{"privacy", "Regulator fines {company} over data handling", "{company} penalised for mishandling customer data", []string{"technology", "business"}},
	{"robot", "Warehouse robots from {company} reach {city}", "{company} brings automated warehouses to {city}", []string{"technology", "business"}},
	{"study", "Study links {field} to faster progress in climate models", "New work on {field} could sharpen climate forecasts", []string{"science"}},
	{"space", "Telescope spots water vapour around a distant planet", "Astronomers detect water in an exoplanet's air", []string{"science", "top"}},
	{"fossil", "Fossil found near {city} rewrites early bird history", "{city} dig uncovers feathered dinosaur", []string{"science"}},
	{"lab", "{person} wins prize for work on {field}", "Prize for {person}'s research into {field}", []string{"science"}},
	{"vaccine", "{company} vaccine trial shows {n}% protection", "Trial: {company} shot cuts infections by {n}%", []string{"health", "markets", "science"}},
	{"outbreak", "Cases of {disease} rise in {city}", "{city} hospitals see surge in {disease}", []string{"health", "world"}},
	{"sleep", "Researchers say {n} minutes of walking improves sleep", "Short daily walks linked to better sleep, study finds", []string{"health", "science"}},
	{"hospital", "{city} opens its first new hospital in twenty years", "New hospital for {city} after two-decade wait", []string{"health"}},
	{"drug", "Regulator approves {company} drug for migraine", "{company} migraine treatment cleared for use", []string{"health", "business", "markets"}},
	{"airline", "{company} adds routes from {city}", "{company} expands with new {city} flights", []string{"business", "world"}},
	{"oil", "Oil prices slip as {country} raises output", "Crude falls after {country} pumps more", []string{"markets", "world", "business"}},
	{"currency", "The {country} crown weakens to a {n}-month low", "Currency slide: {country} crown at lowest in {n} months", []string{"markets", "world"}},
	{"startup", "{city} start-up raises funds for {field}", "Investors back {city} firm working on {field}", []string{"technology", "science", "business"}},
	{"transit", "{city} approves a driverless tram line", "Driverless trams coming to {city}", []string{"technology", "world"}},
}

type item struct {
	guid, link, title, author, body, cats, thumb string
	ago, comments, views                         int
	rating                                       float64
}

func main() {
	dir := filepath.Join("site")
	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	feeds := map[string][]item{} // file name -> items
	ranking := map[string][]item{}
	n := 0
	for round := 0; round < 4; round++ {
		for _, t := range templates {
			n++
			w := map[string]string{
				"company": pick(companies), "city": pick(cities), "country": pick(countries), "person": pick(people),
				"index": pick(indices), "pct": fmt.Sprintf("%d.%d", 1+rng.IntN(6), rng.IntN(10)*5/5), "n": fmt.Sprint(3 + rng.IntN(40)),
				"disease": pick(diseases), "field": pick(fields),
			}
			fill := func(s string) string {
				for k, v := range w {
					s = strings.ReplaceAll(s, "{"+k+"}", v)
				}
				return strings.ToUpper(s[:1]) + s[1:]
			}
			ago := n*37 + rng.IntN(30) // minutes before now; spreads over days
			slug := fmt.Sprintf("%s-%d", t.kind, n)
			for outlet, src := range []string{"herald", "wire"} {
				title := fill(t.title)
				if outlet == 1 {
					title = fill(t.alt)
				}
				it := item{
					guid:     fmt.Sprintf("https://demo.invalid/%s/%s", src, slug),
					link:     fmt.Sprintf("/%s/%s.html", src, slug),
					title:    title,
					author:   pick(people),
					body:     body(rng, t.kind, w, fill),
					cats:     t.sections[0],
					thumb:    fmt.Sprintf("/img/%s.jpg", slug),
					ago:      ago + outlet*11,
					comments: rng.IntN(400),
					views:    200 + rng.IntN(50000),
					rating:   float64(1+rng.IntN(40)) / 10,
				}
				// The wire covers only some stories; the herald covers all.
				if outlet == 1 && n%3 == 0 {
					continue
				}
				for _, sec := range t.sections {
					feeds[sec+"-"+src] = append(feeds[sec+"-"+src], it)
				}
				if outlet == 0 && it.views > 20000 {
					for _, sec := range t.sections {
						ranking[sec] = append(ranking[sec], it)
					}
				}
			}
		}
	}
	for _, s := range sections {
		for _, src := range []string{"herald", "wire"} {
			name := s.key + "-" + src
			write(filepath.Join(dir, name+".xml"), rss(outletName(src), "/"+src+"/"+s.key, feeds[name]))
		}
	}
	for _, s := range sections {
		r := ranking[s.key]
		sort.SliceStable(r, func(i, j int) bool { return r[i].views > r[j].views })
		write(filepath.Join(dir, "most-read-"+s.key+".xml"), rss("Demo Herald", "/herald/most-read/"+s.key, r[:min(len(r), 15)]))
	}
}

func outletName(src string) string {
	if src == "herald" {
		return "Demo Herald"
	}
	return "Demo Wire"
}

func body(rng *rand.Rand, kind string, w map[string]string, fill func(string) string) string {
	p := func(s string) string { return "<p>" + html.EscapeString(fill(s)) + "</p>\n" }
	var b strings.Builder
	b.WriteString(p("This is a generated demo story about {company}, {city} and {country}. None of it happened; it exists so the reader has something to show."))
	b.WriteString(p("{person}, who follows the subject closely, said the news had been expected for weeks, and that the next steps would matter more than the announcement itself."))
	b.WriteString("<h2>" + html.EscapeString(fill("What it means for {city}")) + "</h2>\n")
	b.WriteString(p("Local businesses in {city} said they would wait for details. Several pointed to the last time a similar decision was made, when prices moved by about {n} percent within a month."))
	b.WriteString("<ul>\n<li>" + html.EscapeString(fill("First, officials in {country} will publish a timetable.")) + "</li>\n<li>" +
		html.EscapeString(fill("Second, {company} is expected to comment at its next results.")) + "</li>\n<li>Third, an independent review is due in the spring.</li>\n</ul>\n")
	b.WriteString("<blockquote><p>" + html.EscapeString(fill("\"We are watching closely, and we will say more when we can,\" a spokesperson for {company} said.")) + "</p></blockquote>\n")
	switch rng.IntN(3) {
	case 0:
		b.WriteString("<table><tr><th>Measure</th><th>Before</th><th>After</th></tr>\n<tr><td>Rate</td><td>" +
			fmt.Sprintf("%d.0%%", 2+rng.IntN(3)) + "</td><td>" + html.EscapeString(w["pct"]) + "%</td></tr>\n<tr><td>Index</td><td>" +
			fmt.Sprint(900+rng.IntN(200)) + "</td><td>" + fmt.Sprint(900+rng.IntN(200)) + "</td></tr></table>\n")
	case 1:
		b.WriteString("<pre>  year   value\n  2024   " + fmt.Sprint(100+rng.IntN(50)) + "\n  2025   " + fmt.Sprint(100+rng.IntN(50)) + "</pre>\n")
	default:
		b.WriteString("<p><img src=\"/img/" + kind + ".jpg\" alt=\"" + html.EscapeString(fill("A view of {city}")) + "\"></p>\n")
	}
	b.WriteString("<p>Read more in our <a href=\"/explainers/" + kind + ".html\">explainer</a>, or see <em>earlier coverage</em> of " +
		html.EscapeString(w["country"]) + " and <strong>" + html.EscapeString(w["company"]) + "</strong>.</p>\n")
	return b.String()
}

func rss(title, link string, items []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
`)
	fmt.Fprintf(&b, "<title>%s</title>\n<link>%s</link>\n<description>Generated sample feed for the newsreader demo.</description>\n", html.EscapeString(title), link)
	for _, it := range items {
		fmt.Fprintf(&b, `<item>
<title>%s</title>
<link>%s</link>
<guid isPermaLink="false">%s</guid>
<dc:creator>%s</dc:creator>
<pubDate>{{ago %d}}</pubDate>
<category>%s</category>
<slash:comments>%d</slash:comments>
<media:thumbnail url="%s"/>
<media:community><media:starRating average="%.1f"/><media:statistics views="%d"/></media:community>
<description><![CDATA[%s]]></description>
</item>
`, html.EscapeString(it.title), it.link, it.guid, html.EscapeString(it.author), it.ago, it.cats, it.comments, it.thumb, it.rating, it.views, it.body)
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func write(path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		panic(err)
	}
}
