package replica

import (
	"context"
	"math"
	"strings"
	"testing"

	"bibun/nn"
	"bibun/wasm/msg"
)

// answers collects what a replica posts.
type answers []msg.Message

func (a *answers) post(m msg.Message) { *a = append(*a, m) }

func small() nn.Config {
	c := nn.Article()
	c.Size, c.Hidden, c.Steps = 16, 8, 3
	return c
}

// TestStepsMatchTrainer runs a replica alone (worker 0 of 1) through a run
// and compares its metrics with nn.Trainer.Step's.
func TestStepsMatchTrainer(t *testing.T) {
	c := small()
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Init{Run: 7, Config: c})
	tr, _ := nn.NewTrainer(c)
	for k := 1; k <= c.Steps; k++ {
		got = got[:0]
		r.Handle(&msg.Differentiate{Run: 7, Step: k, Lo: 0, Hi: c.Params()})
		part, ok := got[len(got)-1].(*msg.Part)
		if !ok {
			t.Fatalf("step %d: answered %#v, want a Part", k, got[len(got)-1])
		}
		got = got[:0]
		r.Handle(&msg.Apply{Run: 7, Step: k, G: part.G, Evals: part.Evals, GradMs: part.Ms})
		m, ok := got[0].(*msg.Measured)
		if !ok || len(got) != 1 {
			t.Fatalf("step %d: Apply answered %#v, want one Measured", k, got)
		}
		want, err := tr.Step(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		m.Metrics.GradMs, want.GradMs = 0, 0
		if m.Run != 7 || m.Metrics != want {
			t.Errorf("step %d: run %d, metrics %+v, want %+v", k, m.Run, m.Metrics, want)
		}
		if len(m.Preds) != msg.Shown || m.Preds[0].Prob < 0.5 || m.Preds[0].Prob > 1 {
			t.Errorf("step %d: predictions %+v", k, m.Preds)
		}
	}
}

// TestOtherWorkersOnlyApply checks that a worker other than 0 answers
// Apply with nothing.
func TestOtherWorkersOnlyApply(t *testing.T) {
	c := small()
	var got answers
	r := New(2, got.post)
	r.Handle(&msg.Init{Run: 1, Config: c})
	r.Handle(&msg.Differentiate{Run: 1, Step: 1, Lo: 5, Hi: 9})
	p := got[len(got)-1].(*msg.Part)
	if p.Lo != 5 || p.Hi != 9 || len(p.G) != 4 || p.Evals != 8 {
		t.Fatalf("part %+v", p)
	}
	got = got[:0]
	r.Handle(&msg.Apply{Run: 1, Step: 1, G: make(msg.Vector, c.Params())})
	if len(got) != 0 {
		t.Errorf("worker 2 answered Apply with %#v", got)
	}
}

func TestRefusals(t *testing.T) {
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Differentiate{Run: 1, Step: 1, Lo: 0, Hi: 1})
	bad := small()
	bad.Hidden = 0
	r.Handle(&msg.Init{Run: 2, Config: bad})
	r.Handle(&msg.Init{Run: 3, Config: small()})
	r.Handle(&msg.Differentiate{Run: 3, Step: 2, Lo: 0, Hi: 1})
	r.Handle(&msg.Differentiate{Run: 4, Step: 1, Lo: 0, Hi: 1})
	want := []string{"not given the run's settings", "Hidden", "not at the step before", "not given the run's settings"}
	if len(got) != len(want) {
		t.Fatalf("got %d answers, want %d: %#v", len(got), len(want), got)
	}
	for i, w := range want {
		f, ok := got[i].(*msg.Failed)
		if !ok || f.Diverged || !strings.Contains(f.Text, w) {
			t.Errorf("answer %d: %#v, want a Failed about %q", i, got[i], w)
		}
	}
}

func TestDivergedApply(t *testing.T) {
	c := small()
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Init{Run: 1, Config: c})
	r.Handle(&msg.Differentiate{Run: 1, Step: 1, Lo: 0, Hi: 0})
	got = got[:0]
	g := make(msg.Vector, c.Params())
	g[3] = math.NaN()
	r.Handle(&msg.Apply{Run: 1, Step: 1, G: g})
	f, ok := got[0].(*msg.Failed)
	if !ok || !f.Diverged || f.What != "gradient" || f.Step != 1 {
		t.Fatalf("Apply of a NaN gradient answered %#v", got[0])
	}
}

// TestApplyItself: the only replica, asked to apply its own gradient,
// answers each Differentiate with one Measured, the same metrics as the
// Part and Apply round trip gives.
func TestApplyItself(t *testing.T) {
	for _, m := range []nn.Method{nn.Backprop, nn.Incremental} {
		c := small()
		c.Method = m
		var got answers
		r := New(0, got.post)
		r.Handle(&msg.Init{Run: 1, Config: c})
		tr, _ := nn.NewTrainer(c)
		for k := 1; k <= c.Steps; k++ {
			got = got[:0]
			r.Handle(&msg.Differentiate{Run: 1, Step: k, Lo: 0, Hi: c.Params(), Apply: true})
			measured, ok := got[len(got)-1].(*msg.Measured)
			for _, a := range got[:len(got)-1] {
				if _, progress := a.(*msg.Progress); !progress {
					ok = false
				}
			}
			if !ok {
				t.Fatalf("%s, step %d: answered %#v, want a Measured after any Progress", m, k, got)
			}
			want, err := tr.Step(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if measured.Metrics.GradMs <= 0 {
				t.Errorf("%s, step %d: gradient time %v", m, k, measured.Metrics.GradMs)
			}
			measured.Metrics.GradMs, want.GradMs = 0, 0
			if measured.Metrics != want {
				t.Errorf("%s, step %d: metrics %+v, want %+v", m, k, measured.Metrics, want)
			}
		}
	}
}
