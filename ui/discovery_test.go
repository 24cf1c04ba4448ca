package ui

import (
	"context"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/demo"
)

// demoCache fills a real SQLite cache from the demo site through the real
// fetch and save path: every feed, or only those keep accepts.
func demoCache(t *testing.T, keep func(u string) bool) (*cache.Store, *demo.Server, []feed.Section) {
	t.Helper()
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	st, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	secs := srv.Config().Sections
	if keep != nil {
		for i := range secs {
			secs[i].Feeds = slices.DeleteFunc(slices.Clone(secs[i].Feeds), func(u string) bool { return !keep(u) })
			if !keep(secs[i].Ranking) {
				secs[i].Ranking = ""
			}
		}
	}
	if _, err := st.Refresh(context.Background(), feed.NewFetcher(feed.Options{}), secs, nil); err != nil {
		t.Fatal(err)
	}
	return st, srv, srv.Config().Sections
}

func demoModel(t *testing.T, st *cache.Store, secs []feed.Section, section string, w, h int) Model {
	t.Helper()
	i := slices.IndexFunc(secs, func(s feed.Section) bool { return s.Key == section })
	m := New(Options{Site: demo.SiteName, Store: st, Offline: true, MarkOnOpen: true, NoColor: true, Sections: secs, Section: i})
	m = drive(t, m, m.Init())
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// truthOf maps an article to the demo's ground truth by its link's path.
func truthOf(t *testing.T) func(cache.Article) demo.Truth {
	t.Helper()
	ts, err := demo.Truths()
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]demo.Truth{}
	for _, tr := range ts {
		by[tr.Link] = tr
	}
	return func(a cache.Article) demo.Truth {
		u, err := url.Parse(a.Link)
		if err != nil {
			t.Fatalf("link %q: %v", a.Link, err)
		}
		return by[u.Path]
	}
}

// selectWhere moves the list cursor to the first row for which ok holds.
func selectWhere(t *testing.T, m Model, ok func(cache.Article) bool) Model {
	t.Helper()
	for i := range m.list.total {
		a, loaded := m.list.at(i)
		if loaded && ok(a) {
			for m.list.cursor != i {
				m = press(t, m, "j")
			}
			return m
		}
	}
	t.Fatal("no row matches")
	return m
}

func TestSideTabsGiveReasons(t *testing.T) {
	st, _, secs := demoCache(t, nil)
	m := demoModel(t, st, secs, "markets", 160, 45)
	rank := m.side.lists[RankingTab]
	if len(rank) < 5 {
		t.Fatalf("ranking has %d rows", len(rank))
	}
	stories := map[int64]bool{}
	for _, r := range rank {
		if r.Why == "" || stories[r.Story] {
			t.Errorf("ranking row %q: why %q, story seen before %v", r.Title, r.Why, stories[r.Story])
		}
		stories[r.Story] = true
	}
	m = press(t, m, "]")
	scr := m.Render()
	if !strings.Contains(scr, rank[0].Why) || !regexp.MustCompile(`outlets|most read`).MatchString(scr) {
		t.Errorf("ranking rows should say why:\n%s", scr)
	}
	// Recommended: no history yet, so the top stories, labelled.
	m = press(t, m, "]")
	if !m.side.fallback || !strings.Contains(m.Render(), "No history yet: top stories") {
		t.Errorf("recommended without history:\n%s", m.Render())
	}
	// Reading builds history: Recommended follows, with its reasons.
	for range 3 {
		m = press(t, m, "tab", "tab", "j", "enter")
		m = press(t, m, "esc")
	}
	if m.side.fallback || len(m.side.lists[RecommendedTab]) == 0 {
		t.Fatalf("after reading, recommended still falls back (%d rows)", len(m.side.lists[RecommendedTab]))
	}
	if scr := m.Render(); strings.Contains(scr, "No history yet") || !strings.Contains(scr, "because you") && !strings.Contains(scr, "more on") {
		t.Errorf("recommended rows should say why:\n%s", scr)
	}
	// Open from the side pane.
	m = press(t, m, "tab", "tab", "j")
	want, _ := m.side.Selected()
	m = press(t, m, "enter")
	if m.focus != ArticlePane || m.article.art.ID != want.ID {
		t.Errorf("enter in the side pane opened %q, want %q", m.article.art.Title, want.Title)
	}
}

