package replica

import (
	"context"
	"strings"
	"testing"

	"bibun/nn"
	"bibun/wasm/msg"
)

// last returns the last answer, which must be a T.
func last[T msg.Message](t *testing.T, got answers) T {
	t.Helper()
	if len(got) == 0 {
		t.Fatal("no answer")
	}
	m, ok := got[len(got)-1].(T)
	if !ok {
		t.Fatalf("answered %#v, want a %T", got[len(got)-1], m)
	}
	return m
}

// TestCheckGradient checks a replica's gradient check after one step
// against nn's own comparison, and that the check leaves the run as it was.
func TestCheckGradient(t *testing.T) {
	c := small()
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Init{Run: 2, Config: c})
	tr, _ := nn.NewTrainer(c)
	step := func(k int) {
		got = got[:0]
		r.Handle(&msg.Differentiate{Run: 2, Step: k, Lo: 0, Hi: c.Params()})
		p := last[*msg.Part](t, got)
		r.Handle(&msg.Apply{Run: 2, Step: k, G: p.G, Evals: p.Evals})
		if _, err := tr.Step(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
	step(1)

	// What the check should say, computed here from a trainer at the same step.
	p := c.Params()
	exact, diff := make([]float64, p), make([]float64, p)
	nn.NewGradient(nn.Backprop, 0).Compute(context.Background(), tr.Net, tr.Batch(), 0, p, exact, nil)
	nn.NewGradient(nn.Incremental, c.H).Compute(context.Background(), tr.Net, tr.Batch(), 0, p, diff, nil)

	got = got[:0]
	r.Handle(&msg.CheckGradient{Run: 2, Method: nn.Incremental})
	a := last[*msg.GradientChecked](t, got)
	if a.Run != 2 || a.Step != 1 || a.Method != nn.Incremental || a.Sampled || a.Done != p || a.Total != p || len(a.Tensors) != 4 {
		t.Fatalf("check answered %+v", a)
	}
	for i, ts := range tr.Net.Tensors() {
		x := a.Tensors[i]
		want := msg.TensorCheck{Name: ts.Name, Params: ts.Hi - ts.Lo,
			RelErr: nn.RelErr(exact[ts.Lo:ts.Hi], diff[ts.Lo:ts.Hi]), MaxRelErr: nn.MaxRelErr(exact[ts.Lo:ts.Hi], diff[ts.Lo:ts.Hi])}
		if x != want {
			t.Errorf("tensor %d: %+v, want %+v", i, x, want)
		}
		if x.RelErr > 1e-6 {
			t.Errorf("%s: incremental differs from backprop by %g", x.Name, x.RelErr)
		}
	}

	got = got[:0]
	r.Handle(&msg.CheckGradient{Run: 2, Method: nn.Numerical, Sample: 8})
	a = last[*msg.GradientChecked](t, got)
	want := len(nn.SampleParams(tr.Net, 8))
	n := 0
	for _, x := range a.Tensors {
		n += x.Params
		if x.RelErr > 1e-6 || x.MaxRelErr > 1e-4 {
			t.Errorf("numerical, %s: relative error %g, worst element %g", x.Name, x.RelErr, x.MaxRelErr)
		}
	}
	if !a.Sampled || a.Done != want || a.Total != want || n != want {
		t.Errorf("sampled check: %+v, tensors of %d parameters; want %d", a, n, want)
	}

	// The checks drew the next batch; the run must go on as without them.
	step(2)
	m := last[*msg.Measured](t, got)
	ref, _ := tr.Metrics(m.Metrics.Evals, m.Metrics.GradMs)
	if m.Metrics != ref {
		t.Errorf("step 2 after the checks: %+v, want %+v", m.Metrics, ref)
	}
}

func TestTeachingRefusals(t *testing.T) {
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.CheckGradient{Run: 1, Method: nn.Incremental})
	r.Handle(&msg.SweepH{Run: 1})
	r.Handle(&msg.Init{Run: 2, Config: small()})
	r.Handle(&msg.CheckGradient{Run: 2, Method: nn.Backprop})
	r.Handle(&msg.SweepH{Run: 3})
	bad := small()
	bad.Batch = 0
	r.Handle(&msg.MeasureCost{Run: 2, Config: bad})
	want := []struct{ task, text string }{
		{msg.TaskCheck, "not given the run's settings"},
		{msg.TaskSweep, "not given the run's settings"},
		{msg.TaskCheck, "not \"backprop\""},
		{msg.TaskSweep, "not given the run's settings"},
		{msg.TaskCost, "Batch"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d answers, want %d: %#v", len(got), len(want), got)
	}
	for i, w := range want {
		f, ok := got[i].(*msg.TaskFailed)
		if !ok || f.Task != w.task || !strings.Contains(f.Text, w.text) {
			t.Errorf("answer %d: %#v, want a TaskFailed of %s about %q", i, got[i], w.task, w.text)
		}
	}
}

func TestSweepH(t *testing.T) {
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Init{Run: 5, Config: small()})
	r.Handle(&msg.SweepH{Run: 5})
	hs := nn.HSteps()
	if len(got) != len(hs) {
		t.Fatalf("%d answers, want one per h (%d)", len(got), len(hs))
	}
	for n, m := range got {
		a, ok := m.(*msg.HSwept)
		if !ok || a.Run != 5 || a.Step != 0 || a.Total != len(hs) || len(a.H) != n+1 || len(a.Err) != n+1 || a.H[n] != hs[n] {
			t.Fatalf("answer %d: %#v", n, m)
		}
		if a.Params != len(nn.SampleParams(nn.NewNetwork(16, 8), SweepParams)) {
			t.Errorf("answer %d compares %d parameters", n, a.Params)
		}
		if !(a.Err[n] > 0) || !finite(a.Err[n]) {
			t.Errorf("h = %g: error %g", a.H[n], a.Err[n])
		}
	}
}

