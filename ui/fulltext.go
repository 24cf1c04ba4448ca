package ui

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
	"newsreader/feed"
)

// Full text: f fetches the page of the article shown, extracts its
// readable text (the cache does it: fetch with the hardened client,
// Readability, clean-up, sanitising, and keeps it), and shows it through
// the same renderer. Once an article has its full text the pane shows it
// whenever the article is opened, online or not; f switches between the
// full text and the feed's own text.

func cachedFullText(st *cache.Store, id int64) (string, bool, error) {
	return st.FullText(context.Background(), id)
}

// fullMsg is the answer to f.
type fullMsg struct {
	req int
	id  int64
	err error
}

func fetchFullText(st *cache.Store, f *feed.Fetcher, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		if f == nil {
			// No fetcher: only what the cache holds.
			_, has, err := st.FullText(ctx, id)
			if err == nil && !has {
				err = feed.ErrOffline
			}
			return fullMsg{req: req, id: id, err: err}
		}
		_, err := st.LoadFullText(ctx, f, id)
		return fullMsg{req: req, id: id, err: err}
	}
}

// toggleFullText is f on the article shown.
func (m *Model) toggleFullText() tea.Cmd {
	if !m.article.has {
		return nil
	}
	id := m.article.art.ID
	if m.article.full {
		m.feedText[id] = true
		return m.reshowArticle()
	}
	delete(m.feedText, id)
	m.fullReq++
	m.fullPending = id
	return fetchFullText(m.opt.Store, m.opt.Fetcher, m.fullReq, id)
}

// reshowArticle lays the article shown out again from the top (its text
// changed between the feed's and the full text).
func (m *Model) reshowArticle() tea.Cmd {
	m.article.bodyW = -1
	m.article.offset = 0
	return m.showArticle(m.article.art.ID)
}

func (m Model) handleFullMsg(msg fullMsg) (tea.Model, tea.Cmd) {
	if msg.req != m.fullReq {
		return m, nil
	}
	m.fullPending = 0
	if msg.err != nil {
		text := msg.err.Error()
		if errors.Is(msg.err, feed.ErrOffline) {
			text = "offline and the full text is not in the cache"
		}
		return m, m.setNote("full text: "+text, true)
	}
	if m.article.has && m.article.art.ID == msg.id {
		return m, m.reshowArticle()
	}
	return m, nil
}

// handleFullTextKey handles f.
func (m Model) handleFullTextKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if m.overlay != noOverlay || !key.Matches(msg, m.keys.FullText) {
		return m, nil, false
	}
	if !m.article.has {
		return m, m.setNote("no article to fetch the full text of", true), true
	}
	return m, m.toggleFullText(), true
}

// fullStatus is the status line while a full text is being fetched.
func (m Model) fullStatus() string {
	if m.fullPending != 0 {
		return "fetching full text…"
	}
	return ""
}
