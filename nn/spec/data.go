package spec

import "math/rand/v2"

// Class labels of the generated data.
const (
	Noise = 0 // S independent standard-normal values
	Flat  = 1 // S copies of one constant between 0.0 and 9.9
)

// Samples are labelled samples of S values each.
type Samples struct {
	S int       // values per sample
	X []float64 // N·S values, row-major: sample n is X[n·S : (n+1)·S]
	T []int     // N labels, Noise or Flat
}

// Len returns the number of samples.
func (s Samples) Len() int { return len(s.T) }

// Row returns sample n.
func (s Samples) Row(n int) []float64 { return s.X[n*s.S : (n+1)*s.S] }

// Generate returns the article's data: for i = 1…n the label is i mod 2;
// a Noise sample (even i) holds size standard-normal values drawn from rng,
// a Flat sample (odd i) holds size copies of ((i+offset) mod 100)/10.
// The article uses offset 0 for training and size+1 for testing. The
// first k samples are the same whatever n ≥ k.
func Generate(n, size, offset int, rng *rand.Rand) Samples {
	s := Samples{S: size, X: make([]float64, n*size), T: make([]int, n)}
	for i := 1; i <= n; i++ {
		row := s.Row(i - 1)
		s.T[i-1] = i % 2
		if s.T[i-1] == Noise {
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
	return s
}

// TrainingSamples returns the run's training set: Train samples, offset 0.
func (c Config) TrainingSamples() Samples {
	return Generate(c.Train, c.Size, 0, NewStream(c.Seed, StreamTrain))
}

// TestSamples returns the run's test set: Test samples, offset Size+1.
func (c Config) TestSamples() Samples {
	return Generate(c.Test, c.Size, c.Size+1, NewStream(c.Seed, StreamTest))
}
