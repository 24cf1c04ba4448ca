// Package extract turns an article's web page into its readable text:
// Readability (codeberg.org/readeck/go-readability, a port of Mozilla's
// Readability.js) finds the body, then a clean-up pass removes the
// furniture Readability keeps inside article elements (ad slots and
// "Advertisement" labels, newsletter prompts, licensing links in photo
// captions, press-contact boxes) and a whitelist keeps only harmless
// markup: no scripts, styles, forms, frames, event handlers or non-http(s)
// links ever come back.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsreader/feed"
)

// MaxPage caps the page fetched for extraction (after decompression).
const MaxPage = 5 << 20

// maxElems bounds Readability's work on pathological pages.
const maxElems = 100_000

// Article is the readable part of a page.
type Article struct {
	Title   string // sanitised, one line
	Byline  string
	HTML    string // cleaned, sanitised body markup
	Words   int
	Elapsed time.Duration // extraction alone, without the fetch
}

// cleanup can be turned off by tests, to measure Readability alone.
var cleanup = true

// ErrNoText is returned when a page has no readable body.
var ErrNoText = errors.New("no readable text on the page")

// Fetch gets link with the Fetcher's hardened client (timeouts, redirect
// limit, http(s) only, per-host limit, MaxPage size cap) and extracts it.
func Fetch(ctx context.Context, f *feed.Fetcher, link string) (Article, error) {
	page, err := f.Get(ctx, link, "text/html, application/xhtml+xml;q=0.9, */*;q=0.5", MaxPage)
	if err != nil && !(errors.Is(err, feed.ErrTooLarge) && page.ContentType != "") {
		return Article{}, err
	}
	// A file over the size cap (most podcast episodes, many PDFs) is
	// named by its label too.
	if kind, ok := webPage(page); !ok {
		return Article{}, fmt.Errorf("%w: the address gives %s (open it in the browser)", ErrNotAPage, kind)
	}
	if err != nil {
		return Article{}, err
	}
	return Extract(page.Body, page.URL)
}

// ErrNotAPage is returned for an article whose address gives a file (a
// PDF, a podcast's audio, an image) rather than a web page: its bytes are
// no text to extract.
var ErrNotAPage = errors.New("not a web page")

// webPage says whether a fetched document is one to extract text from:
// labelled as text or (X)HTML, or unlabelled or labelled as bytes
// (application/octet-stream) and holding text. Otherwise kind names what
// it is, for the message.
func webPage(p feed.Page) (kind string, ok bool) {
	mt, _, err := mime.ParseMediaType(p.ContentType)
	if err != nil {
		mt = ""
	}
	switch {
	case strings.HasPrefix(mt, "text/"), strings.HasSuffix(mt, "+xml"), mt == "application/xml":
		return mt, true
	case mt == "" || mt == "application/octet-stream" || mt == "binary/octet-stream":
		sniffed, _, _ := strings.Cut(http.DetectContentType(p.Body), ";")
		if sniffed == "text/html" || sniffed == "text/xml" || sniffed == "text/plain" {
			// Text, HTML or not (a page opening with <meta> or <main>
			// sniffs as plain text): Extract finds its text, or says
			// there is none.
			return sniffed, true
		}
		if sniffed == "application/octet-stream" {
			return "a file", false // unlabelled bytes: say no more than that
		}
		return feed.Line(sniffed), false
	}
	return feed.Line(mt), false
}

