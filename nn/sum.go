package nn

import "math"

// sum is a compensated (Neumaier) running sum of per-sample losses: hi+lo
// holds the sum to about twice float64's precision.
//
// Central differences subtract two nearly equal losses and divide by 2h,
// which magnifies their rounding by 1/h. A plain running sum over a batch
// of 100 rounds at every step and would add ~1e-12 of noise to each
// gradient entry; subtracting the (hi, lo) pairs instead leaves only the
// rounding of the per-sample losses themselves, ~1e-14.
type sum struct{ hi, lo float64 }

func (s *sum) add(x float64) {
	t := s.hi + x
	if math.Abs(s.hi) >= math.Abs(x) {
		s.lo += (s.hi - t) + x
	} else {
		s.lo += (x - t) + s.hi
	}
	s.hi = t
}

// value returns the sum rounded to a float64.
func (s sum) value() float64 { return s.hi + s.lo }

// centralDiff returns (plus − minus)/(2h·n): the central difference of the
// mean of n per-sample losses, from their compensated sums.
func centralDiff(plus, minus sum, h float64, n int) float64 {
	// plus.hi and minus.hi are within a factor 2 of each other, so their
	// difference is exact (Sterbenz).
	return ((plus.hi - minus.hi) + (plus.lo - minus.lo)) / (2 * h * float64(n))
}
