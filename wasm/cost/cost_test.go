package cost

import (
	"testing"
	"time"

	"bibun/nn"
)

func TestEvals(t *testing.T) {
	c := nn.Article()
	for m, want := range map[nn.Method]int{nn.Numerical: 33156, nn.Incremental: 33156, nn.Backprop: 1} {
		c.Method = m
		if got := Evals(c); got != want {
			t.Errorf("Evals(article, %s) = %d, want %d", m, got, want)
		}
	}
}

func TestTimeInvertsSpeed(t *testing.T) {
	c := nn.Article()
	c.Method = nn.Numerical
	speed := Speed(c, 30000, 4, 2) // a 30 s gradient on 2 cores
	if got := Time(c, speed, 4, 2); got != 30*time.Second {
		t.Errorf("Time at the speed of a 30 s step = %v, want 30s", got)
	}
	if Time(c, speed, 1, 2) != 60*time.Second {
		t.Errorf("one worker should take twice as long as two")
	}
}

func TestMeasure(t *testing.T) {
	speeds := Measure(10 * time.Millisecond)
	for _, m := range nn.Methods {
		if s := speeds[m]; !(s > 1e3) {
			t.Errorf("Measure()[%s] = %g operations/ms, want a plausible speed above 1 MFLOP/s", m, s)
		}
	}
}
