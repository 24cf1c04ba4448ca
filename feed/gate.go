package feed

import "sync"

// Gate shares the CPUs between one goroutine that must not fall behind
// and the work that feeds it. In a refresh that goroutine is the saver:
// it alone writes the cache, so its pace is the refresh's, while parsing
// and reading ahead can use every core. Go's scheduler shares the cores
// evenly between runnable goroutines, which left the saver a third of a
// core when five were busy; behind a Gate, work waits for a free slot
// (one per core), while a holder (the saver) takes a slot at once, even
// when work has them all: no new work starts until the slots are free
// again. So the saver runs whenever it has something to do, never waits
// for work to finish, and the work runs on the other cores, and on all of
// them while the saver waits for input.
//
// A nil *Gate lets everything run at once.
type Gate struct {
	mu   sync.Mutex
	cond sync.Cond
	free int // below 0 while holders overdraw
}

// NewGate makes a Gate of n slots (at least 1).
func NewGate(n int) *Gate {
	g := &Gate{free: max(n, 1)}
	g.cond.L = &g.mu
	return g
}

// Work runs f in a slot, once one is free.
func (g *Gate) Work(f func()) {
	if g == nil {
		f()
		return
	}
	g.mu.Lock()
	for g.free <= 0 {
		g.cond.Wait()
	}
	g.free--
	g.mu.Unlock()
	defer g.leave()
	f()
}

// Hold takes a slot for the goroutine with priority, at once: when work
// has every slot, the holder overdraws, and no work starts until one is
// free again. Release gives it back. The holder must release its slot
// before anything that waits for the work (a channel the work fills),
// and it may hold it again afterwards.
func (g *Gate) Hold() {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.free--
	g.mu.Unlock()
}

// Release gives back the slot Hold took.
func (g *Gate) Release() {
	if g != nil {
		g.leave()
	}
}

func (g *Gate) leave() {
	g.mu.Lock()
	g.free++
	g.mu.Unlock()
	g.cond.Broadcast()
}
