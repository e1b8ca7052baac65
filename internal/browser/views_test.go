package browser

import (
	"slices"
	"testing"
)

func TestCostSeries(t *testing.T) {
	// The view lists the largest networks first.
	ps := []Point{
		{"method": "numerical", "params": "2056", "ms": "40"},
		{"method": "backprop", "params": "2056", "ms": "0.2"},
		{"method": "numerical", "params": "136", "ms": "0.5"},
		{"method": "backprop", "params": "136", "ms": "0.02"},
	}
	shown := map[string]string{"state": "done", "slopeNumerical": "1.62", "slopeBackprop": "0.85"}
	series, slopes, err := costSeries(ps, shown)
	if err != nil {
		t.Fatal(err)
	}
	if s := series["numerical"]; !slices.Equal(s.P, []float64{136, 2056}) || !slices.Equal(s.Ms, []float64{0.5, 40}) {
		t.Errorf("numerical: %+v, want P 136, 2056 and ms 0.5, 40", s)
	}
	if s := series["backprop"]; !slices.Equal(s.Ms, []float64{0.02, 0.2}) {
		t.Errorf("backprop: %+v", s)
	}
	if slopes["numerical"] != "1.62" || slopes["backprop"] != "0.85" || len(slopes) != 2 {
		t.Errorf("slopes %v", slopes)
	}
	for _, bad := range []Point{
		{"method": "backprop", "params": "136", "ms": "0"},
		{"method": "backprop", "params": "x", "ms": "1"},
		{"method": "backprop", "params": "136", "ms": "Infinity"},
	} {
		if _, _, err := costSeries(append(ps, bad), shown); err == nil {
			t.Errorf("a point %v: no error", bad)
		}
	}
}
