package store

import (
	"testing"

	"bibun/wasm/app/action"
)

// The pool checks Store.Pending against what became of each message it
// carried, knowing nothing of the kinds of message: a message sent is a
// request if the replica posts anything while handling it, and is pending
// from its sending until the last of those posts reaches the store, or
// until its worker stops (a Start, or a kill). Whether a message the
// replica never handled would have been answered is found out by handling
// it when its worker stops, its posts going nowhere.

// request is a message sent to a replica, and what became of it.
type request struct {
	worker    int
	sent      int  // the clock when it was sent
	handled   bool // the replica has handled it (posts is known)
	posts     int  // messages the replica posted while handling it
	delivered int  // of those, how many reached the store
	ended     int  // the clock when the last reached the store or its worker stopped; 0 while neither
}

// answered notes that one more of r's posts reached the store at clock now.
func (r *request) answered(now int) {
	r.delivered++
	if r.handled && r.delivered == r.posts && r.ended == 0 {
		r.ended = now
	}
}

// pendingAt reports whether r counts as pending at clock c.
func (r *request) pendingAt(c int) bool {
	return r.sent <= c && r.posts > 0 && (r.ended == 0 || c < r.ended)
}

// handle has the replica handle message d.
func (p *pool) handle(d delivery) {
	if p.handling != nil {
		p.t.Fatal("a replica handles two messages at once")
	}
	p.handling = d.req
	d.do()
	p.handling = nil
	d.req.handled = true
	if d.req.posts == 0 && d.req.ended == 0 {
		d.req.ended = p.now // no answer: it was no request
	}
}

// end drops the messages on their way that stop says belong to workers
// that stop now, learning whether those not yet handled would have been
// answered, and ends every request of those workers.
func (p *pool) end(stop func(delivery) bool) {
	var keep []delivery
	for _, d := range p.queue {
		switch {
		case !stop(d):
			keep = append(keep, d)
		case !d.toPage:
			p.shadow = true
			p.handle(d)
			p.shadow = false
		}
	}
	p.queue = keep
	for _, r := range p.requests {
		if r.ended == 0 && stop(delivery{worker: r.worker, req: r}) {
			r.ended = p.now
		}
	}
}

// kill stops worker i as a crash would, and tells the store.
func (p *pool) kill(i int) {
	p.now++
	p.end(func(d delivery) bool { return d.worker == i })
	p.store.OnAction(&action.WorkerFailed{Worker: i, Text: "killed by the test"})
	p.check()
}

// check notes Store.Pending at this moment.
func (p *pool) check() {
	if p.store != nil {
		p.checks = append(p.checks, [2]int{p.now, p.store.Pending()})
	}
}

// checkPending fails the test unless Store.Pending was, at every
// delivery, the number of messages then pending. Messages still on their
// way are handled first, to learn whether they are requests.
func (p *pool) checkPending() {
	if p.lost {
		return
	}
	for _, d := range p.queue {
		if !d.toPage && !d.req.handled {
			p.shadow = true
			p.handle(d)
			p.shadow = false
		}
	}
	for _, c := range p.checks {
		want := 0
		for _, r := range p.requests {
			if r.pendingAt(c[0]) {
				want++
			}
		}
		if c[1] != want {
			p.t.Errorf("at %d on the clock: Pending() = %d, but %d messages sent then were still to be answered", c[0], c[1], want)
			return
		}
	}
}

