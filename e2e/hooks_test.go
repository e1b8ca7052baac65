//go:build browser

package e2e

// Helpers that read and drive the page through its test hooks: the status
// and its data-state, the metrics table, the controls named by URL key.
// Each fails the test when the page does not answer as the hooks promise.

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// eval evaluates expression in the page and decodes its value into T; it
// fails the test if that fails. (Runtime.evaluate is not bound by the
// page's CSP; chromedp.Poll is, as it builds its predicate with new
// Function, so the harness polls from Go.)
func eval[T any](t *testing.T, ctx context.Context, expression string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expression, err)
	}
	return v
}

// waitTrue polls expression until it is true, and fails the test with
// "timed out after D waiting for what" if it is not within timeout.
func waitTrue(t *testing.T, ctx context.Context, expression string, timeout time.Duration, what string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(`+expression+`)`))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			if err != nil {
				t.Fatalf("timed out after %v waiting for %s: %v", timeout, what, err)
			}
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(pollEvery)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// state returns the data-state of [data-testid=status].
func state(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.querySelector('[data-testid=status]')?.dataset.state ?? ""`)
}

// waitState waits until the status's data-state is one of states, within
// runTimeout, and returns it. It fails at once if the page reaches error or
// diverged and neither was asked for, with the page's notice.
func waitState(t *testing.T, ctx context.Context, states ...string) string {
	t.Helper()
	deadline := time.Now().Add(runTimeout)
	for {
		s := state(t, ctx)
		if slices.Contains(states, s) {
			return s
		}
		if (s == "error" || s == "diverged") && !slices.Contains(states, s) {
			t.Fatalf("waiting for state %s, the page went %s: status %q, notice %q", strings.Join(states, "|"), s,
				text(t, ctx, "status"), text(t, ctx, "notice"))
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for state %s; the state is %q", runTimeout, strings.Join(states, "|"), s)
		}
		time.Sleep(pollEvery)
	}
}

// text returns the text of [data-testid=id], or "" if there is none.
func text(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	return eval[string](t, ctx, `document.querySelector('[data-testid=`+id+`]')?.textContent ?? ""`)
}

// click clicks [data-testid=id] with the mouse, as a user would; the
// element must become visible within shortTimeout.
func click(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	cctx, cancel := context.WithTimeout(ctx, shortTimeout)
	defer cancel()
	if err := chromedp.Do(cctx, chromedp.Click(chromedp.CSS(`[data-testid=`+id+`]`))); err != nil {
		t.Fatalf("clicking [data-testid=%s]: %v", id, err)
	}
}

// Columns of the metrics table, as in td[data-col].
const (
	colLoss     = "loss"
	colTrainAcc = "train-acc"
	colTestAcc  = "test-acc"
	colEvals    = "evals"
	colGradMs   = "grad-ms"
)

// Row is one row of the metrics table: tr[data-step=Step], and the
// data-value of each td[data-col], by column.
type Row struct {
	Step   int
	Values map[string]string
}

// Float returns the value of column col as a number; it fails the test if
// it is not one.
func (r Row) Float(t *testing.T, col string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(r.Values[col], 64)
	if err != nil {
		t.Fatalf("row %d: %s data-value %q is not a number", r.Step, col, r.Values[col])
	}
	return v
}

// readTable returns the rows of the metrics table, in page order.
func readTable(t *testing.T, ctx context.Context) []Row {
	t.Helper()
	raw := eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll('[data-testid=metrics] tr[data-step]')].map(tr => ({
		step: tr.dataset.step,
		values: Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.dataset.col, td.dataset.value ?? null])),
	})))`)
	var rows []struct {
		Step   string             `json:"step"`
		Values map[string]*string `json:"values"`
	}
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		t.Fatalf("reading the metrics table: %v", err)
	}
	table := make([]Row, len(rows))
	for i, r := range rows {
		step, err := strconv.Atoi(r.Step)
		if err != nil {
			t.Fatalf("metrics row %d: data-step %q is not an integer", i+1, r.Step)
		}
		table[i] = Row{Step: step, Values: make(map[string]string)}
		for col, v := range r.Values {
			if v == nil {
				t.Fatalf("metrics row %d: td[data-col=%s] has no data-value", step, col)
			}
			table[i].Values[col] = *v
		}
	}
	return table
}

// setControl sets the control named name (an input or a select) to value
// as a user would, firing input then change, and returns the value the
// control holds afterwards (an input may clamp or round it).
func setControl(t *testing.T, ctx context.Context, name, value string) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const el = document.querySelector('input[name=' + CSS.escape(`+jsString(name)+`) + '], select[name=' + CSS.escape(`+jsString(name)+`) + ']');
		if (!el) throw new Error('no input or select named ' + `+jsString(name)+`);
		// The prototype's setter, as a framework-agnostic user agent would.
		Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, `+jsString(value)+`);
		el.dispatchEvent(new Event('input', {bubbles: true}));
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return el.value;
	})()`))
	if err != nil {
		t.Fatalf("setting control %s to %q: %v", name, value, err)
	}
	return got
}

// param returns the link value that the control named name shows: its
// value, or, for a slider with data-scale="log10" (whose position is the
// exponent), 10 to that power, written as the link writes numbers.
func param(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	v := control(t, ctx, name)
	if scale(t, ctx, name) != "log10" {
		return v
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("log10 slider %s holds %q, not a number", name, v)
	}
	return roundFormat(math.Pow(10, x))
}

// setParam moves the control named name to the link value value, through
// setControl: for a log10 slider, to the position log10(value).
func setParam(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	raw := value
	if scale(t, ctx, name) == "log10" {
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Fatalf("setParam %s: %q is not a number", name, value)
		}
		raw = roundFormat(math.Log10(x))
	}
	setControl(t, ctx, name, raw)
}

// scale returns the data-scale of the control named name: "" or "log10".
func scale(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	return eval[string](t, ctx, `document.querySelector('[name=' + CSS.escape(`+jsString(name)+`) + ']')?.dataset.scale ?? ""`)
}

// roundFormat formats x as strconv.FormatFloat(x, 'g', -1, 64) does, after
// rounding away the last bits that a power of ten picks up (1e-4, not
// 0.00010000000000000009).
func roundFormat(x float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	return strconv.FormatFloat(r, 'g', -1, 64)
}

// control returns the value of the control named name.
func control(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[*string](`document.querySelector('input[name=' + CSS.escape(`+jsString(name)+`) + '], select[name=' + CSS.escape(`+jsString(name)+`) + ']')?.value ?? null`))
	if err != nil {
		t.Fatalf("reading control %s: %v", name, err)
	}
	if v == nil {
		t.Fatalf("the page has no input or select named %s", name)
	}
	return *v
}
