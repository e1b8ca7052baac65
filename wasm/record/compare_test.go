package record

import (
	"math"
	"testing"

	"bibun/nn/spec"
)

func TestCompare(t *testing.T) {
	rows := train(t, quick(spec.Incremental, 5))
	again := train(t, quick(spec.Incremental, 5))
	for i := range again {
		again[i].GradMs = 1e6 // no two runs share a time
	}
	if d, differ := CompareRuns(rows, again); differ {
		t.Fatalf("two runs of the same settings differ: %+v", d)
	}

	// One loss changed in its last digit.
	tampered := append([]spec.Metrics(nil), rows...)
	tampered[2].Loss = math.Nextafter(tampered[2].Loss, 1)
	d, differ := CompareRuns(tampered, rows)
	if !differ || d.Step != 3 || d.Column != ColLoss || d.Saved != full(tampered[2].Loss) || d.Got != full(rows[2].Loss) {
		t.Errorf("a loss changed at step 3: %+v, %v", d, differ)
	}

	tampered = append([]spec.Metrics(nil), rows...)
	tampered[4].TestAcc, tampered[1].Evals = 0.5, 7
	if d, _ := CompareRuns(tampered, rows); d.Step != 2 || d.Column != ColEvals {
		t.Errorf("evals changed at step 2 and test_acc at 5: %+v, want step 2, %s", d, ColEvals)
	}

	// One run stops short.
	if d, differ := CompareRuns(rows, rows[:3]); !differ || d.Step != 4 || d.Column != ColStep || d.Saved != "4" || d.Got != "" {
		t.Errorf("the re-run stops after 3 of 5: %+v", d)
	}
	if d, differ := CompareRuns(rows[:3], rows); !differ || d.Step != 4 || d.Got != "4" {
		t.Errorf("the re-run goes past the saved 3: %+v", d)
	}

	// A sign bit is a digit.
	z, nz := spec.Metrics{Step: 1}, spec.Metrics{Step: 1, Loss: math.Copysign(0, -1)}
	if _, differ := Compare(z, nz); !differ {
		t.Errorf("0 and -0 compare equal")
	}
}
