package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is every style the UI draws with, built for one background.
type Styles struct {
	Header, Breadcrumb, Tab, ActiveTab lipgloss.Style
	Pane, FocusedPane                  lipgloss.Style
	PaneTitle, FocusedTitle            lipgloss.Style
	Selected, Unread, Read, Dim        lipgloss.Style
	ArticleTitle, Meta                 lipgloss.Style
	Heading, Bold, Italic, Link, Quote lipgloss.Style
	Status, Error, Help                lipgloss.Style
}

// NewStyles builds the styles for a dark or light background; with
// noColor nothing is coloured and focus shows by border weight and markers.
func NewStyles(isDark, noColor bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	accent, muted, text := c("#5A3FC0", "#B4A7FF"), c("#6B6B6B", "#8A8A8A"), c("#1A1A1A", "#E6E6E6")
	warn := c("#B00020", "#FF6B6B")
	var s Styles
	base := lipgloss.NewStyle()
	s.Pane = base.Border(lipgloss.RoundedBorder())
	s.FocusedPane = base.Border(lipgloss.ThickBorder())
	s.PaneTitle = base
	s.FocusedTitle = base.Bold(true)
	s.Selected = base.Reverse(true)
	s.Unread = base.Bold(true)
	s.Read = base
	s.Dim = base
	s.Header = base.Bold(true)
	s.Breadcrumb = base.Bold(true)
	s.Tab = base
	s.ActiveTab = base.Reverse(true).Bold(true)
	s.ArticleTitle = base.Bold(true)
	s.Meta = base
	s.Heading = base.Bold(true).Underline(true)
	s.Bold = base.Bold(true)
	s.Italic = base.Italic(true)
	s.Link = base.Underline(true)
	s.Quote = base.Italic(true)
	s.Status = base
	s.Error = base.Bold(true)
	s.Help = base
	if noColor {
		return s
	}
	s.Pane = s.Pane.BorderForeground(muted)
	s.FocusedPane = s.FocusedPane.BorderForeground(accent)
	s.PaneTitle = s.PaneTitle.Foreground(muted)
	s.FocusedTitle = s.FocusedTitle.Foreground(accent)
	s.Selected = base.Background(accent).Foreground(c("#FFFFFF", "#1A1A1A"))
	s.Unread = s.Unread.Foreground(text)
	s.Read = s.Read.Foreground(muted)
	s.Dim = s.Dim.Foreground(muted)
	s.Breadcrumb = s.Breadcrumb.Foreground(accent)
	s.ActiveTab = base.Bold(true).Background(accent).Foreground(c("#FFFFFF", "#1A1A1A"))
	s.Tab = s.Tab.Foreground(muted)
	s.Meta = s.Meta.Foreground(muted)
	s.Heading = s.Heading.Foreground(accent)
	s.Link = s.Link.Foreground(accent)
	s.Quote = s.Quote.Foreground(muted)
	s.Status = s.Status.Foreground(muted)
	s.Error = s.Error.Foreground(warn)
	s.Help = s.Help.Foreground(muted)
	return s
}
