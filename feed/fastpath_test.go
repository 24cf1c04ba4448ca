package feed

import "testing"

// The fast paths must agree with the sanitisers on every input: on clean
// text they return it as is, on anything else they defer.
func TestFastPathsAgreeWithSanitisers(t *testing.T) {
	inputs := []string{"", "plain", "Plain title with words", " lead", "trail ", "two  spaces", "tab\there",
		"new\nline", "caf\u00e9 \u00fcber", "\x1b[31mred", "a\u009bb", "&amp; more", "&#x1b;[5m", "&#&#1;x1b;[5m",
		"&lrm;x", "x\u202ey", "bad\xffutf8", "nbsp\u00a0here", "\u2028sep", "cr\rlf", "<p>para</p>", "<p>a &#8217; b</p>",
		"\u00a0lead", "end\u3000", "del\x7f"}
	for _, s := range inputs {
		if got, want := plainHTML(s), HTML(s); got != want {
			t.Errorf("plainHTML(%q) = %q, HTML gives %q", s, got, want)
		}
		if got, want := plainLine(s), Line(s); got != want {
			t.Errorf("plainLine(%q) = %q, Line gives %q", s, got, want)
		}
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{"plain", "a  b", "&#&#1;x1b;[5m", "x\u202ey", "\x1b]8;;file:///\x07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainHTML(s), HTML(s); got != want {
			t.Errorf("plainHTML(%q) = %q, HTML gives %q", s, got, want)
		}
		if got, want := plainLine(s), Line(s); got != want {
			t.Errorf("plainLine(%q) = %q, Line gives %q", s, got, want)
		}
	})
}
