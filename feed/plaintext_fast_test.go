package feed

import (
	"strings"
	"testing"

	"newsreader/feed/sitetext"
)

// plainTextInputs are fragments PlainText must flatten exactly as the
// reference (the tokenizer alone) does: the markup the byte scanner
// handles, everything it hands to the tokenizer, and hostile text.
var plainTextInputs = []string{
	"",
	"plain words only",
	"<p>One &amp; two.</p><p>Three.</p>",
	`<p>The <a href="/r" title='x > y'>regulator</a> fined the company.</p><p><strong>Read more:</strong> <a href="/x">Storm Batters the Coast</a></p>`,
	`<figure><img src="a.jpg" alt="a &quot;b&quot;"/><figcaption>Rescuers</figcaption></figure><p>Body.</p>`,
	"<P CLASS=\"x\">Upper <A HREF=\"/\">case</A> tags</P><BR/><Br >x",
	"<br/><br /><hr/><img src=\"x\" /><p/>text<a b/>link?</a b>",
	"entities: &amp;amp; &lt;b&gt; &#8217; &#x2014; &nbsp;x &notin; &amp &#0; &#x1b;[31m &lrm; &#xD800; &#1114112;",
	"a < b <3 <= c<",
	"<p>a</p  ><p\n\tclass=\"x\"\fid='y'>b</p>",
	"x<!-- comment <p>inside</p> -->y<!---->z<!-->w",
	"a<!DOCTYPE html>b<?xml version=\"1.0\"?>c</>d</ x>e</3>f",
	"<p>unclosed <a href=\"x",
	"<p>unclosed tag <a href=\"x\"",
	"text <b",
	"text </",
	"<p a=b>unquoted</p><p a = \"c\">spaced</p><p a=\"c\"d=\"e\">glued</p><p =\"x\">eq</p><p \"q\">q</p>",
	"<p>a<script>var x = \"<p>b</p>\";</script>c</p><style>p{}</style><SCRIPT src=\"x\"></SCRIPT>d<script/>e</script>f",
	"<title></title>t<textarea>&amp;</textarea>u<xmp><b>x</b></xmp><iframe></iframe><noscript></noscript><plaintext></plaintext>after",
	"<style></style ><script></scripty>x</script>",
	"<aside><div><aside>x</aside>still aside</div></aside><p>kept</p><nav>n</nav><footer>f</footer>",
	"<aside>Sponsored</aside>",
	`<a href="https://example.com/story">Comments</a>`,
	"<ul><li><a href=\"/a\">Bank holds rates</a></li><li><a href=\"/b\">Crown slides</a></li></ul><p>Prices fell.</p>",
	"<table><tr><td>a</td><th>b</th></tr></table>",
	"<pre>  code\n\tindented\n\n\n  lines  </pre>",
	"tabs\tand\u00a0nbsp\u3000ideographic\u2028line\u2029para\u0085nel",
	"controls \x1b[31mred\x1b[0m \x07bell \x00nul \x7fdel \u009b31m c1 \u202eoverride\u202c \ufeffbom",
	"invalid \xff\xfe utf-8 \xc3( <p>\xe2\x82</p> \xed\xa0\x80",
	"crlf\r\nline\rend<p\r>x</p>",
	"<A\r>00</a\r><a\rhref=\"x\">y</a>",
	"<div><div><div><p><a><a><a>deep</div></div>",
	"<p>" + strings.Repeat("<b>", 500) + "nested" + strings.Repeat("</i>", 500),
	"<a>link only</a>",
	"<p>Ünïcode Ärger in Zürich &mdash; Élodie</p><ſcript>x</ſcript><p>ǅ</p>",
	"&amp;lt;p&amp;gt;double&amp;amp;encoded&amp;#x1b;",
	"bare ampersands: AT&amp;T &amp; co &amp;; &amp;# &amp;x &amp;1 &amp;\u00e9 &amp;\n&amp;",
	"AT&T & co &; &# &x &1 &\u00e9 &",
	"<p title=\"a\nb\">multi\nline</p>\n\n\n<p>\n \n para \n</p>",
	"10<sup>6</sup> km<SUP> 2 </SUP> 3<sup>rd</sup> x<sup>a+1</sup> fn<sup><a href=\"#1\">1</a></sup> <sup>1<sup>2</sup>3</sup> <sup/>4 <sup>open",
	"<script><sup>9</sup></script>a<sup>&#56;</sup><sup></sup>b<sup>x<br>y</sup>",
	"<dl><dt>Term</dt><dd>Definition</dd></dl>a<hr>b<main>c</main><details><summary>More</summary>Hidden</details><table><caption>Cap</caption></table>",
	"<q>a" + strings.Repeat(" ", 64) + "</q>b<q>c" + strings.Repeat(" \n", 40) + "</q></del></q>d",
	"She said <q>we <q>will</q> win</q>; <del>$10</del> <ins>$8</ins>, <S>old</S> <strike>x</strike> <q>open <del>cut </ſ></s/>",
}

