package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/ui/termcheck"
)

const goodRSS = `<rss version="2.0"><channel><title>Good</title><item><title>Hello reader</title><link>https://x.test/1</link><guid>g1</guid></item></channel></rss>`

// countingFeed serves goodRSS and counts requests.
func countingFeed(t *testing.T) (string, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, goodRSS)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/feed.xml", &hits
}

// makeReadOnly takes write access away from path, for root too (chattr +i).
func makeReadOnly(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o755) })
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
			t.Skipf("running as root and chattr +i fails (%v: %s): cannot make %s read-only", err, out, path)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
	}
}

func TestExplicitMissingConfigExits2(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.toml")
	code, out, errOut := runArgs(t, "--config", missing, "--refresh", "--cache", filepath.Join(t.TempDir(), "c.db"))
	if code != 2 || !strings.Contains(errOut, missing+" does not exist") || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestOfflineNeverTouchesFeedState(t *testing.T) {
	u, hits := countingFeed(t)
	cfg, db := writeConfig(t, u), filepath.Join(t.TempDir(), "c.db")
	if code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: %d %s %s", code, out, errOut)
	}
	code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--offline", "--refresh")
	if code != 2 || !strings.Contains(errOut, "--offline") || out != "" {
		t.Errorf("--offline --refresh: exit %d, %q %q", code, out, errOut)
	}
	code, out, _ = runArgs(t, "--config", cfg, "--cache", db, "--feeds")
	if code != 0 || strings.Contains(out, "offline") || !strings.Contains(out, u) {
		t.Errorf("feed state after --offline: exit %d\n%s", code, out)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests, want the one refresh", hits.Load())
	}
}

func TestInterruptedRefreshExits130(t *testing.T) {
	bin := buildBinary(t)
	release := make(chan struct{})
	// The hung feeds are on a host of their own (127.0.0.2): two feeds of
	// one host take both of its slots (PerHost), and the good one would
	// wait for them when their workers start first.
	hung := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0") // hosts are told apart by name
	if err != nil {
		t.Fatal(err)
	}
	hung.Listener.Close()
	hung.Listener = ln
	hung.Start()
	defer hung.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, goodRSS)
	}))
	defer srv.Close()
	defer close(release)
	cfg := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("[[sections]]\nkey = \"top\"\nfeeds = [%q, %q, %q]\n", srv.URL+"/good", hung.URL+"/hung1", hung.URL+"/hung2")), 0o644)
	cmd := exec.Command(bin, "--config", cfg, "--cache", filepath.Join(t.TempDir(), "c.db"), "--refresh")
	var out, errOut lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "ok ") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err = cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != 130 {
		t.Errorf("exit %d (%v), want 130\nstdout:\n%s\nstderr:\n%s", code, err, out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), "2 not fetched") || !strings.Contains(errOut.String(), "1 of 3") {
		t.Errorf("stderr should say how many were not fetched:\n%s", errOut.String())
	}
}

func TestCorruptOrForeignCacheIsKeptWithRemedy(t *testing.T) {
	cfg := writeConfig(t, "http://127.0.0.1:1/feed.xml")
	garbage := filepath.Join(t.TempDir(), "cache.db")
	content := bytes.Repeat([]byte("this is not a database, it is someone's notes\n"), 200)
	os.WriteFile(garbage, content, 0o644)

	foreign := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES('keep me')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignBytes, _ := os.ReadFile(foreign)

	for _, c := range []struct {
		path string
		want []byte
	}{{garbage, content}, {foreign, foreignBytes}} {
		for _, args := range [][]string{{"--offline", "--list"}, {"--refresh"}} {
			code, _, errOut := runArgs(t, append([]string{"--config", cfg, "--cache", c.path}, args...)...)
			if code != 1 || !strings.Contains(errOut, "move it aside") || !strings.Contains(errOut, c.path) {
				t.Errorf("%s %v: exit %d: %s", filepath.Base(c.path), args, code, errOut)
			}
			if got, _ := os.ReadFile(c.path); !bytes.Equal(got, c.want) {
				t.Errorf("%s was changed", c.path)
			}
		}
	}
}

