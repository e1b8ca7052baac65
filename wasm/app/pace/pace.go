// Package pace limits how often something runs: the page re-renders at
// most a few times a second, however fast the workers report.
package pace

import (
	"sync"
	"time"
)

// Pacer calls a function at most once per interval: at once when it has
// not run for an interval, otherwise once when the interval is over, for
// every Poke that came in between.
type Pacer struct {
	interval time.Duration
	f        func()

	mu      sync.Mutex
	last    time.Time // when f last ran
	pending bool      // a call is scheduled
}

// New returns a pacer of f.
func New(interval time.Duration, f func()) *Pacer {
	return &Pacer{interval: interval, f: f}
}

// Poke asks for a call of f, now or at the end of the interval.
func (p *Pacer) Poke() {
	p.mu.Lock()
	if p.pending {
		p.mu.Unlock()
		return
	}
	wait := p.interval - time.Since(p.last)
	if wait <= 0 {
		p.last = time.Now()
		p.mu.Unlock()
		p.f()
		return
	}
	p.pending = true
	p.mu.Unlock()
	time.AfterFunc(wait, func() {
		p.mu.Lock()
		p.pending, p.last = false, time.Now()
		p.mu.Unlock()
		p.f()
	})
}

// Now calls f at once, whatever the interval, and starts a new interval:
// a Poke within it waits for its end. A call already scheduled still comes.
func (p *Pacer) Now() {
	p.mu.Lock()
	p.last = time.Now()
	p.mu.Unlock()
	p.f()
}
