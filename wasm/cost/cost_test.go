package cost

import (
	"testing"
	"time"

	"bibun/nn/spec"
)

func TestEvals(t *testing.T) {
	c := spec.Article()
	for m, want := range map[spec.Method]int{spec.Numerical: 33156, spec.Incremental: 33156, spec.Backprop: 1} {
		c.Method = m
		if got := Evals(c); got != want {
			t.Errorf("Evals(article, %s) = %d, want %d", m, got, want)
		}
	}
}

func TestTimeInvertsSpeed(t *testing.T) {
	c := spec.Article()
	c.Method = spec.Numerical
	speed := Speed(c, 30000, 4, 2) // a 30 s gradient on 2 cores
	if got := Time(c, speed, 4, 2); got != 30*time.Second {
		t.Errorf("Time at the speed of a 30 s step = %v, want 30s", got)
	}
	if Time(c, speed, 1, 2) != 60*time.Second {
		t.Errorf("one worker should take twice as long as two")
	}
}
