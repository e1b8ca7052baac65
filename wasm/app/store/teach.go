package store

import (
	"bibun/nn/spec"
	"bibun/wasm/cost"
	"bibun/wasm/msg"
)

// CheckSample is how many parameters a numerical gradient check compares
// when the network has more (nn.SampleParams): a whole numerical gradient
// of the article's network takes minutes, a sample of 256 about a second.
const CheckSample = 256

// AutoCheckMs is the most a gradient check may be expected to take, in
// milliseconds, for it to be redone by itself whenever the run stops
// between steps (after Step, a Pause or the last step). While a run goes
// on, a check would hold up its steps, so it waits.
const AutoCheckMs = 500

// Task is how far one of the teaching views' computations has come.
type Task struct {
	Busy        bool   // asked for and not yet answered in full
	Done, Total int    // how far, while Busy: parameters, h values or points
	Error       string // why the latest one failed, as the worker said; "" if it did not
}

// GradCheck is the gradient check of the current run.
type GradCheck struct {
	Task
	Result *msg.GradientChecked // the latest whole check; nil if none in this run
}

// HSweep is the h sweep of the current run.
type HSweep struct {
	Task
	Result *msg.HSwept // the h values swept so far; nil if none in this run
}

// CostGrowth is the measurement of gradient time against network size.
type CostGrowth struct {
	Task
	Result *msg.CostMeasured // the points measured so far; nil if none at this batch size
	Batch  int               // the batch size Result was measured with
}

// teaching holds the teaching views' computations. A request carries the
// run's number; when the run changes (a reset, a new setting) the
// request is void, as the workers may have been replaced, and so are the
// results that describe the old run's network.
type teaching struct {
	check    GradCheck
	checkRun int // the run check is of
	sweep    HSweep
	sweepRun int
	cost     CostGrowth
	costRun  int // the run of the latest request; the result outlives it
}

// TeachReady reports whether the teaching views may ask the workers for
// something: only between steps, so that nothing slows or disturbs a step.
func (s *Store) TeachReady() bool {
	return s.step == nil && (s.Status == Idle || s.Status == Paused || s.Status == Done)
}

// GradCheck returns the gradient check of the current run.
func (s *Store) GradCheck() GradCheck {
	if s.teach.checkRun != s.run {
		return GradCheck{}
	}
	return s.teach.check
}

// HSweep returns the h sweep of the current run.
func (s *Store) HSweep() HSweep {
	if s.teach.sweepRun != s.run {
		return HSweep{}
	}
	return s.teach.sweep
}

// CostGrowth returns the cost measurement at the current batch size.
func (s *Store) CostGrowth() CostGrowth {
	c := s.teach.cost
	if s.teach.costRun != s.run {
		c.Task = Task{Error: c.Error} // a request of an earlier run may never be answered
	}
	if c.Batch != s.Settings.Config.Batch {
		return CostGrowth{}
	}
	return c
}

// CheckPlan returns how the gradient check compares c's gradient with
// backprop's: with which difference method (backprop's own run is checked
// with incremental), and on how many sampled parameters (0: all P).
func CheckPlan(c spec.Config) (method spec.Method, sample int) {
	if c.Method != spec.Numerical {
		return spec.Incremental, 0
	}
	if c.Params() > CheckSample {
		return spec.Numerical, CheckSample
	}
	return spec.Numerical, 0
}

// CheckIsCheap reports whether a gradient check of the current settings
// is expected to take less than AutoCheckMs at this browser's speed; it is
// then redone whenever the run stops between steps.
func (s *Store) CheckIsCheap() bool {
	c := s.Settings.Config
	method, sample := CheckPlan(c)
	n := c.Params()
	if sample > 0 {
		n = min(n, sample)
	}
	diff, exact := c, c
	diff.Method, exact.Method = method, spec.Backprop
	v, w := s.speedOf(method), s.speedOf(spec.Backprop)
	return v > 0 && w > 0 && cost.Work(diff, n)/v+cost.Step(exact)/w < AutoCheckMs
}

