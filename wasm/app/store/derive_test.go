package store

import (
	"slices"
	"strconv"
	"testing"

	"bibun/nn"
	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/msg"
)

// fast is a speed at which every wiggle of a small network is cheap.
var fast = &msg.Loaded{Speeds: map[spec.Method]float64{spec.Numerical: 1e6, spec.Incremental: 1e6, spec.Backprop: 1e6}}

// trainerAt returns a trainer of c after k steps.
func trainerAt(t *testing.T, c spec.Config, k int) *nn.Trainer {
	t.Helper()
	tr, err := nn.NewTrainer(c)
	if err != nil {
		t.Fatal(err)
	}
	for range k {
		if _, err := tr.Step(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

// owed counts the requests of type T worker 0 owes the store.
func owed[T msg.Message](s *Store) int {
	n := 0
	for _, m := range s.pending[0] {
		if _, ok := m.(T); ok {
			n++
		}
	}
	return n
}

// TestWiggleFollowsTheRun: where wiggles are cheap, the Wiggle view and the
// weights picture follow the run from step 0, each step and each
// parameter, without touching the run; the numbers are nn's.
func TestWiggleFollowsTheRun(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=3&param=100")
	s.OnAction(&action.FromWorker{Worker: 0, Msg: fast})
	if !s.WiggleIsCheap() {
		t.Fatal("a wiggle of a 16-8 network at 1 GFLOP/s is not cheap")
	}
	p.deliver(-1)
	c := s.Settings.Config
	check := func(step, param int, h float64) {
		t.Helper()
		w := s.Wiggle()
		tr := trainerAt(t, c, step)
		want := (&nn.Wiggler{}).Wiggle(tr.Net, tr.Batch(), param, h)
		if w.Result == nil || w.Result.Step != step || w.Result.Wiggle != want || w.Busy || w.Stale || !w.Auto {
			t.Fatalf("step %d, θ_%d, h %g: %+v, result %+v; want %+v", step, param, h, w, w.Result, want)
		}
		ws := s.Weights()
		if ws.Step != step || len(ws.Pictures) != c.Hidden || ws.Size != c.Size || ws.Scale <= 0 {
			t.Fatalf("step %d: weights step %d, %d pictures", step, ws.Step, len(ws.Pictures))
		}
	}
	check(0, 100, c.H)
	before := slices.Clone(s.Weights().Pictures)

	s.OnAction(&action.Step{})
	p.deliver(-1)
	check(1, 100, c.H)
	if slices.Equal(before, s.Weights().Pictures) {
		t.Error("the weights picture did not change after a step")
	}

	// A parameter, then an h: the run stays; the trail gathers the h tried.
	s.OnAction(&action.Set{Key: "param", Value: "7"})
	if len(s.Rows) != 1 || s.Status != Paused {
		t.Fatalf("param=7 changed the run: %d rows, %s", len(s.Rows), s.Status)
	}
	p.deliver(-1)
	check(1, 7, c.H)
	for _, h := range []string{"1e-2", "1e-8", "abc", "1e-99"} {
		s.OnAction(&action.WiggleH{Value: h})
		p.deliver(-1)
	}
	check(1, 7, spec.MinH) // 1e-99 is brought up to the smallest h a link allows
	var hs []float64
	for _, w := range s.Wiggle().Trail {
		hs = append(hs, w.H)
	}
	if !slices.Equal(hs, []float64{spec.MinH, 1e-8, c.H, 1e-2}) {
		t.Errorf("trail of h %v, want every h tried, in order", hs)
	}

	s.OnAction(&action.Run{})
	p.deliver(-1)
	check(3, 7, spec.MinH)
	if len(s.Wiggle().Trail) != 1 {
		t.Errorf("a new step kept a trail of %d", len(s.Wiggle().Trail))
	}
	if !sameRows(s.Rows, reference(t, c)) {
		t.Error("a run with wiggles differs from a run without")
	}
}

// TestWiggleOneAtATime: a dragged slider asks for one wiggle while worker
// 0 owes one, and for the latest h once it comes.
func TestWiggleOneAtATime(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8")
	s.OnAction(&action.FromWorker{Worker: 0, Msg: fast})
	p.deliver(-1)
	for _, h := range []string{"1e-2", "1e-3", "1e-4", "1e-5", "1e-6"} {
		s.OnAction(&action.WiggleH{Value: h})
	}
	if n := owed[*msg.Wiggle](s); n != 1 {
		t.Fatalf("%d wiggles asked for while one is owed, want 1", n)
	}
	p.deliver(-1)
	if w := s.Wiggle(); w.Result == nil || w.Result.Wiggle.H != 1e-6 || len(w.Trail) != 3 {
		t.Errorf("after the slider: %+v; want h = 1e-6 and a trail of the h asked for (the run's, 1e-2, 1e-6)", w)
	}
}

// TestWiggleWhenCostly: where a wiggle is costly (here: the browser's speed
// is not yet known), the view waits for the visitor's button, between
// steps; the weights still follow every step.
func TestWiggleWhenCostly(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=3")
	if n := len(p.queue); n != 0 {
		t.Fatalf("at load, %d messages sent", n)
	}
	s.OnAction(&action.Step{})
	p.deliver(-1)
	if w := s.Wiggle(); w.Result != nil || w.Auto || w.Busy {
		t.Fatalf("costly: %+v", w)
	}
	if ws := s.Weights(); ws.Step != 1 || len(ws.Pictures) != 8 {
		t.Fatalf("weights after a step: %+v", ws)
	}
	s.OnAction(&action.Wiggle{})
	if w := s.Wiggle(); !w.Busy {
		t.Fatalf("after the button: %+v, want busy", w)
	}
	p.deliver(-1)
	if w := s.Wiggle(); w.Result == nil || w.Result.Step != 1 || w.Busy || w.Stale {
		t.Fatalf("after the button: %+v", w)
	}
	s.OnAction(&action.Step{})
	p.deliver(-1)
	if w := s.Wiggle(); !w.Stale || w.Result.Step != 1 {
		t.Errorf("a step later: %+v, want the step-1 wiggle, stale", w)
	}
	s.OnAction(&action.Set{Key: "param", Value: "3"}) // once asked for, a costly wiggle follows the visitor between steps
	p.deliver(-1)
	if w := s.Wiggle(); w.Result == nil || w.Result.Step != 2 || w.Result.Wiggle.K != 3 {
		t.Errorf("param=3 at rest: %+v", w.Result)
	}
}

// TestFindTheBug is the exercise: a link plants a bug in a backprop run;
// its digits are those of nn's run with that bug, the gradient check
// singles out the tensors it breaks, and the page names it only when asked.
func TestFindTheBug(t *testing.T) {
	for _, bug := range spec.Bugs {
		s, p, _ := newStore(t, "grad=backprop&size=16&hidden=8&steps=2&bug="+string(bug))
		if s.Settings.Config.Bug != bug || len(s.Notices) != 0 {
			t.Fatalf("bug=%s: %q, notices %v", bug, s.Settings.Config.Bug, s.Notices)
		}
		s.OnAction(&action.Run{})
		p.deliver(-1)
		if !sameRows(s.Rows, reference(t, s.Settings.Config)) {
			t.Errorf("%s: the run differs from nn's with the bug", bug)
		}
		s.OnAction(&action.CheckGradient{})
		p.deliver(-1)
		r := s.GradCheck().Result
		if r == nil {
			t.Fatalf("%s: no check", bug)
		}
		for _, x := range r.Tensors {
			if broken := slices.Contains(bug.Breaks(), x.Name); broken && !(x.RelErr > 1e-2) || !broken && !(x.RelErr < 1e-6) {
				t.Errorf("%s: %s relative error %.3g (broken: %v)", bug, x.Name, x.RelErr, broken)
			}
		}
		if s.BugRevealed() {
			t.Errorf("%s: named before the visitor asked", bug)
		}
		s.OnAction(&action.RevealBug{})
		if !s.BugRevealed() {
			t.Errorf("%s: not named after Reveal", bug)
		}
		s.OnAction(&action.PlantBug{})
		if b := s.Settings.Config.Bug; b == bug || !slices.Contains(spec.Bugs, b) || s.BugRevealed() || len(s.Rows) != 0 {
			t.Errorf("planted %q after %q: revealed %v, %d rows", b, bug, s.BugRevealed(), len(s.Rows))
		}
	}
	s, _, _ := newStore(t, "grad=backprop&bug=w2-transposed&lock=bug")
	s.OnAction(&action.PlantBug{})
	if s.Settings.Config.Bug != spec.W2Transposed || len(s.Notices) != 1 || s.Notices[0].Key != "bug" {
		t.Errorf("Plant with bug locked: %q, notices %v; want the bug kept, with a notice", s.Settings.Config.Bug, s.Notices)
	}
	s, _, _ = newStore(t, "bug=%3Cscript%3E")
	if s.Settings.Config.Bug != spec.NoBug || len(s.Notices) != 1 || s.Notices[0].Key != "bug" {
		t.Errorf("bug=<script>: %q, notices %v", s.Settings.Config.Bug, s.Notices)
	}
	s.OnAction(&action.RevealBug{})
	if s.BugRevealed() {
		t.Error("no bug, yet one is named")
	}
}

// TestLongRunFollowedNowAndThen: a run of more than 100 steps updates the
// derivative views every hundredth of it while it runs, and at its end,
// not after every step: a step's page work must not outgrow a fast
// gradient.
func TestLongRunFollowedNowAndThen(t *testing.T) {
	for _, c := range []struct {
		steps, most int // the run's steps; the weights requests it may make
	}{
		{15, 15 + 2},     // every step, as before
		{300, 300/3 + 2}, // every third step
	} {
		s, p, _ := newStore(t, "size=16&hidden=8&grad=backprop&steps="+strconv.Itoa(c.steps))
		s.OnAction(&action.FromWorker{Worker: 0, Msg: fast})
		p.deliver(-1)
		p.weights = 0
		s.OnAction(&action.Run{})
		p.deliver(-1)
		if s.Status != Done || len(s.Rows) != c.steps {
			t.Fatalf("%d steps: %s after %d rows", c.steps, s.Status, len(s.Rows))
		}
		// One request at a time: a step that ends while the last is owed
		// is not asked for, so a short run asks for about every other step.
		if p.weights > c.most || p.weights < 2 {
			t.Errorf("%d steps: %d weights requests, want 2 to %d", c.steps, p.weights, c.most)
		}
		t.Logf("%d steps: %d weights requests", c.steps, p.weights)
		if w := s.Weights(); w.Step != c.steps {
			t.Errorf("%d steps: the weights shown are of step %d, want the last", c.steps, w.Step)
		}
	}
}
