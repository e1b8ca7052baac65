package nn

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"bibun/nn/spec"
)

// Dataset is a set of labelled samples: row n of X is sample n, T[n] its class.
type Dataset struct {
	X *mat.Dense // N×S inputs
	T []int      // N labels, Noise or Flat
}

// Len returns the number of samples.
func (d Dataset) Len() int { return len(d.T) }

// Generate returns the article's data as a Dataset (see spec.Generate).
func Generate(n, size, offset int, rng *rand.Rand) Dataset {
	return dataset(spec.Generate(n, size, offset, rng))
}

// dataset wraps samples in a Dataset, sharing their memory.
func dataset(s spec.Samples) Dataset {
	return Dataset{X: mat.NewDense(s.Len(), s.S, s.X), T: s.T}
}

// Rows returns the samples at the given indices, in that order, as a new Dataset.
func (d Dataset) Rows(idx []int) Dataset {
	_, s := d.X.Dims()
	x := mat.NewDense(len(idx), s, nil)
	t := make([]int, len(idx))
	for n, i := range idx {
		copy(x.RawRowView(n), d.X.RawRowView(i))
		t[n] = d.T[i]
	}
	return Dataset{X: x, T: t}
}

// TrainingSet returns c's training set: Train samples, offset 0.
func TrainingSet(c Config) Dataset { return dataset(c.TrainingSamples()) }

// TestSet returns c's test set: Test samples, offset Size+1.
func TestSet(c Config) Dataset { return dataset(c.TestSamples()) }