// Extract finds the readable body of an HTML page at pageURL.
func Extract(body []byte, pageURL *url.URL) (Article, error) {
	start := time.Now()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return Article{}, fmt.Errorf("page does not parse: %w", err)
	}
	preClean(doc)
	dek := standfirst(doc)
	p := readability.NewParser()
	p.MaxElemsToParse = maxElems
	p.CharThresholds = 250
	p.KeepClasses = true // the clean-up below reads them; the whitelist drops them
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return Article{}, fmt.Errorf("extraction: %s", feed.Line(err.Error()))
	}
	if art.Node == nil {
		return Article{}, ErrNoText
	}
	retag(art.Node)
	if cleanup {
		cleanFurniture(art.Node)
	}
	whitelist(art.Node, pageURL)
	if dek != "" && !strings.Contains(strings.Join(strings.Fields(textOf(art.Node)), " "), dek) {
		// Readability drops a standfirst that sits in the article's header.
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		em := &html.Node{Type: html.ElementNode, Data: "em", DataAtom: atom.Em}
		em.AppendChild(&html.Node{Type: html.TextNode, Data: dek})
		p.AppendChild(em)
		art.Node.InsertBefore(p, art.Node.FirstChild)
	}
	var b strings.Builder
	for c := art.Node.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return Article{}, err
		}
	}
	if art.Node.FirstChild == nil {
		html.Render(&b, art.Node)
	}
	out := feed.HTML(strings.TrimSpace(b.String()))
	words := len(strings.Fields(feed.PlainText(out)))
	if words == 0 {
		return Article{}, ErrNoText
	}
	return Article{
		Title:   feed.Line(art.Title()),
		Byline:  feed.Line(art.Byline()),
		HTML:    out,
		Words:   words,
		Elapsed: time.Since(start),
	}, nil
}

// --- clean-up ---

// adWords are class/id words that mark ad slots, promos and share bars
// (matched as whole words of the class, split on spaces, "-" and "_").
var adWords = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true, "advertising": true,
	"adslot": true, "adunit": true, "adsbygoogle": true, "dfp": true, "gpt": true, "sponsor": true,
	"sponsored": true, "promo": true, "promotion": true, "newsletter": true, "signup": true,
	"subscribe": true, "subscription": true, "paywall": true, "outbrain": true, "taboola": true,
	"share": true, "sharing": true, "social": true, "related": true, "recirc": true, "recommended": true,
	"most-read": true, "mostread": true, "popular": true, "trending": true,
}

// camel splits "StandardAd" into "Standard Ad" so its words can match.
var camel = regexp.MustCompile(`([a-z])([A-Z])`)

func classWords(n *html.Node) []string {
	s := attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-component") + " " + attr(n, "data-testid") + " " + attr(n, "aria-label")
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
		s = camel.ReplaceAllString(s, "$1 $2")
	}
	s = strings.ToLower(s)
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n' })
}

func isFurnitureClass(n *html.Node) bool {
	words := classWords(n)
	has := map[string]bool{}
	for _, w := range words {
		if adWords[w] {
			return true
		}
		has[w] = true
	}
	// press-contact / media-contact boxes
	if has["contact"] && (has["press"] || has["media"]) {
		return true
	}
	return false
}

// labelText matches an element that says nothing but "Advertisement".
var labelText = regexp.MustCompile(`(?i)^((advertisements?|advertising|advert|ads?|sponsored( content)?|paid (content|post)|promoted( content)?)( *[-–—:·|] *.{0,40})?|skip (advertisement|ad)|(story|article|content) continues (below|after)( this)? (advertisement|ad)|continue reading( the main story| below)?|scroll to continue( with content)?|(the )?ad continues below)$`)

// promptText matches newsletter and subscription prompts.
var promptText = regexp.MustCompile(`(?i)(sign up (for|to)|subscribe (to|for|now)|our (free |daily |weekly )?newsletter|newsletter sign|in your inbox|delivered to your inbox|get (our|the) .{0,40}newsletter|enter your email|join \d[\d,]* (readers|subscribers))`)

