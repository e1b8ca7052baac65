package format

import (
	"testing"
	"time"
)

func TestShort(t *testing.T) {
	for x, want := range map[float64]string{0.1: "0.1", 1e-4: "1e-4", 2.5e-7: "2.5e-7", 0.001: "0.001", 12: "12", 1e-12: "1e-12"} {
		if got := Short(x); got != want {
			t.Errorf("Short(%g) = %q, want %q", x, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 16578: "16,578", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		3500 * time.Microsecond:     "3.5 ms",
		90 * time.Millisecond:       "90 ms",
		420 * time.Millisecond:      "420 ms",
		9500 * time.Millisecond:     "9.5 s",
		42 * time.Second:            "42 s",
		130 * time.Second:           "2 min 10 s",
		3*time.Hour + 5*time.Minute: "3 h 5 min",
	} {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}
