package ui

import (
	"strings"
	"testing"
	"time"

	"newsreader/cache"
)

// Footnotes as blog platforms write them: a number linking down the page
// and a way back up. In a terminal neither link leads anywhere, so the
// number reads as a superscript, the way back is left out, and neither is
// numbered among the links (Markdown generators, WordPress's footnotes
// block, Substack's footnote anchors, an Atom feed whose xml:base made
// the anchors absolute to another page).
func TestRenderFootnotesAsSuperscripts(t *testing.T) {
	const base = "https://blog.example/2026/ferries/"
	cases := []struct {
		name, src string
		want      []string
	}{
		{"markdown", `<p>Fares rose twice<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup> this year.</p>` +
			`<div class="footnotes"><hr><ol><li id="fn:1"><p>Once in spring.&nbsp;<a href="#fnref:1" class="footnote-backref">&#8617;&#xfe0e;</a></p></li></ol></div>`,
			[]string{"Fares rose twice¹ this year.", "1. Once in spring."}},
		{"wordpress", `<p>The quay closed<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">2</a></sup>.</p>` +
			`<ol class="wp-block-footnotes"><li id="a1">For repairs. <a href="#a1-link" aria-label="Jump to footnote reference 2">↩︎</a></li></ol>`,
			[]string{"The quay closed².", "1. For repairs."}},
		{"substack", `<p>Rates feel personal<a class="footnote-anchor" id="footnote-anchor-1" href="https://blog.example/2026/ferries/#footnote-1">1</a>.</p>` +
			`<div class="footnote"><a id="footnote-1" href="https://blog.example/2026/ferries/#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>Not advice.</p></div></div>`,
			[]string{"Rates feel personal¹.", "1. Not advice."}},
		{"xml:base elsewhere", `<p>See the note<sup><a href="https://blog.example/#fn1">3</a></sup>.</p><ol><li id="fn1">Noted. <a href="https://blog.example/#fnref1">↩</a></li></ol>`,
			[]string{"See the note³.", "1. Noted."}},
	}
	for _, c := range cases {
		out := Render(c.src, base, 60, plainStyle())
		text := strings.Join(out.lines, "\n")
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: render lacks %q:\n%s", c.name, w, text)
			}
		}
		if len(out.links) != 0 || strings.Contains(text, "Links") || strings.ContainsAny(text, "↩[") {
			t.Errorf("%s: footnote links kept (%q):\n%s", c.name, out.links, text)
		}
	}
	// A link of another page's anchor that is not a note, and a note
	// number that links elsewhere, stay links.
	out := Render(`<p><a href="https://other.example/report#table-2">the table</a> and<sup><a href="https://other.example/refs">1</a></sup></p>`, base, 60, plainStyle())
	if len(out.links) != 2 || !strings.Contains(out.lines[0], "the table[1] and1[2]") {
		t.Errorf("ordinary links changed: %q %q", out.lines, out.links)
	}
}

