package discover

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newsreader/feed"
)

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><item><title>One</title><link>https://x.test/1</link></item></channel></rss>`
const atomFeed = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom site</title><id>x</id><entry><title>A</title><id>a</id><link href="https://x.test/a"/></entry></feed>`

// site serves pages from a map path -> (content type, body); missing
// paths are 404.
func site(t *testing.T, pages map[string][2]string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.RequestURI()]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p[0])
		fmt.Fprint(w, p[1])
	}))
	t.Cleanup(srv.Close)
	return srv
}

func urls(cs []Candidate) string {
	var out []string
	for _, c := range cs {
		s := c.URL
		if c.Comments {
			s += "(comments)"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

const htmlType = "text/html; charset=utf-8"

func TestDiscover(t *testing.T) {
	f := feed.NewFetcher(feed.Options{})
	ctx := context.Background()
	var srv *httptest.Server
	pages := map[string][2]string{
		"/one": {htmlType, `<!doctype html><html><head><title>Blog</title>
<link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="/feed/">
<link rel="stylesheet" href="/style.css"></head><body><p>hi</p></body></html>`},
		// several: the comments feed comes first in the document but is passed over;
		// a WordPress REST link is not a feed; relative hrefs resolve against <base>.
		"/blog/post": {htmlType, `<html><head><base href="/blog/">
