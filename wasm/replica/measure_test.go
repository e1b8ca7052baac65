package replica

import (
	"testing"
	"time"

	"bibun/nn"
)

func TestMeasure(t *testing.T) {
	speeds := Measure(10 * time.Millisecond)
	for _, m := range nn.Methods {
		if s := speeds[m]; !(s > 1e3) {
			t.Errorf("Measure()[%s] = %g operations/ms, want a plausible speed above 1 MFLOP/s", m, s)
		}
	}
}
