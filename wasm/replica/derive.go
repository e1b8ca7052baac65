package replica

import (
	"fmt"

	"bibun/nn/spec"
	"bibun/wasm/msg"
)

// wiggle posts the central difference of one parameter up close, at the
// current weights and the next step's batch, with backprop's value as the
// run computes it (its bug planted, if any).
func (r *Replica) wiggle(m *msg.Wiggle) {
	if !r.holds(m.Run, msg.TaskWiggle) {
		return
	}
	fail := func(text string) { r.post(&msg.TaskFailed{Run: m.Run, Task: msg.TaskWiggle, Text: text}) }
	switch p := len(r.t.Net.Theta); {
	case m.Param < 0 || m.Param >= p:
		fail(fmt.Sprintf("parameter %d is not one of θ's %d (0 to %d)", m.Param, p, p-1))
	case !(m.H >= spec.MinH && m.H <= spec.MaxH):
		fail(fmt.Sprintf("h = %g is outside [%g, %g]", m.H, float64(spec.MinH), float64(spec.MaxH)))
	default:
		r.nudge.Bug = r.t.Config.Bug
		w := r.nudge.Wiggle(r.t.Net, r.t.Batch(), m.Param, m.H)
		r.post(&msg.Wiggled{Run: m.Run, Step: r.t.Steps(), Wiggle: w})
	}
}

// showWeights posts the network's W1 as Weights.
func (r *Replica) showWeights(m *msg.ShowWeights) {
	if !r.holds(m.Run, msg.TaskWeights) {
		return
	}
	net := r.t.Net
	r.post(msg.NewWeights(m.Run, r.t.Steps(), net.S, net.Hidden, net.W1.RawMatrix().Data))
}
