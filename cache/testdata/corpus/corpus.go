// Package corpus reads the stories.txt of a labelled evaluation corpus
// (cache/testdata/heldout, cache/testdata/third) and writes its feeds and
// truth.json; each corpus's gen gives its outlets and their house styles.
//
// stories.txt holds stories (= STORY | TOPIC) followed by their items,
// one per outlet that tells it:
//
//	O feed1,feed2 HOURS | headline | first paragraph
//	> a further paragraph
//
// where O is an outlet's key, the feeds are that outlet's section feeds
// carrying the item, and HOURS is how long before the evaluation starts
// the item was published.
package corpus

import (
	"bufio"
	"encoding/json"
	"html"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Item is one outlet's telling of a story.
type Item struct {
	Story, Topic, Outlet string
	Feeds                []string
	Hours                float64
	Minutes              int
	Headline, First      string
	Paras                []string
	Slug, Link           string
	N                    int // order in the file
	Line                 int // its line in stories.txt
}

// Truth is one line of truth.json: an item as one feed carries it.
type Truth struct {
	Link    string `json:"link"`
	Feed    string `json:"feed"`
	Section string `json:"section"`
	Outlet  string `json:"outlet"`
	Story   string `json:"story"`
	Topic   string `json:"topic"`
}

// Spec is what a corpus's gen says of its outlets.
type Spec struct {
	// Feeds gives an outlet key's name and feeds (feed key -> section
	// key); ok false for no such outlet.
	Feeds func(outlet string) (name string, feeds map[string]string, ok bool)
	// Style rewrites an item's headline and text as its outlet writes
	// them, before its slug is made from the headline (may be nil).
	Style func(it *Item)
	// Link is an item's address; n is how many items came before it.
	Link func(it *Item, n int) string
	// SlugMax is how long a slug may grow (it stops past it).
	SlugMax int
	// UniqueStories refuses a story named twice.
	UniqueStories bool
}

// Read reads path (stories.txt); a malformed line is fatal.
func Read(path string, sp Spec) []*Item {
	fh, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer fh.Close()
	var items []*Item
	var story, topic string
	stories := map[string]bool{}
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
			if sp.UniqueStories && stories[story] {
				log.Fatalf("line %d: story %s twice", line, story)
			}
			stories[story] = true
		case strings.HasPrefix(l, ">"):
			if len(items) == 0 {
				log.Fatalf("line %d: paragraph before any item", line)
			}
			it := items[len(items)-1]
			it.Paras = append(it.Paras, strings.TrimSpace(l[1:]))
		default:
			f := strings.Split(l, "|")
			if len(f) != 3 || story == "" {
				log.Fatalf("line %d: want O feeds HOURS | headline | text", line)
			}
			head := strings.Fields(f[0])
			if len(head) != 3 {
				log.Fatalf("line %d: bad item head %q", line, f[0])
			}
			name, feeds, ok := sp.Feeds(head[0])
			if !ok {
				log.Fatalf("line %d: bad item head %q", line, f[0])
			}
			hours, err := strconv.ParseFloat(head[2], 64)
			if err != nil {
				log.Fatalf("line %d: %v", line, err)
			}
			it := &Item{Story: story, Topic: topic, Outlet: head[0], Feeds: strings.Split(head[1], ","), Hours: hours,
				Minutes: int(hours * 60), Headline: strings.TrimSpace(f[1]), First: strings.TrimSpace(f[2]), N: len(items), Line: line}
			if sp.Style != nil {
				sp.Style(it)
			}
			for _, fd := range it.Feeds {
				if _, ok := feeds[fd]; !ok {
					log.Fatalf("line %d: %s has no feed %q", line, name, fd)
				}
			}
			it.Slug = Slug(it.Headline, sp.SlugMax)
			for slugs[head[0]+it.Slug] {
				it.Slug += "-2"
			}
			slugs[head[0]+it.Slug] = true
			it.Link = sp.Link(it, len(items))
			items = append(items, it)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return items
}

// Slug is s in lower case, its words joined by dashes, stopping once
// past max bytes.
func Slug(s string, max int) string {
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
		if b.Len() > max {
			break
		}
	}
	return b.String()
}

// Esc escapes text for HTML and XML.
func Esc(s string) string { return html.EscapeString(s) }

// Write writes the corpus into dir: each feed file (render makes it from
// the items it carries, oldest last) and truth.json. file names an item's
// feed's file, section its section and its outlet's name. It returns how
// many feed files it wrote.
func Write(dir string, items []*Item, file func(it *Item, feed string) string,
	section func(it *Item, feed string) (outlet, section string), render func(file string, its []*Item) string) int {
	byFeed := map[string][]*Item{}
	var truths []Truth
	for _, it := range items {
		for _, f := range it.Feeds {
			name := file(it, f)
			byFeed[name] = append(byFeed[name], it)
			outlet, sec := section(it, f)
			truths = append(truths, Truth{Link: it.Link, Feed: "/" + name, Section: sec, Outlet: outlet, Story: it.Story, Topic: it.Topic})
		}
	}
	var names []string
	for n := range byFeed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		its := byFeed[name]
		sort.SliceStable(its, func(i, j int) bool { return its[i].Minutes < its[j].Minutes })
		if err := os.WriteFile(filepath.Join(dir, name), []byte(render(name, its)), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	sort.SliceStable(truths, func(i, j int) bool { return truths[i].Feed < truths[j].Feed })
	data, _ := json.MarshalIndent(truths, "", " ")
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), append(data, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	return len(names)
}

// Count is how many distinct stories and topics items tell.
func Count(items []*Item) (stories, topics int) {
	s, t := map[string]bool{}, map[string]bool{}
	for _, it := range items {
		s[it.Story], t[it.Topic] = true, true
	}
	return len(s), len(t)
}
