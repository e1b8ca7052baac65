//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The teaching views' hooks: [data-testid=gradcheck] (rows tr[data-tensor],
// cells td[data-col=rel-err|max-rel-err] with data-value),
// [data-testid=hsweep] (circles with data-h and data-err),
// [data-testid=cost] (circles with data-method, data-params and data-ms),
// [data-testid=article] (the article's log beside this run), and each
// card's button: check-gradient, sweep-h, measure-cost.

// teachTimeout is how long one teaching computation may take: the cost
// measurement times the numerical method on a network of 4,122 parameters
// at least three times.
const teachTimeout = 3 * time.Minute

// waitTask waits until the element [data-testid=id] has data-state done
// (and, if step ≥ 0, data-step step), failing at once on error.
func waitTask(t *testing.T, ctx context.Context, id string, step int) {
	t.Helper()
	sel := `document.querySelector('[data-testid=` + id + `]')`
	want := sel + `?.dataset.state === "done"`
	if step >= 0 {
		want += ` && ` + sel + `.dataset.step === "` + strconv.Itoa(step) + `"`
	}
	deadline := time.Now().Add(teachTimeout)
	for {
		if eval[bool](t, ctx, `!!(`+want+`)`) {
			return
		}
		if s := eval[string](t, ctx, sel+`?.dataset.state ?? ""`); s == "error" {
			t.Fatalf("[data-testid=%s] failed: %q", id, eval[string](t, ctx, sel+`.closest('section').textContent`))
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for [data-testid=%s] to be done; it is %q", teachTimeout, id,
				eval[string](t, ctx, sel+`?.dataset.state ?? "absent"`))
		}
		time.Sleep(pollEvery)
	}
}

// clickWhenEnabled waits for the button [data-testid=id] to be enabled and clicks it.
func clickWhenEnabled(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	waitTrue(t, ctx, `document.querySelector('[data-testid=`+id+`]')?.disabled === false`, teachTimeout,
		"the button "+id+" to be enabled")
	click(t, ctx, id)
}

// gradCheck returns the gradient check's cells: tensor → column → data-value.
func gradCheck(t *testing.T, ctx context.Context) map[string]map[string]float64 {
	t.Helper()
	raw := eval[string](t, ctx, `JSON.stringify(Object.fromEntries([...document.querySelectorAll('[data-testid=gradcheck] tr[data-tensor]')].map(tr =>
		[tr.dataset.tensor, Object.fromEntries([...tr.querySelectorAll('td[data-col][data-value]')].map(td => [td.dataset.col, td.dataset.value]))])))`)
	var cells map[string]map[string]string
	if err := json.Unmarshal([]byte(raw), &cells); err != nil {
		t.Fatalf("reading the gradient check: %v", err)
	}
	out := make(map[string]map[string]float64)
	for tensor, cols := range cells {
		out[tensor] = make(map[string]float64)
		for col, v := range cols {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("gradient check, %s %s: data-value %q is not a number", tensor, col, v)
			}
			out[tensor][col] = x
		}
	}
	return out
}

// checkAllTensors fails unless the check has rows W1, b1, W2 and b2 with a
// relative error below limit.
func checkAllTensors(t *testing.T, cells map[string]map[string]float64, limit float64) {
	t.Helper()
	for _, tensor := range []string{"W1", "b1", "W2", "b2"} {
		row, ok := cells[tensor]
		if !ok {
			t.Errorf("the gradient check has no row for %s", tensor)
			continue
		}
		rel, ok1 := row["rel-err"]
		worst, ok2 := row["max-rel-err"]
		if !ok1 || !ok2 {
			t.Errorf("%s: cells %v, want rel-err and max-rel-err", tensor, row)
			continue
		}
		t.Logf("%s: relative error %.3g, worst element %.3g, over %v parameters", tensor, rel, worst, row["params"])
		if !(rel < limit) {
			t.Errorf("%s: relative error to backprop %g, want below %g", tensor, rel, limit)
		}
	}
}

// point is a point of a chart, read from its data attributes.
type point map[string]string

