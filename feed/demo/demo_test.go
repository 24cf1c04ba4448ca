package demo

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"newsreader/feed"
)

// fetchAll fetches every feed of the demo through the real fetcher and
// parser, keyed by the feed's path on the server.
func fetchAll(t *testing.T, srv *Server) (feed.Config, map[string]feed.Result) {
	t.Helper()
	cfg := srv.Config()
	f := feed.NewFetcher(feed.Options{})
	out := map[string]feed.Result{}
	for _, s := range cfg.Sections {
		for _, u := range append(s.Feeds, s.Ranking) {
			r := f.Fetch(context.Background(), feed.Request{URL: u})
			if r.Status != feed.StatusOK {
				t.Fatalf("%s: %v", u, r.Err)
			}
			pu, _ := url.Parse(u)
			out[pu.Path] = r
		}
	}
	return cfg, out
}

func start(t *testing.T) *Server {
	t.Helper()
	srv, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

func linkPath(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("link %q: %v", link, err)
	}
	return u.Path
}

func TestDemoSiteServesEverySectionConditionally(t *testing.T) {
	srv := start(t)
	cfg := srv.Config()
	if _, ok := cfg.Section("markets"); !ok || len(cfg.Sections) < 5 {
		t.Fatalf("demo sections: %v", cfg.Keys())
	}
	f := feed.NewFetcher(feed.Options{})
	seenIn := map[string]map[string]bool{} // article ID -> sections
	reactions := map[string]int{}
	total := 0
	for _, s := range cfg.Sections {
		if len(s.Feeds) < 2 || len(s.Feeds) > 3 {
			t.Errorf("section %s has %d outlets, want 2 or 3", s.Key, len(s.Feeds))
		}
		ids := map[string]bool{}
		sources := map[string]bool{}
		for _, u := range append(s.Feeds, s.Ranking) {
			r := f.Fetch(context.Background(), feed.Request{URL: u})
			if r.Status != feed.StatusOK {
				t.Fatalf("%s: %v", u, r.Err)
			}
			again := f.Fetch(context.Background(), feed.Request{URL: u, ETag: r.ETag, LastModified: r.LastModified})
			if again.Status != feed.StatusNotModified {
				t.Errorf("%s: second fetch %v, want not modified", u, again.Status)
			}
			for _, a := range r.Articles {
				total++
				if a.Undated || a.Link == "" || a.Author == "" || a.Image == "" || len(a.Categories) == 0 {
					t.Errorf("%s: incomplete demo article %+v", u, a)
				}
				if strings.Contains(a.Summary+a.Content, "{{") {
					t.Errorf("%s: unexpanded marker in %q", u, a.Title)
				}
				if a.Comments > 0 {
					reactions["comments"]++
				}
				if a.Views > 0 {
					reactions["views"]++
				}
				if a.Rating > 0 {
					reactions["rating"]++
				}
				if u != s.Ranking {
					sources[a.Source] = true
				}
				ids[a.ID] = true
				if seenIn[a.ID] == nil {
					seenIn[a.ID] = map[string]bool{}
				}
				seenIn[a.ID][s.Key] = true
			}
		}
		if len(ids) < 20 {
			t.Errorf("section %s has %d articles, want 20+", s.Key, len(ids))
		}
		if len(sources) != len(s.Feeds) {
			t.Errorf("section %s: sources %v, want one per outlet feed", s.Key, sources)
		}
	}
	// Reaction counts appear on some items, not all: as on real feeds.
	for _, k := range []string{"comments", "views", "rating"} {
		if reactions[k] == 0 || reactions[k] == total {
			t.Errorf("%s on %d of %d items, want some but not all", k, reactions[k], total)
		}
	}
	shared := 0
	for _, secs := range seenIn {
		if len(secs) > 1 {
			shared++
		}
	}
	if shared < 20 {
		t.Errorf("only %d stories recur across sections", shared)
	}
}