// PlainText gives the reference's output on every input above, on the
// generated site and news bodies, and on huge ones.
func TestPlainTextMatchesReference(t *testing.T) {
	inputs := append([]string{}, plainTextInputs...)
	for k := range 200 {
		inputs = append(inputs, sitetext.Site(k*13), sitetext.News(k*13))
	}
	inputs = append(inputs, strings.Repeat(sitetext.News(3), 200), strings.Repeat("<p>a &amp; b <a href=\"x\">c</a>", 20000))
	for _, in := range inputs {
		for _, drop := range []bool{true, false} {
			if got, want := plainText(in, drop), plainTextRefDrop(in, drop); got != want {
				t.Fatalf("plainText(%.200q, %v):\n got %.300q\nwant %.300q", in, drop, got, want)
			}
		}
		if got, want := PlainText(in), plainTextRef(in); got != want {
			t.Fatalf("PlainText(%.200q):\n got %.300q\nwant %.300q", in, got, want)
		}
	}
}

// The byte scanner takes the common markup of feed HTML itself (the
// generated bodies and the plain markup above) and gives up on what only
// the tokenizer knows.
func TestPlainTextScanCoversFeedMarkup(t *testing.T) {
	for k := range 50 {
		for _, in := range []string{sitetext.Site(k), sitetext.News(k)} {
			p := plainState{drop: true}
			if !p.scan(in) {
				t.Fatalf("scan gave up on a generated body: %.300q", in)
			}
		}
	}
	for _, c := range []struct {
		in   string
		fast bool
	}{
		{"<p>One &amp; two.</p>", true},
		{"<P CLASS=\"x\">Upper</P><br/>", true},
		{"<script src=\"x\"></script>after", true},
		{"x<!-- c -->y", false},
		{"<p a=b>unquoted</p>", false},
		{"<script>var x;</script>", false},
		{"crlf\r\n", false},
		{"<p>unclosed <a href=\"x", false},
	} {
		p := plainState{drop: true}
		if got := p.scan(c.in); got != c.fast {
			t.Errorf("scan(%q) = %v, want %v", c.in, got, c.fast)
		}
	}
}

// FuzzPlainText: PlainText flattens any fragment exactly as the
// reference does, with and without the furniture (the seed corpus runs
// with go test).
func FuzzPlainText(f *testing.F) {
	for _, in := range plainTextInputs {
		f.Add(in)
	}
	f.Add(sitetext.Site(2))
	f.Add(sitetext.News(5))
	f.Fuzz(func(t *testing.T, in string) {
		for _, drop := range []bool{true, false} {
			if got, want := plainText(in, drop), plainTextRefDrop(in, drop); got != want {
				t.Fatalf("plainText(%q, %v):\n got %q\nwant %q", in, drop, got, want)
			}
		}
	})
}