// points returns the data attributes of the circles of [data-testid=id].
func points(t *testing.T, ctx context.Context, id string) []point {
	t.Helper()
	raw := eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll('[data-testid=`+id+`] circle')].map(c => ({...c.dataset})))`)
	var ps []point
	if err := json.Unmarshal([]byte(raw), &ps); err != nil {
		t.Fatalf("reading the points of %s: %v", id, err)
	}
	return ps
}

// float returns attribute key of p as a number.
func (p point) float(t *testing.T, key string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(p[key], 64)
	if err != nil {
		t.Fatalf("point %v: data-%s is not a number", p, key)
	}
	return x
}

// slope returns the least-squares slope of log y against log x.
func slope(xs, ys []float64) float64 {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		x, y := math.Log(xs[i]), math.Log(ys[i])
		sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
	}
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}

// TestTeachViews drives every teaching view in one tab at the article's
// settings: after one incremental step, the gradient check, the h sweep
// and the cost growth; then the whole run beside the article's log.
func TestTeachViews(t *testing.T) {
	ctx, con := open(t, with(article, "workers=2"))
	// Every task of the main thread from now on that lasts 200 ms or more.
	eval[bool](t, ctx, `(window.longTasks = [], new PerformanceObserver(l => window.longTasks.push(...l.getEntries().map(e => e.duration)))
		.observe({type: "longtask"}), true)`)
	if got := eval[int](t, ctx, `document.querySelectorAll('[data-testid=article] tr[data-step]').length`); got != 15 {
		t.Errorf("at the article's settings the article's table has %d rows, want 15", got)
	}
	click(t, ctx, "step")
	waitState(t, ctx, "paused")

	t.Run("GradCheck", func(t *testing.T) {
		clickWhenEnabled(t, ctx, "check-gradient")
		waitTask(t, ctx, "gradcheck", 1)
		if m := eval[string](t, ctx, `document.querySelector('[data-testid=gradcheck]').dataset.method`); m != "incremental" {
			t.Errorf("the check compared %q with backprop, want incremental", m)
		}
		checkAllTensors(t, gradCheck(t, ctx), 1e-6)
	})

	t.Run("HSweep", func(t *testing.T) {
		clickWhenEnabled(t, ctx, "sweep-h")
		waitTask(t, ctx, "hsweep", -1)
		ps := points(t, ctx, "hsweep")
		if len(ps) != 12 {
			t.Fatalf("the h chart has %d points, want 12 (h = 1e-1 … 1e-12)", len(ps))
		}
		best := 0
		hs, errs := make([]float64, len(ps)), make([]float64, len(ps))
		for i, p := range ps {
			hs[i], errs[i] = p.float(t, "h"), p.float(t, "err")
			t.Logf("h = %.0e: relative error %.3g", hs[i], errs[i])
			if errs[i] < errs[best] {
				best = i
			}
		}
		if hs[best] < 1e-7 || hs[best] > 1e-3 {
			t.Errorf("the error is smallest at h = %g, want between 1e-7 and 1e-3", hs[best])
		}
		// It grows at both ends: the V.
		for i := range ps {
			if i < best && errs[i] < errs[i+1] || i > best && errs[i] < errs[i-1] {
				t.Errorf("the error does not grow away from its minimum at h = %g: %v", hs[i], errs)
			}
		}
		if ends := min(errs[0], errs[len(errs)-1]); ends < 100*errs[best] {
			t.Errorf("the ends' error %g is not far above the minimum %g", ends, errs[best])
		}
	})

	t.Run("Cost", func(t *testing.T) {
		// Timings on a shared machine can be disturbed by whatever else
		// runs: a measurement that misses is taken again, three times in all.
		for attempt := 1; ; attempt++ {
			start := time.Now()
			clickWhenEnabled(t, ctx, "measure-cost")
			waitTask(t, ctx, "cost", -1)
			t.Logf("measured in %v", time.Since(start).Round(100*time.Millisecond))
			misses := costMisses(t, ctx)
			if len(misses) == 0 {
				return
			}
			if attempt == 3 {
				for _, m := range misses {
					t.Error(m)
				}
				return
			}
			t.Logf("measuring again: %s", strings.Join(misses, "; "))
		}
	})

	t.Run("Article", func(t *testing.T) {
		click(t, ctx, "run")
		waitState(t, ctx, "done")
		raw := eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll('[data-testid=article] tr[data-step]')].map(tr =>
			Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.dataset.col, td.dataset.value ?? ""]))))`)
		var rows []map[string]string
		if err := json.Unmarshal([]byte(raw), &rows); err != nil {
			t.Fatal(err)
		}
		table := readTable(t, ctx)
		if len(rows) != 15 || len(table) != 15 {
			t.Fatalf("the article's table has %d rows and the run %d, want 15 each", len(rows), len(table))
		}
		for i, r := range rows {
			if r["loss"] != table[i].Values[colLoss] || r["test-acc"] != table[i].Values[colTestAcc] {
				t.Errorf("step %d: the article's table shows this run's loss %q, test accuracy %q; the metrics %q, %q",
					i+1, r["loss"], r["test-acc"], table[i].Values[colLoss], table[i].Values[colTestAcc])
			}
			if r["article-loss"] == "" || r["article-test-acc"] == "" {
				t.Errorf("step %d: no article values: %v", i+1, r)
			}
		}
		t.Logf("step 15: this run loss %s, test acc %s; the article's %s, %s",
			rows[14]["loss"], rows[14]["test-acc"], rows[14]["article-loss"], rows[14]["article-test-acc"])
	})

	shoot(t, ctx, "[data-testid=teaching]", "teaching")
	long := eval[[]float64](t, ctx, `window.longTasks`)
	for _, ms := range long {
		if ms >= 200 {
			t.Errorf("the main thread was busy for %.0f ms at once", ms)
		}
	}
	t.Logf("long tasks (≥ 50 ms) of the main thread: %v", long)
	noConsoleErrors(t, con)
}

