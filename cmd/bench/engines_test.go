package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"bibun/internal/browser"
	"bibun/internal/engines"
)

// table returns metrics rows with the given grad-ms and evals.
func table(evals string, ms ...float64) []browser.Row {
	rows := make([]browser.Row, len(ms))
	for i, m := range ms {
		rows[i] = browser.Row{Step: i + 1, Values: map[string]string{
			browser.ColGradMs: fmt.Sprint(m), browser.ColEvals: evals}}
	}
	return rows
}

// TestEngineRow checks the median of the steps, the mean when the clock
// is coarse, the numerical method's throughput per worker and the failures.
func TestEngineRow(t *testing.T) {
	inc, bp, num := engineRuns[0], engineRuns[1], engineRuns[2]
	run := func(ms ...float64) engines.Result {
		return engines.Result{Rows: table("33156", ms...), Run: 2500 * time.Millisecond}
	}
	r := engineRow(inc, "Firefox 140.0", 1, run(90, 70, 80), nil)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "3 rows") {
		t.Errorf("3 of 15 steps: error %v", r.Err)
	}
	ms := make([]float64, 15)
	for i := range ms {
		ms[i] = float64(60 + i)
	}
	r = engineRow(inc, "Firefox 140.0", 1, run(ms...), nil)
	if r.Err != nil || r.Ms != 67 || r.Workers != 2 || r.Where != "Firefox 140.0" || r.Target != "" {
		t.Errorf("incremental row = %+v, want 67 ms (the median), 2 workers, no target", r)
	}
	if want := "15 steps, median; run 2.5 s, wall"; !strings.HasSuffix(r.Settings, want) {
		t.Errorf("settings %q, want them to end in %q", r.Settings, want)
	}
	// Backprop's steps under a clock of whole milliseconds: most read 0 or 1.
	r = engineRow(bp, "Firefox 140.0", 1, run(0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1), nil)
	if r.Err != nil || r.Ms != 6.0/15 || !strings.Contains(r.Settings, "mean (a clock of 1 ms steps)") {
		t.Errorf("backprop row under a coarse clock = %+v, want the mean, 0.4 ms", r)
	}
	// 33,156 forward passes of 2·100·(256·64 + 2·64) operations in 30 s, shared by 2 workers.
	r = engineRow(num, "WebKit 2.50", 1, engines.Result{Rows: table("33156", 30000)}, nil)
	want := 33156 * 2 * 100 * (256*64 + 2*64) / 30.0 / 2 / 1e9
	if r.Err != nil || r.Ms != 30000 || math.Abs(r.GFlops-want) > 1e-12 {
		t.Errorf("numerical row = %+v, want 30000 ms and %.4f GFLOP/s per worker", r, want)
	}
	if r := engineRow(num, "webkit", 0, engines.Result{}, errors.New("launching webkit: no display")); r.Err == nil {
		t.Errorf("a failed run gives no error: %+v", r)
	}
}
