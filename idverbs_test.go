package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Every verb that takes an article ID answers an ID the cache does not
// hold the same way (issue 7): exit 2, nothing on stdout, a message on
// stderr naming the ID. Run through the real binary.
func TestUnknownIDExitsTwoForEveryVerb(t *testing.T) {
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "cache.db")
	out, err := exec.Command(bin, "--demo", "--cache", db, "--list", "--json", "--limit", "1").Output()
	var known struct{ ID string }
	if err != nil || json.Unmarshal(out, &known) != nil || known.ID == "" {
		t.Fatalf("filling the cache: %v %s", err, out)
	}
	const unknown = "no-such-article-4711"
	for _, args := range [][]string{
		{"--show", unknown},
		{"--show", unknown, "--full"},
		{"--show", "999999"},
		{"--related", unknown},
		{"--related", unknown, "--json"},
		{"--mark-read", unknown},
		{"--mark-unread", unknown},
		{"--star", unknown},
		{"--unstar", unknown},
		{"--mark-read", known.ID, "--star", unknown},
	} {
		cmd := exec.Command(bin, append([]string{"--demo", "--cache", db, "--offline"}, args...)...)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		code := 0
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		want := args[1]
		if args[len(args)-1] == unknown {
			want = unknown
		}
		if code != 2 || stdout.Len() != 0 || !strings.Contains(stderr.String(), "no article") || !strings.Contains(stderr.String(), want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and a message naming %s", args, code, stdout.String(), stderr.String(), want)
		}
	}
	// A known ID still works, and the failed --mark-read above changed nothing.
	out, err = exec.Command(bin, "--demo", "--cache", db, "--offline", "--show", known.ID).Output()
	if err != nil || len(out) == 0 {
		t.Errorf("--show %s: %v %s", known.ID, err, out)
	}
	out, _ = exec.Command(bin, "--demo", "--cache", db, "--offline", "--list", "--json", "--limit", "1").Output()
	var after struct{ Read bool }
	if json.Unmarshal(out, &after) != nil || after.Read {
		t.Errorf("a verb with an unknown ID changed the reading state: %s", out)
	}
}

// --version of a binary built with -buildvcs=false (no revision stamped)
// says it is a development build and what built it, not a bare "dev".
func TestVersionWithoutVCSStamp(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "newsreader")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	got := strings.TrimSpace(string(out))
	if err != nil || !strings.HasPrefix(got, "newsreader (devel) go1.") || !strings.Contains(got, runtime.GOOS+"/"+runtime.GOARCH) || !strings.Contains(got, "-buildvcs=false") {
		t.Errorf("--version: %v %q", err, got)
	}
}