func TestCoverageInListAndArticle(t *testing.T) {
	st, _, secs := demoCache(t, nil)
	m := demoModel(t, st, secs, "markets", 160, 45)
	// A row told by several outlets says how many more.
	m = selectWhere(t, m, func(a cache.Article) bool { return a.StorySize >= 3 })
	a, _ := m.list.Selected()
	if !strings.Contains(m.Render(), a.Source+" · ") || !strings.Contains(m.Render(), "+"+itoa(a.StorySize-1)) {
		t.Errorf("row for %q should show +%d:\n%s", a.Title, a.StorySize-1, m.Render())
	}
	// The article names the other outlets, and c goes round them.
	m = press(t, m, "enter")
	vs, err := st.StoryArticles(context.Background(), a.Story)
	if err != nil {
		t.Fatal(err)
	}
	others := map[string]bool{}
	for _, v := range vs {
		if v.Outlet != a.Outlet {
			others[v.Source] = true
		}
	}
	scr := m.Render()
	for o := range others {
		if !strings.Contains(scr, o) {
			t.Errorf("Also in: lacks %s:\n%s", o, scr)
		}
	}
	if !strings.Contains(scr, "Also in: ") {
		t.Fatalf("no Also in line:\n%s", scr)
	}
	seen := map[string]bool{a.Outlet: true}
	for range len(others) {
		m = press(t, m, "c")
		if m.article.art.Story != a.Story {
			t.Fatalf("c left the story: %q", m.article.art.Title)
		}
		seen[m.article.art.Outlet] = true
	}
	if len(seen) != len(others)+1 {
		t.Errorf("c reached outlets %v, want %d", seen, len(others)+1)
	}
	m = press(t, m, "c")
	if m.article.art.Outlet != a.Outlet {
		t.Errorf("c should come back round to %s, is at %s", a.Outlet, m.article.art.Outlet)
	}

	// The version c opened stays open when the list reloads (the
	// watcher's reload, set off by marking it read, put the list's row
	// back in the real binary).
	m = press(t, m, "c")
	other := m.article.art
	if other.Outlet == a.Outlet {
		t.Fatalf("c stayed at %s", a.Outlet)
	}
	cmd := m.reloadKeeping() // as the watcher and the end of a refresh do
	m = drive(t, m, cmd)
	if m.article.art.ID != other.ID {
		t.Errorf("a reload replaced %s's version (opened with c) by %s's", other.Source, m.article.art.Source)
	}
	m = press(t, m, "c", "c")
	if m.article.art.Outlet != a.Outlet {
		t.Fatalf("c should come back round to %s, is at %s", a.Outlet, m.article.art.Outlet)
	}

	// v: one row per story.
	m = press(t, m, "esc", "v")
	n, err := st.StoryCount(context.Background(), "markets")
	if err != nil {
		t.Fatal(err)
	}
	if m.list.total != n || n == 0 {
		t.Fatalf("one row per story: %d rows, %d stories", m.list.total, n)
	}
	count, _ := st.Count(context.Background(), "markets")
	if n >= count {
		t.Errorf("%d stories of %d articles: the demo's stories should group", n, count)
	}
	rows := map[int64]bool{}
	for _, r := range m.list.pages[0] {
		if rows[r.Story] {
			t.Errorf("story %d listed twice", r.Story)
		}
		rows[r.Story] = true
	}
	if !strings.Contains(m.Render(), "one row per story") {
		t.Error("the header should say the list is by story")
	}
	m = press(t, m, "v")
	if m.list.total != count {
		t.Errorf("v again: %d rows, want %d", m.list.total, count)
	}
}

func TestReactionCountsShown(t *testing.T) {
	st, _, secs := demoCache(t, nil)
	m := demoModel(t, st, secs, "business", 160, 45)
	m = selectWhere(t, m, func(a cache.Article) bool { return a.Comments > 0 && a.Views > 0 })
	a, _ := m.list.Selected()
	scr := m.Render()
	want := count(a.Comments, "comment")
	if strings.Count(scr, want) < 2 { // the row and the article header
		t.Errorf("%q should show in the row and the header:\n%s", want, scr)
	}
	if !strings.Contains(scr, count(a.Views, "view")) {
		t.Errorf("views %d not in the header:\n%s", a.Views, scr)
	}
	for n, w := range map[int]string{1: "1 comment", 12: "12 comments", 4500: "4.5k comments", 52000: "52k comments", 2_100_000: "2.1M comments"} {
		if got := count(n, "comment"); got != w {
			t.Errorf("count(%d) = %q, want %q", n, got, w)
		}
	}
}