// mayPrompt is a cheap test before promptText: the words every prompt has.
func mayPrompt(text string) bool {
	l := strings.ToLower(text)
	for _, w := range []string{"sign up", "subscri", "newsletter", "inbox", "your email", "join "} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// contactText matches the opening of a press-contact box.
var contactText = regexp.MustCompile(`(?i)^(press|media) (contacts?|enquiries|inquiries)\b|^for (press|media) (enquiries|inquiries)\b|^contact for (press|media)\b`)

// licenseLink matches a caption link to a licence or a photo shop.
var licenseLink = regexp.MustCompile(`(?i)(licen[cs]|creativecommons|\bcc[ -]by|\bcc0\b|public domain|buy (this )?(photo|image|print)|reprints?|syndicat|rights|permissions|image source|purchase)`)

// preClean drops what should never even reach Readability's scoring.
func preClean(doc *html.Node) {
	var drop []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Embed, atom.Form:
			drop = append(drop, n)
			return false
		}
		if n.Data == "amp-ad" || n.Data == "amp-embed" || n.Data == "amp-sticky-ad" || n.Data == "amp-analytics" {
			drop = append(drop, n)
			return false
		}
		return true
	})
	remove(drop)
	// A wrapper whose only content is a figure (a CMS's "image block") is
	// what Readability's conditional cleaning drops, figure and all: the
	// figure takes its wrapper's place.
	var wrappers []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Div && onlyChild(n, atom.Figure) != nil {
			wrappers = append(wrappers, n)
		}
		return true
	})
	for i := len(wrappers) - 1; i >= 0; i-- {
		n := wrappers[i]
		if fig := onlyChild(n, atom.Figure); fig != nil && n.Parent != nil {
			n.RemoveChild(fig)
			n.Parent.InsertBefore(fig, n)
			n.Parent.RemoveChild(n)
		}
	}
}

// onlyChild returns n's one element child when it is an a (ignoring
// whitespace), else nil.
func onlyChild(n *html.Node, a atom.Atom) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.CommentNode:
		case c.Type == html.ElementNode && only == nil:
			only = c
		default:
			return nil
		}
	}
	if only != nil && only.DataAtom == a {
		return only
	}
	return nil
}

// dekWords are class words of an article's standfirst.
var dekWords = map[string]bool{"standfirst": true, "dek": true, "subtitle": true, "subheadline": true, "strapline": true, "kicker": false, "deck": true}

// standfirst finds the article's standfirst (dek, subtitle) before
// Readability runs: the first h2/h3/p/div whose class says so, 40-400
// characters long.
func standfirst(doc *html.Node) string {
	found := ""
	walk(doc, func(n *html.Node) bool {
		if found != "" {
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.H2, atom.H3, atom.P, atom.Div:
		default:
			return true
		}
		for _, w := range classWords(n) {
			if dekWords[w] {
				if t := strings.Join(strings.Fields(textOf(n)), " "); len(t) >= 40 && len(t) <= 400 {
					found = t
					return false
				}
			}
		}
		return true
	})
	return found
}

// retag brings DataAtom in line with Data: Readability renames elements
// (div to p, font to span...) by changing Data alone.
func retag(root *html.Node) {
	walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			n.Data = strings.ToLower(n.Data)
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
		return true
	})
}

// adHref matches links to ad servers and click trackers.
var adHref = regexp.MustCompile(`(?i)(/ads?/|doubleclick|/adclick|adserver|[?&]ad_?id=|/sponsored/)`)

// linkHeavy reports a navigation-like block: several links making up
// most of its text.
func linkHeavy(n *html.Node) bool {
	links, linkText := 0, 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			links++
			linkText += len(strings.TrimSpace(textOf(c)))
			return false
		}
		return true
	})
	total := len(strings.TrimSpace(textOf(n)))
	return links >= 2 && total > 0 && float64(linkText) > 0.6*float64(total)
}

// promptBlock reports a newsletter or subscription prompt: short, saying
// so, and with no block inside it that says something else (a liveblog
// entry that ends with a prompt is not a prompt).
func promptBlock(n *html.Node, text string) bool {
	if !isBlock(n) || len(text) >= 400 || !mayPrompt(text) || !promptText.MatchString(text) {
		return false
	}
	if !(hasInteractive(n) || hasLink(n) || len(text) < 200) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c) {
			ct := strings.Join(strings.Fields(textOf(c)), " ")
			if ct != "" && !(mayPrompt(ct) && promptText.MatchString(ct)) && !labelText.MatchString(ct) {
				return false
			}
		}
	}
	return true
}

