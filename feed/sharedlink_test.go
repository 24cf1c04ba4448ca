package feed

import (
	"net/url"
	"testing"
	"time"
)

// SharedLink marks a link that does not tell an item from others: one
// other items of the feed give too (with or without guids), or the
// feed's own site page; not the link of an item the feed lists twice.
func TestSharedLink(t *testing.T) {
	base, _ := url.Parse("https://port.test/feed.xml")
	body := `<rss version="2.0"><channel><title>Port</title><link>https://port.test/</link>
<item><title>Episode 2</title><link>https://port.test/show</link><description>Two.</description></item>
<item><title>Episode 1</title><link>https://port.test/show</link><description>One.</description></item>
<item><title>Ferry</title><link>https://port.test/ferry</link><guid isPermaLink="false">ferry</guid><description>Sailings.</description></item>
<item><title>Ferry</title><link>https://port.test/ferry</link><guid isPermaLink="false">ferry</guid><description>Sailings.</description></item>
<item><title>Welcome</title><link>https://port.test/</link><guid isPermaLink="false">welcome</guid><description>Hello.</description></item>
<item><title>Dues</title><link>https://port.test/dues</link><guid isPermaLink="false">dues</guid><description>Fees.</description></item>
</channel></rss>`
	_, arts, err := Parse([]byte(body), base, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Episode 2": true, "Episode 1": true, "Ferry": false, "Welcome": true, "Dues": false}
	got := map[string]bool{}
	for _, a := range arts {
		got[a.Title] = a.SharedLink
	}
	for title, w := range want {
		if g, ok := got[title]; !ok || g != w {
			t.Errorf("%s: listed %v, SharedLink %v, want %v", title, ok, g, w)
		}
	}
}
