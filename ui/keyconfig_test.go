package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsreader/feed"
)

func TestDefaultKeysHaveNoConflicts(t *testing.T) {
	if c := keyConflicts(DefaultKeyMap()); len(c) > 0 {
		t.Errorf("default keys bound twice: %v", c)
	}
	for _, a := range []string{"next_unread", "prev_unread", "full_text", "add_feed", "remove_feed", "quit", "mark_all_read"} {
		found := false
		for _, n := range Actions() {
			found = found || n == a
		}
		if !found {
			t.Errorf("action %q missing from %v", a, Actions())
		}
	}
}

func TestKeyConfigErrors(t *testing.T) {
	cases := []struct {
		name string
		toml string
		want string
	}{
		{"unknown action", "[keys]\nnext_unread = \"x\"\nnext_unreed = \"z\"\n", `cfg.toml:6: [keys] unknown action "next_unreed" (actions: `},
		{"digits are fixed", "[keys]\nsection = \"x\"\n", `cfg.toml:5: [keys] action that cannot be rebound "section"`},
		{"conflict with a default", "[keys]\nnext_unread = \"j\"\n", `cfg.toml:5: [keys] key "j" is bound to both down and next_unread (rebind down too)`},
		{"conflict between two entries", "[keys]\nstar = \"x\"\n\ncopy = [\"c\", \"x\"]\n", `cfg.toml:7: [keys] key "x" is bound to both star and copy`},
		{"same action twice in two spellings", "[keys]\nnext_unread = \"x\"\nnext-unread = \"z\"\n", `cfg.toml:6: [keys] action "next_unread" is set twice`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := feed.ParseConfig("cfg.toml", []byte("[[sections]]\nkey = \"a\"\nfeeds = [\"https://a.test/\"]\n"+c.toml))
			if err != nil {
				t.Fatal(err)
			}
			_, err = KeyMapFor(cfg)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v\nwant prefix %q", err, c.want)
			}
		})
	}
}

func TestRebindingWorksAndHelpShowsIt(t *testing.T) {
	cfg, err := feed.ParseConfig("cfg.toml", []byte("[[sections]]\nkey = \"a\"\nfeeds = [\"https://a.test/\"]\n"+
		"[keys]\ndown = [\"ctrl+n\", \"down\"]\nup = \"ctrl+p\"\nhelp = \"f1\"\nquit = \"x\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	km, err := KeyMapFor(cfg)
	if err != nil {
		t.Fatal(err)
	}
	m := testModel(t, fixtureStore(t, 10), 160, 40)
	m.keys = km
	m = send(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyDown})
	if m.list.cursor != 2 {
		t.Errorf("ctrl+n, down: cursor %d, want 2", m.list.cursor)
	}
	m = press(t, m, "j")
	if m.list.cursor != 2 {
		t.Errorf("j is no longer bound but moved the cursor to %d", m.list.cursor)
	}
	m = send(t, m, tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
	if m.list.cursor != 1 {
		t.Errorf("ctrl+p: cursor %d", m.list.cursor)
	}
	footer := m.Render()
	if !strings.Contains(footer, "ctrl+n/↓ down") || !strings.Contains(footer, "f1 help") || !strings.Contains(footer, "x quit") {
		t.Errorf("footer does not show the keys in effect:\n%s", footer)
	}
	m = press(t, m, "?")
	if m.overlay == helpOverlay {
		t.Fatal("? still opens help after help was rebound")
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyF1})
	if m.overlay != helpOverlay {
		t.Fatal("f1 did not open help")
	}
	scr := m.Render()
	for _, want := range []string{"ctrl+p", "ctrl+n/↓", "f1", "next unread"} {
		if !strings.Contains(scr, want) {
			t.Errorf("help overlay lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "k/↑") {
		t.Errorf("help overlay still shows the default up key:\n%s", scr)
	}
	// quit = "x" keeps ctrl+c.
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); cmd == nil {
		t.Error("ctrl+c no longer quits")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("ctrl+c no longer quits")
	}
}