<link rel="alternate" type="application/rss+xml" title="Site &raquo; Comments Feed" href="comments/feed/">
<link rel="alternate" type="application/json" href="https://example.invalid/wp-json/wp/v2/posts/9">
<link rel="alternate" type="application/json+oembed" href="/oembed?x">
<link rel="alternate" type="application/atom+xml" title="Site (Atom)" href="atom.xml">
<link rel="alternate" type="application/feed+json" title="Site (JSON)" href="../feed.json">
<link rel="alternate" type="application/rss+xml" title="duplicate" href="atom.xml#x">
<link rel="alternate" hreflang="fr" href="/fr/">
</head><body></body></html>`},
		"/none":       {htmlType, `<html><head><title>No feeds</title></head><body><a href="/about">About us</a></body></html>`},
		"/feed":       {"application/rss+xml", fmt.Sprintf(rss, "Probed")},
		"/feed.xml":   {"application/xml", atomFeed},
		"/direct.rss": {"text/xml", fmt.Sprintf(rss, "Direct &amp; feed")},
		"/js":         {htmlType, `<html><head><script>document.write('<link rel="alternate" type="application/rss+xml" href="/evil">')</script></head></html>`},
	}
	srv = site(t, pages)

	cs, err := Discover(ctx, f, srv.URL+"/one")
	if err != nil || urls(cs) != srv.URL+"/feed/" || cs[0].Title != "Blog » Feed" || cs[0].Type != "rss" || cs[0].Via != "link" {
		t.Errorf("one link: %+v %v", cs, err)
	}
	cs, err = Discover(ctx, f, srv.URL+"/blog/post")
	want := srv.URL + "/blog/atom.xml " + srv.URL + "/feed.json " + srv.URL + "/blog/comments/feed/(comments)"
	if err != nil || urls(cs) != want {
		t.Errorf("several:\n got %s %v\nwant %s", urls(cs), err, want)
	}
	cs, err = Discover(ctx, f, srv.URL+"/none")
	if err != nil || urls(cs) != srv.URL+"/feed" || cs[0].Title != "Probed" || cs[0].Via != "path" {
		t.Errorf("no links, common path: %+v %v", cs, err)
	}
	cs, err = Discover(ctx, f, srv.URL+"/direct.rss")
	if err != nil || urls(cs) != srv.URL+"/direct.rss" || cs[0].Title != "Direct & feed" || cs[0].Via != "self" {
		t.Errorf("a feed itself: %+v %v", cs, err)
	}
	// Links written by a script are not links.
	delete(pages, "/feed")
	delete(pages, "/feed.xml")
	if cs, err := Discover(ctx, f, srv.URL+"/js"); !errors.Is(err, ErrNoFeed) {
		t.Errorf("script-written link or common path found: %+v %v", cs, err)
	}
	if _, err := Discover(ctx, f, srv.URL+"/missing"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404 page: %v", err)
	}
	if _, err := Discover(ctx, f, "ftp://x.test/"); err == nil {
		t.Error("ftp accepted")
	}
	off := feed.NewFetcher(feed.Options{Offline: true})
	if _, err := Discover(ctx, off, srv.URL+"/one"); !errors.Is(err, feed.ErrOffline) {
		t.Errorf("offline: %v", err)
	}
}

func TestDiscoverProbesUnderThePagesFolderFirst(t *testing.T) {
	srv := site(t, map[string][2]string{
		"/blog/2026/11/a-post":  {htmlType, `<html><body>post</body></html>`},
		"/blog/2026/11/":        {htmlType, `<html><body>month</body></html>`},
		"/blog/2026/11/feed":    {htmlType, `<html><body>not this</body></html>`},
		"/blog/feed":            {"application/rss+xml", fmt.Sprintf(rss, "Not the folder")},
		"/blog/2026/11/rss.xml": {"application/rss+xml", fmt.Sprintf(rss, "Folder feed")},
		"/feed":                 {"application/rss+xml", fmt.Sprintf(rss, "Root feed")},
	})
	cs, err := Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/blog/2026/11/a-post")
	if err != nil || urls(cs) != srv.URL+"/blog/2026/11/rss.xml" {
		t.Errorf("%+v %v", cs, err)
	}
	cs, err = Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/blog/2026/11/")
	if err != nil || urls(cs) != srv.URL+"/blog/2026/11/rss.xml" {
		t.Errorf("folder address: %+v %v", cs, err)
	}
}

func TestDiscoverProbesCommonPathsInOrder(t *testing.T) {
	srv := site(t, map[string][2]string{
		"/":         {htmlType, `<html><body>home</body></html>`},
		"/feed":     {htmlType, `<html><body>not a feed</body></html>`},
		"/atom.xml": {"application/atom+xml", atomFeed},
	})
	cs, err := Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/")
	if err != nil || urls(cs) != srv.URL+"/atom.xml" || cs[0].Type != "atom" {
		t.Errorf("%+v %v", cs, err)
	}
}

// A site whose feed answers only at /feed/ (a WordPress copy behind a
// server that does not redirect /feed, Ghost's /rss/): the slash form is
// tried after the bare one, under the page's folder and on the root.
func TestDiscoverProbesTheFeedFolder(t *testing.T) {
	srv := site(t, map[string][2]string{
		"/quay/":      {htmlType, `<html><head><title>Quay notes</title></head><body>no link tags</body></html>`},
		"/quay/feed/": {"application/rss+xml", fmt.Sprintf(rss, "Quay notes")},
		"/ghost/":     {htmlType, `<html><body>a Ghost blog</body></html>`},
		"/rss/":       {"application/rss+xml", fmt.Sprintf(rss, "Root of a Ghost site")},
	})
	cs, err := Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/quay/")
	if err != nil || urls(cs) != srv.URL+"/quay/feed/" || cs[0].Title != "Quay notes" || cs[0].Via != "path" {
		t.Errorf("folder: %+v %v", cs, err)
	}
	cs, err = Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/ghost/")
	if err != nil || urls(cs) != srv.URL+"/rss/" {
		t.Errorf("root: %+v %v", cs, err)
	}
}

// A page that announces no feed with <link> but links one from its
// footer ("RSS", an RSS icon, a type attribute, a .xml address) gives
// the linked feeds that parse, in document order, before any guessing of
// common paths; links that only look like feeds and are not are passed.
func TestDiscoverFollowsLinksThatLookLikeFeeds(t *testing.T) {
	var asked []string
	pages := map[string][2]string{
		"/": {htmlType, `<html><head><title>Harbour news</title></head><body>
