package ui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsreader/cache"
)

var (
	bigOnce  sync.Once
	bigStore *cache.Store
	bigDir   string
	bigErr   error
)

// big100k is a cache whose markets section holds 100,000 articles, built
// once per test binary run in a temporary directory that TestMain removes.
func big100k(b *testing.B) *cache.Store {
	b.Helper()
	bigOnce.Do(func() {
		if bigDir, bigErr = os.MkdirTemp("", "newsreader-bench-"); bigErr == nil {
			bigStore, bigErr = newFixture(filepath.Join(bigDir, "c.db"), 100_000)
		}
	})
	if bigErr != nil {
		b.Fatal("building the 100k cache: ", bigErr)
	}
	return bigStore
}

// cleanupBig closes and removes big100k's cache.
func cleanupBig() {
	if bigStore != nil {
		bigStore.Close()
	}
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
}

// BenchmarkFirstFrame: New, Init's cache reads, the window size and the
// first full View over a 100,000-article section.
func BenchmarkFirstFrame(b *testing.B) {
	st := big100k(b)
	b.ResetTimer()
	for b.Loop() {
		m := testModel(b, st, 120, 40)
		if !strings.Contains(m.Render(), "Headlines 1/100000") {
			b.Fatal("first frame incomplete")
		}
	}
}

// BenchmarkKeyDown: one cursor-down keypress through Update and View in
// a 100,000-article section. The article and related loads it starts run
// as commands off the UI loop and are measured by BenchmarkKeyDownWithLoads.
func BenchmarkKeyDown(b *testing.B) {
	start := testModel(b, big100k(b), 120, 40)
	m := start
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	b.ResetTimer()
	for b.Loop() {
		// The loads the keypress asks for do not run here, so stay on the
		// first page: past it the rows would be placeholders, not headlines.
		if m.list.cursor >= pageSize-m.list.height-1 {
			m = start
		}
		next, _ := m.Update(down)
		m = next.(Model)
		_ = m.View()
	}
	if _, ok := m.list.Selected(); !ok {
		b.Fatal("the cursor left the loaded rows")
	}
}

// BenchmarkKeyDownWithLoads: the keypress plus, run in line, the cache
// reads and the render it triggers (the article and its related stories).
func BenchmarkKeyDownWithLoads(b *testing.B) {
	m := testModel(b, big100k(b), 120, 40)
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	b.ResetTimer()
	for b.Loop() {
		m = send(b, m, down)
		_ = m.View()
	}
}

// BenchmarkRender10KB: rendering a 10 KB HTML article at width 80.
func BenchmarkRender10KB(b *testing.B) {
	para := "<p>Generated paragraph with <strong>bold</strong>, <em>emphasis</em> and a <a href=\"https://example.test/x\">link</a> to fill the benchmark body with ordinary prose.</p>\n"
	body := "<h2>Heading</h2>" + strings.Repeat(para, 10240/len(para)+1) + "<ul><li>one</li><li>two</li></ul><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
	st := stylesRender(NewStyles(true, false), true)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		Render(body, "https://example.test/a", 80, st)
	}
}
