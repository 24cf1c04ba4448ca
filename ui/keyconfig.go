package ui

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"

	"newsreader/feed"
)

// Every key.Binding field of KeyMap is an action the config's [keys]
// table can rebind, named in snake_case: NextUnread is next_unread. A
// binding added to KeyMap is configurable without more code, and the
// help overlay and footer read the same KeyMap, so they show the keys in
// effect.

// fixedActions cannot be rebound: the digits are a range, not one key.
var fixedActions = map[string]bool{"section": true}

// actionName is a KeyMap field's config name: NextUnread -> next_unread.
func actionName(field string) string {
	var b strings.Builder
	for i, r := range field {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bindings lists the configurable actions of k by name, in field order.
func (k *KeyMap) bindings() (names []string, byName map[string]*key.Binding) {
	byName = map[string]*key.Binding{}
	v := reflect.ValueOf(k).Elem()
	bt := reflect.TypeOf(key.Binding{})
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Type != bt {
			continue
		}
		n := actionName(f.Name)
		names = append(names, n)
		byName[n] = v.Field(i).Addr().Interface().(*key.Binding)
	}
	return names, byName
}

// Actions is every action name the [keys] table accepts.
func Actions() []string {
	var k KeyMap
	names, _ := k.bindings()
	return slices.DeleteFunc(names, func(n string) bool { return fixedActions[n] })
}

// keyLabel is how a key is shown in help: arrows as arrows.
func keyLabel(k string) string {
	switch k {
	case "left":
		return "←"
	case "right":
		return "→"
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "pgdown":
		return "pgdn"
	}
	return k
}

// KeyMapFor is the default key map with the config's [keys] applied. An
// unknown action, a malformed key, or a key bound to two actions is an
// error naming the config file and line.
func KeyMapFor(cfg feed.Config) (KeyMap, error) {
	return ApplyKeys(DefaultKeyMap(), cfg.Path, cfg.KeyBindings)
}

// ApplyKeys rebinds the actions named in bs; file labels errors.
func ApplyKeys(k KeyMap, file string, bs []feed.KeyBinding) (KeyMap, error) {
	if file == "" {
		file = "config"
	}
	names, byName := k.bindings()
	lineOf := map[string]int{}
	for _, b := range bs {
		name := strings.ToLower(strings.ReplaceAll(b.Action, "-", "_"))
		target, ok := byName[name]
		if !ok || fixedActions[name] {
			why := "unknown action"
			if fixedActions[name] {
				why = "action that cannot be rebound"
			}
			return k, fmt.Errorf("%s:%d: [keys] %s %q (actions: %s)", file, b.Line, why, b.Action, strings.Join(Actions(), ", "))
		}
		if _, twice := lineOf[name]; twice {
			return k, fmt.Errorf("%s:%d: [keys] action %q is set twice", file, b.Line, name)
		}
		for _, kk := range b.Keys {
			if err := feed.CheckKeyName(kk); err != nil {
				return k, fmt.Errorf("%s:%d: [keys] %s: %w", file, b.Line, name, err)
			}
		}
		lineOf[name] = b.Line
		keys := slices.Clone(b.Keys)
		if name == "quit" && !slices.Contains(keys, "ctrl+c") {
			keys = append(keys, "ctrl+c") // ctrl+c always quits
		}
		labels := make([]string, 0, len(b.Keys))
		for _, kk := range b.Keys {
			labels = append(labels, keyLabel(kk))
		}
		*target = key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(labels, "/"), target.Help().Desc))
	}
	// Conflicts: a key may do one thing only. Report the configured line.
	owner := map[string]string{}
	for _, n := range names {
		for _, kk := range byName[n].Keys() {
			prev, taken := owner[kk]
			if !taken {
				owner[kk] = n
				continue
			}
			a, b := prev, n
			line := max(lineOf[a], lineOf[b])
			if lineOf[a] == 0 || lineOf[b] == 0 {
				line = lineOf[a] + lineOf[b]
			}
			other := a
			if lineOf[a] == line && lineOf[b] != line {
				other = b
			}
			msg := fmt.Sprintf("%s:%d: [keys] key %q is bound to both %s and %s", file, line, kk, a, b)
			if lineOf[other] == 0 {
				msg += fmt.Sprintf(" (rebind %s too)", other)
			}
			return k, fmt.Errorf("%s", msg)
		}
	}
	return k, nil
}

// keyConflicts lists keys bound to more than one action (for tests of the
// defaults).
func keyConflicts(k KeyMap) []string {
	names, byName := k.bindings()
	owner := map[string]string{}
	var out []string
	for _, n := range names {
		for _, kk := range byName[n].Keys() {
			if prev, ok := owner[kk]; ok {
				out = append(out, kk+": "+prev+", "+n)
			}
			owner[kk] = n
		}
	}
	sort.Strings(out)
	return out
}
