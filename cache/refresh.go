package cache

import (
	"context"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"newsreader/feed"
)

// Summary counts how a refresh went.
type Summary struct {
	OK, NotModified, Failed, Articles int
	FullTexts, Pruned                 int // after the fetches: full texts fetched, articles pruned
	// New and Updated count distinct articles the refresh added or
	// changed (Articles counts every item of every feed fetched, so a story
	// in two feeds counts twice there and at most once here).
	New, Updated int
}

// Total is the number of feeds the refresh covered.
func (s Summary) Total() int { return s.OK + s.NotModified + s.Failed }

// Plan maps every feed URL of the given sections to where its articles go.
func Plan(sections []feed.Section) (urls []string, where map[string]Membership) {
	where = map[string]Membership{}
	add := func(u string, f func(*Membership)) {
		m, ok := where[u]
		if !ok {
			urls = append(urls, u)
		}
		f(&m)
		where[u] = m
	}
	for _, s := range sections {
		key := strings.ToLower(s.Key)
		for _, u := range s.Feeds {
			add(u, func(m *Membership) { m.Sections = append(m.Sections, key) })
		}
		if s.Ranking != "" {
			add(s.Ranking, func(m *Membership) { m.RankFor = append(m.RankFor, key) })
		}
	}
	return urls, where
}

// Refresh fetches every feed of sections with f and saves the results as
// they arrive. progress, if not nil, sees each result after it is
// committed; a result whose save failed carries that error instead.
//
// Results are written by one saver in batch transactions: a batch takes
// whatever results are ready and commits as soon as none is waiting or
// it has held the write lock for TxBudget, so other writers (another
// process, the reader marking an article read) get in between batches.
// Parsing goes on in the fetcher's goroutines meanwhile.
func (s *Store) Refresh(ctx context.Context, f *feed.Fetcher, sections []feed.Section, progress func(feed.Result)) (Summary, error) {
	// A read-only or full cache fails here, before anything is downloaded.
	if err := s.CheckWritable(ctx); err != nil {
		return Summary{}, err
	}
	start := time.Now()
	urls, where := Plan(sections)
	reqs, err := s.Validators(ctx, urls)
	if err != nil {
		return Summary{}, err
	}
	sv, err := s.newSaver(ctx)
	if err != nil {
		return Summary{}, err
	}
	defer sv.close()
	if indexing {
		defer relaxGC()()
	}
	sv.schedule = true
	sv.checkpointBig = true
	// The saver runs ahead of the parsing and reading ahead that feed it
	// whenever it has work (see feed.Gate): it holds a slot of the
	// fetcher's gate except while it waits.
	sv.gate = f.Gate()
	sv.gate.Hold()
	var sum Summary
	report := func(r feed.Result, err error) {
		if err != nil {
			r.Status, r.Err = feed.StatusError, err
		}
		switch r.Status {
		case feed.StatusOK:
			sum.OK++
			sum.Articles += len(r.Articles)
		case feed.StatusNotModified:
			sum.NotModified++
		default:
			sum.Failed++
		}
		if progress != nil {
			progress(r)
		}
	}
	drain := func() {
		if len(sv.done) == 0 {
			return
		}
		// progress may wait (the reader's channel of results is full):
		// the slot is not held meanwhile.
		if progress != nil {
			sv.gate.Release()
			defer sv.gate.Hold()
		}
		for _, p := range sv.done {
			report(p.res, nil)
		}
		sv.done = sv.done[:0]
	}
	// fail abandons the batch and saves its results one by one, so one
	// bad result costs only itself.
	fail := func(extra ...pending) {
		again := append(sv.rollback(), extra...)
		// Each save below waits for the write lock, which another
		// writer may hold until it gets a slot (a refresh through the
		// same fetcher): not in this one's.
		sv.gate.Release()
		defer sv.gate.Hold()
		for _, p := range again {
			saved, err := s.SaveCounted(ctx, p.res, p.m)
			if err == nil && ctx.Err() == nil {
				s.Schedule(ctx, p.res, time.Now())
			}
			sv.counted.New = append(sv.counted.New, saved.New...)
			sv.counted.Updated = append(sv.counted.Updated, saved.Updated...)
			report(p.res, err)
		}
	}
	results := s.prepare(f.Results(ctx, reqs), sv.gate)
	// An open batch waits up to linger for the next result before it
	// commits: a batch then takes several feeds (fewer commits, each index
	// page written once per batch rather than once per feed) while the
	// write lock is never held idle for long.
	timer := time.NewTimer(linger)
	timer.Stop()
	// next waits for the next result, without the saver's slot if it
	// has to wait; lingered says the open batch waited linger for none.
	next := func() (pr prepared, ok, lingered bool) {
		select {
		case pr, ok = <-results:
			return pr, ok, false
		default:
		}
		sv.gate.Release()
		defer sv.gate.Hold()
		if sv.tx == nil {
			pr, ok = <-results
			return pr, ok, false
		}
		timer.Reset(linger)
		select {
		case pr, ok = <-results:
			timer.Stop()
			return pr, ok, false
		case <-timer.C:
			return prepared{}, true, true
		}
	}
	for {
		pr, ok, lingered := next()
		if lingered {
			if err := sv.flush(ctx); err != nil {
				fail()
			}
			drain()
			continue
		}
		if !ok {
			break
		}
		r := pr.res
		sv.prep = pr.arts
		err := sv.add(ctx, r, where[r.URL])
		sv.prep = nil
		if err != nil {
			drain()
			fail(pending{r, where[r.URL]})
			continue
		}
		if sv.over() {
			if err := sv.flush(ctx); err != nil {
				drain()
				fail()
				continue
			}
		}
		drain()
	}
	if err := sv.flush(ctx); err != nil {
		fail()
	}
	drain()
	// The saver is done: fetching full texts and pruning wait for the
	// write lock, not in a slot (see fail).
	sv.gate.Release()
	sv.gate = nil
	added, changed := map[int64]bool{}, map[int64]bool{}
	for _, id := range sv.counted.New {
		added[id] = true
	}
	for _, id := range sv.counted.Updated {
		if !added[id] {
			changed[id] = true
		}
	}
	sum.New, sum.Updated = len(added), len(changed)
	sum.FullTexts, sum.Pruned = s.afterRefresh(ctx, f, sections, start)
	return sum, nil
}