<a href="/news/sport">Sport</a> <a href="/about">About</a> <a href="#rss">RSS</a>
<a href="/sitemap.xml">Sitemap</a>
<footer><a href="/export/latest.xml">RSS</a> <a href="/s/news"><img src="/rss.png" alt="Atom feed"></a>
<a href="/gone" type="application/rss+xml">elsewhere</a> <a href="/not-a-feed.xml">Data</a></footer></body></html>`},
		"/export/latest.xml": {"text/xml", fmt.Sprintf(rss, "Latest")},
		"/s/news":            {"application/atom+xml", atomFeed},
		"/not-a-feed.xml":    {"text/xml", `<?xml version="1.0"?><dataset><row/></dataset>`},
		"/sitemap.xml":       {"text/xml", fmt.Sprintf(rss, "Not a sitemap")},
		"/feed":              {"application/rss+xml", fmt.Sprintf(rss, "Guessed")},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.Path)
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p[0])
		fmt.Fprint(w, p[1])
	}))
	defer srv.Close()
	cs, err := Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+"/")
	if err != nil || urls(cs) != srv.URL+"/export/latest.xml "+srv.URL+"/s/news" || cs[0].Title != "Latest" || cs[0].Via != "anchor" {
		t.Errorf("%+v %v", cs, err)
	}
	for _, p := range asked {
		if p == "/feed" || p == "/sitemap.xml" || p == "/news/sport" || p == "/about" {
			t.Errorf("fetched %s: %q", p, asked)
		}
	}
}

// A tech site's front page has headlines that mention feeds ("… the news
// feed …", "… RSS …") before its footer's RSS link: they are no feeds,
// and did not take the four links fetched, whether the footer's link
// says it is a feed by its address or only by its label.
func TestDiscoverPassesHeadlinesThatMentionFeeds(t *testing.T) {
	headlines := `<h2><a href="/2026/11/meta-news-feed">Meta changes the news feed again, and publishers notice at once</a></h2>
<h2><a href="/2026/11/rss-revival">Why RSS readers are back in fashion among people tired of algorithms</a></h2>
<h2><a href="/2026/11/atom-bank">Atom bank raises its savings rate for the third time this year</a></h2>
<h2><a href="/2026/11/feeds-outage">Social feeds went dark for an hour on Tuesday after a bad update</a></h2>
<h2><a href="/2026/11/feed-prices">Animal feed prices climb as the dry summer cuts the harvest short</a></h2>`
	article := `<html><body><p>An article.</p></body></html>`
	pages := map[string][2]string{
		"/by-address/":                    {htmlType, `<html><body>` + headlines + `<footer><a href="/syndicate/front.xml">Subscribe</a></footer></body></html>`},
		"/by-label/":                      {htmlType, `<html><body>` + headlines + `<footer><a href="/services/syndicate?format=rss2">RSS</a></footer></body></html>`},
		"/syndicate/front.xml":            {"application/rss+xml", fmt.Sprintf(rss, "Front page")},
		"/services/syndicate?format=rss2": {"application/rss+xml", fmt.Sprintf(rss, "Front page")},
	}
	for _, p := range []string{"meta-news-feed", "rss-revival", "atom-bank", "feeds-outage", "feed-prices"} {
		pages["/2026/11/"+p] = [2]string{htmlType, article}
	}
	srv := site(t, pages)
	for path, want := range map[string]string{"/by-address/": "/syndicate/front.xml", "/by-label/": "/services/syndicate?format=rss2"} {
		cs, err := Discover(context.Background(), feed.NewFetcher(feed.Options{}), srv.URL+path)
		if err != nil || urls(cs) != srv.URL+want || cs[0].Via != "anchor" {
			t.Errorf("%s: %+v %v", path, cs, err)
		}
	}
}
