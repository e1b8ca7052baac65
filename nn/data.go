package nn

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Class labels of the generated data.
const (
	Noise = 0 // S independent standard-normal values
	Flat  = 1 // S copies of one constant between 0.0 and 9.9
)

// Dataset is a set of labelled samples: row n of X is sample n, T[n] its class.
type Dataset struct {
	X *mat.Dense // N×S inputs
	T []int      // N labels, Noise or Flat
}

// Len returns the number of samples.
func (d Dataset) Len() int { return len(d.T) }

// Generate returns the article's data: for i = 1…n the label is i mod 2;
// a Noise sample (even i) holds size standard-normal values drawn from rng,
// a Flat sample (odd i) holds size copies of ((i+offset) mod 100)/10.
// The article uses offset 0 for training and size+1 for testing.
func Generate(n, size, offset int, rng *rand.Rand) Dataset {
	x := mat.NewDense(n, size, nil)
	t := make([]int, n)
	for i := 1; i <= n; i++ {
		row := x.RawRowView(i - 1)
		t[i-1] = i % 2
		if t[i-1] == Noise {
			for k := range row {
				row[k] = rng.NormFloat64()
			}
			continue
		}
		v := float64((i+offset)%100) / 10
		for k := range row {
			row[k] = v
		}
	}
	return Dataset{X: x, T: t}
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

// TrainingSet returns the run's training set: Train samples, offset 0.
func (c Config) TrainingSet() Dataset {
	return Generate(c.Train, c.Size, 0, newStream(c.Seed, streamTrain))
}

// TestSet returns the run's test set: Test samples, offset Size+1.
func (c Config) TestSet() Dataset {
	return Generate(c.Test, c.Size, c.Size+1, newStream(c.Seed, streamTest))
}
