package store

import (
	"slices"
	"time"

	"bibun/nn/spec"
	"bibun/wasm/msg"
)

// gather is the step under way: the parts of its gradient as they come in.
type gather struct {
	k        int       // the step, from 1
	g        []float64 // ∂L/∂θ, filled part by part
	waiting  int       // parts asked for that have not come
	chunks   [][2]int  // ranges [lo, hi) of θ not yet asked for
	done     []int     // parameters each worker has done, with its part under way
	finished []int     // parameters of the parts each worker has sent
	busy     []float64 // milliseconds each worker spent on the parts it sent
	evals    int       // loss evaluations of the parts that came
	start    time.Time // when the step began
	alone    bool      // one replica computes the whole gradient and applies it itself: no Part comes, only Measured
}

// chunksPerWorker is how many parts of the numerical gradient each worker
// takes on average. Each worker holds at most two at a time and gets the
// next as it sends one, so a worker on a busier core takes fewer: the two
// cores of a small machine ran the same work a third apart in speed, and
// even halves left the faster one idle. The digits do not change, as each
// derivative is computed alone. Incremental and backprop keep one part a
// worker: their steps are short and their parts share work.
const chunksPerWorker = 16

// reset goes back to step 0 of a new run with the same settings, starting
// fresh workers if the old ones may be busy or broken, or are too few.
func (s *Store) reset() {
	s.run++
	if s.step != nil || s.ahead != nil || s.dirty || s.started != s.Workers() {
		s.started, s.dirty = s.Workers(), false
		s.workers.Start(s.started)
		s.pending.start(s.started)
	}
	s.step, s.ahead, s.inited, s.held = nil, nil, false, false
	s.Status, s.Stopped, s.Rows, s.Progress = Idle, Problem{}, nil, Progress{}
	s.predict(nil)
	s.forget()
}

// start runs until step last, from step 0 or a pause; while running, it
// moves the end of the run to last instead (a Run cancels a Pause).
func (s *Store) start(last int) {
	last = min(last, s.Settings.Config.Steps)
	switch s.Status {
	case Running:
		s.pauseAt = max(s.pauseAt, last)
	case Idle, Paused:
		s.Status, s.pauseAt = Running, last
		if s.drawGap > 0 && s.replicas() >= s.cores {
			s.held = true // the page draws the run's start first: drawn() begins
			return
		}
		s.begin()
	}
}

// pause makes the step under way the last of the run, or the step asked
// for after it, when a replica runs ahead (its replica takes it anyway).
func (s *Store) pause() {
	switch {
	case s.Status != Running:
	case s.ahead != nil:
		s.pauseAt = s.ahead.k
	case s.step != nil:
		s.pauseAt = s.step.k
	case s.held:
		s.pauseAt = len(s.Rows)
	}
}

// replicas returns how many workers, from worker 0, hold a replica of the
// run: all of them for the central differences, which they share, as many
// as fit in replicaBudget together; worker 0 alone for backprop, which
// computes every derivative at once, so that the others hold no copy of
// the data. (The digits are the same for any number.)
func (s *Store) replicas() int {
	c := s.Settings.Config
	if c.Method == spec.Backprop {
		return 1
	}
	return max(1, min(s.Workers(), int(replicaBudget/replicaBytes(c))))
}

// replicaBudget is the memory, in bytes, all replicas of a run may take
// together: a tab past a gigabyte or two risks being killed.
const replicaBudget = 1.2e9

// replicaBytes estimates the memory of one replica: the training and test
// samples and their hidden activations (two numbers per sample and hidden
// unit) in the accuracy passes, 8 bytes a number, 2.5 times over for the
// Go heap's headroom. At the largest settings that is 0.41 GB, as
// measured (README, Limits).
func replicaBytes(c spec.Config) float64 {
	n := float64(c.Train + c.Test)
	return 2.5 * 8 * (n*float64(c.Size) + 2*n*float64(c.Hidden))
}

