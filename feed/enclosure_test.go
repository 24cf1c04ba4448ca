package feed

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A podcast episode's enclosure reaches the text the reader shows, as an
// <audio> (or <video>) the renderer links: its file was nowhere to be
// found before. Images, unsafe addresses and files the text already
// links are not added; the plain text (--json summary, search) is
// unchanged.
func TestEnclosuresReachTheText(t *testing.T) {
	body := []byte(`<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Hour</title><link>https://pod.example/</link>
<item><title>Episode 3</title><guid>e3</guid><description>We talk tides &amp; ships.</description>
 <enclosure url="/audio/e3.mp3?src=rss&amp;x=1" length="123" type="audio/mpeg"/></item>
<item><title>Episode 2 (video)</title><guid>e2</guid><content:encoded><![CDATA[<p>The dredger, filmed.</p>]]></content:encoded>
 <enclosure url="https://cdn.example/e2.mp4" type="video/mp4"/><enclosure url="https://cdn.example/e2.jpg" type="image/jpeg"/></item>
<item><title>Episode 1</title><guid>e1</guid>
 <enclosure url="https://cdn.example/e1.m4a" type="application/octet-stream"/><enclosure url="javascript:alert(1)" type="audio/mpeg"/></item>
<item><title>Linked already</title><guid>e0</guid><description><![CDATA[<p>Listen: <audio src="https://cdn.example/e0.mp3"></audio></p>]]></description>
 <enclosure url="https://cdn.example/e0.mp3" type="audio/mpeg"/></item>
</channel></rss>`)
	base, _ := url.Parse("https://pod.example/feed.xml")
	_, arts, err := Parse(body, base, time.Now())
	if err != nil || len(arts) != 4 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	shown := func(a Article) string {
		if len(a.Content) >= len(a.Summary) {
			return a.Content
		}
		return a.Summary
	}
	for i, want := range []string{
		`<audio src="https://pod.example/audio/e3.mp3?src=rss&amp;x=1"></audio>`,
		`<video src="https://cdn.example/e2.mp4"></video>`,
		`<audio src="https://cdn.example/e1.m4a"></audio>`,
		`<audio src="https://cdn.example/e0.mp3"></audio>`,
	} {
		if got := shown(arts[i]); strings.Count(got, want) != 1 {
			t.Errorf("%s: the text shown holds %d of %s:\n%s", arts[i].Title, strings.Count(got, want), want, got)
		}
	}
	for _, a := range arts {
		all := a.Content + a.Summary
		if strings.Contains(all, "e2.jpg") || strings.Contains(all, "javascript") {
			t.Errorf("%s: an image or unsafe enclosure added: %s", a.Title, all)
		}
	}
	if got := PlainText(arts[0].Summary); got != "We talk tides & ships." {
		t.Errorf("plain text changed: %q", got)
	}
}

