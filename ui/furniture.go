package ui

import (
	"strings"

	"golang.org/x/net/html"
)

// Blog and newsletter platforms print the same furniture inside every
// post's feed text: share buttons (Jetpack's "Share this:" and its list of
// networks, AddToAny, Feedburner's flare), related-post blocks, subscription forms
// ("Thanks for reading …! Subscribe for free"), call-to-action buttons,
// and a closing line naming the post again ("The post … appeared first on
// …", Medium's "… was originally published in …"). None of it is the
// post; the renderer leaves it out.

// furnitureClasses are class names that mark such a block, whole.
var furnitureClasses = map[string]bool{
	"sharedaddy": true, "sd-sharing-enabled": true, "sd-block": true, "jp-relatedposts": true,
	"addtoany_share_save_container": true, "a2a_kit": true, "wp-block-social-links": true,
	"subscription-widget-wrap": true, "subscription-widget": true, "subscribe-widget": true,
	"button-wrapper": true, "share-buttons": true, "social-share": true, "sharing-buttons": true,
	"crp_related": true, "yarpp-related": true, "yarpp": true,
	"feedflare": true, "blogger-post-footer": true,
}

// furnitureWords are words of a class name (split at "-" and "_") that
// mark furniture when the block is short.
var furnitureWords = map[string]bool{
	"share": true, "sharing": true, "subscribe": true, "subscription": true, "newsletter": true,
	"signup": true, "relatedposts": true,
}

// furnitureTags are elements that are never text: forms and their parts.
var furnitureTags = map[string]bool{
	"form": true, "button": true, "input": true, "select": true, "textarea": true, "nav": true,
}

// furniture says whether element n is platform furniture to leave out.
func (r *renderer) furniture(n *html.Node) bool {
	if furnitureTags[n.Data] {
		return true
	}
	class := attr(n, "class")
	if class == "" {
		return false
	}
	words := false
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if furnitureClasses[c] {
			return true
		}
		for _, w := range strings.FieldsFunc(c, func(r rune) bool { return r == '-' || r == '_' }) {
			words = words || furnitureWords[w]
		}
	}
	if !words {
		return false
	}
	// A word alone ("share", "newsletter") marks a short block only, and
	// one that is not most of the post: a wrapper round the whole post (a
	// newsletter's "newsletter-body") is not furniture whatever its class.
	var b strings.Builder
	collectText(n, &b)
	size := len(strings.Join(strings.Fields(b.String()), " "))
	return size < 300 && 2*size < r.textSize()
}

// textSize is the length of the fragment's text, white space collapsed.
func (r *renderer) textSize() int {
	if r.size < 0 {
		var b strings.Builder
		for _, n := range r.nodes {
			collectText(n, &b)
		}
		r.size = len(strings.Join(strings.Fields(b.String()), " "))
	}
	return r.size
}

// signOffs are WordPress's (Yoast's) closing line in the languages
// blogs use most: how it opens, and what it says after the post's title.
var signOffs = [][2]string{
	{"The post ", " appeared first on "},
	{"Der Beitrag ", " erschien zuerst auf "},
	{"L’article ", " est apparu en premier sur "}, {"L'article ", " est apparu en premier sur "},
	{"La entrada ", " se publicó primero en "},
	{"Het bericht ", " verscheen eerst op "},
	{"O post ", " apareceu primeiro em "},
}

// signOff says whether a paragraph's text is a platform's closing line
// naming the post again: WordPress's (Yoast) "The post X appeared first on
// Y." and Medium's "X was originally published in Y on Medium, where
// people are continuing the conversation …".
func signOff(text string) bool {
	if len(text) > 600 {
		return false
	}
	for _, f := range signOffs {
		if strings.HasPrefix(text, f[0]) && strings.Contains(text, f[1]) {
			return true
		}
	}
	return strings.Contains(text, " was originally published in ") && strings.Contains(text, " on Medium")
}