// TestTruthMatchesTheFeeds checks the ground truth against what the real
// fetcher and parser make of the served feeds: one truth per item per
// feed, nothing extra, and a most-read feed that only names stories that
// are in the section's own feeds.
func TestTruthMatchesTheFeeds(t *testing.T) {
	truths, err := Truths()
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ feed, link string }
	want := map[key]Truth{}
	for _, tr := range truths {
		k := key{tr.Feed, tr.Link}
		if _, dup := want[k]; dup {
			t.Errorf("truth lists %v twice", k)
		}
		if tr.Story == "" || tr.Topic == "" || tr.Outlet == "" || tr.Section == "" {
			t.Errorf("incomplete truth %+v", tr)
		}
		want[k] = tr
	}
	srv := start(t)
	cfg, results := fetchAll(t, srv)
	got := 0
	storyOf := map[string]string{}   // link path -> story
	inSection := map[string]string{} // section/link path -> story, from outlet feeds
	for fpath, r := range results {
		for _, a := range r.Articles {
			got++
			lp := linkPath(t, a.Link)
			tr, ok := want[key{fpath, lp}]
			if !ok {
				t.Errorf("%s: item %s has no truth", fpath, lp)
				continue
			}
			if tr.Outlet != a.Source {
				t.Errorf("%s: truth says outlet %q, feed says %q", lp, tr.Outlet, a.Source)
			}
			if s, ok := storyOf[lp]; ok && s != tr.Story {
				t.Errorf("%s is in stories %q and %q", lp, s, tr.Story)
			}
			storyOf[lp] = tr.Story
			if !strings.Contains(fpath, "most-read") {
				inSection[tr.Section+lp] = tr.Story
			}
		}
	}
	if got != len(truths) {
		t.Errorf("feeds have %d items, truth has %d", got, len(truths))
	}
	for _, s := range cfg.Sections {
		r := results[linkPath(t, s.Ranking)]
		if len(r.Articles) < 5 {
			t.Errorf("most-read %s has %d items", s.Key, len(r.Articles))
		}
		for _, a := range r.Articles {
			if _, ok := inSection[s.Key+linkPath(t, a.Link)]; !ok {
				t.Errorf("most-read %s names %s, which is not in the section's feeds", s.Key, a.Link)
			}
		}
	}
}

