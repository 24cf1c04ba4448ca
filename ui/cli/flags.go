package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/charmbracelet/x/term"
)

// Modifiers maps each flag that only changes how a verb works to the verb
// flags it applies to. A modifier given without any of its verbs is an
// error (exit 2) rather than silently ignored. Whoever adds a verb that
// takes a modifier adds the verb here (names without dashes).
var Modifiers = map[string][]string{
	"json":  {"list", "feeds", "sync", "related", "ranking", "recommended", "search"},
	"limit": {"list", "related", "ranking", "recommended", "search"},
	"full":  {"show"},
	"force": {"refresh"},
}

// CheckModifiers reports the first modifier in set (the flags given on the
// command line, without dashes) whose verbs are all absent.
func CheckModifiers(set map[string]bool) error {
	names := make([]string, 0, len(Modifiers))
	for m := range Modifiers {
		names = append(names, m)
	}
	sort.Strings(names)
	for _, m := range names {
		if !set[m] {
			continue
		}
		verbs := Modifiers[m]
		used := false
		for _, v := range verbs {
			used = used || set[v]
		}
		if !used {
			return fmt.Errorf("--%s does nothing on its own: use it with %s", m, orList(verbs))
		}
	}
	return nil
}

// orList is "--a", "--a or --b", "--a, --b or --c".
func orList(verbs []string) string {
	out := make([]string, len(verbs))
	for i, v := range verbs {
		out[i] = "--" + v
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

// Version describes the build: the version set at link time when there
// is one, else the module version (go install module@version), else
// "(devel)"; then the VCS revision and whether the tree had uncommitted
// changes, and the Go version and platform it was built with. A
// development build with no revision stamped (-buildvcs=false) says so.
func Version(linked string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return versionFrom(linked, info)
}

func versionFrom(linked string, info *debug.BuildInfo) string {
	v := linked
	if v == "dev" {
		v = "" // main's default: nothing was set at link time
	}
	if info == nil {
		if v == "" {
			v = "(devel)"
		}
		return v + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	}
	if v == "" {
		v = info.Main.Version
		if v == "" {
			v = "(devel)"
		}
	}
	var rev, when string
	goos, goarch := runtime.GOOS, runtime.GOARCH
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		case "GOOS":
			goos = s.Value
		case "GOARCH":
			goarch = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (" + rev
		if when != "" {
			v += ", " + when
		}
		if modified {
			v += ", modified"
		}
		v += ")"
	}
	goVersion := info.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	v += " " + goVersion + " " + goos + "/" + goarch
	if rev == "" && v[0] == '(' {
		v += ", no revision recorded (built with -buildvcs=false or outside git)"
	}
	return v
}

// EmptyList is what --list says (on stderr) when the section has nothing.
func EmptyList(section string, offline bool) string {
	if offline {
		return "newsreader: the cache has no articles in " + section + " yet; run newsreader --refresh (without --offline) to fetch them, or try --demo"
	}
	return "newsreader: no articles in " + section + " yet; newsreader --refresh fetches them (its output says which feeds failed), or try --demo"
}

// HasTerminal reports whether the reader can talk to a terminal: standard
// input and output are one, or the process has a controlling terminal.
func HasTerminal() bool {
	if term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()) {
		return true
	}
	f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}