// The furniture platforms print in every post's feed text is left out:
// Jetpack's share buttons and related posts, WordPress's (Yoast) "The
// post … appeared first on …", Substack's subscription form and buttons,
// Medium's "originally published" line and the rule above it. The post's
// own text, pictures and links stay.
func TestRenderLeavesOutPlatformFurniture(t *testing.T) {
	src := `<p>The bench top is glued from six boards.</p>` +
		`<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-sharing"><h3 class="sd-title">Share this:</h3><ul><li class="share-mastodon"><a href="https://kettle.example/bench/?share=mastodon">Mastodon</a></li><li class="share-email"><a href="https://kettle.example/bench/?share=email">Email</a></li></ul></div></div>` +
		`<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div>` +
		`<div class="subscription-widget-wrap"><div class="subscription-widget"><p class="cta-caption">Thanks for reading Kettle Notes! Subscribe for free to receive new posts.</p><form><input type="email" placeholder="Type your email"><input type="submit" value="Subscribe"></form></div></div>` +
		`<p>Next time: the vice. See <a href="https://kettle.example/vices">vices</a>.</p>` +
		`<p class="button-wrapper"><a class="button primary" href="https://kettle.example/bench/?action=share"><span>Share</span></a></p>` +
		`<p><img src="https://kettle.example/clamps.jpg" alt="Clamps"></p>` +
		`<hr><p><a href="https://kettle.example/bench/">Gluing a bench</a> was originally published in <a href="https://pub.example">Bench Weekly</a> on Medium, where people are continuing the conversation by highlighting and responding to this story.</p>` +
		`<p>The post <a href="https://kettle.example/bench/">Gluing a bench</a> appeared first on <a href="https://kettle.example">Kettle Notes</a>.</p>` +
		`<div class="feedflare"><a href="https://feeds.example/~ff/kettle?a=x"><img src="https://feeds.example/~ff/kettle?d=yIl2AUoC8zA" border="0"></img></a> <a href="https://feeds.example/~ff/kettle?a=y">Email this</a></div>`
	out := Render(src, "https://kettle.example/bench/", 70, plainStyle())
	text := strings.Join(out.lines, "\n")
	for _, w := range []string{"The bench top is glued from six boards.", "Next time: the vice. See vices[1].", "[image: Clamps][2]"} {
		if !strings.Contains(text, w) {
			t.Errorf("render lacks %q:\n%s", w, text)
		}
	}
	for _, bad := range []string{"Share", "Mastodon", "Related", "Subscribe", "Type your email", "originally published", "appeared first", "───", "Email this", "feeds.example"} {
		if strings.Contains(text, bad) {
			t.Errorf("render keeps furniture %q:\n%s", bad, text)
		}
	}
	if want := "https://kettle.example/vices https://kettle.example/clamps.jpg"; strings.Join(out.links, " ") != want {
		t.Errorf("links %q, want %q", out.links, want)
	}
	// The sign-off as WordPress writes it in other languages.
	for _, p := range []string{"Der Beitrag <a href=\"https://k.example/b\">Bank</a> erschien zuerst auf <a href=\"https://k.example\">Werkbank</a>.",
		"L’article <a href=\"https://k.example/b\">Établi</a> est apparu en premier sur <a href=\"https://k.example\">Atelier</a>.",
		"La entrada <a href=\"https://k.example/b\">Banco</a> se publicó primero en <a href=\"https://k.example\">Taller</a>."} {
		if out := Render("<p>Text.</p><p>"+p+"</p>", "", 70, plainStyle()); len(out.lines) != 1 || len(out.links) != 0 {
			t.Errorf("%q kept: %q", p, out.lines)
		}
	}
	// A post about newsletters, in a block whose class says so, is not
	// furniture: a class word alone marks only a short block.
	long := `<div class="newsletter-issue"><p>` + strings.Repeat("This issue covers the harbour's winter timetable in detail. ", 8) + `</p></div>`
	if text := strings.Join(Render(long, "", 70, plainStyle()).lines, " "); !strings.Contains(text, "winter timetable") {
		t.Errorf("a long post in a newsletter-classed block was dropped: %q", text)
	}
	// Nor is a short one, when the block is the whole post.
	short := `<div class="newsletter-body"><p>Ferries run late today.</p></div><p>—</p>`
	if text := strings.Join(Render(short, "", 70, plainStyle()).lines, " "); !strings.Contains(text, "Ferries run late today.") {
		t.Errorf("a short post in a newsletter-classed block was dropped: %q", text)
	}
}

// A link round a picture with no alt text (as Substack wraps every image)
// is an image link, not a bare "[1]"; a link round nothing to show (an
// icon) is left out rather than numbered with no text.
func TestRenderImageOnlyLinks(t *testing.T) {
	src := `<figure><a class="image-link" href="https://ledger.example/big.jpeg"><picture><source srcset="https://ledger.example/s.webp 424w"><img src="https://ledger.example/small.jpeg" alt=""></picture><svg viewBox="0 0 24 24"><polyline points="1 2 3"></polyline></svg></a><figcaption>Photo by the author.</figcaption></figure>` +
		`<p>Follow <a href="https://social.example/@ledger"><svg viewBox="0 0 1 1"></svg></a>us.</p>`
	out := Render(src, "https://ledger.example/p/rates", 60, plainStyle())
	text := strings.Join(out.lines, "\n")
	if !strings.Contains(text, "[image][1]\nPhoto by the author.") {
		t.Errorf("image link not shown as one:\n%s", text)
	}
	if strings.Join(out.links, " ") != "https://ledger.example/big.jpeg" || strings.Contains(text, "[2]") {
		t.Errorf("links %q (an empty link numbered?):\n%s", out.links, text)
	}
}

// Medium opens a post's text with its title as a heading: the article
// pane and --show print the title once. A heading that differs, or the
// title's words later in the text, stay.
func TestArticleBodyDropsRepeatedTitle(t *testing.T) {
	art := cache.Article{Title: "Ten things I learned shipping a CLI", Source: "Pell on Medium", Published: time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC)}
	lines := PlainArticle(art, `<h3>Ten Things I Learned Shipping a CLI</h3><p>First: flags are forever.</p><h3>Ten things I learned shipping a CLI</h3>`, 60, true)
	text := strings.Join(lines, "\n")
	if n := strings.Count(strings.ToLower(text), "ten things i learned"); n != 2 {
		t.Errorf("title printed %d times, want the header's and the later heading's:\n%s", n, text)
	}
	if !strings.Contains(text, "First: flags are forever.") {
		t.Errorf("body lost:\n%s", text)
	}
	other := strings.Join(PlainArticle(art, `<h3>Lessons</h3><p>x</p>`, 60, true), "\n")
	if !strings.Contains(other, "Lessons") {
		t.Errorf("a different heading was dropped:\n%s", other)
	}
}

