package cli_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"newsreader/cache"
	"newsreader/cache/sync/synctest"
	"newsreader/ui/cli"
)

// TestExportImportsIntoMiniflux hands our --export-opml to a real
// Miniflux (v2.3.5 on PostgreSQL, the sync tests' harness) and checks it
// ends up with the same feeds in the same categories.
func TestExportImportsIntoMiniflux(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL and Miniflux")
	}
	env, err := synctest.Start()
	if errors.Is(err, synctest.ErrNoPostgres) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()

	ctx := context.Background()
	store, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, f := range []string{"quirks.opml", "feedly.opml", "miniflux.opml"} {
		if err := cli.ImportOPML(ctx, store, filepath.Join("..", "..", "feed", "opml", "testdata", f), io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	var exported bytes.Buffer
	if err := cli.ExportOPML(ctx, store, "Mine", &exported); err != nil {
		t.Fatal(err)
	}
	if err := env.Admin.Import(io.NopCloser(bytes.NewReader(exported.Bytes()))); err != nil {
		t.Fatalf("Miniflux refused the export: %v\n%s", err, exported.String())
	}
	feeds, err := env.Admin.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range feeds {
		got = append(got, f.Category.Title+" | "+f.FeedURL)
	}
	infos, err := store.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Miniflux files a feed in one category: a feed our export lists in
	// two sections (Town Crier, Gadget Weekly) lands in the first.
	var want []string
	seen := map[string]bool{}
	for _, si := range infos {
		for _, u := range si.Feeds {
			if !seen[u] {
				want = append(want, si.Title+" | "+u)
			}
			seen[u] = true
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) < 10 {
		t.Errorf("Miniflux has\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestExportImportsIntoNewsboat runs newsboat's own OPML import (-i) on
// our export when newsboat is installed, and checks its urls file: every
// feed, tagged with its section's title.
func TestExportImportsIntoNewsboat(t *testing.T) {
	bin, err := exec.LookPath("newsboat")
	if err != nil {
		t.Skip("newsboat is not installed")
	}
	ctx := context.Background()
	dir := t.TempDir()
	store, err := cache.Open(filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, f := range []string{"quirks.opml", "feedly.opml"} {
		if err := cli.ImportOPML(ctx, store, filepath.Join("..", "..", "feed", "opml", "testdata", f), io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	var exported bytes.Buffer
	if err := cli.ExportOPML(ctx, store, "Mine", &exported); err != nil {
		t.Fatal(err)
	}
	opmlPath, urls := filepath.Join(dir, "export.opml"), filepath.Join(dir, "urls")
	os.WriteFile(opmlPath, exported.Bytes(), 0o644)
	os.WriteFile(urls, nil, 0o644)
	cmd := exec.Command(bin, "-u", urls, "-c", filepath.Join(dir, "nb.db"), "-C", filepath.Join(dir, "nbconfig"), "-i", opmlPath)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newsboat -i: %v\n%s", err, out)
	}
	data, _ := os.ReadFile(urls)
	got := strings.Split(strings.TrimSpace(string(data)), "\n")
	infos, _ := store.Sections(ctx)
	// newsboat keeps a URL once, with the tag of its first category.
	var want []string
	seen := map[string]bool{}
	for _, si := range infos {
		for _, u := range si.Feeds {
			if !seen[u] {
				want = append(want, u+` "`+si.Title+`"`)
			}
			seen[u] = true
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("newsboat's urls:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
