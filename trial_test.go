package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// An Atom entry with only <content> and a JSON Feed item with only
// content_html (no summary, no description) get the opening of their
// text as --list --json's summary, as the search and discovery verbs'
// JSON does; Medium's repeated title and sign-off are not part of it.
// Only an article with no words has an empty summary.
func TestListJSONSummaryFromContentOnlyItems(t *testing.T) {
	at := time.Now().Add(-time.Hour).UTC()
	long := strings.Repeat("The lock gates close at dusk and open at dawn. ", 20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/atom":
			fmt.Fprintf(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>Canal notes</title><id>urn:canal</id>`+
				`<entry><title>Lock gates</title><id>urn:canal:1</id><link href="https://canal.test/1"/><updated>%s</updated>`+
				`<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h3>Lock gates</h3><p>%s</p><p><a href="https://canal.test/1">Lock gates</a> was originally published in <a href="https://pub.test">Canal Weekly</a> on Medium, where people are continuing the conversation by highlighting and responding to this story.</p></div></content></entry>`+
				`<entry><title>Nothing said</title><id>urn:canal:2</id><link href="https://canal.test/2"/><updated>%s</updated></entry></feed>`,
				at.Format(time.RFC3339), long, at.Add(-time.Minute).Format(time.RFC3339))
		case "/json":
			fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Towpath","items":[`+
				`{"id":"tp-1","url":"https://towpath.test/1","title":"Swans","content_html":"<p>Two swans &amp; six cygnets on the towpath.</p><p>Second paragraph.</p>","date_published":%q}]}`,
				at.Add(-2*time.Minute).Format(time.RFC3339))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg, db := refreshedConfig(t, fmt.Sprintf("[[sections]]\nkey = \"canal\"\nfeeds = [%q, %q]\n", srv.URL+"/atom", srv.URL+"/json"))
	summaries := map[string]string{}
	for _, args := range [][]string{{"--list"}, {"--search", "towpath swans"}, {"--search", "lock gates"}} {
		code, out, errOut := runArgs(t, append([]string{"--config", cfg, "--cache", db, "--json", "--offline"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		for l := range strings.Lines(out) {
			var a struct{ Title, Summary string }
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				t.Fatalf("%v: %v: %s", args, err, l)
			}
			if prev, ok := summaries[a.Title]; ok && prev != a.Summary {
				t.Errorf("%q: summary %q in one verb, %q in another", a.Title, prev, a.Summary)
			}
			summaries[a.Title] = a.Summary
		}
	}
	if got := summaries["Swans"]; got != "Two swans & six cygnets on the towpath.\n\nSecond paragraph." {
		t.Errorf("Swans: summary %q", got)
	}
	got := summaries["Lock gates"]
	if !strings.HasPrefix(got, "The lock gates close at dusk") || !strings.HasSuffix(got, "…") || len(got) > 500 || strings.Contains(got, "Medium") {
		t.Errorf("Lock gates: summary %q (want the text's opening, cut with …)", got)
	}
	if got, ok := summaries["Nothing said"]; !ok || got != "" {
		t.Errorf("Nothing said: summary %q (listed %v)", got, ok)
	}
}

// A news feed whose photo is only in media:content (or media:thumbnail,
// an image enclosure) shows it in the article as a numbered image link,
// above the text; an article whose text has its own picture gets no
// second one.
func TestShowNotesTheFeedsPicture(t *testing.T) {
	at := time.Now().Add(-time.Hour).UTC().Format(time.RFC1123Z)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Pictures</title>`+
			`<item><title>Lamp fitted</title><link>https://pics.test/1</link><guid>p-1</guid><pubDate>%[1]s</pubDate><description>Engineers fitted the new lamp.</description>`+
			`<media:content url="https://pics.test/lamp.jpg" medium="image" width="1200"/></item>`+
			`<item><title>Dredger</title><link>https://pics.test/2</link><guid>p-2</guid><pubDate>%[1]s</pubDate><description>&lt;p&gt;&lt;img src="https://pics.test/dredger-inline.jpg" alt="The dredger"&gt;&lt;/p&gt;&lt;p&gt;At work.&lt;/p&gt;</description>`+
			`<media:thumbnail url="https://pics.test/dredger-thumb.jpg"/></item>`+
			`</channel></rss>`, at)
	}))
	defer srv.Close()
	args := oneFeedArgs(t, srv.URL+"/feed")
	if code, out, errOut := runArgs(t, args("--refresh")...); code != 0 {
		t.Fatalf("refresh: exit %d\n%s%s", code, out, errOut)
	}
	_, out, _ := runArgs(t, args("--show", srv.URL+"/feed#p-1")...)
	if !strings.Contains(out, "[image][1]\n\nEngineers fitted the new lamp.") || !strings.Contains(out, "[1] https://pics.test/lamp.jpg") {
		t.Errorf("p-1: the feed's picture is not noted:\n%s", out)
	}
	_, out, _ = runArgs(t, args("--show", srv.URL+"/feed#p-2")...)
	if strings.Count(out, "[image") != 1 || !strings.Contains(out, "[image: The dredger][1]") || strings.Contains(out, "dredger-thumb") {
		t.Errorf("p-2: want only the text's own picture:\n%s", out)
	}
}
