package cache

import (
	"fmt"
	"math"
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

	// The soft memory limit main sets is raised by half and put back; no
	// limit, or one the user set, stays as it is.
	t.Setenv("GOGC", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(128 << 20)
	first, second = relaxGC(), relaxGC()
	if l := debug.SetMemoryLimit(-1); l != 192<<20 {
		t.Errorf("memory limit during two refreshes %d MiB, want 192", l>>20)
	}
	first()
	if l := debug.SetMemoryLimit(-1); l != 192<<20 {
		t.Errorf("memory limit with one refresh still running %d MiB, want 192", l>>20)
	}
	second()
	if l := debug.SetMemoryLimit(-1); l != 128<<20 {
		t.Errorf("memory limit after both %d MiB, want 128 back", l>>20)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	relaxGC()()
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("no limit became %d", l)
	}
	t.Setenv("GOMEMLIMIT", "100MiB")
	debug.SetMemoryLimit(100 << 20)
	done = relaxGC()
	if l := debug.SetMemoryLimit(-1); l != 100<<20 {
		t.Errorf("the user's GOMEMLIMIT=100MiB became %d MiB during a refresh", l>>20)
	}
	done()
	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(128 << 20)

	// A real refresh: raised while results come in, back after.
	t.Setenv("GOGC", "")
	debug.SetGCPercent(100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>F</title><item><guid>g</guid><title>Tide tables revised</title><link>https://ex.test/g</link></item></channel></rss>`)
	}))
	defer srv.Close()
	s := openTemp(t)
	during, limit := 0, int64(0)
	if _, err := s.Refresh(ctx, feed.NewFetcher(feed.Options{}), []feed.Section{{Key: "top", Feeds: []string{srv.URL}}}, func(feed.Result) {
		during, limit = gcPercent(), debug.SetMemoryLimit(-1)
	}); err != nil {
		t.Fatal(err)
	}
	if want := map[bool]int{true: refreshGCPercent, false: 100}[indexing]; during != want {
		t.Errorf("GOGC during a refresh %d, want %d", during, want)
	}
	if p := gcPercent(); p != 100 {
		t.Errorf("GOGC after a refresh %d, want 100", p)
	}
	if want := map[bool]int64{true: 192 << 20, false: 128 << 20}[indexing]; limit != want {
		t.Errorf("memory limit during a refresh %d MiB, want %d", limit>>20, want>>20)
	}
	if l := debug.SetMemoryLimit(-1); l != 128<<20 {
		t.Errorf("memory limit after a refresh %d MiB, want 128", l>>20)
	}
}
