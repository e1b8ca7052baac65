// Package replica is what a training worker does, without the worker: it
// keeps one copy of the run's network and answers the page's messages.
//
// Every worker holds an identical replica (the same Config, so the same
// data, weights and batches) and computes its own range of the gradient;
// the page gathers the parts and every replica applies the same whole
// gradient, so the replicas stay identical step after step.
package replica

import (
	"context"
	"math"
	"time"

	"bibun/nn"
	"bibun/wasm/msg"
)

// ProgressEvery is the least time between two Progress messages.
const ProgressEvery = 100 * time.Millisecond

// Replica answers one worker's messages. The zero value is not usable; call New.
type Replica struct {
	post   func(msg.Message) // sends a message to the page
	worker int               // this worker's index: worker 0 measures the network after each step
	run    int               // the run of t
	t      *nn.Trainer       // nil before the first Init
	g      []float64         // ∂L/∂θ, of which this replica fills its range
	shown  nn.Dataset        // the first msg.Shown training samples
	f      nn.Forward        // workspace of the predictions
	nudge  nn.Wiggler        // nudges one parameter for the Wiggle view (derive.go)
}

// New returns the replica of worker number worker (the page's name for it,
// msg.WorkerName), which posts its answers with post.
func New(worker int, post func(msg.Message)) *Replica {
	return &Replica{worker: worker, post: post}
}

// Handle does what m asks and posts the answers. It ignores messages it
// does not take (answers of other workers).
func (r *Replica) Handle(m msg.Message) {
	switch m := m.(type) {
	case *msg.Init:
		r.init(m)
	case *msg.Differentiate:
		r.differentiate(m)
	case *msg.Apply:
		r.apply(m)
	case *msg.CheckGradient: // the teaching views (teach.go)
		r.checkGradient(m)
	case *msg.SweepH:
		r.sweepH(m)
	case *msg.MeasureCost:
		r.measureCost(m)
	case *msg.Wiggle: // derive.go
		r.wiggle(m)
	case *msg.ShowWeights:
		r.showWeights(m)
	}
}

func (r *Replica) init(m *msg.Init) {
	r.run, r.t, r.nudge = m.Run, nil, nn.Wiggler{}
	t, err := nn.NewTrainer(m.Config)
	if err != nil {
		r.post(&msg.Failed{Run: m.Run, Text: err.Error()})
		return
	}
	r.t, r.g = t, make([]float64, m.Config.Params())
	r.shown = t.Train.Rows(firsts(min(msg.Shown, t.Train.Len())))
}

// ready reports whether the replica holds run's trainer before step, and
// posts a Failed if not.
func (r *Replica) ready(run, step int) bool {
	switch {
	case r.t == nil || r.run != run:
		r.post(&msg.Failed{Run: run, Step: step, Text: "this worker was not given the run's settings"})
	case r.t.Steps() != step-1:
		r.post(&msg.Failed{Run: run, Step: step, Text: "this worker is not at the step before"})
	default:
		return true
	}
	return false
}

func (r *Replica) differentiate(m *msg.Differentiate) {
	if !r.ready(m.Run, m.Step) {
		return
	}
	start := time.Now()
	last := start
	progress := func(done int) {
		if now := time.Now(); now.Sub(last) >= ProgressEvery {
			last = now
			r.post(&msg.Progress{Run: m.Run, Step: m.Step, Done: done})
		}
	}
	evals, err := r.t.Gradient(context.Background(), m.Lo, m.Hi, r.g, progress)
	if err != nil {
		r.post(&msg.Failed{Run: m.Run, Step: m.Step, Text: err.Error()})
		return
	}
	gradMs := ms(time.Since(start))
	part := r.g[m.Lo:m.Hi]
	for _, v := range part {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			r.post(&msg.Failed{Run: m.Run, Step: m.Step, Diverged: true, What: "gradient"})
			return
		}
	}
	if m.Apply && m.Lo == 0 && m.Hi == len(r.g) {
		// The only replica: no other needs the gradient, nor the page.
		r.apply(&msg.Apply{Run: m.Run, Step: m.Step, G: r.g, Evals: evals, GradMs: gradMs})
		return
	}
	r.post(&msg.Part{Run: m.Run, Step: m.Step, Lo: m.Lo, Hi: m.Hi, G: part, Evals: evals, Ms: gradMs})
}

func (r *Replica) apply(m *msg.Apply) {
	if !r.ready(m.Run, m.Step) {
		return
	}
	if err := r.t.Apply(m.G); err != nil {
		r.failed(m.Run, m.Step, err)
		return
	}
	if r.worker != 0 {
		return
	}
	metrics, err := r.t.Metrics(m.Evals, m.GradMs)
	if err != nil {
		r.failed(m.Run, m.Step, err)
		return
	}
	r.post(&msg.Measured{Run: m.Run, Metrics: metrics, Preds: r.predict()})
}

// failed posts err, which a diverged run or a bug caused, as a Failed.
func (r *Replica) failed(run, step int, err error) {
	f := &msg.Failed{Run: run, Step: step, Text: err.Error()}
	if d, ok := err.(*nn.DivergedError); ok {
		f.Diverged, f.What, f.Loss, f.Text = true, d.What, d.Loss, ""
	}
	r.post(f)
}

// predict returns the network's predictions for the shown samples.
func (r *Replica) predict() []msg.Pred {
	a2 := r.t.Net.Forward(&r.f, r.shown.X).A2
	probs := nn.Probs(a2)
	preds := make([]msg.Pred, r.shown.Len())
	for n, c := range nn.Predict(a2) {
		preds[n] = msg.Pred{Class: c, Prob: probs.At(n, c)}
	}
	return preds
}

// firsts returns 0, 1, …, n−1.
func firsts(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// ms returns d in milliseconds.
func ms(d time.Duration) float64 {
	return float64(d.Nanoseconds()) / 1e6
}
