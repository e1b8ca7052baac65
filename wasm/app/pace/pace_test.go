package pace

import (
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// The tests run in a synctest bubble: its clock moves only when every
// goroutine in it is blocked, so the intervals are exact whatever the
// machine's load, and the tests take no real time.

func TestPacer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var calls atomic.Int32
		p := New(50*time.Millisecond, func() { calls.Add(1) })
		p.Poke()
		if calls.Load() != 1 {
			t.Fatalf("the first Poke did not call at once")
		}
		for range 100 {
			p.Poke()
		}
		time.Sleep(49 * time.Millisecond)
		synctest.Wait()
		if calls.Load() != 1 {
			t.Fatalf("Pokes within the interval called before its end")
		}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if n := calls.Load(); n != 2 {
			t.Fatalf("at the end of the interval: %d calls, want 2 (one for all the Pokes in it)", n)
		}
		time.Sleep(time.Second)
		synctest.Wait()
		if n := calls.Load(); n != 2 {
			t.Fatalf("a second later, with no Poke: %d calls, want still 2", n)
		}
		p.Poke()
		if n := calls.Load(); n != 3 {
			t.Fatalf("a Poke after a quiet interval: %d calls, want 3 at once", n)
		}
	})
}

func TestPacerNow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
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
		time.Sleep(50 * time.Millisecond)
		synctest.Wait()
		if n := calls.Load(); n != 3 {
			t.Fatalf("at the end of the interval: %d calls, want 3", n)
		}
	})
}
