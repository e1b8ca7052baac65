package nn

import "math"

// RelErr returns the relative error ‖a−n‖/max(‖a‖,‖n‖) between two
// gradients of one tensor (Euclidean norms), 0 when both are zero. It
// panics if the lengths differ.
func RelErr(a, n []float64) float64 {
	if len(a) != len(n) {
		panic("nn: RelErr of slices of different lengths")
	}
	var d, na, nn float64
	for k := range a {
		d += (a[k] - n[k]) * (a[k] - n[k])
		na += a[k] * a[k]
		nn += n[k] * n[k]
	}
	if den := math.Sqrt(max(na, nn)); den > 0 {
		return math.Sqrt(d) / den
	}
	return 0
}

// MaxRelErr returns the worst element-wise relative error
// |a−n|/max(|a|,|n|) (CS231n's gradient check; 0 where both are 0). Below
// 1e-7 is right for this smooth network, 1e-4…1e-2 suspect, above 1e-2 wrong.
func MaxRelErr(a, n []float64) float64 {
	if len(a) != len(n) {
		panic("nn: MaxRelErr of slices of different lengths")
	}
	worst := 0.0
	for k := range a {
		if den := max(math.Abs(a[k]), math.Abs(n[k])); den > 0 {
			worst = max(worst, math.Abs(a[k]-n[k])/den)
		}
	}
	return worst
}

// SampleParams returns n parameter indices spread evenly over each tensor
// (n/4 from each, all of a tensor smaller than that), for checks too
// costly to run on all P parameters.
func SampleParams(net *Network, n int) []int {
	var idx []int
	for _, t := range net.Tensors() {
		size, want := t.Hi-t.Lo, max(n/4, 1)
		if size <= want {
			for k := t.Lo; k < t.Hi; k++ {
				idx = append(idx, k)
			}
			continue
		}
		for q := range want {
			idx = append(idx, t.Lo+q*size/want+size/(2*want))
		}
	}
	return idx
}
