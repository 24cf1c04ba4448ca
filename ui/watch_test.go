package ui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// TestNoticesOtherProcessesWrites: a second Store handle on the same file
// (as another process would have) adds articles; the next watch tick
// reloads the list and counts and the cursor stays on the reader's article.
func TestNoticesOtherProcessesWrites(t *testing.T) {
	st := fixtureStore(t, 30)
	m := testModel(t, st, 120, 40)
	m = press(t, m, "j", "j", "j", "enter")
	sel, ok := m.list.Selected()
	if !ok || m.list.total != 30 {
		t.Fatalf("setup: total %d", m.list.total)
	}
	before := m.counts["markets"]

	other, err := cache.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var arts []feed.Article
	for i := range 25 {
		p := testNow.Add(time.Duration(i+1) * time.Minute) // newer than everything: lands above the cursor
		arts = append(arts, feed.Article{ID: fmt.Sprintf("new-%d", i), Link: fmt.Sprintf("https://t.test/new/%d", i),
			Title: fmt.Sprintf("Fresh story %d", i), Source: "Other", Published: p, Updated: p, Content: "<p>x</p>"})
	}
	// Nothing changed yet: a tick reloads nothing.
	m = send(t, m, watchTickMsg{})
	if m.list.total != 30 {
		t.Fatalf("total %d before the write", m.list.total)
	}
	if err := other.Save(context.Background(), feed.Result{URL: "https://t.test/other.rss", Status: feed.StatusOK, Title: "Other", Articles: arts},
		cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, watchTickMsg{})
	if m.list.total != 55 {
		t.Errorf("list total %d after another process added 25, want 55", m.list.total)
	}
	if m.counts["markets"] != before+25 {
		t.Errorf("unread count %d, want %d", m.counts["markets"], before+25)
	}
	now, ok := m.list.Selected()
	if !ok || now.ID != sel.ID {
		t.Errorf("cursor moved off the reader's article: %v -> %v", sel.Title, now.Title)
	}
	if m.list.cursor != 3+25 {
		t.Errorf("cursor row %d, want %d (25 newer rows above)", m.list.cursor, 3+25)
	}
	if !m.article.has || m.article.art.ID != sel.ID {
		t.Errorf("article pane no longer shows the reader's article")
	}
	// Another state change by the other handle: marking read shows up too.
	if err := other.SetRead(context.Background(), sel.ID, false); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, watchTickMsg{})
	if now, _ := m.list.Selected(); now.Read {
		t.Errorf("the other handle's mark-unread did not show")
	}
}
