package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/ui/cli"
)

// Someone who starts with no config file has the built-in sample site's
// sections; importing their own OPML, they are told those are still there
// and how to drop them. A built-in section they made their own (a feed of
// theirs in it) is not named, and with none left nothing is said.
func TestImportNamesTheBuiltinSectionsLeft(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opml := filepath.Join(dir, "mine.opml")
	os.WriteFile(opml, []byte(`<opml version="1.0"><head><title>Mine</title></head><body><outline text="Harbour"><outline text="Ledger" xmlUrl="https://ledger.example/rss"/></outline></body></opml>`), 0o644)
	store, err := cache.Open(filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.SeedSubscriptions(ctx, feed.Default().Sections); err != nil {
		t.Fatal(err)
	}
	if err := store.Subscribe(ctx, "science", "", "https://mine.example/science.xml"); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"world", "business"} {
		if err := store.RemoveSection(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := cli.ImportOPML(ctx, store, opml, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "built-in sample sections are still there, ahead of yours (top, markets, technology, health): newsreader --remove-section KEY") {
		t.Errorf("no hint, or the wrong sections:\n%s", out.String())
	}

	// A cache of one's own sections only: no hint.
	other, err := cache.Open(filepath.Join(dir, "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	out.Reset()
	if err := cli.ImportOPML(ctx, other, opml, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "built-in") || !strings.Contains(out.String(), "imported 1 feed from ") || !strings.Contains(out.String(), " into 1 new section (harbour); skipped 0 duplicates") {
		t.Errorf("own sections only:\n%s", out.String())
	}
}

// An OPML file piped in (-) is read from standard input, and the summary
// says so rather than "from -".
func TestImportFromStandardInput(t *testing.T) {
	ctx := context.Background()
	store, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = stdin }()
	go func() {
		w.WriteString(`<opml version="2.0"><body><outline text="Harbour"><outline xmlUrl="https://ledger.example/rss"/><outline xmlUrl="https://pics.example/rss"/></outline></body></opml>`)
		w.Close()
	}()
	var out bytes.Buffer
	if err := cli.ImportOPML(ctx, store, "-", &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "imported 2 feeds from standard input into 1 new section (harbour)") {
		t.Errorf("%s", out.String())
	}
	// A broken file from standard input is named so too, not "-".
	broken, bw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer broken.Close()
	os.Stdin = broken
	go func() {
		bw.WriteString("<opml version=\"2.0\"><body>\n<outline xmlUrl=\"https://ledger.example/rss\">\n</body></opml>")
		bw.Close()
	}()
	if err := cli.ImportOPML(ctx, store, "-", &out); err == nil || !strings.HasPrefix(err.Error(), "standard input: line ") {
		t.Errorf("broken file from standard input: %v", err)
	}
}
