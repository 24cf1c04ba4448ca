package ui

import (
	tea "charm.land/bubbletea/v2"
)

// Run starts the reader and blocks until the user quits. Unless offline it
// refreshes every section in the background, the one on screen first.
func Run(opt Options) error {
	m := New(opt)
	p := tea.NewProgram(m)
	if !opt.Offline {
		go func() { p.Send(refreshRequest{all: true}) }()
	}
	_, err := p.Run()
	return err
}
