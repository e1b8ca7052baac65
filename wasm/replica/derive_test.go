package replica

import (
	"context"
	"slices"
	"strings"
	"testing"

	"bibun/nn"
	"bibun/wasm/msg"
)

// TestWiggleAndWeights asks a replica for a wiggle and its weights at
// step 0 and after a step, checks them against nn's own on a trainer at the
// same step, and checks that asking changes none of the run's digits.
func TestWiggleAndWeights(t *testing.T) {
	c := small()
	c.Bug = nn.SigmoidPrime
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Init{Run: 4, Config: c})
	tr, _ := nn.NewTrainer(c)
	w := nn.Wiggler{Bug: c.Bug}
	k := 5 // W1[0][5]: σ′ matters here, so the bug shows
	for step := range 2 {
		got = got[:0]
		r.Handle(&msg.Wiggle{Run: 4, Param: k, H: 1e-6})
		a := last[*msg.Wiggled](t, got)
		if want := w.Wiggle(tr.Net, tr.Batch(), k, 1e-6); a.Run != 4 || a.Step != step || a.Wiggle != want {
			t.Errorf("step %d: wiggled %+v, want %+v", step, a, want)
		}
		if a.Wiggle.RelErr < 1e-2 {
			t.Errorf("step %d: with σ′ left out, backprop %g agrees with the quotient %g", step, a.Wiggle.Backprop, a.Wiggle.Quotient)
		}
		got = got[:0]
		r.Handle(&msg.ShowWeights{Run: 4})
		ws := last[*msg.Weights](t, got)
		want := msg.NewWeights(4, step, c.Size, c.Hidden, tr.Net.W1.RawMatrix().Data)
		if ws.Step != step || ws.Scale != want.Scale || !slices.Equal(ws.Levels, want.Levels) || len(ws.Levels) != c.Size*c.Hidden {
			t.Errorf("step %d: weights %+v, want %+v", step, ws, want)
		}

		got = got[:0]
		r.Handle(&msg.Differentiate{Run: 4, Step: step + 1, Lo: 0, Hi: c.Params()})
		p := last[*msg.Part](t, got)
		r.Handle(&msg.Apply{Run: 4, Step: step + 1, G: p.G, Evals: p.Evals})
		m := last[*msg.Measured](t, got)
		wantM, err := tr.Step(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		m.Metrics.GradMs, wantM.GradMs = 0, 0
		if m.Metrics != wantM {
			t.Errorf("step %d after a wiggle: %+v, want %+v", step+1, m.Metrics, wantM)
		}
	}
}

func TestWiggleRefusals(t *testing.T) {
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Wiggle{Run: 1, Param: 0, H: 1e-4})
	r.Handle(&msg.ShowWeights{Run: 1})
	r.Handle(&msg.Init{Run: 2, Config: small()})
	p := small().Params() // 154
	r.Handle(&msg.Wiggle{Run: 2, Param: p, H: 1e-4})
	r.Handle(&msg.Wiggle{Run: 2, Param: -1, H: 1e-4})
	r.Handle(&msg.Wiggle{Run: 2, Param: 0, H: 0})
	want := []struct{ task, text string }{
		{msg.TaskWiggle, "not given the run's settings"},
		{msg.TaskWeights, "not given the run's settings"},
		{msg.TaskWiggle, "parameter 154 is not one of θ's 154 (0 to 153)"},
		{msg.TaskWiggle, "parameter -1"},
		{msg.TaskWiggle, "h = 0 is outside"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d answers, want %d: %#v", len(got), len(want), got)
	}
	for i, w := range want {
		f, ok := got[i].(*msg.TaskFailed)
		if !ok || f.Task != w.task || !strings.Contains(f.Text, w.text) {
			t.Errorf("answer %d: %#v, want a TaskFailed of %s about %q", i, got[i], w.task, w.text)
		}
	}
}