// begin asks every replica for its part of the next step's gradient, or
// takes the next step as asked for already (runAhead).
func (s *Store) begin() {
	if st := s.ahead; st != nil {
		s.step, s.ahead = st, nil
	} else {
		s.initWorkers()
		s.step = s.request(len(s.Rows) + 1)
	}
	st := s.step
	s.Progress = Progress{Step: st.k, Total: s.Settings.Config.Params(), Left: s.Estimate()}
	s.runAhead()
}

// request asks every replica for its part of step k's gradient, and
// returns the step.
func (s *Store) request(k int) *gather {
	c, w := s.Settings.Config, s.replicas()
	p := c.Params()
	st := &gather{k: k, done: make([]int, w), finished: make([]int, w), busy: make([]float64, w),
		start: time.Now(), alone: w == 1}
	if !st.alone {
		st.g = make([]float64, p)
	}
	n := w
	if c.Method == spec.Numerical && w > 1 {
		n = min(chunksPerWorker*w, p)
	}
	for j := range n {
		lo, hi := split(c, j, n)
		st.chunks = append(st.chunks, [2]int{lo, hi})
	}
	for range min(2, (n+w-1)/w) { // two parts each to start with, when there are
		for i := range w {
			s.ask(st, i)
		}
	}
	return st
}

// runAhead asks a replica that applies its own gradient for the step after
// the one under way, if the run goes that far: the worker then goes from
// one step to the next without waiting for the page to hear of the first,
// and the page's own work (drawing, a busy moment) stays off the run's
// path. A Pause then stops after that step (pause). Not when the page
// draws between steps (DrawBetweenSteps): the run waits for it anyway.
func (s *Store) runAhead() {
	st := s.step
	k := st.k + 1
	if !st.alone || s.ahead != nil || k > min(s.pauseAt, s.Settings.Config.Steps) || s.drawGap > 0 && s.replicas() >= s.cores {
		return
	}
	s.ahead = s.request(k)
}

// ask sends worker i the next part of step st's gradient, if one is left.
func (s *Store) ask(st *gather, i int) {
	if len(st.chunks) == 0 {
		return
	}
	r := st.chunks[0]
	st.chunks = st.chunks[1:]
	st.waiting++
	s.send(i, &msg.Differentiate{Run: s.run, Step: st.k, Lo: r[0], Hi: r[1], Apply: st.alone})
}

// split returns part i's range [lo, hi) of c's parameters among w parts:
// an even share of the central differences; for backprop, which computes
// every derivative at once, all to part 0 and none to the others.
func split(c spec.Config, i, w int) (lo, hi int) {
	p := c.Params()
	if c.Method == spec.Backprop {
		if i == 0 {
			return 0, p
		}
		return 0, 0
	}
	return i * p / w, (i + 1) * p / w
}

// about returns the step under way if it is step k of run and worker i
// takes part in it; nil for an answer about a step no longer under way.
func (s *Store) about(i, run, k int) *gather {
	if st := s.step; st != nil && run == s.run && k == st.k && i >= 0 && i < len(st.done) {
		return st
	}
	return nil
}

// progressed notes how far worker i is in its part of the step.
func (s *Store) progressed(i int, m *msg.Progress) {
	if st := s.about(i, m.Run, m.Step); st != nil {
		st.done[i] = st.finished[i] + m.Done
		s.progress()
	}
}

// gathered takes worker i's part of the step's gradient, asks it for the
// next part, and once every part has come applies the whole gradient.
func (s *Store) gathered(i int, m *msg.Part) {
	st := s.about(i, m.Run, m.Step)
	if st == nil || st.waiting == 0 || st.alone {
		return
	}
	copy(st.g[m.Lo:m.Hi], m.G)
	st.finished[i] += m.Hi - m.Lo
	st.done[i] = st.finished[i]
	st.busy[i] += m.Ms
	st.evals += m.Evals
	st.waiting--
	s.ask(st, i)
	s.progress()
	if st.waiting == 0 {
		s.apply(&msg.Apply{Run: s.run, Step: st.k, G: st.g, Evals: st.evals, GradMs: slices.Max(st.busy)})
	}
}

