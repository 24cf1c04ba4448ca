package feed

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestPlainTextLeavesOutFurniture(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"paragraphs", "<p>One &amp; two.</p><p>Three.</p>", "One & two.\n\nThree."},
		{"read more link dropped",
			`<p>The council said rents would rise.</p><p><strong>Read more:</strong> <a href="/x">Storm Batters the Coast as Ferries Stop</a></p><p>Tenants objected.</p>`,
			"The council said rents would rise.\n\nTenants objected."},
		{"link inside a sentence kept",
			`<p>The <a href="/r">regulator</a> fined the company 90 million crowns on Thursday.</p>`,
			"The regulator fined the company 90 million crowns on Thursday."},
		{"list of links dropped, text kept",
			`<p>Prices fell.</p><ul><li><a href="/a">Bank holds rates</a></li><li><a href="/b">Crown slides</a></li></ul>`,
			"Prices fell."},
		{"aside nav footer dropped",
			`<nav><a href="/">Home</a> News</nav><p>Body text here.</p><aside><p>Sign up for our newsletter</p></aside><footer>© Paper</footer>`,
			"Body text here."},
		{"nested aside", `<aside><div><aside>x</aside>still aside</div></aside><p>kept</p>`, "kept"},
		{"figure caption kept apart", `<figure><img src="a.jpg"><figcaption>Rescuers in Skarre</figcaption></figure><p>Body.</p>`, "Rescuers in Skarre\n\nBody."},
		{"script and style skipped", `<p>a<script>var x = "<p>b</p>";</script>c</p><style>p{}</style>`, "ac"},
		{"only a link is kept", `<a href="https://example.com/story">Comments</a>`, "Comments"},
		{"only an aside is kept", `<aside>Sponsored</aside>`, "Sponsored"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := PlainText(c.in); got != c.want {
				t.Errorf("PlainText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// PlainText builds each text in a buffer it reuses from call to call
// (textScratch): calls at once on different fragments, long and short,
// each get their own text, the same as when called one at a time.
func TestPlainTextScratchIsNotShared(t *testing.T) {
	frags := make([]string, 64)
	want := make([]string, len(frags))
	for i := range frags {
		frags[i] = fmt.Sprintf("<p>Item %d says %s.</p><ul><li>%d</li></ul>", i, strings.Repeat(fmt.Sprintf("word%d ", i), 1+i*37%300), i)
		want[i] = PlainText(frags[i])
		if !strings.Contains(want[i], fmt.Sprintf("Item %d says word%d", i, i)) {
			t.Fatalf("fragment %d reads %q", i, want[i])
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 400 {
				i := (g*131 + k*7) % len(frags)
				if got := PlainText(frags[i]); got != want[i] {
					t.Errorf("fragment %d read at once with others: %q, alone %q", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
