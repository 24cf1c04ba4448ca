package ui

import (
	tea "charm.land/bubbletea/v2"
)

// Discovery in the reader: the side pane's tabs, stories across outlets
// in the list and the article pane, and search over the whole cache. Every
// query runs in a command with a request ID per tab or list; a result that
// is no longer the latest is dropped.

// loadTab asks for one side-pane tab again: Related for the article the
// side pane relates to, Ranking for the section, Recommended overall.
func (m *Model) loadTab(tab sideTab) tea.Cmd {
	m.sideReq[tab]++
	switch tab {
	case RelatedTab:
		if m.relatedFor == 0 {
			return nil
		}
		return loadSide(m.opt.Store, m.sideReq[tab], tab, m.currentSection().Key, m.relatedFor)
	case RankingTab:
		return loadSide(m.opt.Store, m.sideReq[tab], tab, m.currentSection().Key, 0)
	}
	return loadSide(m.opt.Store, m.sideReq[tab], tab, "", 0)
}