// cleanFurniture removes what Readability keeps inside the article.
func cleanFurniture(root *html.Node) {
	var drop []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n == root {
			return true
		}
		// Only short elements can be labels, prompts or contact boxes.
		raw, short := textUpTo(n, 1200)
		text := ""
		if short {
			text = strings.Join(strings.Fields(raw), " ")
		}
		switch {
		case isFurnitureClass(n) && !holdsBody(n):
			drop = append(drop, n)
			return false
		case short && len(text) <= 80 && labelText.MatchString(text):
			drop = append(drop, n)
			return false
		case short && promptBlock(n, text):
			drop = append(drop, n)
			return false
		case (isBlock(n) || n.DataAtom == atom.Td) && linkHeavy(n) && !holdsBody(n):
			drop = append(drop, n)
			return false
		case n.DataAtom == atom.A && adHref.MatchString(attr(n, "href")):
			drop = append(drop, n)
			return false
		case n.DataAtom == atom.Img && strings.HasPrefix(strings.ToLower(attr(n, "alt")), "advert"):
			drop = append(drop, n)
			return false
		case short && isBlock(n) && len(text) < 800 && contactText.MatchString(text):
			drop = append(drop, n)
			return false
		case n.DataAtom == atom.Figcaption || strings.Contains(strings.ToLower(attr(n, "class")), "caption") || strings.Contains(strings.ToLower(attr(n, "class")), "credit"):
			dropCaptionLinks(n)
			return false
		}
		return true
	})
	remove(drop)
	// Headings and list items left empty, and "Advertisement" as bare text.
	var empty []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type == html.TextNode && labelText.MatchString(strings.TrimSpace(n.Data)) && n.Parent != nil && n.Parent != root {
			empty = append(empty, n)
		}
		if n.Type == html.ElementNode && n != root && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Section || n.DataAtom == atom.Aside || n.DataAtom == atom.Li) &&
			strings.TrimSpace(textOf(n)) == "" && !hasTag(n, atom.Img) {
			empty = append(empty, n)
			return false
		}
		return true
	})
	remove(empty)
}

// holdsBody reports whether n contains a lot of prose (a class word like
// "related" on a wrapper around the whole story must not sink it).
func holdsBody(n *html.Node) bool {
	paras, words := 0, 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.P {
			if w := len(strings.Fields(textOf(c))); w > 25 {
				paras++
				words += w
			}
			return false
		}
		return true
	})
	return paras >= 3 && words > 150
}

func dropCaptionLinks(caption *html.Node) {
	var drop []*html.Node
	walk(caption, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if licenseLink.MatchString(textOf(n)) || licenseLink.MatchString(attr(n, "href")) {
				drop = append(drop, n)
			}
			return false
		}
		return true
	})
	for _, n := range drop {
		// a separator left dangling before the link ("Photo: Jane / ")
		if p := n.PrevSibling; p != nil && p.Type == html.TextNode {
			p.Data = strings.TrimRight(strings.TrimRight(p.Data, " \u00a0"), "/|·•–—,;")
		}
		n.Parent.RemoveChild(n)
	}
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Aside, atom.Li, atom.Ul, atom.Blockquote, atom.Footer, atom.Table:
		return true
	}
	return false
}

func hasInteractive(n *html.Node) bool {
	return hasTag(n, atom.Input) || hasTag(n, atom.Button) || hasTag(n, atom.Form)
}

func hasLink(n *html.Node) bool { return hasTag(n, atom.A) }

func hasTag(n *html.Node, a atom.Atom) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = true
		}
		return !found
	})
	return found
}

// --- whitelist ---

