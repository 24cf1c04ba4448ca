package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsreader/cache"
	"newsreader/feed"
)

// idAt is the ID of row i of a section.
func idAt(t *testing.T, st *cache.Store, section string, i int) int64 {
	t.Helper()
	a, err := st.Articles(context.Background(), section, i, 1)
	if err != nil || len(a) != 1 {
		t.Fatalf("row %d: %v", i, err)
	}
	return a[0].ID
}

func TestNextUnreadReachesRowsNotLoaded(t *testing.T) {
	ctx := context.Background()
	st := fixtureStore(t, 1000)
	if _, err := st.MarkSectionRead(ctx, "markets"); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{10, 700} {
		st.SetRead(ctx, idAt(t, st, "markets", i), false)
	}
	m := testModel(t, st, 120, 40)
	if slices.Contains(m.pagesLoaded(), 3) {
		t.Fatal("page 3 loaded up front: the test would not show anything")
	}
	m = press(t, m, "n")
	if m.list.cursor != 10 || m.article.art.Title != "Markets story 10 about rates" {
		t.Fatalf("n: cursor %d article %q", m.list.cursor, m.article.art.Title)
	}
	m = press(t, m, "n")
	if m.list.cursor != 700 || m.article.art.Title != "Markets story 700 about rates" {
		t.Fatalf("n to a row on an unloaded page: cursor %d article %q", m.list.cursor, m.article.art.Title)
	}
	if a, ok := m.list.Selected(); !ok || a.Title != "Markets story 700 about rates" {
		t.Errorf("list row 700 not loaded after n: %q %v", a.Title, ok)
	}
	if m.focus != ListPane {
		t.Errorf("n in the list moved focus to %v", m.focus)
	}
	if got, _ := st.Get(ctx, idAt(t, st, "markets", 700)); got.Read {
		t.Error("n in the list marked the article read: it should only select it")
	}
	m = press(t, m, "n")
	if m.list.cursor != 700 || !strings.Contains(m.note, "no unread below") {
		t.Errorf("n past the last unread: cursor %d note %q", m.list.cursor, m.note)
	}
	m = press(t, m, "N")
	if m.list.cursor != 10 {
		t.Errorf("N: cursor %d", m.list.cursor)
	}
	m = press(t, m, "N")
	if m.list.cursor != 10 || !strings.Contains(m.note, "no unread above") {
		t.Errorf("N before the first unread: cursor %d note %q", m.list.cursor, m.note)
	}
	// In the article pane n opens the next unread (and marks it read).
	m = press(t, m, "enter")
	if m.focus != ArticlePane {
		t.Fatalf("enter: focus %v", m.focus)
	}
	m = press(t, m, "n")
	if m.focus != ArticlePane || m.article.art.Title != "Markets story 700 about rates" || m.list.cursor != 700 {
		t.Fatalf("n in the article pane: focus %v article %q cursor %d", m.focus, m.article.art.Title, m.list.cursor)
	}
	if got, _ := st.Get(ctx, idAt(t, st, "markets", 700)); !got.Read {
		t.Error("n in the article pane did not mark the opened article read")
	}
	if m.counts["markets"] != 0 {
		t.Errorf("unread count %d after reading both", m.counts["markets"])
	}
}

func TestNextUnreadInFilteredList(t *testing.T) {
	ctx := context.Background()
	st := fixtureStore(t, 30)
	st.MarkSectionRead(ctx, "markets")
	st.SetRead(ctx, idAt(t, st, "markets", 12), false) // "Markets story 12"
	m := testModel(t, st, 120, 40)
	m = press(t, m, "/", "1", "enter")
	if m.list.total == 0 {
		t.Fatal("filter matched nothing")
	}
	m = press(t, m, "n")
	if a, _ := m.list.Selected(); a.Title != "Markets story 12 about rates" {
		t.Errorf("n in the filtered list selected %q", a.Title)
	}
}

// recordingBrowser is a $BROWSER script that writes its arguments, one a
// line, to a file; it returns that file's path.
func recordingBrowser(t *testing.T, name string) (dir, out string) {
	dir = t.TempDir()
	out = filepath.Join(dir, "args")
	script := filepath.Join(dir, name)
	os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > "+out+".tmp && mv "+out+".tmp "+out+"\n"), 0o755)
	return dir, out
}

