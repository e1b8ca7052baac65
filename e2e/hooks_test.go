//go:build browser

package e2e

// The tests read and drive the page through bibun/internal/browser, which
// holds every hook's selector. What follows are its calls as the tests use
// them: each fails the test when the page does not answer as the hooks
// promise.

import (
	"strconv"
	"testing"
	"time"

	"bibun/internal/browser"
)

// check fails the test with err, if there is one.
func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// must returns v, or fails the test with err: must(tab.State())(t).
func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		check(t, err)
		return v
	}
}

// Reading the page: each is the browser call of the same name.

func eval[T any](t *testing.T, tab *browser.Tab, expression string) T {
	t.Helper()
	return must(browser.Eval[T](tab, expression))(t)
}

func state(t *testing.T, tab *browser.Tab) string           { t.Helper(); return must(tab.State())(t) }
func text(t *testing.T, tab *browser.Tab, id string) string { t.Helper(); return must(tab.Text(id))(t) }
func problem(t *testing.T, tab *browser.Tab) string         { t.Helper(); return must(tab.Problem())(t) }
func rowCount(t *testing.T, tab *browser.Tab) int           { t.Helper(); return must(tab.Rows())(t) }
func progress(t *testing.T, tab *browser.Tab) string        { t.Helper(); return must(tab.Progress())(t) }
func readTable(t *testing.T, tab *browser.Tab) []browser.Row {
	t.Helper()
	return must(tab.Table())(t)
}
func enabled(t *testing.T, tab *browser.Tab, id string) bool {
	t.Helper()
	return must(tab.Enabled(id))(t)
}
func control(t *testing.T, tab *browser.Tab, name string) string {
	t.Helper()
	return must(tab.Control(name))(t)
}
func param(t *testing.T, tab *browser.Tab, name string) string {
	t.Helper()
	return must(tab.Param(name))(t)
}

// float returns the value key of a metrics row or of a chart's point as a
// number.
func float(t *testing.T, of interface{ Float(string) (float64, error) }, key string) float64 {
	t.Helper()
	return must(of.Float(key))(t)
}

// Driving the page and waiting for it.

// click clicks [data-testid=id] with the mouse, as a user would.
func click(t *testing.T, tab *browser.Tab, id string) { t.Helper(); check(t, tab.Click(id)) }

// clickWhenEnabled waits for the button [data-testid=id] to be enabled,
// within timeout, and clicks it.
func clickWhenEnabled(t *testing.T, tab *browser.Tab, id string, timeout time.Duration) {
	t.Helper()
	check(t, tab.WaitEnabled(id, timeout))
	click(t, tab, id)
}

// setParam moves the control named name to the link value value.
func setParam(t *testing.T, tab *browser.Tab, name, value string) {
	t.Helper()
	check(t, tab.SetParam(name, value))
}

// waitTrue waits until expression is true, for at most timeout; what says
// what the test waits for.
func waitTrue(t *testing.T, tab *browser.Tab, expression string, timeout time.Duration, what string) {
	t.Helper()
	check(t, tab.WaitTrue(expression, timeout, what))
}

// waitState waits until the status's data-state is one of states, within
// runTimeout, and returns it; it fails at once if the page goes error or
// diverged and neither was asked for.
func waitState(t *testing.T, tab *browser.Tab, states ...string) string {
	t.Helper()
	return must(tab.WaitState(runTimeout, nil, states...))(t)
}

// waitFor waits until the status's data-state is s, within timeout. Unlike
// waitState it does not fail when the page shows error or diverged on the
// way, as it does until an action's render.
func waitFor(t *testing.T, tab *browser.Tab, s string, timeout time.Duration) {
	t.Helper()
	waitTrue(t, tab, browser.StateIs(s), timeout, "state "+s)
}

// waitDone waits until the teaching view [data-testid=id] is done (and, if
// step ≥ 0, done for step), within teachTimeout; it fails at once on error.
func waitDone(t *testing.T, tab *browser.Tab, id string, step int) {
	t.Helper()
	check(t, tab.WaitDone(id, step, teachTimeout))
}

// rowsAre returns the test of the metrics table having n rows.
// waitSettled waits until no worker owes the page an answer
// (browser.Settled): after it, the page changes only if asked.
func waitSettled(t *testing.T, tab *browser.Tab) {
	t.Helper()
	waitTrue(t, tab, browser.Settled, runTimeout, "every request to the workers to be answered (data-pending 0)")
}

func rowsAre(n int) string { return browser.RowsExpr + ` === ` + strconv.Itoa(n) }

// jsString quotes s as a JavaScript string literal.
var jsString = browser.Quote

// Checking what the page shows.

// checkSteps fails unless rows are the steps 1…n in order.
func checkSteps(t *testing.T, rows []browser.Row, n int) {
	t.Helper()
	if len(rows) != n {
		t.Fatalf("the table has %d rows, want %d", len(rows), n)
	}
	for i, r := range rows {
		if r.Step != i+1 {
			t.Fatalf("row %d has data-step %d, want %d", i+1, r.Step, i+1)
		}
	}
}

// sameTables fails the test for every way the metrics tables a and b
// differ, but in the columns skip.
func sameTables(t *testing.T, nameA string, a []browser.Row, nameB string, b []browser.Row, skip ...string) {
	t.Helper()
	for _, d := range browser.Differences(nameA, a, nameB, b, skip...) {
		t.Error(d)
	}
}
