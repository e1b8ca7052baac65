package record

import (
	"math"
	"strconv"

	"bibun/nn/spec"
)

// Diff is where a re-run first differs from a saved run.
type Diff struct {
	Step   int    // the step, from 1
	Column string // ColLoss, ColTrain, ColTest or ColEvals; ColStep when one run has no such step
	Saved  string // the saved figure, written in full; "" when the saved run has no such step
	Got    string // the re-run's; "" when it has no such step
}

// Compare returns where row got of a re-run first differs from the saved
// row of the same step, column by column in table order, and whether it
// does. Every figure but the gradient's time, which no two runs share,
// must match bit for bit: the same digits in the table, the CSV and the
// JSON.
func Compare(saved, got spec.Metrics) (Diff, bool) {
	for _, c := range []struct {
		name string
		a, b float64
	}{
		{ColLoss, saved.Loss, got.Loss},
		{ColTrain, saved.TrainAcc, got.TrainAcc},
		{ColTest, saved.TestAcc, got.TestAcc},
	} {
		if math.Float64bits(c.a) != math.Float64bits(c.b) {
			return Diff{Step: saved.Step, Column: c.name, Saved: full(c.a), Got: full(c.b)}, true
		}
	}
	if saved.Evals != got.Evals {
		return Diff{Step: saved.Step, Column: ColEvals, Saved: strconv.Itoa(saved.Evals), Got: strconv.Itoa(got.Evals)}, true
	}
	return Diff{}, false
}

// CompareRuns returns where the rows of a re-run first differ from the
// saved rows, and whether they do: the first step whose figures differ,
// or, when one run stops short, the first step the other has alone.
func CompareRuns(saved, got []spec.Metrics) (Diff, bool) {
	for i := range min(len(saved), len(got)) {
		if d, differ := Compare(saved[i], got[i]); differ {
			return d, true
		}
	}
	switch k := min(len(saved), len(got)) + 1; {
	case len(saved) > len(got):
		return Diff{Step: k, Column: ColStep, Saved: strconv.Itoa(k)}, true
	case len(got) > len(saved):
		return Diff{Step: k, Column: ColStep, Got: strconv.Itoa(k)}, true
	}
	return Diff{}, false
}

// full writes x with every digit it needs to be read back exactly.
func full(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
