package replica

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"bibun/nn"
	"bibun/wasm/msg"
)

// SweepParams is how many parameters the h sweep compares
// (nn.SampleParams): the sweep runs 12 values of h, two full forward
// passes per parameter each.
const SweepParams = 32

// CostMinTime is how long the cost view times each point at least, over
// all its passes: enough for a steady minimum of the fast methods.
const CostMinTime = 50 * time.Millisecond

// holds reports whether the replica holds run's trainer, and posts a
// TaskFailed about task if not.
func (r *Replica) holds(run int, task string) bool {
	if r.t != nil && r.run == run {
		return true
	}
	r.post(&msg.TaskFailed{Run: run, Task: task, Text: "this worker was not given the run's settings"})
	return false
}

// checkGradient compares m.Method's differences with backprop's gradient,
// tensor by tensor, at the current weights and the next step's batch.
func (r *Replica) checkGradient(m *msg.CheckGradient) {
	if !r.holds(m.Run, msg.TaskCheck) {
		return
	}
	if m.Method != nn.Numerical && m.Method != nn.Incremental {
		r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskCheck,
			Text: fmt.Sprintf("a gradient check compares numerical or incremental differences with backprop, not %q", m.Method)})
		return
	}
	ctx, net, batch := context.Background(), r.t.Net, r.t.Batch()
	p := len(net.Theta)
	exact := make([]float64, p) // backprop's ∂L/∂θ, with the run's bug planted if any
	if _, err := nn.NewBackprop(r.t.Config.Bug).Compute(ctx, net, batch, 0, p, exact, nil); err != nil {
		r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskCheck, Text: err.Error()})
		return
	}
	var idx []int // the parameters compared; nil: all
	total := p
	if m.Sample > 0 {
		idx = nn.SampleParams(net, m.Sample)
		total = len(idx)
	}
	answer := &msg.GradientChecked{Run: m.Run, Step: r.t.Steps(), Method: m.Method, Sampled: idx != nil, Total: total}
	progress := paced(func(done int) {
		if done < total { // the last answer carries the tensors
			a := *answer
			a.Done = done
			r.post(&a)
		}
	})
	diff := nn.NewGradient(m.Method, r.t.Config.H)
	g := make([]float64, p) // the differences' ∂L/∂θ
	var err error
	if idx == nil {
		_, err = diff.Compute(ctx, net, batch, 0, p, g, progress)
	}
	for q, k := range idx {
		if _, err = diff.Compute(ctx, net, batch, k, k+1, g, nil); err != nil {
			break
		}
		progress(q + 1)
	}
	if err != nil {
		r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskCheck, Text: err.Error()})
		return
	}
	for _, t := range net.Tensors() {
		a, n := exact[t.Lo:t.Hi], g[t.Lo:t.Hi] // backprop's and the differences' values of the tensor
		if idx != nil {
			a, n = nil, nil
			for _, k := range idx {
				if t.Lo <= k && k < t.Hi {
					a, n = append(a, exact[k]), append(n, g[k])
				}
			}
		}
		c := msg.TensorCheck{Name: t.Name, Params: len(a), RelErr: nn.RelErr(a, n), MaxRelErr: nn.MaxRelErr(a, n)}
		if !finite(c.RelErr) || !finite(c.MaxRelErr) {
			r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskCheck, Text: diverged})
			return
		}
		answer.Tensors = append(answer.Tensors, c)
	}
	answer.Done = total
	r.post(answer)
}

// sweepH posts the error of the article's central differences against
// backprop for each h of nn.HSteps, as each is done.
func (r *Replica) sweepH(m *msg.SweepH) {
	if !r.holds(m.Run, msg.TaskSweep) {
		return
	}
	ctx, net, batch := context.Background(), r.t.Net, r.t.Batch()
	idx := nn.SampleParams(net, SweepParams)
	hs := nn.HSteps()
	var done []float64
	var errs []float64
	for _, h := range hs {
		e, err := nn.HSweep(ctx, net, batch, r.t.Config.Bug, []float64{h}, idx, nil)
		if err != nil {
			r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskSweep, Text: err.Error()})
			return
		}
		if !finite(e[0]) {
			r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskSweep, Text: diverged})
			return
		}
		done, errs = append(done, h), append(errs, e[0])
		r.post(&msg.HSwept{Run: m.Run, Step: r.t.Steps(), Params: len(idx), H: slices.Clone(done), Err: slices.Clone(errs), Total: len(hs)})
	}
}

// measureCost times one whole gradient of each method on each network of
// nn.CostSizes(m.Config), and posts the points as they come. The points
// take turns, msg.CostPasses times over, so that a busy spell of the machine
// slows only some of each point's rounds; the largest network goes first,
// so that its long gradients leave the engine time to compile the hot code
// with its optimizing tier before the quick small networks are timed. It
// needs no replica: each point is a fresh network.
func (r *Replica) measureCost(m *msg.MeasureCost) {
	fail := func(err error) { r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskCost, Text: err.Error()}) }
	if err := m.Config.Validate(); err != nil {
		fail(err)
		return
	}
	var points []msg.CostPoint
	var timers []*nn.GradientTimer
	for _, c := range slices.Backward(nn.CostSizes(m.Config)) {
		for _, method := range nn.Methods {
			c.Method = method
			tm, err := nn.NewGradientTimer(c)
			if err != nil {
				fail(err)
				return
			}
			points = append(points, msg.CostPoint{Method: method, Size: c.Size, Hidden: c.Hidden, Params: c.Params()})
			timers = append(timers, tm)
		}
	}
	answer := msg.CostMeasured{Run: m.Run, Total: msg.CostPasses * len(points)}
	for pass := range msg.CostPasses {
		for i, tm := range timers {
			answer.Now = points[i]
			a := answer // a message posted is the page's: later points go into copies
			r.post(&a)
			if err := tm.Time(context.Background(), CostMinTime/msg.CostPasses); err != nil {
				fail(err)
				return
			}
			p := points[i]
			p.Ms = tm.Ms()
			if pass == 0 {
				answer.Points = append(slices.Clip(answer.Points), p)
			} else {
				answer.Points = slices.Clone(answer.Points)
				answer.Points[i] = p
			}
			answer.Done++
			answer.Slopes = slopes(answer.Points)
		}
	}
	answer.Now = msg.CostPoint{}
	r.post(&answer)
}

// slopes returns, for each method with two points or more, the exponent a
// of ms ∝ Pᵃ fitted to its points (nn.FitSlope). Points the clock could not
// tell from zero are left out.
func slopes(points []msg.CostPoint) map[nn.Method]float64 {
	out := make(map[nn.Method]float64)
	for _, method := range nn.Methods {
		var ps, ms []float64
		for _, p := range points {
			if p.Method == method && p.Ms > 0 {
				ps, ms = append(ps, float64(p.Params)), append(ms, p.Ms)
			}
		}
		if a := nn.FitSlope(ps, ms); finite(a) {
			out[method] = a
		}
	}
	return out
}

// diverged says why a check cannot be made.
const diverged = "the gradient is not a finite number: the network has diverged"

// paced returns a progress function that calls f at most every ProgressEvery.
func paced(f func(done int)) func(done int) {
	last := time.Now()
	return func(done int) {
		if now := time.Now(); now.Sub(last) >= ProgressEvery {
			last = now
			f(done)
		}
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