// In a narrow list the outlet's name outranks a reaction count: at 80
// columns rows read "Dem… · 13h · +2 · 255 comments".
func TestNarrowRowKeepsTheSource(t *testing.T) {
	st, _, secs := demoCache(t, nil)
	m := demoModel(t, st, secs, "health", 80, 24)
	m = selectWhere(t, m, func(a cache.Article) bool { return a.Comments > 0 && a.StorySize > 1 })
	a, _ := m.list.Selected()
	scr := ansi.Strip(strings.Join(m.list.View(m.styles, true, time.Now(), ""), "\n"))
	want := a.Source + " · "
	if !strings.Contains(scr, want) || !strings.Contains(scr, "+"+itoa(a.StorySize-1)) {
		t.Errorf("row of %q should name %q and its +%d:\n%s", a.Title, a.Source, a.StorySize-1, scr)
	}
	// Wide enough, the count is back.
	m = send(t, m, tea.WindowSizeMsg{Width: 160, Height: 45})
	if scr := ansi.Strip(strings.Join(m.list.View(m.styles, true, time.Now(), ""), "\n")); !strings.Contains(scr, a.Source+" · ") || !strings.Contains(scr, count(a.Comments, "comment")) {
		t.Errorf("wide row of %q lacks its source or count:\n%s", a.Title, scr)
	}
}

func TestSearchWholeCacheAsYouType(t *testing.T) {
	st, _, secs := demoCache(t, nil)
	truth := truthOf(t)
	m := demoModel(t, st, secs, "markets", 160, 45)
	// A word from the health section only: nothing in Markets, found
	// once the search covers every section.
	m = press(t, m, "/")
	for _, r := range "measles" {
		m = press(t, m, string(r))
	}
	if m.list.total != 0 || !strings.Contains(m.Render(), "tab") {
		t.Fatalf("measles in Markets: %d hits\n%s", m.list.total, m.Render())
	}
	m = press(t, m, "tab")
	if m.list.total == 0 {
		t.Fatalf("tab did not widen the search:\n%s", m.Render())
	}
	for _, a := range m.list.pages[0] {
		if tr := truth(a); tr.Topic != "outbreaks" {
			t.Errorf("hit %q is about %q", a.Title, tr.Topic)
		}
	}
	m = press(t, m, "enter")
	if m.filterIn != nil || m.filter != "measles" || !strings.Contains(m.Render(), "search “measles” in all sections") {
		t.Errorf("enter should keep the search:\n%s", m.Render())
	}
	// Each hit: the match underlined in its title, a snippet under it.
	m2 := m
	m2.styles = NewStyles(true, true)
	raw := m2.Render()
	if !regexp.MustCompile(`\x1b\[[0-9;]*4[0-9;]*m(Measles|measles)`).MatchString(raw) {
		t.Errorf("the match is not underlined:\n%q", raw)
	}
	first := m.list.pages[0][0]
	if sn := m.list.search.snippets[first.ID]; sn == "" || !strings.Contains(ansi.Strip(raw), sn[:min(len(sn), 20)]) {
		t.Errorf("no snippet %q under the first hit", sn)
	}
	// esc: back to what was there before the search.
	m = press(t, m, "/", "x", "esc")
	if m.filter != "measles" {
		t.Errorf("esc while typing should restore the search, have %q", m.filter)
	}
	m = press(t, m, "esc")
	all, _ := st.Count(context.Background(), "markets")
	if m.filter != "" || m.list.total != all || m.list.search != nil {
		t.Errorf("esc should clear the search: %q, %d rows", m.filter, m.list.total)
	}
	// Anything typed is a query, never an error.
	m = press(t, m, "/")
	for _, r := range `"(Norvanian AND -rate* : OR )` {
		m = press(t, m, string(r))
		if m.noteErr {
			t.Fatalf("typing %q gave an error: %s", m.filter, m.note)
		}
	}
	if m.list.total == 0 {
		t.Errorf("%q found nothing", m.filter)
	}
}

