// Package msg holds the messages between the page and its training
// workers, and their one encoding.
//
// The page sends a worker Init, then for each step Differentiate and, once
// it has gathered every worker's Part, Apply. A worker answers Differentiate
// with Progress (while it works) and a Part, and the first worker answers
// Apply with Measured. A run of one replica skips the round trip: its
// Differentiate says Apply, and the worker applies its own gradient and
// answers with Measured alone. Any worker may answer with Failed. Every worker posts
// Loaded a few times after its Go program starts, whenever it is idle, each
// with a new measurement of the machine's speed.
//
// Each message travels as one byte slice: its kind, then its fields in a
// small binary form (see Encode), so that every float64, a gradient's
// included, arrives bit for bit and costs no text to write or read.
package msg

import "bibun/nn/spec"

// Shown is how many of the first training samples the page shows, and
// Measured predicts.
const Shown = 12

// Message is one of the message types of this package.
type Message interface {
	kind() string
	fields(coder) // codes the fields, in order (fields.go)
}

// Init asks a worker to start run Run: build its replica of the network
// and the data from Config, at step 0.
type Init struct {
	Run    int         // the run's number; every answer about it carries it
	Config spec.Config // the run's settings, identical for every worker
}

// Differentiate asks for ∂L/∂θ[k], k in [Lo, Hi), of step Step's batch loss.
type Differentiate struct {
	Run    int
	Step   int  // the step being computed, from 1
	Lo, Hi int  // the parameter range of this worker; empty for all but worker 0 with backprop
	Apply  bool // worker 0 holds the run's only replica and computes the whole gradient: it applies it and answers with Measured, no Part
}

// Apply completes step Step on every replica: θ ← θ − lr·G.
type Apply struct {
	Run    int
	Step   int
	G      Vector  // the whole gradient ∂L/∂θ, length P, gathered from every Part
	Evals  int     // loss evaluations of the step, summed over the workers
	GradMs float64 // milliseconds the gradient took: the busiest worker's time on its parts
}

// Loaded says a worker's Go program runs and how fast this machine is, as
// measured once more; the page keeps each method's fastest.
type Loaded struct {
	Speeds map[spec.Method]float64 // each gradient method's operations per millisecond (package cost)
}

// Progress says how far a worker is in its part of step Step's gradient.
type Progress struct {
	Run  int
	Step int
	Done int // parameters of the worker's range done
}

// Part is a worker's part of step Step's gradient.
type Part struct {
	Run    int
	Step   int
	Lo, Hi int
	G      Vector  // ∂L/∂θ[Lo:Hi], every value finite
	Evals  int     // loss evaluations made
	Ms     float64 // milliseconds the part took
}

// Measured is worker 0's report of the network after step Metrics.Step.
type Measured struct {
	Run     int
	Metrics spec.Metrics
	Preds   []Pred // predictions for the first Shown training samples
}

// Pred is the network's prediction for one sample.
type Pred struct {
	Class int     // spec.Noise or spec.Flat: the class of larger probability
	Prob  float64 // the probability the network gives that class
}

// Failed says a worker could not do what it was asked.
type Failed struct {
	Run      int
	Step     int     // the step concerned, from 1; 0 if none
	Diverged bool    // the gradient or the loss is not a finite number, or the loss passed nn.MaxLoss
	What     string  // when Diverged: "gradient" or "loss"
	Loss     float64 // when What is "loss": the loss, above nn.MaxLoss or not a finite number (NaN, ±Inf)
	Text     string  // otherwise: what went wrong, for a person
}

func (*Init) kind() string          { return "init" }
func (*Differentiate) kind() string { return "differentiate" }
func (*Apply) kind() string         { return "apply" }
func (*Loaded) kind() string        { return "loaded" }
func (*Progress) kind() string      { return "progress" }
func (*Part) kind() string          { return "part" }
func (*Measured) kind() string      { return "measured" }
func (*Failed) kind() string        { return "failed" }

// kinds makes an empty message of each kind, for Decode: every message of
// the package, the teaching views' (teach.go, derive.go) included, listed once.
var kinds = table(
	of[Init], of[Differentiate], of[Apply], of[Loaded], of[Progress], of[Part], of[Measured], of[Failed],
	of[CheckGradient], of[GradientChecked], of[SweepH], of[HSwept], of[MeasureCost], of[CostMeasured], of[TaskFailed],
	of[Wiggle], of[Wiggled], of[ShowWeights], of[Weights], // derive.go
)

// of makes an empty T.
func of[T any, P interface {
	*T
	Message
}]() Message {
	return P(new(T))
}

// table maps the kind of each message that makes makes to its maker. It
// panics if two messages share a kind.
func table(makes ...func() Message) map[string]func() Message {
	t := make(map[string]func() Message, len(makes))
	for _, m := range makes {
		k := m().kind()
		if _, ok := t[k]; ok {
			panic("msg: two messages of kind " + k)
		}
		t[k] = m
	}
	return t
}
