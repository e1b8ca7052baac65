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

// english and japanese are the page's units (wasm/app/view/duration.go).
var (
	english = Units{Ms: " ms", S: " s",
		MinSec:  func(m, s string) string { return m + " min " + s + " s" },
		HourMin: func(h, m string) string { return h + " h " + m + " min" }}
	japanese = Units{Ms: " ms", S: "秒",
		MinSec:  func(m, s string) string { return m + "分" + s + "秒" },
		HourMin: func(h, m string) string { return h + "時間" + m + "分" }}
)

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration][2]string{ // English, Japanese
		3500 * time.Microsecond:     {"3.5 ms", "3.5 ms"},
		90 * time.Millisecond:       {"90 ms", "90 ms"},
		420 * time.Millisecond:      {"420 ms", "420 ms"},
		9500 * time.Millisecond:     {"9.5 s", "9.5秒"},
		42 * time.Second:            {"42 s", "42秒"},
		130 * time.Second:           {"2 min 10 s", "2分10秒"},
		3*time.Hour + 5*time.Minute: {"3 h 5 min", "3時間5分"},
	} {
		for i, u := range []Units{english, japanese} {
			if got := Duration(d, u); got != want[i] {
				t.Errorf("Duration(%v) in %s = %q, want %q", d, []string{"English", "Japanese"}[i], got, want[i])
			}
		}
	}
}