// costMisses reads the cost chart and returns how its slopes miss what
// the methods' costs predict; it fails the test if the chart is malformed.
func costMisses(t *testing.T, ctx context.Context) []string {
	t.Helper()
	byMethod := make(map[string][2][]float64)
	for _, p := range points(t, ctx, "cost") {
		xy := byMethod[p["method"]]
		xy[0], xy[1] = append(xy[0], p.float(t, "params")), append(xy[1], p.float(t, "ms"))
		byMethod[p["method"]] = xy
	}
	shown := eval[map[string]string](t, ctx, `({...document.querySelector('[data-testid=cost]').dataset})`)
	slopes := make(map[string]float64)
	for _, m := range []string{"numerical", "incremental", "backprop"} {
		xy := byMethod[m]
		if len(xy[0]) != 5 {
			t.Fatalf("%s: %d points, want 5", m, len(xy[0]))
		}
		slopes[m] = slope(xy[0], xy[1])
		key := "slope" + strings.ToUpper(m[:1]) + m[1:] // data-slope-numerical is dataset.slopeNumerical
		t.Logf("%s: P %v, ms %v: slope %.3f (the legend says %s)", m, xy[0], xy[1], slopes[m], shown[key])
		if b, err := strconv.ParseFloat(shown[key], 64); err != nil || math.Abs(slopes[m]-b) > 1e-9 {
			t.Errorf("%s: the page's slope %q differs from the fit to its points, %g", m, shown[key], slopes[m])
		}
	}
	// A numerical gradient is 2P forward passes, each of cost ∝ P (the
	// sizes keep the matrix products above the sigmoids, see nn.CostSizes);
	// backprop is one pass of cost ∝ P. The exponents themselves (2 and 1,
	// ± 0.4) are make bench's targets; here, on a machine that may be
	// running other work, the test asks only that the chart tells them
	// apart: a slope near 2 can read 1.5 at a busy minute (the fixed cost
	// of a pass weighs most at the smallest sizes), one near 1 stays far
	// below it.
	var misses []string
	if a := slopes["numerical"]; !(a > 1.3) {
		misses = append(misses, fmt.Sprintf("numerical: slope %.3f, want above 1.3 (time ∝ P²)", a))
	}
	if a := slopes["backprop"]; !(a < 1.4) {
		misses = append(misses, fmt.Sprintf("backprop: slope %.3f, want below 1.4 (time ∝ P)", a))
	}
	if d := slopes["numerical"] - slopes["backprop"]; !(d > 0.4) {
		misses = append(misses, fmt.Sprintf("numerical's slope %.3f is only %.3f above backprop's, want more than 0.4", slopes["numerical"], d))
	}
	return misses
}

// TestTeachGradCheckNumerical checks the numerical method's check on a
// small network, where it is cheap and so redone after each step by itself.
func TestTeachGradCheckNumerical(t *testing.T) {
	ctx, con := open(t, "grad=numerical&size=16&hidden=8&lr=0.3&std=0.1&steps=3&workers=2")
	click(t, ctx, "step")
	waitState(t, ctx, "paused")
	waitTask(t, ctx, "gradcheck", 1) // no click: it is cheap
	if m := eval[string](t, ctx, `document.querySelector('[data-testid=gradcheck]').dataset.method`); m != "numerical" {
		t.Errorf("the check compared %q with backprop, want numerical", m)
	}
	checkAllTensors(t, gradCheck(t, ctx), 1e-6)
	click(t, ctx, "step")
	waitState(t, ctx, "paused")
	waitTask(t, ctx, "gradcheck", 2)
	noConsoleErrors(t, con)
}

// TestTeachArticleOff checks that the article's log is offered, not shown,
// at other settings, and that its button brings the article's settings.
func TestTeachArticleOff(t *testing.T) {
	ctx, con := open(t, with(article, "lr=0.3"))
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-testid=article]').length`); n != 0 {
		t.Errorf("at lr 0.3 the article's table is shown")
	}
	click(t, ctx, "use-article")
	waitTrue(t, ctx, `document.querySelectorAll('[data-testid=article] tr[data-step]').length === 15`, shortTimeout,
		"the article's table after pressing its button")
	if lr := param(t, ctx, "lr"); lr != "0.1" {
		t.Errorf("after the button, lr is %s, want 0.1", lr)
	}
	noConsoleErrors(t, con)
}

// shoot saves a screenshot of the element sel as <repo>/artifacts/name.png.
func shoot(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Errorf("screenshot of %s: %v", sel, err)
		return
	}
	dir := filepath.Join(repoRoot(t), "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("saved %s", path)
}
