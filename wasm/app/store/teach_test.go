package store

import (
	"testing"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/msg"
)

func TestGradCheck(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=3")
	s.OnAction(&action.CheckGradient{}) // at step 0: the workers get the settings first
	if !s.GradCheck().Busy {
		t.Fatal("not busy after CheckGradient")
	}
	p.deliver(-1)
	c := s.GradCheck()
	if c.Busy || c.Error != "" || c.Result == nil || c.Result.Step != 0 || c.Result.Method != spec.Incremental || len(c.Result.Tensors) != 4 {
		t.Fatalf("check at step 0: %+v, result %+v", c, c.Result)
	}
	s.OnAction(&action.Step{})
	p.deliver(-1)
	s.OnAction(&action.CheckGradient{})
	p.deliver(-1)
	c = s.GradCheck()
	if c.Result == nil || c.Result.Step != 1 {
		t.Fatalf("check after a step: %+v", c.Result)
	}
	for _, x := range c.Result.Tensors {
		if x.RelErr > 1e-6 {
			t.Errorf("%s: relative error %g", x.Name, x.RelErr)
		}
	}
	// The checks did not disturb the run.
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if !sameRows(s.Rows, reference(t, s.Settings.Config)) {
		t.Error("a run with checks differs from a run without")
	}
}

func TestCheckPlan(t *testing.T) {
	c := spec.Article()
	for _, tc := range []struct {
		method spec.Method
		size   int
		want   spec.Method
		sample int
	}{
		{spec.Numerical, 256, spec.Numerical, CheckSample},
		{spec.Numerical, 16, spec.Numerical, 0}, // P = 154: all of them
		{spec.Incremental, 256, spec.Incremental, 0},
		{spec.Backprop, 256, spec.Incremental, 0},
	} {
		c.Method, c.Size, c.Hidden = tc.method, tc.size, 8
		if m, n := CheckPlan(c); m != tc.want || n != tc.sample {
			t.Errorf("CheckPlan(%s, S=%d) = %s, %d; want %s, %d", tc.method, tc.size, m, n, tc.want, tc.sample)
		}
	}
}

// TestAutoCheck checks that a cheap check is redone after every step, and
// an expensive one is not.
func TestAutoCheck(t *testing.T) {
	s, p, _ := newStore(t, "grad=numerical&size=16&hidden=8&steps=3")
	fast := &msg.Loaded{Speeds: map[spec.Method]float64{spec.Numerical: 1e6, spec.Incremental: 1e6, spec.Backprop: 1e6}}
	s.OnAction(&action.FromWorker{Worker: 0, Msg: fast})
	if !s.CheckIsCheap() {
		t.Fatal("a check of a 16-8 network at 1 GFLOP/s is not cheap")
	}
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if c := s.GradCheck(); c.Result == nil || c.Result.Step != 3 || c.Result.Method != spec.Numerical || c.Result.Sampled {
		t.Fatalf("after a run, the check is %+v", c.Result)
	}

	// Backprop's steps are quick; its check, by incremental differences, is not.
	s, p, _ = newStore(t, "grad=backprop&steps=3")
	slow := &msg.Loaded{Speeds: map[spec.Method]float64{spec.Numerical: 1e6, spec.Incremental: 1e4, spec.Backprop: 1e6}}
	s.OnAction(&action.FromWorker{Worker: 0, Msg: slow})
	if s.CheckIsCheap() {
		t.Fatal("an incremental check of the article's network is cheap at 10 MFLOP/s")
	}
	s.OnAction(&action.Step{})
	p.deliver(-1)
	if c := s.GradCheck(); c.Busy || c.Result != nil {
		t.Errorf("an expensive check ran by itself: %+v", c)
	}
}

func TestTeachRefusedWhileStepping(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=3")
	s.OnAction(&action.Run{})
	p.deliver(1)
	sent := p.sent
	s.OnAction(&action.CheckGradient{})
	s.OnAction(&action.SweepH{})
	s.OnAction(&action.MeasureCost{})
	if p.sent != sent || s.GradCheck().Busy || s.HSweep().Busy || s.CostGrowth().Busy {
		t.Error("a teaching view asked the workers during a step")
	}
}

// TestTeachVoidAfterReset checks that a reset voids a request under way
// and the answers that still come for it.
func TestTeachVoidAfterReset(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=3")
	s.OnAction(&action.CheckGradient{})
	s.OnAction(&action.SweepH{})
	s.OnAction(&action.Set{Key: "lr", Value: "0.2"})
	if s.GradCheck().Busy || s.HSweep().Busy {
		t.Fatal("a request of the old run is still under way")
	}
	p.deliver(-1)
	if s.GradCheck().Result != nil || s.HSweep().Result != nil {
		t.Error("answers about the old run are shown")
	}
	s.OnAction(&action.CheckGradient{})
	p.deliver(-1)
	if s.GradCheck().Result == nil {
		t.Error("no check after asking again")
	}
}

func TestHSweep(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=3")
	s.OnAction(&action.SweepH{})
	p.deliver(-1)
	w := s.HSweep()
	if w.Busy || w.Result == nil || len(w.Result.H) != 12 || len(w.Result.Err) != 12 || w.Done != 12 || w.Total != 12 {
		t.Fatalf("sweep: %+v, result %+v", w, w.Result)
	}
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if !sameRows(s.Rows, reference(t, s.Settings.Config)) {
		t.Error("a run after a sweep at step 0 differs from a run without")
	}
}

func TestCostGrowth(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&batch=2&train=10")
	s.OnAction(&action.MeasureCost{})
	p.deliver(-1)
	g := s.CostGrowth()
	if g.Busy || g.Result == nil || len(g.Result.Points) != 15 || g.Done != g.Total || g.Total < 15 || len(g.Result.Slopes) != 3 {
		t.Fatalf("cost: %+v, result %+v", g, g.Result)
	}
	s.OnAction(&action.Set{Key: "lr", Value: "0.2"})
	if s.CostGrowth().Result != g.Result {
		t.Error("a new learning rate dropped the cost measurement")
	}
	s.OnAction(&action.Set{Key: "batch", Value: "3"})
	if s.CostGrowth().Result != nil {
		t.Error("a measurement of batch 2 is shown at batch 3")
	}
}

func TestTaskFailed(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8")
	s.OnAction(&action.SweepH{})
	p.lose() // the request is lost; the worker says it failed instead
	s.OnAction(&action.FromWorker{Worker: 0, Msg: &msg.TaskFailed{Run: s.run, Task: msg.TaskSweep, Text: "out of luck"}})
	if w := s.HSweep(); w.Busy || w.Error == "" || s.Status != Idle {
		t.Errorf("after a failed sweep: %+v, status %s", w, s.Status)
	}
}
