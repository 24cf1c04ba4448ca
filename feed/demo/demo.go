// Package demo serves a built-in sample news site over loopback HTTP, so
// --demo exercises the same fetch, parse and cache path as a real site.
package demo

//go:generate go run gen/main.go

import (
	"crypto/sha1"
	"embed"
	"encoding/hex"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"newsreader/feed"
)

//go:embed site/*.xml
var site embed.FS

// SiteName is the demo site's name in the header.
const SiteName = "Demo News"

// sectionTitles orders the demo's sections; each has feeds NAME-herald.xml,
// NAME-wire.xml and most-read-NAME.xml.
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

// Start listens on a free loopback port and serves the site.
func Start() (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo site: %w", err)
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
		c.Sections = append(c.Sections, feed.Section{
			Key:     st[0],
			Title:   st[1],
			Feeds:   []string{s.URL + "/feeds/" + st[0] + "-herald.xml", s.URL + "/feeds/" + st[0] + "-wire.xml"},
			Ranking: s.URL + "/feeds/most-read-" + st[0] + ".xml",
		})
	}
	return c
}

var agoMarker = regexp.MustCompile(`\{\{ago (\d+)\}\}`)

// ServeHTTP serves feeds (with ETag and Last-Modified, answering 304 to a
// matching conditional GET) and a plain page for every article link.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/feeds/"):
		s.serveFeed(w, r, path.Base(r.URL.Path))
	case strings.HasSuffix(r.URL.Path, ".html"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>Demo article</title><p>This page stands in for the article at %s on the demo site.</p>", html.EscapeString(r.URL.Path))
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
	body := agoMarker.ReplaceAllFunc(data, func(m []byte) []byte {
		mins, _ := strconv.Atoi(string(agoMarker.FindSubmatch(m)[1]))
		return []byte(s.start.Add(-time.Duration(mins) * time.Minute).Format(time.RFC1123Z))
	})
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(body)
}
