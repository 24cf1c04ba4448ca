package cli

import (
	"bytes"
	"flag"
	"strings"
	"testing"
)

// --help lists every flag once, as it is typed (--name VALUE), in its
// group; a flag no group names still shows, under Other; descriptions
// wrap within 80 columns; the end says how to start.
func TestUsageListsEveryFlagAsTyped(t *testing.T) {
	fs := flag.NewFlagSet("newsreader", flag.ContinueOnError)
	fs.Bool("demo", false, "use the built-in sample site (no network)")
	fs.String("add", "", "subscribe to a feed, or to the feed a web page announces, in --section (a new key creates the section), fetch it and exit")
	fs.String("related", "", "print the articles related to article `ID`")
	fs.Int("limit", 50, "how many articles")
	fs.String("brand-new", "", "a flag no group knows yet")
	var b bytes.Buffer
	Usage(&b, fs)
	out := b.String()
	for _, want := range []string{"\nReading (no verb: open the reader):\n  --demo   ", "\nFeeds:\n  --add URL  ", "  --related ID  ",
		"  --limit N   ", "(default 50)", "\nOther:\n  --brand-new STRING  ", "? lists the keys"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	fs.VisitAll(func(f *flag.Flag) {
		if n := strings.Count(out, "  --"+f.Name+" ") + strings.Count(out, "  --"+f.Name+"\n"); n != 1 {
			t.Errorf("--%s listed %d times", f.Name, n)
		}
	})
	for _, l := range strings.Split(out, "\n") {
		if len(l) > 80 {
			t.Errorf("line of %d columns: %q", len(l), l)
		}
		if strings.HasPrefix(l, "  -") && !strings.HasPrefix(l, "  --") {
			t.Errorf("single-dash flag line: %q", l)
		}
	}
	// The add flag's long description wraps under its column.
	if !strings.Contains(out, "\n                              section), fetch it and exit\n") {
		t.Errorf("description not wrapped under its column:\n%s", out)
	}
}