// A hostile item listing thousands of audio enclosures adds a few links,
// not thousands (each was compared with all the text added before it:
// 40,000 in a 3 MB feed took ten seconds, and the 20 MB a feed may be
// would take minutes); one listed twice is added once.
func TestEnclosuresOfOneItemAreFew(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Flood</title><guid>f</guid><description>Text.</description>`)
	b.WriteString(`<enclosure url="https://cdn.example/first.mp3" type="audio/mpeg"/><enclosure url="https://cdn.example/first.mp3" type="audio/mpeg"/>`)
	for i := range 5000 {
		b.WriteString(`<enclosure url="https://cdn.example/ep` + strconv.Itoa(i) + `.mp3" type="audio/mpeg"/>`)
	}
	b.WriteString(`</item></channel></rss>`)
	base, _ := url.Parse("https://pod.example/feed.xml")
	_, arts, err := Parse([]byte(b.String()), base, time.Now())
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	text := arts[0].Content + arts[0].Summary
	if n := strings.Count(text, "first.mp3"); n != 1 {
		t.Errorf("the first enclosure, listed twice, is in the text %d times", n)
	}
	if n := strings.Count(text, "<audio"); n < 2 || n > 10 {
		t.Errorf("%d of 5,001 enclosures added to the text", n)
	}
	if strings.Contains(text, "ep4999.mp3") {
		t.Error("the last of 5,000 enclosures was added")
	}
}

// A podcast's episodes cached by a build from before enclosures joined
// the text (normaliser revision 9) are normalised again, not kept as
// they were: their source bytes have not changed, and an item whose hash
// matches is Unchanged, so the episodes already cached never got their
// file.
func TestEnclosuresReachItemsCachedBefore(t *testing.T) {
	body := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Hour</title><link>https://pod.example/</link>
<item><title>Episode 3</title><guid>e3</guid><description>We talk tides.</description><enclosure url="https://cdn.example/e3.mp3" type="audio/mpeg"/></item>
</channel></rss>`)
	base, _ := url.Parse("https://pod.example/feed.xml")
	now := time.Now()
	current := normVersion
	normVersion = normVersionAt(9) // the hashes that build stored
	before, err := ParseWith(body, base, now, ParseOptions{})
	normVersion = current
	if err != nil || len(before.Articles) != 1 || before.Articles[0].Hash == 0 {
		t.Fatalf("%+v %v", before, err)
	}
	a := before.Articles[0]
	p, err := ParseWith(body, base, now, ParseOptions{Known: map[string]KnownItem{a.ID: {Hash: a.Hash, Row: 7}}})
	if err != nil || len(p.Articles) != 1 {
		t.Fatalf("%+v %v", p, err)
	}
	if got := p.Articles[0]; got.Unchanged || !strings.Contains(got.Content+got.Summary, `<audio src="https://cdn.example/e3.mp3">`) {
		t.Errorf("the cached episode is kept as it was (Unchanged %v): %q %q", got.Unchanged, got.Content, got.Summary)
	}
	// Parsed again by this build, it is unchanged.
	again := p.Articles[0]
	if q, _ := ParseWith(body, base, now, ParseOptions{Known: map[string]KnownItem{again.ID: {Hash: again.Hash, Row: 7}}}); len(q.Articles) != 1 || !q.Articles[0].Unchanged {
		t.Errorf("parsed twice by one build, the item is not Unchanged: %+v", q.Articles)
	}
}

// A podcast episode's itunes:duration rides on its <audio> as
// data-duration, written as the reader shows a length (1:02:33, 45:10),
// whether the feed gave hours, minutes and seconds or seconds alone; a
// duration that is no length is left out. The plain text is unchanged.
func TestEpisodeLengthRidesOnItsAudio(t *testing.T) {
	item := func(guid, dur string) string {
		return `<item><title>` + guid + `</title><guid>` + guid + `</guid><description>Notes.</description><itunes:duration>` + dur + `</itunes:duration>` +
			`<enclosure url="https://pod.example/` + guid + `.mp3" length="1" type="audio/mpeg"/></item>`
	}
	body := []byte(`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Pod</title>` +
		item("hms", "01:02:33") + item("secs", "2710") + item("ms", "45:10") + item("junk", "about an hour") + item("bad", "1:75:00") + `</channel></rss>`)
	base, _ := url.Parse("https://pod.example/feed.xml")
	_, arts, err := Parse(body, base, time.Now())
	if err != nil || len(arts) != 5 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	for _, a := range arts {
		want := map[string]string{"hms": ` data-duration="1:02:33"`, "secs": ` data-duration="45:10"`, "ms": ` data-duration="45:10"`}[a.Title]
		all := a.Content + a.Summary
		if want != "" && !strings.Contains(all, want) || want == "" && strings.Contains(all, "data-duration") {
			t.Errorf("%s: %s, want %q", a.Title, all, want)
		}
		if got := PlainText(a.Summary); got != "Notes." {
			t.Errorf("%s: plain text %q", a.Title, got)
		}
	}
}