// The story assigner keeps every article of its window in memory, a
// heap of many small objects that the collector marks again at every
// cycle: at Go's default (GOGC=100) a cold 500-feed refresh spent a
// tenth of its CPU collecting. While a refresh with discovery runs the
// heap may grow to three times what is live rather than two: half the
// cycles (gctrace: GC CPU 2.1 -> 1.0 s), and the same peak RSS, which
// SQLite's caches and the fetched bodies set more than the heap does. A
// GOGC the user set is kept.
//
// The soft memory limit (main sets 128 MiB) caps that target all the
// same once a big refresh holds 50 MB live: the collector then ran every
// 40-odd MB allocated, 41 times in a cold 500-feed refresh. It is raised
// by half for the refresh (gctrace: 28 cycles, GC CPU 1.14 -> 0.55 s;
// peak RSS 178 -> 236 MB). A small refresh never reaches it. A
// GOMEMLIMIT the user set is kept.
const (
	refreshGCPercent  = 200
	refreshLimitRaise = 1.5
)

var gcRelax struct {
	sync.Mutex
	n      int   // refreshes running
	before int   // the percent they replaced
	limit  int64 // the memory limit they replaced; 0: left alone
}

// relaxGC raises the collector's target for a refresh; the function it
// returns puts it back once the last refresh running is done.
func relaxGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	g := &gcRelax
	g.Lock()
	defer g.Unlock()
	if g.n == 0 {
		g.before = debug.SetGCPercent(refreshGCPercent)
		if g.before < 0 || g.before >= refreshGCPercent {
			debug.SetGCPercent(g.before) // off, or already as lax
		}
		g.limit = 0
		if cur := debug.SetMemoryLimit(-1); os.Getenv("GOMEMLIMIT") == "" && cur < math.MaxInt64/2 {
			g.limit = cur
			debug.SetMemoryLimit(int64(float64(cur) * refreshLimitRaise))
		}
	}
	g.n++
	return func() {
		g.Lock()
		defer g.Unlock()
		if g.n--; g.n == 0 {
			debug.SetGCPercent(g.before)
			if g.limit != 0 {
				debug.SetMemoryLimit(g.limit)
			}
		}
	}
}

// linger is how long an open batch waits for the next result.
const linger = 5 * time.Millisecond

// prepared is a fetched result with its articles read ahead for the
// index and the story assigner (see articlePrep).
type prepared struct {
	res  feed.Result
	arts []articlePrep
}

// prepare reads ahead, on every core, the results the saver will write:
// the CPU work of indexing that needs nothing from the cache, so the
// saver (one goroutine holding the write lock) does less.
func (s *Store) prepare(in <-chan feed.Result, gate *feed.Gate) <-chan prepared {
	out := make(chan prepared, 2)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for r := range in {
				p := prepared{res: r}
				if r.Status == feed.StatusOK && indexing {
					gate.Work(func() { p.arts = s.prepareArticles(r.Articles) })
				}
				out <- p
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
