package feed

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// An RSS guid stands in for a missing <link> only when it is a permalink
// (isPermaLink absent or "true", in either spelling of the attribute)
// and an http(s) address; a guid marked isPermaLink="false" is an ID even
// when it looks like an address, and the article has no link (it is
// still told apart from the others by its guid).
func TestGUIDIsTheLinkOnlyWhenAPermalink(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Guids</title><link>https://guid.test/</link><description>d</description>` +
		`<item><title>tag id</title><guid isPermaLink="false">tag:guid.test,2026:123</guid></item>` +
		`<item><title>hex id</title><guid isPermaLink="false">a1b2c3</guid></item>` +
		`<item><title>address id</title><guid isPermaLink="false">https://guid.test/?p=5</guid></item>` +
		`<item><title>address id lowercase attr</title><guid isPermalink="FALSE">https://guid.test/?p=6</guid></item>` +
		`<item><title>permalink</title><guid>https://guid.test/2026/permalink</guid></item>` +
		`<item><title>permalink said</title><guid isPermaLink="true">https://guid.test/2026/said</guid></item>` +
		`<item><title>bare permalink</title><guid>e5</guid></item>` +
		`<item><title>linked</title><link>https://guid.test/2026/linked</link><guid isPermaLink="false">x9</guid></item>` +
		`</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, doc)
	}))
	defer srv.Close()
	res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL + "/feed"})
	if res.Status != StatusOK {
		t.Fatalf("%v %v", res.Status, res.Err)
	}
	want := map[string]string{
		"tag id":                    "",
		"hex id":                    "",
		"address id":                "",
		"address id lowercase attr": "",
		"permalink":                 "https://guid.test/2026/permalink",
		"permalink said":            "https://guid.test/2026/said",
		"bare permalink":            "",
		"linked":                    "https://guid.test/2026/linked",
	}
	ids := map[string]bool{}
	for _, a := range res.Articles {
		link, ok := want[a.Title]
		if !ok {
			t.Errorf("unexpected article %q", a.Title)
			continue
		}
		delete(want, a.Title)
		if a.Link != link {
			t.Errorf("%q: link %q, want %q", a.Title, a.Link, link)
		}
		if ids[a.ID] {
			t.Errorf("%q: ID %q shared", a.Title, a.ID)
		}
		ids[a.ID] = true
	}
	for title := range want {
		t.Errorf("article %q missing", title)
	}
}
