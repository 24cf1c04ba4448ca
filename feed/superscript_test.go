package feed

import "testing"

// A <sup> flattened to plain text (summaries, --list --json, the index)
// still reads as a superscript: 10⁶ is not 106, km² not km2.
func TestPlainTextKeepsSuperscripts(t *testing.T) {
	for in, want := range map[string]string{
		"<p>Up to 10<sup>6</sup> cells</p>":                     "Up to 10⁶ cells",
		"<p>An area of 3 km<sup> 2 </sup> was flooded.</p>":     "An area of 3 km² was flooded.",
		"<p>The 3<sup>rd</sup> attempt</p>":                     "The 3rd attempt",
		"<p>Euler: e<sup>iπ</sup> = -1; x<sup>a+1</sup></p>":    "Euler: eiπ = -1; x^(a+1)",
		"<p>Energy E = mc<sup>2</sup>&nbsp;and 10<sup>-3</sup>": "Energy E = mc² and 10⁻³",
		"<p>Claim<sup><a href=\"#fn1\">1</a></sup> made</p>":    "Claim1 made",
		"<p>Open 10<sup>9 and the rest":                         "Open 109 and the rest",
		"<p>Entity 2<sup>&#56;</sup></p>":                       "Entity 2⁸",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
	// The tokenizer's path (an unquoted attribute sends the fragment
	// there) gives the same.
	if got, want := PlainText(`<p class=x>Up to 10<sup>6</sup> cells</p>`), "Up to 10⁶ cells"; got != want {
		t.Errorf("tokenizer path: %q, want %q", got, want)
	}
}

// The blocks of a definition list, a rule, a table's caption and a
// details box are blocks of the plain text too: their words do not run
// together ("TermDefinition").
func TestPlainTextSeparatesMoreBlocks(t *testing.T) {
	in := "<dl><dt>Inflation</dt><dd>Prices rose</dd></dl>Before<hr>After<table><caption>Rates</caption><tr><td>4.75%</td></tr></table><details><summary>Method</summary>Survey</details>"
	want := "Inflation\n\nPrices rose\n\nBefore\n\nAfter\n\nRates\n\n4.75%\n\nMethod\n\nSurvey"
	if got := PlainText(in); got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

// An inline quotation keeps its quotation marks and deleted text (a
// correction) is marked, so "<del>$10</del> $8" does not read as both
// prices; an element never closed adds no mark.
func TestPlainTextMarksQuotationsAndDeletions(t *testing.T) {
	for in, want := range map[string]string{
		"<p>She said <q>we will win </q>and left.</p>":                       "She said “we will win” and left.",
		"<p>Tickets cost <del>$10</del> <ins>$8</ins>.</p>":                  "Tickets cost ~~$10~~ $8.",
		"<p>On <S>Tuesday</S> <strike>Monday</strike> Wednesday</p>":         "On ~~Tuesday~~ ~~Monday~~ Wednesday",
		"<p>Never <del>closed and the rest</p>":                              "Never closed and the rest",
		"<p>Unclosed <q>quote</p><p class=x>tokenizer path <del>a</del></p>": "Unclosed quote\n\ntokenizer path ~~a~~",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}
