package store

import "bibun/wasm/msg"

// pending holds, by worker, the requests the page has sent to the workers
// it runs now (since the latest Workers.Start) that they have not answered
// yet, whatever run they were for. A request is a message a worker always
// answers, with one message that ends it:
//
//   - Differentiate, with the Part of its range, or a Failed of its step;
//     one that says Apply, with the Measured of its step, or a Failed;
//   - Apply to worker 0, with the Measured of its step, or a Failed of it;
//   - CheckGradient, SweepH and MeasureCost, with their last answer (the
//     check's tensors, the last h, the last turn), or a TaskFailed;
//   - Wiggle and ShowWeights, with their one answer or a TaskFailed.
//
// Init, and Apply to any other worker, are answered only when they fail,
// so they are no requests; Progress and the earlier answers of a teaching
// task say how far a request is without ending it. A worker that failed
// owes nothing more.
type pending [][]msg.Message

// start forgets every request: the workers were replaced by n fresh ones.
func (p *pending) start(n int) { *p = make(pending, n) }

// sent notes m, sent to worker i, if it is a request.
func (p pending) sent(i int, m msg.Message) {
	if i < 0 || i >= len(p) {
		return
	}
	switch m.(type) {
	case *msg.Apply:
		if i != 0 {
			return
		}
	case *msg.Differentiate, *msg.CheckGradient, *msg.SweepH, *msg.MeasureCost, *msg.Wiggle, *msg.ShowWeights:
	default:
		return
	}
	p[i] = append(p[i], m)
}

// answered forgets worker i's first request that m ends, if any.
func (p pending) answered(i int, m msg.Message) {
	if i < 0 || i >= len(p) {
		return
	}
	for n, r := range p[i] {
		if ends(m, r) {
			p[i] = append(p[i][:n:n], p[i][n+1:]...)
			return
		}
	}
}

// lost forgets the requests of worker i, which failed.
func (p pending) lost(i int) {
	if i >= 0 && i < len(p) {
		p[i] = nil
	}
}

// count returns how many requests are not answered yet.
func (p pending) count() int {
	n := 0
	for _, rs := range p {
		n += len(rs)
	}
	return n
}

// ends reports whether answer a ends request r.
func ends(a, r msg.Message) bool {
	switch a := a.(type) {
	case *msg.Part:
		d, ok := r.(*msg.Differentiate)
		return ok && d.Run == a.Run && d.Step == a.Step && d.Lo == a.Lo && d.Hi == a.Hi
	case *msg.Measured:
		switch r := r.(type) {
		case *msg.Apply:
			return r.Run == a.Run && r.Step == a.Metrics.Step
		case *msg.Differentiate: // of a replica that applies its own gradient
			return r.Apply && r.Run == a.Run && r.Step == a.Metrics.Step
		}
	case *msg.Failed:
		switch r := r.(type) {
		case *msg.Differentiate:
			return r.Run == a.Run && r.Step == a.Step
		case *msg.Apply:
			return r.Run == a.Run && r.Step == a.Step
		}
	case *msg.GradientChecked:
		c, ok := r.(*msg.CheckGradient)
		return ok && c.Run == a.Run && a.Tensors != nil
	case *msg.HSwept:
		w, ok := r.(*msg.SweepH)
		return ok && w.Run == a.Run && len(a.H) == a.Total
	case *msg.CostMeasured:
		c, ok := r.(*msg.MeasureCost)
		return ok && c.Run == a.Run && a.Done == a.Total
	case *msg.Wiggled:
		w, ok := r.(*msg.Wiggle)
		return ok && w.Run == a.Run
	case *msg.Weights:
		w, ok := r.(*msg.ShowWeights)
		return ok && w.Run == a.Run
	case *msg.TaskFailed:
		switch r := r.(type) {
		case *msg.CheckGradient:
			return a.Task == msg.TaskCheck && r.Run == a.Run
		case *msg.SweepH:
			return a.Task == msg.TaskSweep && r.Run == a.Run
		case *msg.MeasureCost:
			return a.Task == msg.TaskCost && r.Run == a.Run
		case *msg.Wiggle:
			return a.Task == msg.TaskWiggle && r.Run == a.Run
		case *msg.ShowWeights:
			return a.Task == msg.TaskWeights && r.Run == a.Run
		}
	}
	return false
}

// Pending returns how many requests the page has sent to its workers that
// they have not answered yet (see pending): 0 when no worker owes the page
// anything, so that none will report a step, a part or a teaching result
// until an action asks again. While the run is Running it may be 0 between
// two steps held for the page to draw (Held).
func (s *Store) Pending() int { return s.pending.count() }

// send posts m to worker i and notes it if it is a request.
func (s *Store) send(i int, m msg.Message) {
	s.workers.Send(i, m)
	s.pending.sent(i, m)
}

// sendAll posts m to every worker and notes it for each it is a request to.
func (s *Store) sendAll(m msg.Message) {
	s.workers.SendAll(m)
	for i := range s.started {
		s.pending.sent(i, m)
	}
}