var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of in on at to for as and or by with from its it is are be after over
		under into out up down new says said than more less this that has have had will would can could not no
		about first last his her their our`) {
		stopwords[w] = true
	}
}

func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range regexp.MustCompile(`[a-z0-9]+`).FindAllString(strings.ToLower(s), -1) {
		if !stopwords[w] {
			m[w] = true
		}
	}
	return m
}

// TestStoriesAreToldDifferently checks what makes the demo a fair test of
// story grouping: outlets word one event differently, look-alike stories
// are different events, stories run over days, sections have topics.
func TestStoriesAreToldDifferently(t *testing.T) {
	truths, err := Truths()
	if err != nil {
		t.Fatal(err)
	}
	srv := start(t)
	_, results := fetchAll(t, srv)
	arts := map[string]feed.Article{} // link path -> article
	for _, r := range results {
		for _, a := range r.Articles {
			arts[linkPath(t, a.Link)] = a
		}
	}
	storyLinks := map[string][]string{}
	topics := map[string]map[string]bool{}
	multi := map[string]int{} // section -> stories told by 2+ outlets
	seen := map[string]bool{}
	for _, tr := range truths {
		if topics[tr.Section] == nil {
			topics[tr.Section] = map[string]bool{}
		}
		topics[tr.Section][tr.Topic] = true
		if !seen[tr.Link] {
			seen[tr.Link] = true
			storyLinks[tr.Story] = append(storyLinks[tr.Story], tr.Link)
		}
	}
	outletsOf := func(story string) map[string]bool {
		m := map[string]bool{}
		for _, l := range storyLinks[story] {
			m[arts[l].Source] = true
		}
		return m
	}
	counted := map[string]bool{}
	for _, tr := range truths {
		if n := len(outletsOf(tr.Story)); n >= 2 && !counted[tr.Section+tr.Story] {
			counted[tr.Section+tr.Story] = true
			multi[tr.Section]++
		}
	}
	for sec, ts := range topics {
		if len(ts) < 2 {
			t.Errorf("section %s has topics %v, want several", sec, ts)
		}
		if multi[sec] < 3 {
			t.Errorf("section %s has %d stories told by several outlets", sec, multi[sec])
		}
	}

	// Headlines of one story: about half the pairs share at most one
	// content word.
	pairs, apart, long := 0, 0, 0
	for story, links := range storyLinks {
		first, last := arts[links[0]].Published, arts[links[0]].Published
		for i, a := range links {
			p := arts[a].Published
			if p.Before(first) {
				first = p
			}
			if p.After(last) {
				last = p
			}
			for _, b := range links[i+1:] {
				pairs++
				shared := 0
				wb := contentWords(arts[b].Title)
				for w := range contentWords(arts[a].Title) {
					if wb[w] {
						shared++
					}
				}
				if shared <= 1 {
					apart++
				}
			}
		}
		if last.Sub(first).Hours() >= 20 {
			long++
		}
		if len(outletsOf(story)) == 0 {
			t.Errorf("story %s has no articles in the feeds", story)
		}
	}
	if frac := float64(apart) / float64(pairs); pairs < 40 || frac < 0.4 || frac > 0.8 {
		t.Errorf("%d of %d same-story headline pairs share at most one content word, want about half", apart, pairs)
	}
	if long < 3 {
		t.Errorf("%d stories run for a day or more, want several", long)
	}

	// Look-alikes: different stories whose headlines name the same company
	// or place.
	names := map[string]map[string]bool{} // capitalised word -> stories
	for story, links := range storyLinks {
		for _, l := range links {
			for _, w := range regexp.MustCompile(`\b[A-Z][a-z]{3,}\b`).FindAllString(arts[l].Title, -1) {
				if names[w] == nil {
					names[w] = map[string]bool{}
				}
				names[w][story] = true
			}
		}
	}
	lookalikes := 0
	for _, stories := range names {
		if len(stories) >= 2 {
			lookalikes++
		}
	}
	if lookalikes < 5 {
		t.Errorf("only %d names head more than one story", lookalikes)
	}

	// Bodies: no shared opening, sizes from a brief to a long read, and
	// text that fits the section.
	openings := map[string]string{}
	minLen, maxLen := 1<<30, 0
	theThe := regexp.MustCompile(`(?i)\bthe the\b|\ba the\b`)
	for l, a := range arts {
		text := feed.PlainText(a.Content)
		if text == "" {
			text = feed.PlainText(a.Summary)
		}
		words := strings.Fields(text)
		open := strings.Join(words[:min(6, len(words))], " ")
		if other, ok := openings[open]; ok {
			t.Errorf("%s and %s open alike: %q", l, other, open)
		}
		openings[open] = l
		minLen, maxLen = min(minLen, len(text)), max(maxLen, len(text))
		if m := theThe.FindString(a.Title + " " + text); m != "" {
			t.Errorf("%s: %q", l, m)
		}
	}
	if minLen > 600 || maxLen < 1500 {
		t.Errorf("body lengths %d..%d characters, want briefs and long reads", minLen, maxLen)
	}
	offTopic := regexp.MustCompile(`(?i)vaccin|migraine|measles|patient|hospital|fossil|telescope`)
	for fpath, r := range results {
		if !strings.Contains(fpath, "markets") {
			continue
		}
		for _, a := range r.Articles {
			if m := offTopic.FindString(a.Title + " " + feed.PlainText(a.Summary+a.Content)); m != "" {
				t.Errorf("%s: %q is not markets news (%q)", fpath, a.Title, m)
			}
		}
	}
}

// freePorts returns n loopback ports free at the moment, so that tests
// do not contend for the demo's fixed ports with other demos running.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	var lns []net.Listener
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	for _, ln := range lns {
		ln.Close()
	}
	return ports
}

func TestDemoURLsAreStableAcrossRuns(t *testing.T) {
	saved := Ports
	t.Cleanup(func() { Ports = saved })
	Ports = freePorts(t, 2)
	a, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	first := a.URL
	if first != "http://127.0.0.1:"+strconv.Itoa(Ports[0]) {
		t.Errorf("first demo at %s, want the first of %v", first, Ports)
	}
	// A second demo at the same time gets a working address of its own.
	b := start(t)
	if b.URL == first {
		t.Fatalf("two demos share %s", first)
	}
	if _, results := fetchAll(t, b); len(results) == 0 {
		t.Fatal("second demo serves nothing")
	}
	a.Close()
	b.Close()
	c := start(t)
	if c.URL != first {
		t.Errorf("demo moved from %s to %s between runs", first, c.URL)
	}
	cfg := c.Config()
	for _, s := range cfg.Sections {
		for _, u := range append(s.Feeds, s.Ranking) {
			if !strings.HasPrefix(u, first+"/feeds/") {
				t.Errorf("feed %s is not on %s", u, first)
			}
		}
	}
	// With every fixed port taken, the demo still starts, anywhere on
	// loopback.
	d := start(t)
	e := start(t)
	if !strings.HasPrefix(e.URL, "http://127.0.0.1:") || e.URL == d.URL || e.URL == c.URL {
		t.Errorf("demos at %s, %s, %s", c.URL, d.URL, e.URL)
	}
}

func TestArticlePagesCarryTheStory(t *testing.T) {
	srv := start(t)
	_, results := fetchAll(t, srv)
	r := results["/feeds/markets-herald.xml"]
	if len(r.Articles) == 0 {
		t.Fatal("no markets articles")
	}
	a := r.Articles[0]
	resp, err := http.Get(a.Link)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	text := feed.PlainText(string(page))
	body := feed.PlainText(a.Content)
	if !strings.Contains(text, a.Title) || !strings.Contains(text, body[:min(len(body), 200)]) {
		t.Errorf("page for %s lacks the story:\n%s", a.Link, text)
	}
	if strings.Contains(string(page), "{{") {
		t.Errorf("page has unexpanded markers")
	}
}
