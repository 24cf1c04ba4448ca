package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the reader, in one place.
type KeyMap struct {
	NextPane, PrevPane, Left, Right     key.Binding
	Up, Down, Top, Bottom               key.Binding
	HalfDown, HalfUp, PageDown, PageUp  key.Binding
	Open, NextTab, PrevTab              key.Binding
	Section, Picker                     key.Binding
	Refresh, RefreshAll                 key.Binding
	ToggleRead, MarkAllRead, Star       key.Binding
	Browser, Copy, Filter, Errors, Side key.Binding
	Back, Help, Quit                    key.Binding
	NextUnread, PrevUnread              key.Binding
	AddFeed, RemoveFeed, Feeds          key.Binding
	FullText                            key.Binding
	Undo                                key.Binding
	Stories, Coverage                   key.Binding
}

// DefaultKeyMap is the reader's key bindings.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		NextPane:    b("tab", "next pane", "tab"),
		PrevPane:    b("shift+tab", "previous pane", "shift+tab"),
		Left:        b("h/←", "pane left", "h", "left"),
		Right:       b("l/→", "pane right", "l", "right"),
		Up:          b("k/↑", "up", "k", "up"),
		Down:        b("j/↓", "down", "j", "down"),
		Top:         b("g", "top", "g", "home"),
		Bottom:      b("G", "bottom", "G", "end"),
		HalfDown:    b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:      b("ctrl+u", "half page up", "ctrl+u"),
		PageDown:    b("pgdn", "page down", "pgdown", "space"),
		PageUp:      b("pgup", "page up", "pgup"),
		Open:        b("enter", "open", "enter"),
		NextTab:     b("]", "next tab", "]"),
		PrevTab:     b("[", "previous tab", "["),
		Section:     b("1-9", "section", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Picker:      b("s", "sections", "s"),
		Refresh:     b("r", "refresh", "r"),
		RefreshAll:  b("R", "refresh all", "R"),
		ToggleRead:  b("m", "read/unread", "m"),
		MarkAllRead: b("M", "mark section read", "M"),
		Star:        b("*", "star", "*"),
		Browser:     b("o", "open in browser", "o"),
		Copy:        b("y", "copy link", "y"),
		Filter:      b("/", "search", "/"),
		Errors:      b("e", "feed errors", "e"),
		Side:        b("\\", "toggle side pane", "\\"),
		Back:        b("esc", "back", "esc"),
		Help:        b("?", "help", "?"),
		Quit:        b("q", "quit", "q", "ctrl+c"),
		NextUnread:  b("n", "next unread", "n"),
		PrevUnread:  b("N", "previous unread", "N"),
		AddFeed:     b("a", "add a feed", "a"),
		RemoveFeed:  b("d", "remove feed (in feeds)", "d"),
		Feeds:       b("F", "feeds", "F"),
		FullText:    b("f", "full text", "f"),
		Undo:        b("u", "undo the last m or M", "u"),
		Stories:     b("v", "one row per story", "v"),
		Coverage:    b("c", "next outlet's version", "c"),
	}
}

// ShortHelp is the footer's help for the focused pane.
func (k KeyMap) ShortHelp(focus Pane) []key.Binding {
	switch focus {
	case ArticlePane:
		return []key.Binding{k.NextPane, k.Down, k.PageDown, k.NextUnread, k.Coverage, k.FullText, k.Browser, k.Copy, k.Star, k.Help, k.Quit}
	case SidePane:
		return []key.Binding{k.NextPane, k.Down, k.Open, k.NextTab, k.Help, k.Quit}
	}
	return []key.Binding{k.NextPane, k.Down, k.Open, k.NextUnread, k.ToggleRead, k.Filter, k.Section, k.Refresh, k.Help, k.Quit}
}

// FullHelp is every binding, grouped, for the ? screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextPane, k.PrevPane, k.Left, k.Right, k.Side, k.Back, k.Help, k.Quit},
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp},
		{k.Open, k.NextUnread, k.PrevUnread, k.NextTab, k.PrevTab, k.Section, k.Picker, k.Filter, k.Stories, k.Coverage},
		{k.Refresh, k.RefreshAll, k.ToggleRead, k.MarkAllRead, k.Undo, k.Star, k.Browser, k.Copy, k.FullText},
		{k.Feeds, k.AddFeed, k.RemoveFeed, k.Errors},
	}
}
