//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"bibun/internal/browser"
	"bibun/nn"
)

// The teaching views' hooks: [data-testid=gradcheck] (rows tr[data-tensor],
// cells td[data-col=rel-err|max-rel-err] with data-value),
// [data-testid=hsweep] (circles with data-h and data-err),
// [data-testid=cost] (circles with data-method, data-params and data-ms),
// [data-testid=article] (the article's log beside this run), and each
// card's button: check-gradient, sweep-h, measure-cost.

// teachTimeout is how long one teaching computation may take before the
// test calls it stuck: the cost measurement times the numerical method on a
// network of 4,122 parameters at least three times.
const teachTimeout = 3 * time.Minute

// articleRows is the number of rows of the article's log beside the run.
var articleRows = `(` + browser.Element("article") + `?.querySelectorAll('tr[data-step]').length ?? 0)`

// gradCheck returns the gradient check's cells: tensor → column → data-value.
func gradCheck(t *testing.T, tab *browser.Tab) map[string]map[string]float64 {
	t.Helper()
	raw := eval[string](t, tab, `JSON.stringify(Object.fromEntries([...`+browser.Element("gradcheck")+`?.querySelectorAll('tr[data-tensor]') ?? []].map(tr =>
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

// TestTeachViews drives every teaching view in one tab at the article's
// settings: after one incremental step, the gradient check, the h sweep
// and the cost growth; then the whole run beside the article's log. It
// checks what each view shows, not how fast: the cost growth's slopes and
// the longest main-thread task are make bench's (here they are logged).
func TestTeachViews(t *testing.T) {
	tab, con := open(t, with(article, "workers=2"), browser.LongTasks)
	if got := eval[int](t, tab, articleRows); got != 15 {
		t.Errorf("at the article's settings the article's table has %d rows, want 15", got)
	}
	click(t, tab, "step")
	waitState(t, tab, "paused")

	t.Run("GradCheck", func(t *testing.T) {
		clickWhenEnabled(t, tab, "check-gradient", teachTimeout)
		waitDone(t, tab, "gradcheck", 1)
		if m := eval[string](t, tab, browser.Element("gradcheck")+`.dataset.method`); m != "incremental" {
			t.Errorf("the check compared %q with backprop, want incremental", m)
		}
		checkAllTensors(t, gradCheck(t, tab), 1e-6)
	})

	t.Run("HSweep", func(t *testing.T) {
		clickWhenEnabled(t, tab, "sweep-h", teachTimeout)
		waitDone(t, tab, "hsweep", -1)
		ps, err := tab.Points("hsweep")
		check(t, err)
		if len(ps) != 12 {
			t.Fatalf("the h chart has %d points, want 12 (h = 1e-1 … 1e-12)", len(ps))
		}
		best := 0
		hs, errs := make([]float64, len(ps)), make([]float64, len(ps))
		for i, p := range ps {
			hs[i], errs[i] = float(t, p, "h"), float(t, p, "err")
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
		clickWhenEnabled(t, tab, "measure-cost", teachTimeout)
		waitDone(t, tab, "cost", -1)
		checkCost(t, tab)
	})

	t.Run("Article", func(t *testing.T) {
		click(t, tab, "run")
		waitState(t, tab, "done")
		raw := eval[string](t, tab, `JSON.stringify([...`+browser.Element("article")+`?.querySelectorAll('tr[data-step]') ?? []].map(tr =>
			Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.dataset.col, td.dataset.value ?? ""]))))`)
		var rows []map[string]string
		if err := json.Unmarshal([]byte(raw), &rows); err != nil {
			t.Fatal(err)
		}
		table := readTable(t, tab)
		if len(rows) != 15 || len(table) != 15 {
			t.Fatalf("the article's table has %d rows and the run %d, want 15 each", len(rows), len(table))
		}
		loss, acc := browser.ColLoss, browser.ColTestAcc
		for i, r := range rows {
			if r[loss] != table[i].Values[loss] || r[acc] != table[i].Values[acc] {
				t.Errorf("step %d: the article's table shows this run's loss %q, test accuracy %q; the metrics %q, %q",
					i+1, r[loss], r[acc], table[i].Values[loss], table[i].Values[acc])
			}
			if r["article-loss"] == "" || r["article-test-acc"] == "" {
				t.Errorf("step %d: no article values: %v", i+1, r)
			}
		}
		t.Logf("step 15: this run loss %s, test acc %s; the article's %s, %s",
			rows[14][loss], rows[14][acc], rows[14]["article-loss"], rows[14]["article-test-acc"])
	})

	screenshot(t, tab, "[data-testid=teaching]", "teaching")
	if tasks, err := tab.Tasks(); err != nil {
		t.Logf("long tasks: %v", err)
	} else {
		var long []string
		for _, x := range tasks {
			long = append(long, fmt.Sprintf("%.0f ms at %.1f s", x.Ms, x.Start/1000))
		}
		t.Logf("long tasks (over 50 ms) of the main thread since loading: %s", strings.Join(long, ", "))
	}
	noConsoleErrors(t, con)
}

// checkCost checks the cost chart: five sizes for every method, each a
// positive time, and the slope its legend shows for each method equal to
// the least-squares fit to the method's points (nn.FitSlope). The slopes'
// size is timing, which make bench judges (2 for numerical, 1 for the
// others, ± 0.4); here it is logged.
func checkCost(t *testing.T, tab *browser.Tab) {
	t.Helper()
	series, shown, err := tab.Cost()
	check(t, err)
	if len(series) != len(nn.Methods) {
		t.Errorf("the cost chart has points for %d methods, want %d", len(series), len(nn.Methods))
	}
	for _, m := range nn.Methods {
		s := series[string(m)]
		if len(s.P) != 5 {
			t.Errorf("%s: %d points, want 5", m, len(s.P))
			continue
		}
		fit := nn.FitSlope(s.P, s.Ms)
		t.Logf("%s: P %v, ms %v: slope %.3f (the legend says %s)", m, s.P, s.Ms, fit, shown[string(m)])
		if x, err := strconv.ParseFloat(shown[string(m)], 64); err != nil || math.IsNaN(x) || math.IsInf(x, 0) ||
			!browser.SameNumber(shown[string(m)], strconv.FormatFloat(fit, 'g', -1, 64)) {
			t.Errorf("%s: the page's slope %q is not the fit to its points, %g", m, shown[string(m)], fit)
		}
	}
}

// TestTeachGradCheckNumerical checks the numerical method's check on a
// small network, where it is cheap and so redone after each step by itself.
func TestTeachGradCheckNumerical(t *testing.T) {
	tab, con := open(t, "grad=numerical&size=16&hidden=8&lr=0.3&std=0.1&steps=3&workers=2")
	click(t, tab, "step")
	waitState(t, tab, "paused")
	waitDone(t, tab, "gradcheck", 1) // no click: it is cheap
	if m := eval[string](t, tab, browser.Element("gradcheck")+`.dataset.method`); m != "numerical" {
		t.Errorf("the check compared %q with backprop, want numerical", m)
	}
	checkAllTensors(t, gradCheck(t, tab), 1e-6)
	click(t, tab, "step")
	waitState(t, tab, "paused")
	waitDone(t, tab, "gradcheck", 2)
	noConsoleErrors(t, con)
}

// TestTeachArticleOff checks that the article's log is offered, not shown,
// at other settings, and that its button brings the article's settings.
func TestTeachArticleOff(t *testing.T) {
	tab, con := open(t, with(article, "lr=0.3"))
	if eval[bool](t, tab, browser.Element("article")+` !== null`) {
		t.Errorf("at lr 0.3 the article's table is shown")
	}
	click(t, tab, "use-article")
	waitTrue(t, tab, articleRows+` === 15`, shortTimeout, "the article's table after pressing its button")
	if lr := param(t, tab, "lr"); lr != "0.1" {
		t.Errorf("after the button, lr is %s, want 0.1", lr)
	}
	noConsoleErrors(t, con)
}
