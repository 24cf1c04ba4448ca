package feed

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"
	_ "time/tzdata" // the zones below on any machine, zoneinfo installed or not
)

// A zone abbreviation that several zones share is read as the feed's
// language says: AST is Arabia's (+3) in an Arabic or Saudi feed and the
// Atlantic's (-4) otherwise; CST China's (+8) in a Chinese feed (gofeed
// reads it as US Central), BST Bangladesh's (+6) in a Bengali one, IST
// India's, Israel's or Ireland's by language or country, and with no
// language to tell the machine's own when it is in effect then, else UTC.
// A numeric offset before the abbreviation wins.
func TestSharedZoneAbbreviationsByLanguage(t *testing.T) {
	cases := []struct {
		lang, date, want string
	}{
		{"", "Sat, 28 Nov 2026 12:00:00 AST", "2026-11-28T16:00:00Z"},
		{"en-us", "Sat, 28 Nov 2026 12:00:00 AST", "2026-11-28T16:00:00Z"},
		{"ar", "Sat, 28 Nov 2026 12:00:00 AST", "2026-11-28T09:00:00Z"},
		{"ar-SA", "Sat, 28 Nov 2026 12:00:00 AST", "2026-11-28T09:00:00Z"},
		{"en_SA", "Sat, 28 Nov 2026 12:00:00 AST", "2026-11-28T09:00:00Z"},
		{"ar", "Sat, 28 Nov 2026 12:00:00 +0300 AST", "2026-11-28T09:00:00Z"},
		{"ar", "السبت, 28 Nov 2026 12:00 AST", "2026-11-28T09:00:00Z"}, // looseDate's path
		{"zh-CN", "Sat, 28 Nov 2026 12:00:00 CST", "2026-11-28T04:00:00Z"},
		{"en", "Sat, 28 Nov 2026 12:00:00 CST", "2026-11-28T18:00:00Z"},
		{"bn-BD", "Sat, 28 Nov 2026 12:00:00 BST", "2026-11-28T06:00:00Z"},
		{"en-GB", "Sat, 28 Nov 2026 12:00:00 BST", "2026-11-28T11:00:00Z"},
		{"hi", "Sat, 28 Nov 2026 12:00:00 IST", "2026-11-28T06:30:00Z"},
		{"en-IN", "Sat, 28 Nov 2026 12:00:00 IST", "2026-11-28T06:30:00Z"},
		{"he", "Sat, 28 Nov 2026 12:00:00 IST", "2026-11-28T10:00:00Z"},
		{"en-IE", "Sat, 28 Nov 2026 12:00:00 IST", "2026-11-28T11:00:00Z"},
		{"", "Sat, 28 Nov 2026 12:00:00 IST", map[string]string{ // no language: the machine's own IST if in effect then, else UTC (Ireland's is its summer time)
			"Asia/Kolkata": "2026-11-28T06:30:00Z", "Asia/Jerusalem": "2026-11-28T10:00:00Z"}[os.Getenv("TZ")]},
		{"ja", "Sat, 28 Nov 2026 12:00:00 JST", "2026-11-28T03:00:00Z"},
		{"", "Sat, 28 Nov 2026 12:00:00 AEDT", "2026-11-28T01:00:00Z"},
		{"ko", "Sat, 28 Nov 2026 12:00:00 KST", "2026-11-28T03:00:00Z"},
	}
	for _, c := range cases {
		lang := ""
		if c.lang != "" {
			lang = "<language>" + c.lang + "</language>"
		}
		doc := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Zones</title><link>https://zones.test/</link>` + lang +
			`<item><title>x</title><link>https://zones.test/1</link><pubDate>` + c.date + `</pubDate></item></channel></rss>`
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, doc) }))
		res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL})
		srv.Close()
		if res.Status != StatusOK || len(res.Articles) != 1 {
			t.Errorf("%s %q: %v %v", c.lang, c.date, res.Status, res.Err)
			continue
		}
		if c.want == "" {
			c.want = "2026-11-28T12:00:00Z"
		}
		if got := res.Articles[0].Published.UTC().Format(time.RFC3339); got != c.want {
			t.Errorf("language %q, %q: %s, want %s", c.lang, c.date, got, c.want)
		}
	}
}

// In an Atom feed the language is its xml:lang.
func TestSharedZoneAbbreviationInAtomByXMLLang(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>Zones</title><id>urn:z</id><updated>2026-11-28T12:00:00Z</updated>` +
		`<entry><title>x</title><id>urn:z1</id><link href="https://zones.test/1"/><updated>2026-11-28T12:00:00Z</updated><published>Sat, 28 Nov 2026 12:00:00 AST</published></entry></feed>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, doc) }))
	defer srv.Close()
	res := fetchOne(t, NewFetcher(Options{}), Request{URL: srv.URL})
	if res.Status != StatusOK || len(res.Articles) != 1 || res.Articles[0].Published.UTC().Format(time.RFC3339) != "2026-11-28T09:00:00Z" {
		t.Errorf("%v %v %+v", res.Status, res.Err, res.Articles)
	}
}

// A date reads the same whatever zone the machine is in. Go's time.Parse
// gives an abbreviation the host's offset when the host's zone uses it
// (JST on a machine in Tokyo, IST in India, AST in Halifax, AEDT in
// Sydney), and the correction for the abbreviation was applied on top:
// every JST date read in Tokyo came out nine hours early. The zone
// tests run again here in such zones (TZ is read at start, so in a
// process of their own).
func TestZonesReadTheSameOnAnyHost(t *testing.T) {
	if os.Getenv("NEWSREADER_ZONE_HOST") != "" {
		t.Skip("already in a host zone")
	}
	for _, tz := range []string{"Asia/Tokyo", "Asia/Kolkata", "America/Halifax", "Australia/Sydney", "Asia/Jerusalem", "Europe/Dublin", "Asia/Shanghai"} {
		if _, err := time.LoadLocation(tz); err != nil {
			t.Fatalf("no zone data for %s: %v", tz, err)
		}
		cmd := exec.Command(os.Args[0], "-test.run", "^(TestSharedZoneAbbreviationsByLanguage|TestSharedZoneAbbreviationInAtomByXMLLang)$", "-test.count", "1")
		cmd.Env = append(os.Environ(), "TZ="+tz, "NEWSREADER_ZONE_HOST=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("on a machine in %s: %v\n%s", tz, err, out)
		}
	}
}