func TestMeasureCost(t *testing.T) {
	c := small()
	c.Batch = 2 // keeps the numerical method's largest network quick
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.MeasureCost{Run: 6, Config: c})
	points := len(nn.CostSizes(c)) * len(nn.Methods)
	turns := msg.CostPasses * points
	if len(got) != turns+1 {
		t.Fatalf("%d answers, want one before each turn and one at the end (%d)", len(got), turns+1)
	}
	for n, m := range got[:turns] {
		a := m.(*msg.CostMeasured)
		if len(a.Points) != min(n, points) || a.Done != n || a.Total != turns || a.Now.Params == 0 || a.Now.Ms != 0 {
			t.Fatalf("answer %d: %+v", n, a)
		}
		if n >= points && a.Now != got[n-points].(*msg.CostMeasured).Now {
			t.Fatalf("turn %d times %+v, the pass before %+v", n, a.Now, got[n-points].(*msg.CostMeasured).Now)
		}
	}
	a := last[*msg.CostMeasured](t, got)
	if len(a.Points) != points || a.Done != turns || a.Now != (msg.CostPoint{}) {
		t.Fatalf("last answer: %+v", a)
	}
	// Each point's time is the fastest of its turns: never above the first pass's.
	first := got[points].(*msg.CostMeasured).Points
	for i, p := range a.Points {
		if p.Ms > first[i].Ms {
			t.Errorf("point %d: %g ms after all passes, %g after the first", i, p.Ms, first[i].Ms)
		}
	}
	sizes := map[[2]int]int{} // the S and H of each network of nn.CostSizes, and its P
	for _, c := range nn.CostSizes(nn.Article()) {
		sizes[[2]int{c.Size, c.Hidden}] = c.Params()
	}
	for _, p := range a.Points {
		if params, ok := sizes[[2]int{p.Size, p.Hidden}]; !(p.Ms >= 0) || !ok || p.Params != params {
			t.Errorf("point %+v: not a time for one of the cost sizes (S, H: P) %v", p, sizes)
		}
	}
	for _, m := range nn.Methods {
		if s, ok := a.Slopes[m]; !ok || !finite(s) {
			t.Errorf("slope of %s: %v, %v", m, s, ok)
		}
	}
	t.Logf("slopes at batch 2: %v", a.Slopes)
}