// TestRelatedFollowsNewArticles: at start-up only one outlet has arrived;
// when the others land, Related and Also in: show their versions without
// the reader moving.
func TestRelatedFollowsNewArticles(t *testing.T) {
	herald := func(u string) bool { return strings.Contains(u, "-herald.xml") }
	st, srv, secs := demoCache(t, herald)
	m := demoModel(t, st, secs, "markets", 160, 45)
	truth := truthOf(t)
	ts, _ := demo.Truths()
	outlets := map[string]map[string]bool{}
	for _, tr := range ts {
		if outlets[tr.Story] == nil {
			outlets[tr.Story] = map[string]bool{}
		}
		outlets[tr.Story][tr.Outlet] = true
	}
	m = selectWhere(t, m, func(a cache.Article) bool { return len(outlets[truth(a).Story]) == 3 })
	a, _ := m.list.Selected()
	m = press(t, m, "enter") // reading it: refreshes keep it
	if strings.Contains(m.Render(), "Also in") {
		t.Fatalf("only the herald is cached, yet:\n%s", m.Render())
	}
	// The wire and the courier arrive, as in a refresh.
	f := feed.NewFetcher(feed.Options{})
	for _, o := range []string{"wire", "courier"} {
		u := srv.URL + "/feeds/markets-" + o + ".xml"
		r := f.Fetch(context.Background(), feed.Request{URL: u})
		if err := st.Save(context.Background(), r, cache.Membership{Sections: []string{"markets"}}); err != nil {
			t.Fatal(err)
		}
		done := make(chan refreshEvent)
		close(done)
		m = send(t, m, progressMsg{res: r, next: done})
	}
	if m.article.art.ID != a.ID {
		t.Fatalf("the article changed under the reader: %q", m.article.art.Title)
	}
	// Arrivals are gathered: one tick asks again for all of them.
	if !m.relatedPending {
		t.Fatal("new articles did not schedule Related to be asked again")
	}
	m = send(t, m, relatedTickMsg{})
	var other []cache.Scored
	for _, r := range m.side.lists[RelatedTab] {
		if r.Story == a.Story && r.Outlet != a.Outlet {
			other = append(other, r)
		}
	}
	if len(other) < 2 {
		t.Errorf("related did not pick up the other outlets: %+v", m.side.lists[RelatedTab])
	}
	if scr := m.Render(); !strings.Contains(scr, "Also in: ") || !strings.Contains(scr, "Demo Wire") || !strings.Contains(scr, "Demo Courier") {
		t.Errorf("Also in: should name the newly arrived outlets:\n%s", scr)
	}
}