func TestReadOnlyCacheListsAndRefusesToDownload(t *testing.T) {
	u, hits := countingFeed(t)
	cfg := writeConfig(t, u)
	dir := filepath.Join(t.TempDir(), "cache")
	db := filepath.Join(dir, "cache.db")
	if code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: %d %s %s", code, out, errOut)
	}
	makeReadOnly(t, db, 0o444)
	makeReadOnly(t, dir, 0o555)
	before, _ := os.ReadDir(dir)

	code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--offline", "--list")
	if code != 0 || !strings.Contains(out, "Hello reader") {
		t.Errorf("--offline --list on a read-only cache: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runArgs(t, "--config", cfg, "--cache", db, "--refresh")
	if code != 1 || !strings.Contains(errOut, "cannot be written") || !strings.Contains(errOut, "--offline --list") {
		t.Errorf("--refresh on a read-only cache: exit %d\n%s%s", code, out, errOut)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests: a read-only cache must fail before downloading", hits.Load())
	}
	after, _ := os.ReadDir(dir)
	if len(after) != len(before) {
		t.Errorf("files appeared in the read-only folder: %v -> %v", before, after)
	}
}

func TestReadOnlyCacheFileLeavesNoWalBehind(t *testing.T) {
	u, hits := countingFeed(t)
	cfg := writeConfig(t, u)
	dir := t.TempDir()
	db := filepath.Join(dir, "cache.db")
	if code, _, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: %s", errOut)
	}
	makeReadOnly(t, db, 0o444)
	code, _, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh")
	if code != 1 || !strings.Contains(errOut, "cannot be written") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests: nothing may be downloaded into a read-only cache", hits.Load())
	}
	code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--offline", "--list")
	if code != 0 || !strings.Contains(out, "Hello reader") {
		t.Errorf("--offline --list: exit %d %s %s", code, out, errOut)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			t.Errorf("%s left behind (mode %v)", db+suffix, fi.Mode())
		}
	}
}

// TestVerbsPrintSafelyWhateverTheStoreHolds: the cache holds raw escape
// sequences (written past the sanitiser, as an old or foreign writer
// could); every verb's output is still clean.
func TestVerbsPrintSafelyWhateverTheStoreHolds(t *testing.T) {
	u, _ := countingFeed(t)
	cfg, db := writeConfig(t, u), filepath.Join(t.TempDir(), "c.db")
	if code, _, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("refresh: %s", errOut)
	}
	st, err := cache.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	raw := feed.Result{URL: u, Status: feed.StatusOK, Title: "Feed\x1b]0;pwned\x07", Articles: []feed.Article{{
		ID: "raw-1\x1b[5m", Link: "https://x.test/raw", Source: "Src\x1b]8;;file:///etc/passwd\x07x\x1b]8;;\x07",
		Title: "Raw \x1b[5mblink\x1b[8m \u009b2J\x1b]52;c;ZXZpbA==\x07 title", Author: "A\u202eB",
		Published: now, Updated: now, Summary: "<p>s\x1b[5m</p>", Content: "<p>c\x1b]8;;file:///x\x07</p>"}}}
	if err := st.Save(context.Background(), raw, cache.Membership{Sections: []string{"top"}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, args := range [][]string{{"--offline", "--list"}, {"--offline", "--list", "--json"}, {"--feeds"}, {"--feeds", "--json"}} {
		code, out, errOut := runArgs(t, append([]string{"--config", cfg, "--cache", db}, args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
		if v := termcheck.Violations(out+errOut, termcheck.Frame); len(v) > 0 {
			t.Errorf("%v printed hostile bytes:\n%s", args, strings.Join(v, "\n"))
		}
		if strings.Contains(args[len(args)-1], "list") && !strings.Contains(out, "blink") {
			t.Errorf("%v: the article is missing:\n%s", args, out)
		}
	}
}

// lockedBuffer is a bytes.Buffer that a child process writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestFullDiskFailsBeforeDownloading puts the cache on a small tmpfs (root
// only), fills it, and checks that --refresh stops before any download.
func TestFullDiskFailsBeforeDownloading(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	u, hits := countingFeed(t)
	cfg, db := writeConfig(t, u), filepath.Join(dir, "c.db")
	if code, _, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh"); code != 0 {
		t.Fatalf("first refresh: %s", errOut)
	}
	filler, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for {
		if _, err := filler.Write(block); err != nil {
			break // ENOSPC: the disk is full
		}
	}
	filler.Close()
	code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--refresh")
	if code != 1 || !strings.Contains(errOut, "cannot be written") {
		t.Errorf("refresh on a full disk: exit %d\n%s%s", code, out, errOut)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests: a full cache must fail before downloading", hits.Load())
	}
	os.Remove(filepath.Join(dir, "filler"))
	if code, out, errOut := runArgs(t, "--config", cfg, "--cache", db, "--offline", "--list"); code != 0 || !strings.Contains(out, "Hello reader") {
		t.Errorf("after freeing space the cache reads: exit %d %s %s", code, out, errOut)
	}
}