// French sets a space before : ; ! ? » and after «, which feeds' text
// often gives as a plain space: at no width does a line of the article
// pane (or its title) begin with one of those marks or end with «, and
// the text reads the same once the lines are joined again.
func TestWrapKeepsFrenchPunctuationWithItsWord(t *testing.T) {
	for _, s := range []string{
		"L’hôpital rouvre ses portes après l’incendie : « Un soulagement »",
		"Élodie Garçon, infirmière, raconte : « Nous étions prêts. » Le bâtiment a été rénové ; vraiment ? Oui !",
		"Les marées d'équinoxe : ce qu'il faut savoir ! Et maintenant ?",
	} {
		for w := 14; w <= 70; w++ { // every word with its mark fits
			lines := wrapText(s, w, "", false)
			for i, l := range lines {
				if strings.IndexAny(l, ":;!?") == 0 || strings.HasPrefix(l, "»") || strings.HasSuffix(l, "«") {
					t.Errorf("width %d line %d %q of %q", w, i+1, l, s)
				}
				if strings.Contains(l, "\u00a0") {
					t.Errorf("width %d: a held space left in %q", w, l)
				}
			}
			if joined := strings.Join(lines, " "); joined != s {
				t.Errorf("width %d: joined %q", w, joined)
			}
		}
	}
	// English, with no space before its marks, is left as it is.
	if got, held := holdFrenchSpaces("Why? Because: the tide! (Really?)"); held || got != "Why? Because: the tide! (Really?)" {
		t.Errorf("English held: %q", got)
	}
}

// A podcast episode whose feed gives plain text (an itunes:summary) and
// its audio file: the [audio] link is a paragraph of its own, apart from
// the text, as it is after an HTML description.
func TestLooseTextBeforeAParagraphStandsApart(t *testing.T) {
	out := Render(`About fog, and the foghorn at the point.<p><audio src="https://gull.example/ep41.mp3"></audio></p>`, "https://gull.example/41", 60, plainStyle())
	if got := strings.Join(out.lines, "\n"); !strings.HasPrefix(got, "About fog, and the foghorn at the point.\n\n[audio][1]\n") {
		t.Errorf("got:\n%s", got)
	}
	// Text inside one block with a <div> after it stays close (a div has
	// no margin of its own).
	out = Render(`<div>Caption line<div>Next line</div></div>`, "", 60, plainStyle())
	if got := strings.Join(out.lines, "\n"); got != "Caption line\nNext line" {
		t.Errorf("div: %q", got)
	}
}

// An article cached with its HTML escaped once too often (before the
// parser unescaped such text) renders as paragraphs, not as tags.
func TestRenderTwiceEscapedHTML(t *testing.T) {
	out := Render(`&lt;p&gt;Quay reopens.&lt;/p&gt;&lt;p&gt;See &lt;a href="https://esc.test/x"&gt;the notice&lt;/a&gt;.&lt;/p&gt;`, "", 60, plainStyle())
	if got := strings.Join(out.lines, "\n"); got != "Quay reopens.\n\nSee the notice[1].\n\nLinks\n[1] https://esc.test/x" {
		t.Errorf("got:\n%s", got)
	}
}

// A table too wide for the pane is laid out row by row as "header: value"
// lines; a row of one cell spanning the table (a note, a subheading) is
// that cell's text, not labelled as the first column.
func TestWideTableSpanningRowIsNotLabelled(t *testing.T) {
	src := `<table><tr><th>Team</th><th>Played</th><th>Won</th><th>Drawn</th><th>Lost</th><th>Goals for</th><th>Goals against</th><th>Points</th></tr>` +
		`<tr><td>Port Alder Rovers</td><td>12</td><td>8</td><td>2</td><td>2</td><td>25</td><td>11</td><td>26</td></tr>` +
		`<tr><td colspan="8">Table correct as of Saturday</td></tr></table>`
	text := strings.Join(Render(src, "", 40, plainStyle()).lines, "\n")
	if !strings.Contains(text, "Team: Port Alder Rovers\nPlayed: 12") || !strings.Contains(text, "\n\nTable correct as of Saturday") || strings.Contains(text, "Team: Table") {
		t.Errorf("got:\n%s", text)
	}
}