// TestPending follows Pending through a run and the teaching views' work,
// in numbers worked out from the protocol; every delivery is also checked
// against what became of each message (checkPending).
func TestPending(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=2&workers=2&grad=incremental&batch=2&train=10") // a quick cost measurement
	if n := s.Pending(); n != 0 {
		t.Fatalf("before anything: %d pending", n)
	}
	s.OnAction(&action.Run{})
	if n := s.Pending(); n != 2 {
		t.Fatalf("Run: %d pending, want 2 (one part each)", n)
	}
	p.deliver(4) // both Inits, both Differentiates: two Parts on their way
	if n := s.Pending(); n != 2 {
		t.Fatalf("parts on their way: %d pending, want 2", n)
	}
	p.deliver(2) // both Parts: the gradient goes to both, only worker 0 answers
	if n := s.Pending(); n != 1 {
		t.Fatalf("after the parts: %d pending, want 1 (worker 0's Apply)", n)
	}
	p.deliver(-1)
	if s.Status != Done || s.Pending() != 0 {
		t.Fatalf("after the run: status %s, %d pending; want done, 0", s.Status, s.Pending())
	}

	// A check, a sweep and a cost measurement at once, then a run that
	// queues behind them on worker 0.
	s.OnAction(&action.Reset{})
	s.OnAction(&action.CheckGradient{})
	s.OnAction(&action.SweepH{})
	s.OnAction(&action.MeasureCost{})
	if n := s.Pending(); n != 3 {
		t.Fatalf("three teaching tasks: %d pending, want 3", n)
	}
	s.OnAction(&action.Run{})
	if n := s.Pending(); n != 5 {
		t.Fatalf("and a run: %d pending, want 5", n)
	}
	p.deliver(-1)
	if s.Status != Done || s.Pending() != 0 || s.GradCheck().Result == nil || s.HSweep().Result == nil || s.CostGrowth().Result == nil {
		t.Fatalf("after all: status %s, %d pending", s.Status, s.Pending())
	}

	// A setting changed while a check is under way voids it in the store,
	// but the worker still owes its answer.
	starts := p.starts
	s.OnAction(&action.CheckGradient{})
	s.OnAction(&action.Set{Key: "lr", Value: "0.2"})
	if n := s.Pending(); n != 1 || p.starts != starts {
		t.Fatalf("a check of the old settings: %d pending, %d starts; want 1 and the same workers", n, p.starts)
	}
	p.deliver(-1)
	if n := s.Pending(); n != 0 {
		t.Fatalf("the old check answered: %d pending", n)
	}

	// Reset during a step: the workers are replaced and owe nothing.
	s.OnAction(&action.Run{})
	p.deliver(3)
	s.OnAction(&action.Reset{})
	if n := s.Pending(); n != 0 {
		t.Fatalf("Reset during a step: %d pending", n)
	}

	// A worker dies during a step: the other still owes its part, which
	// the store no longer takes.
	s.OnAction(&action.Run{})
	p.deliver(3) // both Inits and worker 0's Differentiate: its Part is on its way
	p.kill(1)
	if s.Status != Failed || s.Pending() != 1 {
		t.Fatalf("worker 1 killed: status %s, %d pending; want error, 1", s.Status, s.Pending())
	}
	p.deliver(-1)
	if n := s.Pending(); n != 0 || len(s.Rows) != 0 {
		t.Fatalf("worker 0's part came: %d pending, %d rows; want 0, 0", n, len(s.Rows))
	}
}

// TestPendingNumerical: the numerical gradient in parts, two at a time per
// worker; a numerical gradient check long enough to say how far it is
// before it ends; and a run that diverges.
func TestPendingNumerical(t *testing.T) {
	s, p, _ := newStore(t, "grad=numerical&size=16&hidden=8&steps=2&workers=2")
	s.OnAction(&action.Run{})
	if n := s.Pending(); n != 4 {
		t.Fatalf("Run: %d pending, want 4 (two parts each)", n)
	}
	p.deliver(-1)
	if s.Status != Done || s.Pending() != 0 {
		t.Fatalf("after the run: status %s, %d pending", s.Status, s.Pending())
	}

	s, p, _ = newStore(t, "grad=numerical&steps=1")
	s.OnAction(&action.CheckGradient{})
	p.deliver(3) // the Inits, and the check: 256 parameters of the article's network
	// Its answers (progress, if it took long enough to report any, then
	// the result) wait in the queue: until the result is delivered, the
	// check is owed.
	if n := len(p.queue); n < 1 || s.Pending() != 1 {
		t.Fatalf("a check on its way: %d answers queued, %d pending; want its result queued, and 1", n, s.Pending())
	}
	p.deliver(-1)
	if s.GradCheck().Result == nil || s.Pending() != 0 {
		t.Fatalf("the check done: result %v, %d pending", s.GradCheck().Result, s.Pending())
	}

	s, p, _ = newStore(t, "lr=100&std=5&steps=3&workers=2&grad=incremental")
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if s.Status != Diverged || s.Pending() != 0 {
		t.Fatalf("a diverged run: status %s, %d pending", s.Status, s.Pending())
	}
}
