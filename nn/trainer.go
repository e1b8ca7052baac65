package nn

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"bibun/nn/spec"
)

// MaxLoss is the largest mean loss a run may reach, in nats. A coin toss
// costs ln 2 ≈ 0.69; a loss of 100 means the network gives the right class
// a probability near e⁻¹⁰⁰: its steps or its initial weights are far too
// large, and going on would only show noise.
const MaxLoss = 100

// DivergedError says a run stopped because the gradient stopped being a
// finite number, or the loss did or passed MaxLoss.
type DivergedError struct {
	Step int     // the step at which it happened, from 1
	What string  // "gradient" or "loss"
	Loss float64 // the loss, when What is "loss"
}

func (e *DivergedError) Error() string {
	if e.What == "loss" && !math.IsNaN(e.Loss) && !math.IsInf(e.Loss, 0) {
		return fmt.Sprintf("nn: the loss reached %.4g at step %d, above the limit of %d", e.Loss, e.Step, MaxLoss)
	}
	return fmt.Sprintf("nn: the %s is not a finite number at step %d", e.What, e.Step)
}

// Trainer runs SGD on the article's data. One step: draw a batch, compute
// the gradient, update θ ← θ − lr·g, measure.
//
// The step is also available in its parts (Batch, Gradient, Apply,
// Metrics), so that several replicas, each computing part of the gradient,
// stay identical: they draw the same batches and apply the same gathered
// gradient.
type Trainer struct {
	Config Config
	Net    *Network
	Train  Dataset // the training set, offset 0
	Test   Dataset // the test set, offset S+1

	grad    Gradient
	batches *rand.Rand // the stream of batch indices
	step    int        // steps done
	batch   *Dataset   // the batch of step+1 once drawn
	last    Dataset    // the batch of the latest step applied
	fTrain  Forward    // workspaces of the accuracy passes
	fTest   Forward
	fBatch  Forward
}

// NewTrainer validates c and returns a trainer at step 0: data generated
// and weights drawn from c.Seed.
func NewTrainer(c Config) (*Trainer, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	net := NewNetwork(c.Size, c.Hidden)
	net.Init(c.Std, spec.NewStream(c.Seed, spec.StreamWeights))
	return &Trainer{
		Config:  c,
		Net:     net,
		Train:   TrainingSet(c),
		Test:    TestSet(c),
		grad:    NewGradientOf(c),
		batches: spec.NewStream(c.Seed, spec.StreamBatch),
	}, nil
}

// Steps returns the number of steps done.
func (t *Trainer) Steps() int { return t.step }

// Batch returns the batch of the next step, drawing it (Batch samples,
// uniformly with replacement) on the first call after each Apply.
func (t *Trainer) Batch() Dataset {
	if t.batch == nil {
		idx := make([]int, t.Config.Batch)
		for i := range idx {
			idx[i] = t.batches.IntN(t.Train.Len())
		}
		b := t.Train.Rows(idx)
		t.batch = &b
	}
	return *t.batch
}

// Gradient computes the gradient of the next step's batch loss for the
// parameters in [lo, hi) into g (length P); see Gradient.Compute.
func (t *Trainer) Gradient(ctx context.Context, lo, hi int, g []float64, progress func(done int)) (int, error) {
	return t.grad.Compute(ctx, t.Net, t.Batch(), lo, hi, g, progress)
}

// Apply completes the next step with the whole gradient g: θ ← θ − lr·g.
// It returns a *DivergedError, and changes nothing, if g is not finite.
func (t *Trainer) Apply(g []float64) error {
	if len(g) != len(t.Net.Theta) {
		panic("nn: gradient length does not match the network")
	}
	for _, v := range g {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &DivergedError{Step: t.step + 1, What: "gradient"}
		}
	}
	b := t.Batch()
	for k, v := range g {
		t.Net.Theta[k] -= t.Config.LR * v
	}
	t.step++
	t.last, t.batch = b, nil
	return nil
}

// Metrics measures the network after the latest step; evals and gradMs
// are the figures of that step's gradient. It returns a *DivergedError if
// the loss is not finite or above MaxLoss.
func (t *Trainer) Metrics(evals int, gradMs float64) (Metrics, error) {
	m := Metrics{
		Step:     t.step,
		Loss:     t.Net.Loss(&t.fBatch, t.last),
		TrainAcc: t.Net.Accuracy(&t.fTrain, t.Train),
		TestAcc:  t.Net.Accuracy(&t.fTest, t.Test),
		Evals:    evals,
		GradMs:   gradMs,
	}
	if !(m.Loss <= MaxLoss) { // also NaN
		return m, &DivergedError{Step: t.step, What: "loss", Loss: m.Loss}
	}
	return m, nil
}

// Step runs one whole step on this goroutine.
func (t *Trainer) Step(ctx context.Context, progress func(done int)) (Metrics, error) {
	g := make([]float64, len(t.Net.Theta))
	start := time.Now()
	evals, err := t.Gradient(ctx, 0, len(g), g, progress)
	if err != nil {
		return Metrics{}, err
	}
	ms := float64(time.Since(start).Microseconds()) / 1000
	if err := t.Apply(g); err != nil {
		return Metrics{}, err
	}
	return t.Metrics(evals, ms)
}
