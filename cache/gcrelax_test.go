package cache

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"testing"

	"newsreader/feed"
)

// gcPercent reads the collector's target without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// A refresh with discovery runs with the collector's target raised, and
// puts back what it found once the last of overlapping refreshes ends; a
// GOGC the user set, or a laxer target, is left alone.
func TestRefreshRelaxesTheCollector(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(gcPercent())
	debug.SetGCPercent(100)
	first := relaxGC()
	second := relaxGC()
	if p := gcPercent(); p != refreshGCPercent {
		t.Errorf("during two refreshes: GOGC %d, want %d", p, refreshGCPercent)
	}
	first()
	if p := gcPercent(); p != refreshGCPercent {
		t.Errorf("one refresh still running: GOGC %d, want %d", p, refreshGCPercent)
	}
	second()
	if p := gcPercent(); p != 100 {
		t.Errorf("after both: GOGC %d, want 100 back", p)
	}
	debug.SetGCPercent(400)
	relaxGC()()
	if p := gcPercent(); p != 400 {
		t.Errorf("a laxer target: %d after a refresh, want 400", p)
	}
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	done := relaxGC()
	if p := gcPercent(); p != 50 {
		t.Errorf("the user's GOGC=50 became %d during a refresh", p)
	}
	done()

	// A real refresh: raised while results come in, back after.
	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>F</title><item><guid>g</guid><title>Tide tables revised</title><link>https://ex.test/g</link></item></channel></rss>`)
	}))
	defer srv.Close()
	s := openTemp(t)
	during := 0
	if _, err := s.Refresh(ctx, feed.NewFetcher(feed.Options{}), []feed.Section{{Key: "top", Feeds: []string{srv.URL}}}, func(feed.Result) { during = gcPercent() }); err != nil {
		t.Fatal(err)
	}
	if want := map[bool]int{true: refreshGCPercent, false: 100}[indexing]; during != want {
		t.Errorf("GOGC during a refresh %d, want %d", during, want)
	}
	if p := gcPercent(); p != 100 {
		t.Errorf("GOGC after a refresh %d, want 100", p)
	}
}
