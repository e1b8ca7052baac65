package nn

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json (run under js/wasm: GOOS=js GOARCH=wasm)")

// golden is testdata/golden.json: the first steps of a few runs, every
// number at full precision. The page's browser tests load each link and
// must show these digits.
type golden struct {
	Note string      `json:"note"`
	Runs []goldenRun `json:"runs"`
}

type goldenRun struct {
	Link string      `json:"link"` // the page's URL fragment for the run
	Rows []goldenRow `json:"rows"`
}

// goldenRow holds one step's reproducible metrics, as the page writes them
// in data-value: strconv.FormatFloat(x, 'g', -1, 64).
type goldenRow struct {
	Step     int    `json:"step"`
	Loss     string `json:"loss"`
	TrainAcc string `json:"train_acc"`
	TestAcc  string `json:"test_acc"`
	Evals    string `json:"evals"`
}

// goldenConfigs: the article's settings (3 steps) with the two fast
// methods, and the quick network with the article's own method.
func goldenConfigs() []Config {
	inc, bp, num := Article(), Article(), quick(1, Numerical)
	inc.Steps, bp.Steps, num.Steps = 3, 3, 3
	bp.Method = Backprop
	return []Config{inc, bp, num}
}

// linkOf writes c as the page's link fragment (the format of wasm/link).
func linkOf(c Config) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	return fmt.Sprintf("v=1&grad=%s&size=%d&hidden=%d&batch=%d&lr=%s&h=%s&steps=%d&train=%d&test=%d&std=%s&seed=%d",
		c.Method, c.Size, c.Hidden, c.Batch, f(c.LR), f(c.H), c.Steps, c.Train, c.Test, f(c.Std), c.Seed)
}

func makeGolden(t *testing.T) golden {
	g := golden{Note: "written by `GOOS=js GOARCH=wasm go test ./nn -run Golden -update`; values are strconv.FormatFloat(x, 'g', -1, 64)"}
	for _, c := range goldenConfigs() {
		r := goldenRun{Link: linkOf(c)}
		for _, m := range run(t, c) {
			f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
			r.Rows = append(r.Rows, goldenRow{m.Step, f(m.Loss), f(m.TrainAcc), f(m.TestAcc), strconv.Itoa(m.Evals)})
		}
		g.Runs = append(g.Runs, r)
	}
	return g
}

// TestGolden checks the first steps digit for digit under js/wasm, the
// platform every browser runs, where the table is written. Natively,
// math.Exp has an assembly version on amd64 (and arm64 fuses
// multiply-adds) whose last bits differ from wasm's pure Go, which central
// differences magnify by 1/h: there the losses must agree to 1e-12.
func TestGolden(t *testing.T) {
	got := makeGolden(t)
	if *update {
		if runtime.GOARCH != "wasm" {
			t.Fatal("write the golden table under js/wasm: GOOS=js GOARCH=wasm go test ./nn -run Golden -update")
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/golden.json", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var want golden
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Runs) != len(got.Runs) {
		t.Fatalf("golden has %d runs, want %d", len(want.Runs), len(got.Runs))
	}
	for i, w := range want.Runs {
		g := got.Runs[i]
		if w.Link != g.Link || len(w.Rows) != len(g.Rows) {
			t.Fatalf("run %d: golden %q (%d rows), now %q (%d rows)", i, w.Link, len(w.Rows), g.Link, len(g.Rows))
		}
		for s := range w.Rows {
			if runtime.GOARCH != "wasm" {
				wl, _ := strconv.ParseFloat(w.Rows[s].Loss, 64)
				gl, _ := strconv.ParseFloat(g.Rows[s].Loss, 64)
				if math.Abs(wl-gl) <= 1e-12*wl {
					w.Rows[s].Loss = g.Rows[s].Loss
				}
			}
			if w.Rows[s] != g.Rows[s] {
				t.Errorf("%s\nstep %d on %s/%s: got %+v, golden %+v", w.Link, s+1, runtime.GOOS, runtime.GOARCH, g.Rows[s], w.Rows[s])
			}
		}
	}
}

// The golden digits also hold when the gradient is split across workers.
func TestGoldenSplit(t *testing.T) {
	c := goldenConfigs()[0]
	whole := run(t, c)
	tr, _ := NewTrainer(c)
	p := c.Params()
	for step := range c.Steps {
		g := make([]float64, p)
		for _, r := range [][2]int{{0, 5000}, {5000, 5001}, {5001, p}} {
			if _, err := tr.Gradient(context.Background(), r[0], r[1], g, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := tr.Apply(g); err != nil {
			t.Fatal(err)
		}
		m, _ := tr.Metrics(whole[step].Evals, whole[step].GradMs)
		if m != whole[step] {
			t.Errorf("step %d split: %+v, whole: %+v", step+1, m, whole[step])
		}
	}
}
