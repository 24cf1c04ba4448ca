package ui

import (
	"context"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

// Run starts the reader and blocks until the user quits or ctx ends (a
// signal: the terminal closed). Unless offline it refreshes in the
// background every feed that is due (by its own hints), the section on
// screen first.
func Run(ctx context.Context, opt Options) error {
	m := New(opt)
	p := tea.NewProgram(m, tea.WithContext(ctx))
	if !opt.Offline {
		go func() { p.Send(startupRefresh{}) }()
	}
	_, err := p.Run()
	if err != nil {
		return err
	}
	if err := syncOnQuit(ctx, opt); err != nil {
		fmt.Fprintln(os.Stderr, "newsreader: sync on quit:", err, "(changes kept for the next sync)")
	}
	return nil
}
