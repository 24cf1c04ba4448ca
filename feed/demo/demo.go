// Package demo serves a built-in sample news site over loopback HTTP, so
// --demo exercises the same fetch, parse and cache path as a real site.
package demo

//go:generate go run ./gen -o site

import (
	"crypto/sha1"
	"embed"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsreader/feed"
)

//go:embed site/*.xml site/truth.json
var site embed.FS

// Outlets are the demo's invented news organisations, one feed each per
// section.
var Outlets = []string{"herald", "wire", "courier"}

// Truth is the ground truth of one item of one demo feed, written by the
// generator into site/truth.json: which story (the same event, whoever
// tells it) and which topic the item belongs to.
type Truth struct {
	Link    string `json:"link"`    // the item's <link> path as written in the feed, e.g. "/herald/markets/xyz.html"
	Feed    string `json:"feed"`    // the feed's path on the demo server, e.g. "/feeds/markets-herald.xml"
	Section string `json:"section"` // the section key whose feed it is
	Outlet  string `json:"outlet"`  // the outlet's name, as in the feed title ("Demo Herald")
	Story   string `json:"story"`   // equal for every version of one event
	Topic   string `json:"topic"`   // a subject within a section ("central banks")
}

// Truths returns every item of every feed (an item in two feeds appears
// twice, with the same Story). A cached article maps to its truth by its
// link's path.
func Truths() ([]Truth, error) {
	data, err := site.ReadFile("site/truth.json")
	if err != nil {
		return nil, err
	}
	var ts []Truth
	if err := json.Unmarshal(data, &ts); err != nil {
		return nil, fmt.Errorf("demo truth: %w", err)
	}
	return ts, nil
}

// SiteName is the demo site's name in the header.
const SiteName = "Demo News"

// sectionTitles orders the demo's sections; each has feeds NAME-herald.xml,
// NAME-wire.xml, NAME-courier.xml and most-read-NAME.xml.
var sectionTitles = [][2]string{
	{"top", "Top stories"}, {"world", "World"}, {"business", "Business"}, {"markets", "Markets"},
	{"technology", "Technology"}, {"science", "Science"}, {"health", "Health"},
}

// Server is a running demo site.
type Server struct {
	URL   string // http://127.0.0.1:PORT
	srv   *http.Server
	start time.Time
}

// Ports are the loopback ports the demo tries first, in order, so its
// feed URLs stay the same from run to run and a kept --cache does not
// collect a new set of feeds each time. When all are taken (several demos
// at once) it falls back to any free port.
var Ports = []int{47811, 47812, 47813, 47814, 47815}

// Start listens on loopback and serves the site.
func Start() (*Server, error) {
	var ln net.Listener
	var err error
	for _, p := range Ports {
		if ln, err = net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p)); err == nil {
			break
		}
	}
	if ln == nil {
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("demo site: %w", err)
		}
	}
	s := &Server{URL: "http://" + ln.Addr().String(), start: time.Now().Truncate(time.Minute)}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// Config is the demo site's config, with feed URLs on this server.
func (s *Server) Config() feed.Config {
	c := feed.Config{Site: SiteName}
	for _, st := range sectionTitles {
		var feeds []string
		for _, o := range Outlets {
			feeds = append(feeds, s.URL+"/feeds/"+st[0]+"-"+o+".xml")
		}
		c.Sections = append(c.Sections, feed.Section{
			Key:     st[0],
			Title:   st[1],
			Feeds:   feeds,
			Ranking: s.URL + "/feeds/most-read-" + st[0] + ".xml",
		})
	}
	return c
}

// The feeds carry times relative to the server's start: {{ago N}} is the
// date N minutes before it, {{day N}} that date's weekday.
var marker = regexp.MustCompile(`\{\{(ago|day) (\d+)\}\}`)

func (s *Server) expand(data []byte) []byte {
	return marker.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := marker.FindSubmatch(m)
		mins, _ := strconv.Atoi(string(sub[2]))
		t := s.start.Add(-time.Duration(mins) * time.Minute)
		if string(sub[1]) == "day" {
			return []byte(t.Weekday().String())
		}
		return []byte(t.Format(time.RFC1123Z))
	})
}

// ServeHTTP serves feeds (with ETag and Last-Modified, answering 304 to a
// matching conditional GET) and a plain page for every article link.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/feeds/"):
		s.serveFeed(w, r, path.Base(r.URL.Path))
	case strings.HasSuffix(r.URL.Path, ".html"):
		s.servePage(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, name string) {
	data, err := fs.ReadFile(site, "site/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	sum := sha1.Sum(append(data, s.start.String()...))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	lastMod := s.start.UTC().Format(http.TimeFormat)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lastMod)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(s.expand(data))
}

type page struct{ title, author, body string }

// pages maps every item's link path to its article, for the article pages.
var pages = sync.OnceValue(func() map[string]page {
	m := map[string]page{}
	names, _ := fs.Glob(site, "site/*.xml")
	for _, n := range names {
		data, _ := fs.ReadFile(site, n)
		var doc struct {
			Items []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				Creator string `xml:"http://purl.org/dc/elements/1.1/ creator"`
				Desc    string `xml:"description"`
				Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			} `xml:"channel>item"`
		}
		if xml.Unmarshal(data, &doc) != nil {
			continue
		}
		for _, it := range doc.Items {
			body := it.Content
			if body == "" {
				body = it.Desc
			}
			m[it.Link] = page{it.Title, it.Creator, body}
		}
	}
	return m
})

// servePage serves an article's web page: the full story with the
// site's navigation around it, as a reader's full-text mode would fetch.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	p, ok := pages()[r.URL.Path]
	if !ok {
		fmt.Fprintf(w, "<!doctype html><title>Demo page</title><p>This page stands in for %s on the demo site.</p>", html.EscapeString(r.URL.Path))
		return
	}
	fmt.Fprintf(w, `<!doctype html>
<html><head><meta charset="utf-8"><title>%s</title></head>
<body><nav><a href="/">Demo News</a> · <a href="/top">Top stories</a> · <a href="/markets">Markets</a></nav>
<article><h1>%s</h1><p class="byline">By %s</p>
%s
</article>
<footer>Demo News is generated sample content; none of it happened.</footer></body></html>
`, html.EscapeString(p.title), html.EscapeString(p.title), html.EscapeString(p.author), s.expand([]byte(p.body)))
}
