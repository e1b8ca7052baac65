package nn

import (
	"context"
	"errors"
	"math"
	"testing"
)

// quick is the small network the page's "Quick look" preset uses: with
// lr 0.3 the 16-8 network learns for every seed (SPEC.md), and even the
// numerical method is fast on it.
func quick(seed uint64, m Method) Config {
	return Config{Size: 16, Hidden: 8, Batch: 100, LR: 0.3, H: 1e-4, Steps: 15,
		Train: 300, Test: 200, Std: 0.1, Seed: seed, Method: m}
}

func run(t *testing.T, c Config) []Metrics {
	t.Helper()
	tr, err := NewTrainer(c)
	if err != nil {
		t.Fatal(err)
	}
	var ms []Metrics
	for range c.Steps {
		m, err := tr.Step(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	return ms
}

func TestArticleTrainingLearns(t *testing.T) {
	cases := []Config{}
	for seed := uint64(1); seed <= 5; seed++ {
		for _, m := range []Method{Incremental, Backprop} {
			c := Article()
			c.Seed, c.Method = seed, m
			cases = append(cases, c)
		}
		cases = append(cases, quick(seed, Numerical))
	}
	for _, c := range cases {
		ms := run(t, c)
		last := ms[len(ms)-1]
		t.Logf("%s %d-%d seed %d: step 15 loss %.4f, train %.3f, test %.3f", c.Method, c.Size, c.Hidden, c.Seed, last.Loss, last.TrainAcc, last.TestAcc)
		if last.TestAcc < 0.9 {
			t.Errorf("%s %d-%d seed %d: test accuracy %v after 15 steps, want ≥ 0.9", c.Method, c.Size, c.Hidden, c.Seed, last.TestAcc)
		}
		if ms[0].Loss <= last.Loss {
			t.Errorf("%s seed %d: loss did not fall (%v → %v)", c.Method, c.Seed, ms[0].Loss, last.Loss)
		}
	}
}

func TestSameConfigSameMetrics(t *testing.T) {
	for _, m := range Methods {
		c := quick(3, m)
		c.Steps = 5
		a, b := run(t, c), run(t, c)
		for i := range a {
			a[i].GradMs, b[i].GradMs = 0, 0 // wall time is the one figure that varies
			if a[i] != b[i] {
				t.Errorf("%s step %d: %+v then %+v", m, i+1, a[i], b[i])
			}
		}
	}
}

// Replicas that each compute a part of the gradient, gather it and apply
// it stay identical to one trainer doing everything: the page's workers.
func TestReplicasMatchOneTrainer(t *testing.T) {
	c := quick(2, Numerical)
	c.Steps = 4
	want := run(t, c)
	var reps []*Trainer
	for range 3 {
		tr, err := NewTrainer(c)
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, tr)
	}
	p := c.Params()
	for step := range c.Steps {
		g := make([]float64, p)
		evals := 0
		for w, tr := range reps {
			e, err := tr.Gradient(context.Background(), w*p/3, (w+1)*p/3, g, nil)
			if err != nil {
				t.Fatal(err)
			}
			evals += e
		}
		for _, tr := range reps {
			if err := tr.Apply(g); err != nil {
				t.Fatal(err)
			}
		}
		got, err := reps[0].Metrics(evals, 0)
		if err != nil {
			t.Fatal(err)
		}
		w := want[step]
		w.GradMs = 0
		if got != w {
			t.Errorf("step %d: replicas %+v, one trainer %+v", step+1, got, w)
		}
	}
}

func TestDivergenceNamesTheStep(t *testing.T) {
	tr, err := NewTrainer(quick(1, Backprop))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Step(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	tr.Net.W2.Set(0, 0, math.NaN())
	_, err = tr.Step(context.Background(), nil)
	var d *DivergedError
	if !errors.As(err, &d) || d.Step != 2 || d.What != "gradient" {
		t.Fatalf("err = %v, want a diverged gradient at step 2", err)
	}
	if tr.Steps() != 1 {
		t.Errorf("a refused update still counted a step: %d", tr.Steps())
	}
	// An infinite loss with a finite gradient: saturate one logit.
	tr2, _ := NewTrainer(quick(1, Backprop))
	tr2.Net.B2[0] = math.Inf(1)
	g := make([]float64, len(tr2.Net.Theta))
	if err := tr2.Apply(g); err != nil {
		t.Fatal(err)
	}
	if _, err := tr2.Metrics(0, 0); !errors.As(err, &d) || d.Step != 1 || d.What != "loss" {
		t.Fatalf("err = %v, want a diverged loss at step 1", err)
	}
}

// Steps far too large (learning rate 100, initial std 5) leave the network
// confidently wrong: the loss passes MaxLoss at step 1 and the run stops.
func TestHugeStepsDiverge(t *testing.T) {
	c := Article()
	c.LR, c.Std = 100, 5
	tr, _ := NewTrainer(c)
	_, err := tr.Step(context.Background(), nil)
	var d *DivergedError
	if !errors.As(err, &d) || d.Step != 1 || d.What != "loss" || d.Loss <= MaxLoss {
		t.Fatalf("err = %v, want the loss above %d at step 1", err, MaxLoss)
	}
	t.Log(err)
}

func TestApplyIsSGD(t *testing.T) {
	tr, _ := NewTrainer(quick(1, Backprop))
	before := append([]float64(nil), tr.Net.Theta...)
	g := make([]float64, len(before))
	for k := range g {
		g[k] = float64(k%7) - 3
	}
	if err := tr.Apply(g); err != nil {
		t.Fatal(err)
	}
	for k := range g {
		if tr.Net.Theta[k] != before[k]-0.3*g[k] {
			t.Fatalf("θ[%d] = %v, want %v − 0.3·%v", k, tr.Net.Theta[k], before[k], g[k])
		}
	}
}