// keepTags are the elements the article pane can show; others are
// unwrapped (their text stays) or, for dropTags, removed with their text.
var keepTags = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Code: true,
	atom.Em: true, atom.I: true, atom.Strong: true, atom.B: true, atom.A: true, atom.Img: true,
	atom.Figure: true, atom.Figcaption: true, atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Hr: true, atom.Sub: true, atom.Sup: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Span: true, atom.Q: true, atom.Cite: true, atom.Small: true,
	atom.Time: true, atom.Abbr: true, atom.Mark: true, atom.S: true, atom.U: true, atom.Caption: true,
}

var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Form: true, atom.Input: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Link: true, atom.Meta: true, atom.Base: true, atom.Frame: true, atom.Frameset: true,
	atom.Audio: true, atom.Video: true, atom.Source: true, atom.Track: true, atom.Nav: true,
}

// whitelist keeps only harmless elements and attributes: href on links
// and src/alt on images (absolute http(s) only, resolved against the page).
func whitelist(root *html.Node, base *url.URL) {
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.CommentNode, html.DoctypeNode:
				n.RemoveChild(c)
			case html.ElementNode:
				switch {
				case dropTags[c.DataAtom] || (c.DataAtom == 0 && strings.Contains(c.Data, "-") && strings.HasPrefix(c.Data, "amp-") && c.Data != "amp-img"):
					n.RemoveChild(c)
				case c.Data == "amp-img":
					c.Data, c.DataAtom = "img", atom.Img
					for cc := c.FirstChild; cc != nil; {
						nx := cc.NextSibling
						c.RemoveChild(cc)
						cc = nx
					}
					cleanAttrs(c, base)
				case keepTags[c.DataAtom]:
					cleanAttrs(c, base)
					visit(c)
					if c.DataAtom == atom.Img && attr(c, "src") == "" {
						n.RemoveChild(c)
					}
				default: // unknown element: keep its children in its place
					visit(c)
					for cc := c.FirstChild; cc != nil; {
						nx := cc.NextSibling
						c.RemoveChild(cc)
						n.InsertBefore(cc, c)
						cc = nx
					}
					n.RemoveChild(c)
				}
			}
			c = next
		}
	}
	root.Attr = nil
	visit(root)
	unwrapStrayCells(root, false)
}

// unwrapStrayCells replaces table parts that lost their table (Readability
// may keep one cell of a layout table) by their content.
func unwrapStrayCells(n *html.Node, inTable bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Table:
				unwrapStrayCells(c, true)
			case atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Caption:
				unwrapStrayCells(c, inTable)
				if !inTable {
					for cc := c.FirstChild; cc != nil; {
						nx := cc.NextSibling
						c.RemoveChild(cc)
						n.InsertBefore(cc, c)
						cc = nx
					}
					n.RemoveChild(c)
				}
			default:
				unwrapStrayCells(c, inTable)
			}
		}
		c = next
	}
}

func cleanAttrs(n *html.Node, base *url.URL) {
	var keep []html.Attribute
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		switch {
		case n.DataAtom == atom.A && k == "href", n.DataAtom == atom.Img && k == "src":
			if u := resolve(base, a.Val); u != "" {
				keep = append(keep, html.Attribute{Key: k, Val: u})
			}
		case n.DataAtom == atom.Img && (k == "alt" || k == "title"), (n.DataAtom == atom.Td || n.DataAtom == atom.Th) && (k == "colspan" || k == "rowspan"):
			keep = append(keep, html.Attribute{Key: k, Val: a.Val})
		}
	}
	n.Attr = keep
}

func resolve(base *url.URL, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "#") {
		return ""
	}
	u, err := base.Parse(raw)
	if err != nil {
		return ""
	}
	return feed.Link(u.String())
}

// --- tree helpers ---

func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func remove(nodes []*html.Node) {
	for _, n := range nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// textUpTo is textOf, giving up (ok false) once the text passes limit bytes.
func textUpTo(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	over := false
	walk(n, func(c *html.Node) bool {
		if over {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
			over = b.Len() > limit
		}
		return !over
	})
	return b.String(), !over
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
