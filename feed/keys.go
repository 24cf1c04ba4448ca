package feed

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// KeyBinding is one entry of the config's [keys] table: an action name
// and the keys it is bound to, with the line it was written on so that
// the UI can report a bad action or a conflict as file:line.
type KeyBinding struct {
	Action string
	Keys   []string
	Line   int
}

// validateExtras checks [keys] and fills c.KeyBindings;
// errors carry the file name and line.
func (c *Config) validateExtras(name string, data []byte) error {
	c.Path = name
	if len(c.KeyTable) == 0 {
		return nil
	}
	lines := keyLines(data)
	actions := make([]string, 0, len(c.KeyTable))
	for a := range c.KeyTable {
		actions = append(actions, a)
	}
	sort.Slice(actions, func(i, j int) bool {
		return lines[actions[i]] < lines[actions[j]] || (lines[actions[i]] == lines[actions[j]] && actions[i] < actions[j])
	})
	for _, a := range actions {
		line := lines[a]
		if line == 0 {
			line = lineOf(data, "[keys]", 0)
		}
		var keys []string
		switch v := c.KeyTable[a].(type) {
		case string:
			keys = []string{v}
		case []any:
			for _, k := range v {
				s, ok := k.(string)
				if !ok {
					return fmt.Errorf("%s:%d: keys.%s: want a key or a list of keys, got %v", name, line, a, k)
				}
				keys = append(keys, s)
			}
		default:
			return fmt.Errorf("%s:%d: keys.%s: want a key (\"n\") or a list of keys ([\"j\", \"down\"])", name, line, a)
		}
		if len(keys) == 0 {
			return fmt.Errorf("%s:%d: keys.%s: no keys given", name, line, a)
		}
		for _, k := range keys {
			if err := CheckKeyName(k); err != nil {
				return fmt.Errorf("%s:%d: keys.%s: %w", name, line, a, err)
			}
		}
		c.KeyBindings = append(c.KeyBindings, KeyBinding{Action: a, Keys: keys, Line: line})
	}
	return nil
}

var keyEntry = regexp.MustCompile(`^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=`)

// keyLines maps each action written in the [keys] table (or as keys.x =
// at the top level) to its 1-based line.
func keyLines(data []byte) map[string]int {
	out := map[string]int{}
	table := ""
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			table = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			continue
		}
		if strings.HasPrefix(t, "keys.") && table == "" {
			t = strings.TrimPrefix(t, "keys.")
		} else if table != "keys" {
			continue
		}
		if m := keyEntry.FindStringSubmatch(t); m != nil {
			name := m[1] + m[2] + m[3]
			if _, seen := out[name]; !seen {
				out[name] = i + 1
			}
		}
	}
	return out
}

// namedKeys are the key names Bubble Tea reports (KeyPressMsg.String).
var namedKeys = map[string]bool{
	"enter": true, "tab": true, "esc": true, "space": true, "backspace": true, "delete": true, "insert": true,
	"up": true, "down": true, "left": true, "right": true, "home": true, "end": true, "pgup": true, "pgdown": true,
}

// CheckKeyName reports whether k is a key as Bubble Tea names it: one
// character or a named key ("enter", "pgdown", "f5"), with optional
// ctrl+, alt+ and shift+ modifiers.
func CheckKeyName(k string) error {
	if k == "" {
		return fmt.Errorf("empty key")
	}
	base := k
	for {
		lower := strings.ToLower(base)
		cut := ""
		for _, mod := range []string{"ctrl+", "alt+", "shift+", "super+", "meta+"} {
			if strings.HasPrefix(lower, mod) && len(base) > len(mod) {
				cut = mod
			}
		}
		if cut == "" {
			break
		}
		if cut != strings.ToLower(base[:len(cut)]) || base[:len(cut)] != cut {
			return fmt.Errorf("key %q: write modifiers in lower case (%q)", k, strings.ToLower(base[:len(cut)])+base[len(cut):])
		}
		base = base[len(cut):]
	}
	if len([]rune(base)) == 1 {
		r := []rune(base)[0]
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return fmt.Errorf("key %q is a control character", k)
		}
		return nil
	}
	if namedKeys[base] {
		return nil
	}
	if len(base) >= 2 && base[0] == 'f' {
		var n int
		if _, err := fmt.Sscanf(base[1:], "%d", &n); err == nil && n >= 1 && n <= 63 && fmt.Sprint(n) == base[1:] {
			return nil
		}
	}
	hint := ""
	switch strings.ToLower(base) {
	case "escape":
		hint = ` (did you mean "esc"?)`
	case "return":
		hint = ` (did you mean "enter"?)`
	case "pagedown", "pgdn":
		hint = ` (did you mean "pgdown"?)`
	case "pageup":
		hint = ` (did you mean "pgup"?)`
	case " ":
		hint = ` (did you mean "space"?)`
	}
	if strings.Contains(k, "-") && strings.HasPrefix(strings.ToLower(k), "c") {
		hint = ` (write modifiers as "ctrl+x")`
	}
	return fmt.Errorf("unknown key %q%s", k, hint)
}