func waitFile(t *testing.T, path string) string {
	t.Helper()
	for range 200 {
		if b, err := os.ReadFile(path); err == nil {
			os.Remove(path)
			return string(b)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s never written", path)
	return ""
}

func linkStore(t *testing.T, links int) *cache.Store {
	st := fixtureStore(t, 3)
	var body strings.Builder
	for i := 1; i <= links; i++ {
		fmt.Fprintf(&body, `<p>See <a href="https://l.test/%d">source %d</a>.</p>`, i, i)
	}
	a := feed.Article{ID: "links", Link: "https://t.test/links", Title: "Article with links", Published: testNow.Add(time.Hour), Updated: testNow, Content: body.String()}
	if err := st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{a}}, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestOpenNumberedLink(t *testing.T) {
	dir, out := recordingBrowser(t, "browser")
	t.Setenv("BROWSER", filepath.Join(dir, "browser")+" --new-window")
	m := testModel(t, linkStore(t, 12), 160, 40)
	m = press(t, m, "enter")
	if m.article.art.Title != "Article with links" || len(m.article.body.links) != 12 {
		t.Fatalf("article %q links %d", m.article.art.Title, len(m.article.body.links))
	}
	m = press(t, m, "o")
	if m.linkIn == nil || !strings.Contains(m.Render(), "open: █  (1-12 a link [n], enter the article") {
		t.Fatalf("o in the article pane shows no prompt:\n%s", m.Render())
	}
	m = press(t, m, "1")
	if m.linkIn == nil {
		t.Fatal("1 of 12 links opened at once: 10-12 were still possible")
	}
	m = press(t, m, "2")
	if m.linkIn != nil {
		t.Fatal("12 of 12 did not open at once")
	}
	if got := waitFile(t, out); got != "--new-window\nhttps://l.test/12\n" {
		t.Errorf("o 1 2 ran the browser with %q", got)
	}
	m = press(t, m, "o", "3", "enter")
	if got := waitFile(t, out); got != "--new-window\nhttps://l.test/3\n" {
		t.Errorf("o 3 enter: %q", got)
	}
	m = press(t, m, "o", "enter")
	if got := waitFile(t, out); got != "--new-window\nhttps://t.test/links\n" {
		t.Errorf("o enter: %q", got)
	}
	m = press(t, m, "o", "o")
	if got := waitFile(t, out); got != "--new-window\nhttps://t.test/links\n" {
		t.Errorf("o o: %q", got)
	}
	m = press(t, m, "o", "0", "enter")
	if !m.noteErr || !strings.Contains(m.note, "no link [0]") {
		t.Errorf("o 0: note %q", m.note)
	}
	m = press(t, m, "o", "esc")
	if m.linkIn != nil || m.focus != ArticlePane {
		t.Errorf("esc: prompt %v focus %v", m.linkIn != nil, m.focus)
	}
	// Outside the prompt the digits still switch sections.
	m = press(t, m, "2")
	if m.currentSection().Key != "world" {
		t.Errorf("2 in the article pane: section %q", m.currentSection().Key)
	}
}

func TestOpenSingleDigitLinkAtOnce(t *testing.T) {
	dir, out := recordingBrowser(t, "browser")
	t.Setenv("BROWSER", filepath.Join(dir, "browser"))
	m := testModel(t, linkStore(t, 3), 160, 40)
	m = press(t, m, "enter", "o", "2")
	if got := waitFile(t, out); got != "https://l.test/2\n" {
		t.Errorf("o 2 with 3 links: %q", got)
	}
	m = press(t, m, "o", "7")
	if !m.noteErr || !strings.Contains(m.note, "no link [7]: the article has 3 links") {
		t.Errorf("o 7: note %q", m.note)
	}
	// From the list, o opens the article's own page at once.
	m = press(t, m, "esc", "o")
	if got := waitFile(t, out); got != "https://t.test/links\n" {
		t.Errorf("o in the list: %q", got)
	}
}

func TestBrowserArgv(t *testing.T) {
	link := "https://ex.test/a b?c='d'&e=$(x)"
	cases := []struct {
		env  string
		want []string
	}{
		{"firefox", []string{"firefox", link}},
		{"firefox --new-window", []string{"firefox", "--new-window", link}},
		{"  chromium   --incognito  ", []string{"chromium", "--incognito", link}},
		{`"/opt/My Browser/bin" -x`, []string{"/opt/My Browser/bin", "-x", link}},
		{`/opt/My\ Browser/bin`, []string{"/opt/My Browser/bin", link}},
		{"w3m -o display_link=1 %s", []string{"w3m", "-o", "display_link=1", link}},
		{"open -a Safari --args=%s 100%%", []string{"open", "-a", "Safari", "--args=" + link, "100%"}},
	}
	for _, c := range cases {
		got, err := browserArgv(c.env, link)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("%q: %q %v, want %q", c.env, got, err, c.want)
		}
	}
	if _, err := browserArgv(`firefox "--new`, link); err == nil {
		t.Error("unterminated quote accepted")
	}
}

func TestResolveBrowserTriesEntriesInOrder(t *testing.T) {
	have := map[string]bool{"lynx": true, "xdg-open": true}
	look := func(p string) (string, error) {
		if have[p] {
			return "/usr/bin/" + p, nil
		}
		return "", errors.New(p + ": not found")
	}
	got, err := resolveBrowser("firefox --new-window:lynx -accept_all_cookies", "https://x.test/", true, look)
	if err != nil || !slices.Equal(got, []string{"lynx", "-accept_all_cookies", "https://x.test/"}) {
		t.Errorf("colon list: %q %v", got, err)
	}
	if _, err := resolveBrowser("firefox", "https://x.test/", true, look); err == nil || !strings.Contains(err.Error(), "firefox") {
		t.Errorf("missing browser: %v", err)
	}
	if _, err := resolveBrowser("", "https://x.test/", false, func(p string) (string, error) { return "", errors.New("no") }); err == nil ||
		!strings.Contains(err.Error(), "tried w3m, lynx") || !strings.Contains(err.Error(), "set $BROWSER") {
		t.Errorf("nothing found, no $BROWSER: %v", err)
	}
	if _, err := resolveBrowser("a:b", "https://x.test/", true, look); err == nil || !strings.Contains(err.Error(), "none of the browsers in $BROWSER was found: a, b") {
		t.Errorf("nothing in the list found: %v", err)
	}
	// No $BROWSER and no display: the first terminal browser found.
	if got, _ := resolveBrowser("", "https://x.test/", false, look); got[0] != "lynx" {
		t.Errorf("no display: %q", got)
	}
	if got, _ := resolveBrowser("", "https://x.test/", true, look); got[0] != "xdg-open" {
		t.Errorf("display: %q", got)
	}
	for p, want := range map[string]bool{"w3m": true, "/usr/local/bin/lynx": true, "ELinks": true, "firefox": false, "xdg-open": false} {
		if isTerminalBrowser(p) != want {
			t.Errorf("isTerminalBrowser(%q) = %v", p, !want)
		}
	}
}

func TestTerminalBrowserRunsInForeground(t *testing.T) {
	dir, _ := recordingBrowser(t, "w3m")
	t.Setenv("BROWSER", filepath.Join(dir, "w3m")+" -N")
	msg := openBrowser("https://x.test/a")()
	eb, ok := msg.(execBrowserMsg)
	if !ok {
		t.Fatalf("w3m: %T %+v, want it run in the foreground", msg, msg)
	}
	if !slices.Equal(eb.cmd.Args, []string{filepath.Join(dir, "w3m"), "-N", "https://x.test/a"}) {
		t.Errorf("args %q", eb.cmd.Args)
	}
	m := testModel(t, fixtureStore(t, 3), 120, 40)
	_, cmd := m.Update(eb)
	if cmd == nil {
		t.Fatal("Update did not hand the browser to Bubble Tea")
	}
	// The command asks the program to suspend and run the process (its
	// message type is Bubble Tea's own).
	if got := fmt.Sprintf("%T", cmd()); !strings.Contains(got, "exec") {
		t.Errorf("command gives %s, want Bubble Tea's exec message", got)
	}
	next, _ := m.Update(browserDoneMsg{err: errors.New("exit status 1")})
	if nm := next.(Model); !nm.noteErr || !strings.Contains(nm.note, "exit status 1") {
		t.Errorf("browser failure not shown: %q", nm.note)
	}
}

func TestNextUnreadInStoryRows(t *testing.T) {
	ctx := context.Background()
	st, err := cache.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var arts []feed.Article
	for i, title := range []string{"Volcano erupts near Reykjavik airport", "Volcano erupts near Reykjavik airport, flights halted", "Central bank raises interest rates again",
		"Football final ends in penalty shoot-out", "Orchestra premieres forgotten symphony", "Glacier retreat measured by satellites"} {
		p := testNow.Add(-time.Duration(i) * time.Hour)
		arts = append(arts, feed.Article{ID: fmt.Sprint(i), Link: fmt.Sprintf("https://t.test/%d", i), Title: title, Published: p, Updated: p,
			Content: "<p>" + title + ".</p>"})
	}
	if err := st.Save(ctx, feed.Result{URL: "https://t.test/f.rss", Status: feed.StatusOK, Articles: arts}, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	st.MarkSectionRead(ctx, "markets")
	st.SetRead(ctx, idAt(t, st, "markets", 4), false) // the orchestra: row 3 of the story rows
	m := testModel(t, st, 120, 40)
	m = press(t, m, "v")
	if !m.byStory || m.list.total != 5 {
		t.Fatalf("v: by story %v, %d rows", m.byStory, m.list.total)
	}
	m = press(t, m, "n")
	if a, _ := m.list.Selected(); a.Title != "Orchestra premieres forgotten symphony" {
		t.Errorf("n with one row per story selected %q", a.Title)
	}
}

func TestNextUnreadGoesOnToTheNextSection(t *testing.T) {
	ctx := context.Background()
	st := fixtureStore(t, 30)
	st.MarkSectionRead(ctx, "markets")
	st.SetRead(ctx, idAt(t, st, "markets", 5), false)
	st.SetRead(ctx, idAt(t, st, "world", 0), true)
	st.SetRead(ctx, idAt(t, st, "world", 1), true) // world's first unread is row 2
	m := testModel(t, st, 120, 40)
	m = press(t, m, "n")
	if m.list.cursor != 5 {
		t.Fatalf("n: cursor %d", m.list.cursor)
	}
	m = press(t, m, "n")
	if m.currentSection().Key != "markets" || !strings.Contains(m.note, "no unread below in Markets: n again for World (3 unread)") {
		t.Fatalf("n at the last unread: section %q note %q", m.currentSection().Key, m.note)
	}
	// Another key in between: n only says so again.
	m = press(t, m, "k", "j", "n")
	if m.currentSection().Key != "markets" {
		t.Fatal("n went on to the next section although another key came between")
	}
	m = press(t, m, "n")
	if m.currentSection().Key != "world" || m.list.cursor != 2 || m.article.art.Title != "World story 2 about rates" {
		t.Fatalf("n again: section %q cursor %d article %q", m.currentSection().Key, m.list.cursor, m.article.art.Title)
	}
	if got, _ := st.Get(ctx, idAt(t, st, "world", 2)); got.Read {
		t.Error("from the list, going on to the next section marked the article read")
	}
	// Backwards from the top of world: N offers markets and lands on its
	// last unread; opened from the article pane it is read.
	m = press(t, m, "enter")
	m = press(t, m, "N")
	if m.currentSection().Key != "world" || !strings.Contains(m.note, "N again for Markets (1 unread)") {
		t.Fatalf("N above the first unread: section %q note %q", m.currentSection().Key, m.note)
	}
	m = press(t, m, "N")
	if m.currentSection().Key != "markets" || m.list.cursor != 5 || m.focus != ArticlePane || m.article.art.Title != "Markets story 5 about rates" {
		t.Fatalf("N again: section %q cursor %d focus %v article %q", m.currentSection().Key, m.list.cursor, m.focus, m.article.art.Title)
	}
	if got, _ := st.Get(ctx, idAt(t, st, "markets", 5)); !got.Read {
		t.Error("n from the article pane did not mark the article it opened read")
	}
}

// An article whose feed gives it no address (no <link>, a guid that is
// only an ID) is never opened: o says so, from the list and from the
// article pane, whose prompt offers only the footnote links, which still
// open; y says there is nothing to copy.
func TestOpenArticleWithoutAddress(t *testing.T) {
	dir, out := recordingBrowser(t, "browser")
	t.Setenv("BROWSER", filepath.Join(dir, "browser"))
	st := fixtureStore(t, 3)
	a := feed.Article{ID: "tag:nolink.test,2026:1", Title: "Article without address", Published: testNow.Add(time.Hour), Updated: testNow,
		Content: `<p>See <a href="https://l.test/1">one</a> and <a href="https://l.test/2">two</a>.</p>`}
	if err := st.Save(context.Background(), feed.Result{URL: "https://t.test/m.rss", Status: feed.StatusOK, Articles: []feed.Article{a}}, cache.Membership{Sections: []string{"markets"}}); err != nil {
		t.Fatal(err)
	}
	m := testModel(t, st, 160, 40)
	m = press(t, m, "o")
	if !m.noteErr || m.note != noAddress {
		t.Errorf("o in the list: note %q", m.note)
	}
	m = press(t, m, "y")
	if !m.noteErr || m.note != "no link to copy" {
		t.Errorf("y: note %q", m.note)
	}
	m = press(t, m, "enter")
	if m.article.art.Title != "Article without address" {
		t.Fatalf("opened %q", m.article.art.Title)
	}
	m = press(t, m, "o")
	if r := m.Render(); !strings.Contains(r, "the article has no address") || strings.Contains(r, "enter the article") {
		t.Errorf("o in the article pane: prompt\n%s", r)
	}
	m = press(t, m, "enter")
	if !m.noteErr || m.note != noAddress {
		t.Errorf("o enter: note %q", m.note)
	}
	m = press(t, m, "o", "2")
	if got := waitFile(t, out); got != "https://l.test/2\n" {
		t.Errorf("o 2: %q", got)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("the browser ran again")
	}
}
