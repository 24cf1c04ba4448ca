package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bad [keys] table stops the program before anything else, naming the
// file and line.
func TestKeyConfigErrorsExit2(t *testing.T) {
	cases := []struct{ toml, want string }{
		{"site = \"x\"\n\n[keys]\nnext_unread = \"space\"\nbogus = \"x\"\n", ":5: [keys] unknown action \"bogus\""},
		{"[keys]\nstar = \"j\"\n", ":2: [keys] key \"j\" is bound to both down and star (rebind down too)"},
		{"[keys]\nhelp = \"F1\"\n", ":2: keys.help: unknown key \"F1\""},
	}
	for _, c := range cases {
		p := filepath.Join(t.TempDir(), "config.toml")
		os.WriteFile(p, []byte(c.toml), 0o644)
		code, _, errOut := runArgs(t, "--config", p, "--list", "--cache", filepath.Join(t.TempDir(), "c.db"))
		if code != 2 || !strings.Contains(errOut, p+c.want) {
			t.Errorf("%q: exit %d: %s", c.toml, code, errOut)
		}
	}
	// A good table is accepted.
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("[keys]\nnext_unread = \"space\"\npage_down = \"pgdown\"\n"), 0o644)
	if code, _, errOut := runArgs(t, "--config", p, "--list", "--cache", filepath.Join(t.TempDir(), "c.db")); code == 2 {
		t.Errorf("a valid [keys] table: exit 2: %s", errOut)
	}
}
