//go:build browser

package e2e

// Tests of a page under stress: a run that diverges, Reset in the middle of
// a long step, Pause and Run again. The helpers here serve the other
// hardening tests too (hostile_test.go, failure_test.go, limits_test.go,
// csp_test.go).

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// addScript returns an action that makes the tab run src at the start of
// every document, before the page's own scripts and unbound by its CSP.
// Tests use it to watch the page, never to change what it does.
func addScript(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// spyScript wraps the Worker constructor to keep every training worker the
// page starts in window.__bibunWorkers, and to note in window.__bibunMeasured
// the latest step any worker reported measured (msg.Measured), read from
// the messages as they arrive, rendered or not.
const spyScript = `(() => {
	const Real = window.Worker;
	window.__bibunWorkers = [];
	window.__bibunMeasured = 0;
	window.Worker = function (url, options) {
		const w = new Real(url, options);
		window.__bibunWorkers.push(w);
		w.addEventListener('message', (e) => {
			// A Measured (wasm/msg): the kind, length-prefixed, then Run and
			// Metrics.Step as zigzag varints.
			const d = e.data;
			if (d[0] !== 8 || new TextDecoder().decode(d.subarray(1, 9)) !== 'measured') return;
			let i = 9;
			const varint = () => { let x = 0, s = 1, b; do { b = d[i++]; x += (b & 0x7f) * s; s *= 128; } while (b & 0x80); return x; };
			varint(); // Run
			window.__bibunMeasured = Math.max(window.__bibunMeasured, varint() / 2);
		});
		return w;
	};
	window.Worker.prototype = Real.prototype;
})()`

// isState returns the JavaScript test of the status's data-state being s.
func isState(s string) string {
	return `document.querySelector('[data-testid=status]')?.dataset.state === ` + jsString(s)
}

// waitFor waits until the status's data-state is s, within timeout. Unlike
// waitState it does not fail when the page shows error or diverged on the
// way, as it does until an action's render.
func waitFor(t *testing.T, ctx context.Context, s string, timeout time.Duration) {
	t.Helper()
	waitTrue(t, ctx, isState(s), timeout, "state "+s)
}

// problem returns the page's account of why the run stopped, or "".
func problem(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.querySelector('[data-testid=notice] .problem')?.textContent ?? ""`)
}

// rowCount returns how many rows the metrics table shows.
func rowCount(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `document.querySelectorAll('[data-testid=metrics] tr[data-step]').length`)
}

// checkNumbers fails for every metrics cell whose data-value is not a
// finite number, and for any "NaN" or "Infinity" the page shows.
func checkNumbers(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, r := range readTable(t, ctx) {
		for col, v := range r.Values {
			if x, err := strconv.ParseFloat(v, 64); err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("step %d, %s: data-value %q is not a finite number", r.Step, col, v)
			}
		}
	}
	if bad := eval[[]string](t, ctx, `(document.body.innerText.match(/NaN|Infinity/g) ?? [])`); len(bad) > 0 {
		t.Errorf("the page shows %q", bad)
	}
}

// sameExceptTime fails for every data-value of a and b that differs, apart
// from grad-ms, a wall-clock time.
func sameExceptTime(t *testing.T, nameA string, a []Row, nameB string, b []Row) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s has %d rows, %s has %d", nameA, len(a), nameB, len(b))
	}
	for i := range a {
		cols := make([]string, 0, len(a[i].Values))
		for col := range a[i].Values {
			cols = append(cols, col)
		}
		slices.Sort(cols)
		if len(a[i].Values) != len(b[i].Values) {
			t.Errorf("step %d: %s has columns %v, %s has %d columns", a[i].Step, nameA, cols, nameB, len(b[i].Values))
		}
		for _, col := range cols {
			if col == colGradMs {
				continue
			}
			if va, vb := a[i].Values[col], b[i].Values[col]; va != vb {
				t.Errorf("step %d, %s: %s gives %q, %s gives %q", a[i].Step, col, nameA, va, nameB, vb)
			}
		}
	}
}

// TestDivergedRun: lr 100 and std 5 take the article's network to a loss of
// 728 nats at step 1, which the trainer calls diverged (above nn.MaxLoss).
// The page says so, names the step and what to try, shows no number it
// does not have, and recovers with Reset and with a sane link.
func TestDivergedRun(t *testing.T) {
	ctx, con := open(t, with(article, "lr=100", "std=5", "steps=5", "workers=2"))
	click(t, ctx, "run")
	waitState(t, ctx, "diverged")
	status, why := text(t, ctx, "status"), problem(t, ctx)
	t.Logf("status: %s", status)
	t.Logf("problem: %s", why)
	if status != "Diverged at step 1 of 5." {
		t.Errorf("status %q, want %q", status, "Diverged at step 1 of 5.")
	}
	for _, want := range []string{"step 1", "728.4", "not in the table", "learning rate (now 100)", "init std (now 5)"} {
		if !strings.Contains(why, want) {
			t.Errorf("the problem %q does not say %q", why, want)
		}
	}
	// The diverged step's row is left out: the table holds only steps whose
	// loss is a number the trainer accepts.
	if n := rowCount(t, ctx); n != 0 {
		t.Errorf("after divergence at step 1 the table has %d rows, want 0", n)
	}
	checkNumbers(t, ctx)
	if eval[bool](t, ctx, `!document.querySelector('[data-testid=run]').disabled`) {
		t.Error("Run is enabled after the run diverged")
	}

	click(t, ctx, "reset")
	waitFor(t, ctx, "idle", shortTimeout)
	waitTrue(t, ctx, `!document.querySelector('[data-testid=notice] .problem')`, shortTimeout, "the problem to go with Reset")
	if n := rowCount(t, ctx); n != 0 {
		t.Errorf("after Reset the table has %d rows, want 0", n)
	}
	if p := eval[string](t, ctx, `document.querySelector('[data-testid=progress]').getAttribute('value')`); p != "0" {
		t.Errorf("after Reset the progress is %q, want 0", p)
	}

	// The visitor follows a sane link: the page runs it.
	sane := with(article, "steps=3", "workers=2")
	eval[bool](t, ctx, `(location.hash = `+jsString(sane)+`, true)`)
	waitTrue(t, ctx, `document.querySelector('input[name=lr]') && Math.abs(Math.pow(10, +document.querySelector('input[name=lr]').value) - 0.1) < 1e-9`,
		shortTimeout, "the lr control to follow the link to 0.1")
	click(t, ctx, "run")
	waitState(t, ctx, "done")
	checkSteps(t, readTable(t, ctx), 3)
	checkNumbers(t, ctx)
	noConsoleErrors(t, con)
}

// resetTimer records, in the page's own clock, when a click reaches the
// Reset button (window.__bibunReset.click, in the capture phase, before the
// page's handler) and when the page first shows idle with no step under way
// after it (window.__bibunReset.idle), so that the delay between excludes
// the test's own latency.
const resetTimer = `(() => {
	const r = window.__bibunReset = {click: 0, idle: 0};
	const reset = document.querySelector('[data-testid=reset]');
	const cleared = () => document.querySelector('[data-testid=status]').dataset.state === 'idle' &&
		document.querySelector('[data-testid=progress]').getAttribute('value') === '0';
	window.addEventListener('click', (e) => { if (e.target === reset && !r.click) r.click = performance.now(); }, true);
	new MutationObserver(() => {
		if (r.click && !r.idle && cleared()) r.idle = performance.now();
	}).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
	return true;
})()`

// TestResetDuringNumericalStep: Reset while a numerical step of the
// article's network (33,156 forward passes, a minute or more here) is under
// way stops it within 300 ms.
func TestResetDuringNumericalStep(t *testing.T) {
	const limit = 300 // ms, from the click to idle with the progress cleared
	ctx, con := open(t, with(article, "grad=numerical", "workers=2"))
	click(t, ctx, "run")
	waitTrue(t, ctx, `+document.querySelector('[data-testid=progress]').getAttribute('value') > 0`, runTimeout,
		"the numerical step's progress to pass 0")
	eval[bool](t, ctx, resetTimer)
	click(t, ctx, "reset")
	waitTrue(t, ctx, `window.__bibunReset.idle > 0`, shortTimeout, "idle with the progress cleared after Reset")
	ms := eval[float64](t, ctx, `window.__bibunReset.idle - window.__bibunReset.click`)
	t.Logf("Reset during a numerical step: idle with the progress cleared %.1f ms after the click", ms)
	if ms > limit {
		t.Errorf("Reset took %.1f ms to show idle with the progress cleared, want at most %d ms", ms, limit)
	}
	time.Sleep(time.Second) // the abandoned step, if it went on, would report now
	if s, n, p := state(t, ctx), rowCount(t, ctx),
		eval[string](t, ctx, `document.querySelector('[data-testid=progress]').getAttribute('value')`); s != "idle" || n != 0 || p != "0" {
		t.Errorf("a second after Reset: state %s, %d rows, progress %s; want idle, 0, 0", s, n, p)
	}
	noConsoleErrors(t, con)
}

// TestPauseResume: a run paused after a few steps and run again to the end
// gives the same table, digit for digit, as a run left alone.
func TestPauseResume(t *testing.T) {
	link := with(article, "steps=8", "workers=2")
	alone := run(t, link, 8)

	ctx, con := open(t, link)
	click(t, ctx, "run")
	waitTrue(t, ctx, `document.querySelectorAll('[data-testid=metrics] tr[data-step]').length >= 3`, runTimeout, "3 rows")
	click(t, ctx, "pause")
	waitState(t, ctx, "paused")
	at := rowCount(t, ctx)
	time.Sleep(time.Second) // a step after the pause, if one were coming, would start now
	if s, n := state(t, ctx), rowCount(t, ctx); s != "paused" || n != at {
		t.Fatalf("a second after pausing at step %d: state %s, %d rows", at, s, n)
	}
	t.Logf("paused after step %d of 8", at)
	if at >= 8 {
		t.Fatalf("the run reached its end before the pause")
	}
	click(t, ctx, "run")
	waitState(t, ctx, "done")
	paused := readTable(t, ctx)
	checkSteps(t, paused, 8)
	sameExceptTime(t, "the run left alone", alone, "the run paused at step "+strconv.Itoa(at), paused)
	noConsoleErrors(t, con)
}
