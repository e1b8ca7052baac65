package pace

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestPacer(t *testing.T) {
	var calls atomic.Int32
	p := New(50*time.Millisecond, func() { calls.Add(1) })
	p.Poke()
	if calls.Load() != 1 {
		t.Fatalf("the first Poke did not call at once")
	}
	for range 100 {
		p.Poke()
	}
	if calls.Load() != 1 {
		t.Fatalf("Pokes within the interval called at once")
	}
	time.Sleep(120 * time.Millisecond)
	if n := calls.Load(); n != 2 {
		t.Fatalf("after the interval: %d calls, want 2 (one for all the Pokes in it)", n)
	}
}

func TestPacerNow(t *testing.T) {
	var calls atomic.Int32
	p := New(50*time.Millisecond, func() { calls.Add(1) })
	p.Now()
	p.Now()
	if n := calls.Load(); n != 2 {
		t.Fatalf("two Nows: %d calls, want 2 at once", n)
	}
	p.Poke()
	if n := calls.Load(); n != 2 {
		t.Fatalf("a Poke right after Now called at once")
	}
	time.Sleep(120 * time.Millisecond)
	if n := calls.Load(); n != 3 {
		t.Fatalf("after the interval: %d calls, want 3", n)
	}
}