// Links and pictures inside a table are numbered among the article's
// links as in running text, at any width: a Reddit link post is a table
// whose "[link]" is the thing shared, and a results table links its rows.
func TestRenderTableLinksAreNumbered(t *testing.T) {
	src := `<p>Posted <a href="https://r.test/about">here</a>.</p><table> <tr><td> <a href="https://r.test/c/abc/"> <img src="https://thumbs.r.test/abc.jpg" alt="New ferry" /> </a> </td><td> &#32; submitted by &#32; <a href="https://r.test/user/quay"> /u/quay </a> <br/> <span><a href="https://img.r.test/ferry.jpg">[link]</a></span> &#32; <span><a href="https://r.test/c/abc/">[comments]</a></span> </td></tr></table>`
	want := []string{"https://r.test/about", "https://r.test/c/abc/", "https://r.test/user/quay", "https://img.r.test/ferry.jpg", "https://r.test/c/abc/"}
	for _, w := range []int{100, 40} {
		out := Render(src, "https://r.test/c/abc/", w, plainStyle())
		text := strings.Join(out.lines, "\n")
		if strings.Join(out.links, " ") != strings.Join(want, " ") {
			t.Errorf("width %d: links %q, want %q\n%s", w, out.links, want, text)
		}
		for _, s := range []string{"here[1]", "[image: New ferry][2]", "/u/quay[3]", "[link][4]", "[comments][5]", "[4] https://img.r.test/ferry.jpg"} {
			if !strings.Contains(text, s) {
				t.Errorf("width %d: lacks %q:\n%s", w, s, text)
			}
		}
	}
}

// A feed that gives an item's title again as its description (news
// agencies with no summary do): the article shows the title once, and
// --show then says the feed has no text for it. Text that only begins
// like the title stays.
func TestArticleBodyThatIsTheTitleIsNotRepeated(t *testing.T) {
	art := cache.Article{Title: "Council approves harbour plan", Link: "https://gazette.test/1", Published: time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)}
	bare := PlainArticle(art, "", 60, true)
	for _, body := range []string{"Council approves harbour plan", "<p>Council approves harbour plan.</p>"} {
		if got := PlainArticle(art, body, 60, true); strings.Join(got, "\n") != strings.Join(bare, "\n") {
			t.Errorf("%q: got\n%s", body, strings.Join(got, "\n"))
		}
	}
	got := strings.Join(PlainArticle(art, "<p>Council approves harbour plan after a long debate.</p>", 60, true), "\n")
	if !strings.Contains(got, "after a long debate") {
		t.Errorf("text lost:\n%s", got)
	}
}

// Web addresses written out in plain text (a JSON Feed content_text, a
// video's description, a plain RSS description) are numbered links like
// the text's own, without the punctuation that ends their sentence; an
// address already linked, inside a word, or in code is left alone.
func TestRenderNumbersBareAddresses(t *testing.T) {
	src := `<p>Timetable: https://ferry.test/winter.pdf. Old one (https://ferry.test/autumn) and «https://ferry.test/fr»!</p>` +
		`<p>Linked <a href="https://ferry.test/a">https://ferry.test/a</a>, glued xhttps://ferry.test/no, code <code>https://ferry.test/code</code>, not a link: https://localhost</p>`
	out := Render(src, "", 200, plainStyle())
	text := strings.Join(out.lines, " ")
	for _, w := range []string{"Timetable: https://ferry.test/winter.pdf[1]. Old one (https://ferry.test/autumn[2]) and «https://ferry.test/fr[3]»!",
		"Linked https://ferry.test/a[4], glued xhttps://ferry.test/no, code `https://ferry.test/code`, not a link: https://localhost"} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q:\n%s", w, text)
		}
	}
	want := "https://ferry.test/winter.pdf https://ferry.test/autumn https://ferry.test/fr https://ferry.test/a"
	if got := strings.Join(out.links, " "); got != want {
		t.Errorf("links %q, want %q", got, want)
	}
}

// Old CMSs (and Blogger) separate paragraphs with two line breaks: the
// article shows paragraphs, while one break stays a line break.
func TestRenderTwoBreaksEndAParagraph(t *testing.T) {
	out := Render("First paragraph.<br /><br />Second paragraph.<br>\n<br>\nThird, line one.<br>Third, line two.<p>Para</p><br>After.", "", 60, plainStyle())
	want := "First paragraph.\n\nSecond paragraph.\n\nThird, line one.\nThird, line two.\n\nPara\n\nAfter."
	if got := strings.Join(out.lines, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// An episode's file shows its length beside it when the feed gave one.
func TestRenderEpisodeLength(t *testing.T) {
	out := Render(`<p>Notes.</p><p><audio src="https://pod.example/42.mp3" data-duration="1:02:33"></audio></p><p><audio src="https://pod.example/x.mp3" data-duration="&lt;b&gt;"></audio></p>`, "", 60, plainStyle())
	if got := strings.Join(out.lines, "\n"); !strings.Contains(got, "[audio 1:02:33][1]") || !strings.Contains(got, "\n[audio][2]") {
		t.Errorf("got:\n%s", got)
	}
}
