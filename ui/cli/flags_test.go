package cli

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestCheckModifiers(t *testing.T) {
	for _, c := range []struct {
		set  []string
		want string // "" means no error
	}{
		{[]string{"list", "json", "limit"}, ""},
		{[]string{"feeds", "json"}, ""},
		{[]string{"json"}, "--json does nothing on its own: use it with --list"},
		{[]string{"limit", "feeds"}, "--limit does nothing on its own: use it with --list"},
		{[]string{"limit", "search"}, ""},
		{[]string{"section"}, ""},
		{[]string{"show", "full"}, ""},
		{[]string{"full", "list"}, "--full does nothing on its own: use it with --show"},
		{[]string{"refresh", "force"}, ""},
		{[]string{"force"}, "--force does nothing on its own: use it with --refresh"},
	} {
		set := map[string]bool{}
		for _, s := range c.set {
			set[s] = true
		}
		err := CheckModifiers(set)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%v: unexpected %v", c.set, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%v: got %v, want %q", c.set, err, c.want)
		}
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-28T09:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "arm64"}}}
	if got, want := versionFrom("dev", info), "v1.2.3 (0123456789ab, 2026-11-28T09:00:00Z, modified) go1.26.8 linux/arm64"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := versionFrom("v9.9.9", info); !strings.HasPrefix(got, "v9.9.9 (") {
		t.Errorf("a version set at link time wins: %q", got)
	}
	// Built from a checkout with -buildvcs=false: no revision, no module
	// version. Say it is a development build, with what built it.
	bare := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"}}}
	if got, want := versionFrom("dev", bare), "(devel) go1.26.8 linux/amd64, no revision recorded (built with -buildvcs=false or outside git)"; got != want {
		t.Errorf("no VCS data: got %q, want %q", got, want)
	}
	if got := versionFrom("v2.0.0", bare); got != "v2.0.0 go1.26.8 linux/amd64" {
		t.Errorf("link-time version without VCS data: %q", got)
	}
	// Installed with go install module@version: the module version.
	bare.Main.Version = "v0.4.0"
	if got := versionFrom("dev", bare); got != "v0.4.0 go1.26.8 linux/amd64" {
		t.Errorf("module version: %q", got)
	}
	if got := versionFrom("", nil); !strings.HasPrefix(got, "(devel) go") {
		t.Errorf("no build information at all: %q", got)
	}
}
