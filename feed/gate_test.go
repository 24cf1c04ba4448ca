package feed

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGateRunsAtMostItsSlots(t *testing.T) {
	g := NewGate(2)
	var now, most atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			g.Work(func() {
				n := now.Add(1)
				for {
					m := most.Load()
					if n <= m || most.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(time.Millisecond)
				now.Add(-1)
			})
		})
	}
	wg.Wait()
	if m := most.Load(); m != 2 {
		t.Errorf("%d ran at once, want 2", m)
	}
}

// The holder takes a slot at once, even while work has the only one, and
// no waiting work starts until it releases it.
func TestGateHolderGoesFirst(t *testing.T) {
	g := NewGate(1)
	release := make(chan struct{})
	order := make(chan string, 10)
	started := make(chan struct{})
	go g.Work(func() { close(started); <-release })
	<-started
	works := func() {
		for range 3 {
			go g.Work(func() { order <- "work" })
		}
		time.Sleep(20 * time.Millisecond) // they wait for the slot
	}
	works()
	go func() {
		g.Hold()
		order <- "holder"
	}()
	select {
	case got := <-order:
		if got != "holder" {
			t.Fatalf("%s ran while work had the only slot", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the holder waited for the work to finish")
	}
	works()
	close(release) // the first work leaves: the holder still has the slot
	select {
	case got := <-order:
		t.Fatalf("%s ran while the holder had the only slot", got)
	case <-time.After(50 * time.Millisecond):
	}
	g.Release()
	for range 6 {
		select {
		case got := <-order:
			if got != "work" {
				t.Fatalf("got %s", got)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the work never ran after the holder released")
		}
	}
}

func TestNilGateRunsEverything(t *testing.T) {
	var g *Gate
	g.Hold()
	ran := false
	g.Work(func() { ran = true })
	g.Release()
	if !ran {
		t.Error("a nil gate did not run the work")
	}
}
