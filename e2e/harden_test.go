//go:build browser

package e2e

// Tests of a page under stress: a run that diverges, Reset in the middle of
// a long step, Pause and Run again. The helpers here serve the other
// hardening tests too (hostile_test.go, failure_test.go, limits_test.go,
// csp_test.go).

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"bibun/internal/browser"
)

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

// checkNumbers fails for every metrics cell whose data-value is not a
// finite number, and for any "NaN" or "Infinity" the page shows.
func checkNumbers(t *testing.T, tab *browser.Tab) {
	t.Helper()
	for _, r := range readTable(t, tab) {
		for col, v := range r.Values {
			if x, err := strconv.ParseFloat(v, 64); err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("step %d, %s: data-value %q is not a finite number", r.Step, col, v)
			}
		}
	}
	if bad := eval[[]string](t, tab, `(document.body.innerText.match(/NaN|Infinity/g) ?? [])`); len(bad) > 0 {
		t.Errorf("the page shows %q", bad)
	}
}

// TestDivergedRun: lr 100 and std 5 take the article's network to a loss of
// 728 nats at step 1, which the trainer calls diverged (above nn.MaxLoss).
// The page says so, names the step and what to try, shows no number it
// does not have, and recovers with Reset and with a sane link.
func TestDivergedRun(t *testing.T) {
	tab, con := open(t, with(article, "lr=100", "std=5", "steps=5", "workers=2"))
	click(t, tab, "run")
	waitState(t, tab, "diverged")
	status, why := text(t, tab, "status"), problem(t, tab)
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
	if n := rowCount(t, tab); n != 0 {
		t.Errorf("after divergence at step 1 the table has %d rows, want 0", n)
	}
	checkNumbers(t, tab)
	if enabled(t, tab, "run") {
		t.Error("Run is enabled after the run diverged")
	}

	click(t, tab, "reset")
	waitFor(t, tab, "idle", shortTimeout)
	waitTrue(t, tab, `!`+browser.Element("notice")+`?.querySelector('.problem')`, shortTimeout, "the problem to go with Reset")
	if n := rowCount(t, tab); n != 0 {
		t.Errorf("after Reset the table has %d rows, want 0", n)
	}
	if p := progress(t, tab); p != "0" {
		t.Errorf("after Reset the progress is %q, want 0", p)
	}

	// The visitor follows a sane link: the page runs it.
	sane := with(article, "steps=3", "workers=2")
	eval[bool](t, tab, `(location.hash = `+jsString(sane)+`, true)`)
	lr := browser.ControlExpr("lr")
	waitTrue(t, tab, lr+` && Math.abs(Math.pow(10, +`+lr+`.value) - 0.1) < 1e-9`, shortTimeout, "the lr control to follow the link to 0.1")
	click(t, tab, "run")
	waitState(t, tab, "done")
	checkSteps(t, readTable(t, tab), 3)
	checkNumbers(t, tab)
	noConsoleErrors(t, con)
}

// TestResetDuringNumericalStep: Reset while a numerical step of the
// article's network (33,156 forward passes, a minute or more here) is under
// way stops it: the page shows idle with its progress cleared, and the
// abandoned step reports nothing. How fast is make bench's to check (the
// README says under 300 ms); here it is only logged.
func TestResetDuringNumericalStep(t *testing.T) {
	tab, con := open(t, with(article, "grad=numerical", "workers=2"))
	click(t, tab, "run")
	waitTrue(t, tab, `+(`+browser.ProgressExpr+`) > 0`, runTimeout, "the numerical step's progress to pass 0")
	ms, err := tab.TimeReset(shortTimeout)
	check(t, err)
	t.Logf("Reset during a numerical step: idle with the progress cleared %.1f ms after the click", ms)
	waitSettled(t, tab) // Reset ended the workers: they owe nothing
	if s, n, p := state(t, tab), rowCount(t, tab), progress(t, tab); s != "idle" || n != 0 || p != "0" {
		t.Errorf("after Reset, with nothing owed: state %s, %d rows, progress %s; want idle, 0, 0", s, n, p)
	}
	noConsoleErrors(t, con)
}

// TestPauseResume: a run paused after a few steps and run again to the end
// gives the same table, digit for digit, as a run left alone.
func TestPauseResume(t *testing.T) {
	// 40 steps of some 20 ms each: room for the click after step 3 to land
	// well before the end, however busy the machine (8 steps were once all
	// taken before it).
	const steps = 40
	link := with(article, "steps="+strconv.Itoa(steps), "workers=2")
	alone := run(t, link, steps)

	tab, con := open(t, link)
	click(t, tab, "run")
	waitTrue(t, tab, browser.RowsExpr+` >= 3`, runTimeout, "3 rows")
	click(t, tab, "pause")
	waitState(t, tab, "paused")
	at := rowCount(t, tab)
	waitSettled(t, tab) // the step under way at the pause has reported
	if s, n := state(t, tab), rowCount(t, tab); s != "paused" || n != at {
		t.Fatalf("after pausing at step %d, with nothing owed: state %s, %d rows", at, s, n)
	}
	t.Logf("paused after step %d of %d", at, steps)
	if at >= steps {
		t.Fatalf("the run reached its end before the pause")
	}
	click(t, tab, "run")
	waitState(t, tab, "done")
	paused := readTable(t, tab)
	checkSteps(t, paused, steps)
	sameTables(t, "the run left alone", alone, "the run paused at step "+strconv.Itoa(at), paused, browser.ColGradMs)
	noConsoleErrors(t, con)
}
