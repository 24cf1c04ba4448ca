package feed

import (
	"slices"
	"strings"
	"testing"
)

const sectionsTOML = `[[sections]]
key = "a"
feeds = ["https://a.test/feed"]
`

func TestKeysTableParsesWithLines(t *testing.T) {
	text := "site = \"x\"\n" + sectionsTOML + `
[keys]
# comment
next_unread = "space"
"down" = ["j", "ctrl+n"]
quit = 'x'
`
	c, err := ParseConfig("k.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []KeyBinding{
		{Action: "next_unread", Keys: []string{"space"}, Line: 8},
		{Action: "down", Keys: []string{"j", "ctrl+n"}, Line: 9},
		{Action: "quit", Keys: []string{"x"}, Line: 10},
	}
	if len(c.KeyBindings) != len(want) {
		t.Fatalf("bindings %+v", c.KeyBindings)
	}
	for i, w := range want {
		g := c.KeyBindings[i]
		if g.Action != w.Action || g.Line != w.Line || !slices.Equal(g.Keys, w.Keys) {
			t.Errorf("binding %d: %+v, want %+v", i, g, w)
		}
	}
	if c.Path != "k.toml" {
		t.Errorf("path %q", c.Path)
	}
}

func TestKeysTableErrors(t *testing.T) {
	cases := []struct{ name, keys, want string }{
		{"number value", "down = 5\n", `k.toml:6: keys.down: want a key`},
		{"empty list", "\ndown = []\n", `k.toml:7: keys.down: no keys given`},
		{"unknown key name", "up = \"pageup\"\n", `k.toml:6: keys.up: unknown key "pageup" (did you mean "pgup"?)`},
		{"emacs-style modifier", "up = \"C-p\"\n", `k.toml:6: keys.up: unknown key "C-p" (write modifiers as "ctrl+x")`},
		{"upper-case modifier", "up = \"Ctrl+p\"\n", `k.toml:6: keys.up: key "Ctrl+p": write modifiers in lower case ("ctrl+p")`},
		{"list with a number", "up = [\"k\", 1]\n", `k.toml:6: keys.up: want a key or a list of keys, got 1`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseConfig("k.toml", []byte(sectionsTOML+"\n[keys]\n"+c.keys))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want prefix %q", err, c.want)
			}
		})
	}
}

func TestCheckKeyName(t *testing.T) {
	for _, k := range []string{"n", "N", "?", "*", "é", "enter", "ctrl+d", "alt+shift+x", "f5", "f12", "pgdown", "space", "ctrl+left"} {
		if err := CheckKeyName(k); err != nil {
			t.Errorf("%q: %v", k, err)
		}
	}
	for _, k := range []string{"", "ctrl+", "escape", "f0", "f05", "\x01", "nn", "Enter"} {
		if err := CheckKeyName(k); err == nil {
			t.Errorf("%q accepted", k)
		}
	}
}
