package browser

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The page's stable hooks, as JavaScript expressions: the browser tests and
// cmd/bench read the page through these and nothing else.

// Element returns the expression of the element [data-testid=id], null when
// the page has none.
func Element(id string) string { return `document.querySelector('[data-testid=` + id + `]')` }

// StateIs returns the test of the status's data-state being s.
func StateIs(s string) string { return Element("status") + `?.dataset.state === ` + Quote(s) }

var (
	// RowsExpr is the number of rows of the metrics table.
	RowsExpr = `document.querySelectorAll('[data-testid=metrics] tr[data-step]').length`
	// Settled is true when no worker owes the page an answer: the status's
	// data-pending is 0, so no step, part or teaching result is on its way
	// until an action asks for one. A test that waits for it has proved
	// that nothing more will happen, without sleeping to see.
	Settled = Element("status") + `?.dataset.pending === "0"`
	// ProgressExpr is the value attribute of the step's progress bar, "0"
	// when no step is under way; "" when there is no bar.
	ProgressExpr = Element("progress") + `?.getAttribute('value') ?? ""`

	// ReadyExpr is true once the page is ready for a run.
	ReadyExpr = `window.bibunReady === true`
	// StateExpr is the status's data-state: idle, running, paused, done,
	// diverged or error; "" when there is no status.
	StateExpr = Element("status") + `?.dataset.state ?? ""`

	problemExpr = Element("notice") + `?.querySelector('.problem')?.textContent ?? ""`
)

// Quote returns s as a JavaScript string literal.
func Quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// WaitReady waits until the page says it is ready: window.bibunReady.
func (t *Tab) WaitReady(timeout time.Duration) error {
	return t.WaitTrue(ReadyExpr, timeout, "window.bibunReady to be true")
}

// State returns the data-state of [data-testid=status].
func (t *Tab) State() (string, error) { return Eval[string](t, StateExpr) }

// Text returns the text of [data-testid=id], as the page has it, or "" if
// there is no such element.
func (t *Tab) Text(id string) (string, error) {
	return Eval[string](t, Element(id)+`?.textContent ?? ""`)
}

// Problem returns the notice's account of why the run stopped, or "".
func (t *Tab) Problem() (string, error) { return Eval[string](t, problemExpr) }

// Rows returns how many rows the metrics table shows.
func (t *Tab) Rows() (int, error) { return Eval[int](t, RowsExpr) }

// Progress returns the progress bar's value attribute (ProgressExpr).
func (t *Tab) Progress() (string, error) { return Eval[string](t, ProgressExpr) }

// Enabled reports whether the button [data-testid=id] is there and enabled.
func (t *Tab) Enabled(id string) (bool, error) {
	return Eval[bool](t, Element(id)+`?.disabled === false`)
}

// WaitEnabled waits until the button [data-testid=id] is enabled, for at
// most timeout.
func (t *Tab) WaitEnabled(id string, timeout time.Duration) error {
	return t.WaitTrue(Element(id)+`?.disabled === false`, timeout, "the button "+id+" to be enabled")
}

// Describe returns, as one line of JSON for a failure report, what the tab
// shows: its link, whether it is ready, its state, status and notice, and
// how many metrics rows it has.
func (t *Tab) Describe() (string, error) {
	return Eval[string](t, `JSON.stringify({
		hash: location.hash,
		ready: window.bibunReady,
		state: `+StateExpr+`,
		status: `+Element("status")+`?.textContent,
		notice: `+Element("notice")+`?.textContent,
		rows: `+RowsExpr+`,
	})`)
}

// WaitState waits until the status's data-state is one of states, for at
// most timeout, and returns it. It fails at once if the page goes error or
// diverged (unless that is one of states), quoting its notice. Every report
// (when report is not nil, once every reportEvery) it is told how long it
// has waited.
func (t *Tab) WaitState(timeout time.Duration, report func(time.Duration), states ...string) (string, error) {
	const reportEvery = 30 * time.Second
	start := time.Now()
	next := start.Add(reportEvery)
	for {
		s, err := t.State()
		if err != nil {
			return "", err
		}
		if slices.Contains(states, s) {
			return s, nil
		}
		if s == "error" || s == "diverged" {
			status, _ := t.Text("status")
			notice, _ := t.Text("notice")
			return s, fmt.Errorf("waiting for state %s, the page went %s: status %q, notice %q",
				strings.Join(states, "|"), s, status, notice)
		}
		if time.Since(start) > timeout {
			return s, fmt.Errorf("timed out after %v waiting for state %s; it is %q",
				timeout, strings.Join(states, "|"), s)
		}
		if report != nil && time.Now().After(next) {
			report(time.Since(start))
			next = next.Add(reportEvery)
		}
		time.Sleep(pollEvery)
	}
}

// resetTimer records, in the page's own clock, when a click reaches the
// Reset button (window.__bibunReset.click, in the capture phase, before the
// page's handler) and when the page first shows idle with its progress
// cleared after it (window.__bibunReset.idle).
var resetTimer = `(() => {
	const r = window.__bibunReset = {click: 0, idle: 0};
	const reset = ` + Element("reset") + `;
	const cleared = () => ` + StateIs("idle") + ` && (` + ProgressExpr + `) === '0';
	const clicked = (e) => { if (e.target === reset && !r.click) r.click = performance.now(); };
	window.addEventListener('click', clicked, true);
	const watch = new MutationObserver(() => {
		if (!r.click || !cleared()) return;
		r.idle = performance.now();
		watch.disconnect();
		window.removeEventListener('click', clicked, true);
	});
	watch.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
	return true;
})()`

// TimeReset clicks Reset, waits (for at most timeout) until the page shows
// idle with its progress cleared, and returns how long that took in the
// page's own clock, from the click reaching the button: the latency of the
// browser's protocol and of the caller are left out.
func (t *Tab) TimeReset(timeout time.Duration) (ms float64, err error) {
	if _, err := Eval[bool](t, resetTimer); err != nil {
		return 0, err
	}
	if err := t.Click("reset"); err != nil {
		return 0, err
	}
	if err := t.WaitTrue(`window.__bibunReset.idle > 0`, timeout, "idle with the progress cleared after Reset"); err != nil {
		return 0, err
	}
	return Eval[float64](t, `window.__bibunReset.idle - window.__bibunReset.click`)
}