// measured finishes the step with worker i's metrics of it (worker 0
// measures), and reports whether it did: false for metrics of a step no
// longer under way.
func (s *Store) measured(i int, m *msg.Measured) bool {
	st := s.about(i, m.Run, m.Metrics.Step)
	if st == nil || st.waiting > 0 && !st.alone {
		return false
	}
	s.finish(m)
	return true
}

// failed stops the run because worker i could not do its part of it.
func (s *Store) failed(i int, m *msg.Failed) {
	if st := s.step; st == nil || m.Run != s.run || i < 0 || i >= len(st.done) {
		return // about a step no longer under way
	}
	if m.Diverged {
		s.diverge(m.Step, m.What, m.Loss)
	} else {
		s.fail(i, m.Text)
	}
}

// apply posts m to every replica: to all workers at once (the gradient is
// encoded once) when all hold one.
func (s *Store) apply(m *msg.Apply) {
	if n := len(s.step.done); n < s.Workers() { // fewer replicas than workers
		for i := range n {
			s.send(i, m)
		}
		return
	}
	s.sendAll(m)
}

// progress updates Progress from the step's parts.
func (s *Store) progress() {
	st := s.step
	done := 0
	for _, d := range st.done {
		done += d
	}
	s.Progress.Done = done
	if p := s.Progress.Total; done > 0 && done < p {
		elapsed := time.Since(st.start)
		s.Progress.Left = time.Duration(float64(elapsed) * float64(p-done) / float64(done))
	}
}

// finish records a step's metrics and takes the next step, or stops.
func (s *Store) finish(m *msg.Measured) {
	s.Rows = append(s.Rows, m.Metrics)
	s.recorded()
	s.predict(m.Preds)
	s.learn(m.Metrics.GradMs)
	st := s.step
	s.step = nil
	s.Progress.Done, s.Progress.Left = s.Progress.Total, 0
	k := len(s.Rows)
	more := k < s.Settings.Config.Steps && k < s.pauseAt
	if more && s.drawGap > 0 && len(st.done) >= s.cores && time.Since(st.start) >= s.drawGap {
		s.held = true // drawn() goes on
		return
	}
	s.next()
}

// next takes the next step, or stops after the last step or at a pause;
// a step asked for already is taken in any case (its replica takes it).
func (s *Store) next() {
	switch k := len(s.Rows); {
	case s.ahead != nil:
		s.begin()
	case k >= s.Settings.Config.Steps:
		s.Status = Done
	case k >= s.pauseAt:
		s.Status = Paused
	default:
		s.begin()
	}
}

// drawn goes on with a run held for the page to draw its latest step.
func (s *Store) drawn() {
	if !s.held {
		return
	}
	s.held = false
	if s.Status == Running {
		s.next()
	}
}

// diverge stops the run at step k, which stays out of the table: what (the
// loss or the gradient) is not a finite number, or the loss, when finite,
// passed the trainer's limit (nn.MaxLoss).
func (s *Store) diverge(k int, what string, loss float64) {
	c := s.Settings.Config
	s.stop(Diverged, Problem{Step: k, What: what, Loss: loss, LR: c.LR, Std: c.Std})
}

// fail stops the run because worker i failed as reason says.
func (s *Store) fail(i int, reason string) {
	s.stop(Failed, Problem{Worker: i + 1, Reason: reason})
}

// stop ends the run with status st for reason p; the next reset starts
// fresh workers, since some may still be busy with the step or broken.
func (s *Store) stop(st Status, p Problem) {
	s.Status, s.Stopped = st, p
	s.step, s.ahead, s.inited, s.dirty, s.held = nil, nil, false, true, false
	s.run++ // what the workers still say about this run is stale
}

// predict labels the samples with preds, or with none when preds is nil.
// It replaces Samples, so that the view, which keeps the last Samples it
// rendered, sees the change.
func (s *Store) predict(preds []msg.Pred) {
	next := slices.Clone(s.Samples)
	for n := range next {
		next[n].Pred = nil
		if n < len(preds) {
			next[n].Pred = &preds[n]
		}
	}
	s.Samples = next
}