// In one row per story, a refresh that brings newer versions keeps the
// cursor on the story being read, wherever its row now is.
func TestStoryRowsKeepTheStoryAcrossRefresh(t *testing.T) {
	herald := func(u string) bool { return strings.Contains(u, "-herald.xml") }
	st, srv, secs := demoCache(t, herald)
	m := demoModel(t, st, secs, "markets", 160, 45)
	m = press(t, m, "v")
	// The central bank story: the courier's version, on its way, is newer
	// than the herald's, so it will head the story's row.
	m = selectWhere(t, m, func(a cache.Article) bool { return strings.Contains(a.Title, "Norvanian Reserve Bank") })
	m = press(t, m, "enter")
	story, read := m.article.art.Story, m.article.art.ID
	if a, _ := m.list.Selected(); a.Story != story {
		t.Fatalf("opened %q, cursor on another story", m.article.art.Title)
	}
	f := feed.NewFetcher(feed.Options{})
	r := f.Fetch(context.Background(), feed.Request{URL: srv.URL + "/feeds/markets-courier.xml"})
	if err := st.Save(context.Background(), r, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	done := make(chan refreshEvent)
	close(done)
	m = send(t, m, progressMsg{res: r, next: done})
	if a, _ := m.list.Selected(); a.Story != story {
		t.Errorf("after the refresh the cursor is on %q, not the story being read (%q)", a.Title, m.article.art.Title)
	}
	if m.article.art.ID != read || m.article.art.Story != story {
		t.Errorf("the article being read changed to %q", m.article.art.Title)
	}
	// The oldest story: rows for the wire's stories arrive above it.
	m = press(t, m, "esc", "G", "enter")
	story = m.article.art.Story
	r = f.Fetch(context.Background(), feed.Request{URL: srv.URL + "/feeds/markets-wire.xml"})
	if err := st.Save(context.Background(), r, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, progressMsg{res: r, next: done})
	if a, _ := m.list.Selected(); a.Story != story {
		t.Errorf("after the second refresh the cursor is on %q, not the story being read (%q)", a.Title, m.article.art.Title)
	}
}

// A section with more stories than one page: the first page shows at
// once, the count follows and the rows beyond the first page load.
func TestStoryRowsCountFollowsFirstPage(t *testing.T) {
	st, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	syl := strings.Fields("ka lo mi ren to sha vel dor an te bri sol mar qui ne zu pa gor lin ost")
	var arts []feed.Article
	for i := range 450 {
		name := syl[i%20] + syl[(i/20)%20] + syl[(i/7)%20] + "ix"
		p := testNow.Add(-time.Duration(i) * 96 * time.Hour) // days apart: separate stories
		arts = append(arts, feed.Article{ID: "u" + itoa(i), Link: "https://s.test/" + itoa(i), Title: "Zorb " + name + " opens a " + syl[(i*3)%20] + " plant",
			Source: "S", Published: p, Updated: p, Content: "<p>" + name + " " + syl[(i*7)%20] + syl[(i*11)%20] + " works.</p>"})
	}
	if err := st.Save(context.Background(), feed.Result{URL: "https://s.test/f", Status: feed.StatusOK, Title: "S", Articles: arts},
		cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	n, err := st.StoryCount(context.Background(), "markets")
	if err != nil || n <= pageSize {
		t.Fatalf("%d stories (%v): the test needs more than a page", n, err)
	}
	m := testModel(t, st, 120, 40)
	m = press(t, m, "v")
	if m.list.total != n {
		t.Fatalf("one row per story: %d rows, want %d", m.list.total, n)
	}
	m = press(t, m, "G")
	if a, ok := m.list.Selected(); !ok || m.list.cursor != n-1 {
		t.Errorf("the last story row did not load: cursor %d, %v", m.list.cursor, a.Title)
	}
	m = send(t, m, storyCountMsg{req: m.listReq - 1, total: 3})
	if m.list.total != n {
		t.Errorf("a stale count applied: %d", m.list.total)
	}
}

// The first frame does not share the cores with the side pane: Init asks
// only for the list, the counts and the feeds; Ranking and Recommended are
// asked for once the first page is in (and are applied).
func TestSideListsFollowTheFirstPage(t *testing.T) {
	st, _, secs := demoCache(t, nil)
	i := slices.IndexFunc(secs, func(s feed.Section) bool { return s.Key == "markets" })
	m := New(Options{Site: demo.SiteName, Store: st, Offline: true, NoColor: true, Sections: secs, Section: i})
	var msgs []tea.Msg
	var collect func(tea.Cmd)
	collect = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				collect(c)
			}
		case nil:
		default:
			msgs = append(msgs, msg)
		}
	}
	collect(m.Init())
	var page tea.Msg
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case sideMsg:
			t.Errorf("Init asked for the %s tab", msg.tab)
		case pageMsg:
			page = msg
		}
	}
	if page == nil {
		t.Fatal("Init asked for no page")
	}
	next, cmd := m.Update(page)
	m = next.(Model)
	msgs = nil
	collect(cmd)
	asked := map[sideTab]bool{}
	for _, msg := range msgs {
		if s, ok := msg.(sideMsg); ok {
			asked[s.tab] = true
			next, _ := m.Update(s)
			m = next.(Model)
		}
	}
	if !asked[RankingTab] || !asked[RecommendedTab] {
		t.Fatalf("after the first page, asked for %v", asked)
	}
	if len(m.side.lists[RankingTab]) == 0 || len(m.side.lists[RecommendedTab]) == 0 {
		t.Errorf("side lists not applied: ranking %d, recommended %d", len(m.side.lists[RankingTab]), len(m.side.lists[RecommendedTab]))
	}
}