// checkGradient asks worker 0 for a gradient check.
func (s *Store) checkGradient() {
	if !s.TeachReady() || s.GradCheck().Busy {
		return
	}
	s.askCheck()
}

// askCheck sends the check request, keeping a result of this run on view
// until the new one comes.
func (s *Store) askCheck() {
	method, sample := CheckPlan(s.Settings.Config)
	s.initWorkers()
	s.send(0, &msg.CheckGradient{Run: s.run, Method: method, Sample: sample})
	if s.teach.checkRun != s.run {
		s.teach.check, s.teach.checkRun = GradCheck{}, s.run
	}
	s.teach.check.Task = Task{Busy: true}
}

// sweepH asks worker 0 for an h sweep.
func (s *Store) sweepH() {
	if !s.TeachReady() || s.HSweep().Busy {
		return
	}
	s.initWorkers()
	s.send(0, &msg.SweepH{Run: s.run})
	s.teach.sweep, s.teach.sweepRun = HSweep{Task: Task{Busy: true}}, s.run
}

// measureCost asks worker 0 to time gradients over growing networks.
func (s *Store) measureCost() {
	if !s.TeachReady() || s.CostGrowth().Busy {
		return
	}
	c := s.Settings.Config
	s.send(0, &msg.MeasureCost{Run: s.run, Config: c})
	s.teach.cost, s.teach.costRun = CostGrowth{Task: Task{Busy: true}, Batch: c.Batch}, s.run
}

// gradientChecked takes how far the gradient check is, or its result.
func (s *Store) gradientChecked(m *msg.GradientChecked) {
	t := &s.teach
	if m.Run == s.run && t.checkRun == s.run && t.check.Busy {
		t.check.Done, t.check.Total = m.Done, m.Total
		if m.Tensors != nil {
			t.check.Result, t.check.Task = m, Task{}
		}
	}
}

// hSwept takes the h values swept so far.
func (s *Store) hSwept(m *msg.HSwept) {
	t := &s.teach
	if m.Run == s.run && t.sweepRun == s.run && t.sweep.Busy {
		t.sweep.Result = m
		t.sweep.Task = Task{Busy: len(m.H) < m.Total, Done: len(m.H), Total: m.Total}
	}
}

// costMeasured takes the cost points measured so far.
func (s *Store) costMeasured(m *msg.CostMeasured) {
	t := &s.teach
	if m.Run == t.costRun && t.costRun == s.run && t.cost.Busy {
		t.cost.Result = m
		t.cost.Task = Task{Busy: m.Done < m.Total, Done: m.Done, Total: m.Total}
	}
}

// recheck redoes a cheap gradient check when the step just measured has
// left the run at rest (paused or done), so that the check shown is of the
// network as it stands.
func (s *Store) recheck() {
	if (s.Status == Paused || s.Status == Done) && s.CheckIsCheap() && !s.GradCheck().Busy {
		s.askCheck()
	}
}

// taskFailed records why a teaching task failed.
func (s *Store) taskFailed(m *msg.TaskFailed) {
	if m.Run != s.run {
		return
	}
	text := m.Text
	if text == "" {
		text = "?" // it failed all the same
	}
	switch t := &s.teach; m.Task {
	case msg.TaskCheck:
		if t.checkRun == s.run {
			t.check.Task = Task{Error: text}
		}
	case msg.TaskSweep:
		if t.sweepRun == s.run {
			t.sweep.Task = Task{Error: text}
		}
	case msg.TaskCost:
		if t.costRun == s.run {
			t.cost.Task = Task{Error: text}
		}
	}
}

// initWorkers gives every replica the current run's settings, if they do
// not hold them yet: before a run's first step (begin), and before a
// teaching task at step 0, so that it finds the network.
func (s *Store) initWorkers() {
	if s.inited {
		return
	}
	for i := range s.replicas() {
		s.send(i, &msg.Init{Run: s.run, Config: s.Settings.Config})
	}
	s.inited = true
}
