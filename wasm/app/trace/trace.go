// Package trace picks the points a chart draws of a long series: however
// many steps a run takes, a line draws at most about 2·Buckets points, and
// a spike stays as high as it was.
package trace

import "math"

// Buckets is how many spans of steps a chart's x axis is cut into.
const Buckets = 500

// Span returns how many steps each span holds on an axis of steps steps:
// 1 (every step drawn) up to Buckets steps.
func Span(steps float64) int {
	return max(1, int(math.Ceil(steps/Buckets)))
}

// Points returns the indices of values to draw, in order, with spans of
// span values: each span's lowest and highest (one index when they are
// the same), and the last index, so that a line ends at the newest value.
// The spans are fixed by span alone, not by len(values), so the indices
// of the spans already full stay the same as values grow.
func Points(values []float64, span int) []int {
	span = max(span, 1)
	out := make([]int, 0, min(len(values), 2*(len(values)/span+1)+1))
	for lo := 0; lo < len(values); lo += span {
		hi := min(lo+span, len(values))
		low, high := lo, lo
		for i := lo + 1; i < hi; i++ {
			if values[i] < values[low] {
				low = i
			}
			if values[i] > values[high] {
				high = i
			}
		}
		first, second := min(low, high), max(low, high)
		out = append(out, first)
		if second != first {
			out = append(out, second)
		}
		if last := len(values) - 1; hi == len(values) && last != second {
			out = append(out, last)
		}
	}
	return out
}
