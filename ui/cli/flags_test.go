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
	info := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-28T09:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionFrom("dev", info), "v1.2.3 (0123456789ab, 2026-11-28T09:00:00Z, modified)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := versionFrom("v9.9.9", info); !strings.HasPrefix(got, "v9.9.9 (") {
		t.Errorf("a version set at link time wins: %q", got)
	}
	if got := versionFrom("dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}); got != "dev" {
		t.Errorf("no VCS data: %q", got)
	}
}
