package msg

import (
	"math"
	"slices"
	"testing"

	"bibun/nn/spec"
)

// teaching holds one message of each teaching kind, with values that are
// hard to carry: floats of 17 digits, a subnormal, empty and long lists.
var teaching = []Message{
	&CheckGradient{Run: 4, Method: spec.Numerical, Sample: 256},
	&CheckGradient{Run: 4, Method: spec.Incremental},
	&GradientChecked{Run: 4, Step: 1, Method: spec.Incremental, Done: 8000, Total: 16578},
	&GradientChecked{Run: 4, Step: 1, Method: spec.Numerical, Sampled: true, Done: 194, Total: 194, Tensors: []TensorCheck{
		{Name: "W1", Params: 64, RelErr: 2.295926264594891e-08, MaxRelErr: 4.5837870470375866e-08},
		{Name: "b1", Params: 64, RelErr: 5e-324, MaxRelErr: 0},
		{Name: "W2", Params: 64, RelErr: 1.0 / 3, MaxRelErr: 1},
		{Name: "b2", Params: 2, RelErr: 0.1 + 0.2, MaxRelErr: math.MaxFloat64},
	}},
	&SweepH{Run: 4},
	&HSwept{Run: 4, Step: 0, Params: 26, H: []float64{0.1, 0.01}, Err: []float64{0.0008176037651433602, 7.959988468246277e-06}, Total: 12},
	&HSwept{Run: 4, H: []float64{}, Err: []float64{}},
	&MeasureCost{Run: 4, Config: spec.Article()},
	&CostMeasured{Run: 4, Done: 17, Total: 45, Now: CostPoint{Method: spec.Incremental, Size: 64, Params: 538}, Points: []CostPoint{
		{Method: spec.Numerical, Size: 32, Params: 282, Ms: 24.229},
		{Method: spec.Backprop, Size: 32, Params: 282, Ms: 0.1},
	}, Slopes: map[spec.Method]float64{spec.Numerical: 1.8192177202668516}},
	&CostMeasured{Run: 4, Total: 45},
	&TaskFailed{Run: 4, Task: TaskSweep, Text: "the network diverged"},
}

func TestTeachingRoundTrip(t *testing.T) { roundTrips(t, teaching) }

// TestKinds checks that Decode knows every kind, the teaching ones
// included, and that each entry of the table makes a message of its own
// kind.
func TestKinds(t *testing.T) {
	for _, m := range append(slices.Clone(every), teaching...) {
		if _, ok := kinds[m.kind()]; !ok {
			t.Errorf("kind %q is not in the table", m.kind())
		}
	}
	for k, newMessage := range kinds {
		if got := newMessage().kind(); got != k {
			t.Errorf("kinds[%q] makes a %q", k, got)
		}
	}
}
