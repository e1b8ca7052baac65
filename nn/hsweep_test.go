package nn

import (
	"context"
	"testing"
)

func TestHSweepDrawsAV(t *testing.T) {
	tr, err := NewTrainer(Article())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Step(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	hs := HSteps()
	errs, err := HSweep(context.Background(), tr.Net, tr.Batch(), NoBug, hs, SampleParams(tr.Net, 32), nil)
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for n := range errs {
		t.Logf("h = %.0e: relative error %.3g", hs[n], errs[n])
		if errs[n] < errs[best] {
			best = n
		}
	}
	if hs[best] < 1e-7 || hs[best] > 1e-3 {
		t.Errorf("smallest error at h = %g, want between 1e-7 and 1e-3", hs[best])
	}
	if errs[0] < 100*errs[best] || errs[len(errs)-1] < 100*errs[best] {
		t.Errorf("error does not grow at both ends: %v", errs)
	}
}
