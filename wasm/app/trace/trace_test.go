package trace

import (
	"slices"
	"testing"
)

func TestShort(t *testing.T) {
	values := []float64{0.7, 0.6, 0.65, 0.5}
	if got := Points(values, Span(15)); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Errorf("a short run draws %v, want every step", got)
	}
	if Span(500) != 1 || Span(501) != 2 || Span(10000) != 20 || Span(0) != 1 {
		t.Errorf("Span: %d %d %d %d", Span(500), Span(501), Span(10000), Span(0))
	}
}

// TestLong: 10,000 steps draw at most about 2·Buckets points, in order,
// with a spike, the lowest value and the last; and the spans already
// full keep their points as the run goes on.
func TestLong(t *testing.T) {
	values := make([]float64, 10000)
	for i := range values {
		values[i] = 1 / float64(i+1)
	}
	values[6543] = 9    // a spike
	values[9990] = -0.5 // the lowest
	span := Span(float64(len(values)))
	got := Points(values, span)
	if len(got) > 2*Buckets+1 {
		t.Errorf("10,000 steps draw %d points, want at most %d", len(got), 2*Buckets+1)
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("points out of order or repeated")
	}
	for _, want := range []int{0, 6543, 9990, 9999} {
		if !slices.Contains(got, want) {
			t.Errorf("step %d is not drawn", want+1)
		}
	}
	part := Points(values[:7777], span)
	full := 7760 / span * 2 // the spans before step 7761, two points each
	if !slices.Equal(part[:full], got[:full]) {
		t.Errorf("the points of the full spans moved as the run went on")
	}
	if last := part[len(part)-1]; last != 7776 {
		t.Errorf("a run under way ends at %d, want its newest step 7776", last)
	}
}
