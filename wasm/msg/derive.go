package msg

import (
	"math"

	"bibun/nn/spec"
)

// Two more views of worker 0's replica beside the run, asked for after
// every step and whenever the visitor picks a parameter or an h: one
// central difference up close (Wiggle), and the weights into the hidden
// units (ShowWeights), both at the network's current weights. Each request
// is answered by one message, or by a TaskFailed naming TaskWiggle or
// TaskWeights. Neither moves the run: a request sent during a step reaches
// worker 0 before that step's Apply, so it sees the weights the last
// measured step left.

// The tasks, as TaskFailed names them.
const (
	TaskWiggle  = "wiggle"  // Wiggle
	TaskWeights = "weights" // ShowWeights
)

// Wiggle asks worker 0 for the central difference of one parameter (see
// spec.Wiggle) at its network's current weights and the next step's batch.
type Wiggle struct {
	Run   int
	Param int     // the parameter's index in θ
	H     float64 // the nudge; the visitor's, not necessarily the run's
}

// Wiggled answers Wiggle.
type Wiggled struct {
	Run    int
	Step   int // steps the network had taken: the wiggle is of step Step+1's batch
	Wiggle spec.Wiggle
}

// ShowWeights asks worker 0 for its network's W1, as Weights.
type ShowWeights struct {
	Run int
}

// Weights are W1, the weights into the hidden units, to be drawn: one byte
// a weight, which is all a picture needs, so that at H = 512 a step sends
// S·H bytes (128 kB at S = 256) and not eight times that.
type Weights struct {
	Run    int
	Step   int // steps the network had taken
	Size   int // S, the inputs: each unit's weights
	Hidden int // H, the units
	Scale  float64
	// Levels[j·S + i] is W1[i][j] in 255 levels of ±Scale: the weight is
	// about (Levels[j·S + i] − 128)/127 · Scale, 128 for 0. Each unit's S
	// weights lie together, in the order of a sample's values.
	Levels []byte
}

// WeightLevels is the number of levels on each side of zero in Weights.
const WeightLevels = 127

// NewWeights returns the Weights of w1, an S×H matrix in row-major order,
// with Scale its largest |weight| (0 if all are 0).
func NewWeights(run, step, s, hidden int, w1 []float64) *Weights {
	scale := 0.0
	for _, w := range w1 {
		scale = max(scale, math.Abs(w))
	}
	levels := make([]byte, s*hidden)
	for i := range s {
		for j, w := range w1[i*hidden : (i+1)*hidden] {
			q := 0.0
			if scale > 0 {
				q = math.Round(w / scale * WeightLevels)
			}
			levels[j*s+i] = byte(128 + q)
		}
	}
	return &Weights{Run: run, Step: step, Size: s, Hidden: hidden, Scale: scale, Levels: levels}
}

// Unit returns the levels of hidden unit j's S weights, or nil if the
// message holds no unit j.
func (w *Weights) Unit(j int) []byte {
	if j < 0 || j >= w.Hidden || len(w.Levels) != w.Size*w.Hidden {
		return nil
	}
	return w.Levels[j*w.Size : (j+1)*w.Size]
}

func (*Wiggle) kind() string      { return "wiggle" }
func (*Wiggled) kind() string     { return "wiggled" }
func (*ShowWeights) kind() string { return "show-weights" }
func (*Weights) kind() string     { return "weights" }

// The fields of these messages, as fields.go lists the others'.

func (m *Wiggle) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Param)
	c.float(&m.H)
}

func (m *Wiggled) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	w := &m.Wiggle
	c.int(&w.K)
	c.float(&w.H)
	c.float(&w.Theta)
	c.float(&w.Plus)
	c.float(&w.Minus)
	c.float(&w.LossPlus)
	c.float(&w.LossMinus)
	c.float(&w.Diff)
	c.float(&w.Quotient)
	c.float(&w.Backprop)
	c.float(&w.RelErr)
	c.int(&w.DigitsLost)
}

func (m *ShowWeights) fields(c coder) { c.int(&m.Run) }

func (m *Weights) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.int(&m.Size)
	c.int(&m.Hidden)
	c.float(&m.Scale)
	c.bytes(&m.Levels)
}
