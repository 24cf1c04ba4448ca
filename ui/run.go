package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// Run starts the reader and blocks until the user quits or ctx ends (a
// signal: the terminal closed). Unless offline it refreshes every section
// in the background, the one on screen first.
func Run(ctx context.Context, opt Options) error {
	m := New(opt)
	p := tea.NewProgram(m, tea.WithContext(ctx))
	if !opt.Offline {
		go func() { p.Send(refreshRequest{all: true}) }()
	}
	_, err := p.Run()
	return err
}
