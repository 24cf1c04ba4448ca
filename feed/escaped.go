package feed

import (
	"html"
	"strings"
)

// escapedClosers are the escaped end tags that show a text is HTML
// escaped once more than its feed format asks (a CMS escaping its HTML
// and then putting it in CDATA, or escaping it twice): the reader saw
// "<p>This paragraph…</p>" as text.
var escapedClosers = []string{"&lt;/p&gt;", "&lt;/div&gt;", "&lt;/a&gt;", "&lt;/li&gt;", "&lt;/span&gt;",
	"&lt;/strong&gt;", "&lt;/em&gt;", "&lt;/b&gt;", "&lt;/i&gt;", "&lt;/h2&gt;", "&lt;/h3&gt;",
	"&lt;/figure&gt;", "&lt;/blockquote&gt;", "&lt;/td&gt;", "&lt;/P&gt;", "&lt;/DIV&gt;", "&lt;/A&gt;"}

// UnescapeMarkup undoes one layer of escaping of HTML that was escaped
// once too often: a text with no tag at all ('<') whose escaped text
// closes an element. Anything else, a text about HTML ("use the &lt;p&gt;
// element") among them, is returned as it is.
func UnescapeMarkup(s string) string {
	if strings.IndexByte(s, '<') >= 0 || !strings.Contains(s, "&lt;/") {
		return s
	}
	for _, c := range escapedClosers {
		if strings.Contains(s, c) {
			return html.UnescapeString(s)
		}
	}
	return s
}
