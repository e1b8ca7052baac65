package spec

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Method names a way of computing the gradient of the batch loss.
type Method string

const (
	// Numerical is the article's method: a central difference per parameter,
	// each side a full forward pass over the batch (2P forward passes).
	Numerical Method = "numerical"
	// Incremental is the same central difference with the same h, but each
	// nudged loss is recomputed from cached activations: O(batch) per nudge.
	Incremental Method = "incremental"
	// Backprop is the analytic gradient by the chain rule: one forward and
	// one backward pass.
	Backprop Method = "backprop"
)

// Methods lists every gradient method, in the order the page offers them.
var Methods = []Method{Numerical, Incremental, Backprop}

// Config holds every setting of a run. Two runs with equal Configs produce
// identical metrics, digit for digit.
type Config struct {
	Size   int     // S: inputs per sample (pixels of a tile)
	Hidden int     // H: hidden sigmoid units
	Batch  int     // samples drawn, with replacement, for each step
	LR     float64 // learning rate of the SGD update θ ← θ − LR·g
	H      float64 // h: the nudge of a central difference (f(θ+h)−f(θ−h))/2h
	Steps  int     // SGD steps of a run
	Train  int     // training samples generated
	Test   int     // test samples generated
	Std    float64 // initial weights are Std·N(0,1); biases start at 0
	Seed   uint64  // feeds every random stream: data, weights, batches
	Method Method  // how the gradient is computed
	Bug    Bug     // a mistake planted in backprop, for a class to find; NoBug for none
}

// Article returns the article's settings: a 256-64-2 network trained for
// 15 steps of batch 100 at learning rate 0.1, gradients by central
// differences with h = 1e-4. The method is Incremental: the article's
// numbers, computed from cached activations instead of 2P forward passes.
func Article() Config {
	return Config{
		Size: 256, Hidden: 64, Batch: 100, LR: 0.1, H: 1e-4, Steps: 15,
		Train: 300, Test: 200, Std: 0.01, Seed: 1, Method: Incremental,
	}
}

// Limits of each field, inclusive unless noted. Batch is also capped by Train.
const (
	MinSize, MaxSize     = 1, 1024
	MinHidden, MaxHidden = 1, 512
	MinBatch             = 1
	MaxLR                = 100 // LR lies in (0, MaxLR]
	MinH, MaxH           = 1e-12, 1
	MinSteps, MaxSteps   = 1, 10000
	MinSamples           = 2 // Train and Test
	MaxSamples           = 5000
	MaxStd               = 10 // Std lies in (0, MaxStd]
)

// Outputs is the number of classes: "noise" (0) and "flat" (1).
const Outputs = 2

// Params returns P, the number of trainable parameters: S·H + H + 2H + 2.
func (c Config) Params() int {
	return c.Size*c.Hidden + c.Hidden + c.Hidden*Outputs + Outputs
}

// FieldError says which field of a Config is out of range.
type FieldError struct {
	Field string // Go name of the field, e.g. "Hidden"
	Range string // allowed values, e.g. "1–512"
	Value string // the value given
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("nn: %s must be in %s, got %s", e.Field, e.Range, e.Value)
}

// Validate returns a *FieldError for the first field out of range, or nil.
func (c Config) Validate() error {
	intField := func(name string, v, lo, hi int) error {
		if v < lo || v > hi {
			return &FieldError{name, fmt.Sprintf("%d–%d", lo, hi), fmt.Sprint(v)}
		}
		return nil
	}
	// realField accepts lo < v ≤ hi when open, lo ≤ v ≤ hi otherwise.
	realField := func(name string, v, lo, hi float64, open bool) error {
		ok := v <= hi && (v > lo || !open && v == lo)
		if ok && !math.IsNaN(v) {
			return nil
		}
		r := fmt.Sprintf("[%g, %g]", lo, hi)
		if open {
			r = fmt.Sprintf("(%g, %g]", lo, hi)
		}
		return &FieldError{name, r, fmt.Sprint(v)}
	}
	errs := []error{
		intField("Size", c.Size, MinSize, MaxSize),
		intField("Hidden", c.Hidden, MinHidden, MaxHidden),
		intField("Train", c.Train, MinSamples, MaxSamples),
		intField("Test", c.Test, MinSamples, MaxSamples),
		intField("Batch", c.Batch, MinBatch, max(c.Train, MinBatch)),
		realField("LR", c.LR, 0, MaxLR, true),
		realField("H", c.H, MinH, MaxH, false),
		intField("Steps", c.Steps, MinSteps, MaxSteps),
		realField("Std", c.Std, 0, MaxStd, true),
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	switch c.Method {
	case Numerical, Incremental, Backprop:
	default:
		return &FieldError{"Method", "numerical, incremental or backprop", fmt.Sprintf("%q", c.Method)}
	}
	if c.Bug != NoBug && !slices.Contains(Bugs, c.Bug) {
		return &FieldError{"Bug", "none or one of " + bugNames(), fmt.Sprintf("%q", c.Bug)}
	}
	return nil
}

// bugNames returns Bugs as a list for a person.
func bugNames() string {
	names := make([]string, len(Bugs))
	for i, b := range Bugs {
		names[i] = string(b)
	}
	return strings.Join(names, ", ")
}
