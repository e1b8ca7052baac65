package browser

import (
	"encoding/json"
	"fmt"
)

// StepClock, run at the start of every document (a script of
// Browser.Open), records when each step's metrics reach the page: the
// page's time (performance.now, in ms) at which a training worker's
// Measured message of step k arrives, in window.__bibunStepAt[k-1]. It
// reads the message as wasm/msg encodes it: its kind, length-prefixed,
// then Run and Metrics.Step as zigzag varints. Unlike the table, which
// the page draws at most ten times a second, it times every step.
const StepClock = `(() => {
	const Real = window.Worker;
	const at = window.__bibunStepAt = [];
	const kind = new TextEncoder().encode('measured');
	window.Worker = function (url, options) {
		const w = new Real(url, options);
		w.addEventListener('message', (e) => {
			const now = performance.now();
			const d = e.data;
			if (!(d instanceof Uint8Array) || d[0] !== kind.length) return;
			for (let i = 0; i < kind.length; i++) if (d[1 + i] !== kind[i]) return;
			let i = 1 + kind.length;
			const varint = () => { let x = 0, s = 1, b; do { b = d[i++]; x += (b & 0x7f) * s; s *= 128; } while (b & 0x80); return x; };
			varint(); // Run
			const step = varint() / 2;
			if (step >= 1) at[step - 1] = now;
		});
		return w;
	};
	window.Worker.prototype = Real.prototype;
})()`

// StepsTimed returns how many steps StepClock has timed so far.
func (t *Tab) StepsTimed() (int, error) { return Eval[int](t, `window.__bibunStepAt?.length ?? 0`) }

// StepTimes returns when each step's metrics reached the page, step 1
// first, in ms of the page's clock (StepClock); a step measured twice (a
// run again after Reset) keeps its latest time. It fails when the tab
// does not run StepClock.
func (t *Tab) StepTimes() ([]float64, error) {
	raw, err := Eval[string](t, `JSON.stringify(window.__bibunStepAt ?? null)`)
	if err != nil {
		return nil, err
	}
	var at []*float64
	if err := json.Unmarshal([]byte(raw), &at); err != nil || raw == "null" {
		return nil, fmt.Errorf("no step times recorded: the tab does not run StepClock")
	}
	out := make([]float64, len(at))
	for i, x := range at {
		if x == nil {
			return nil, fmt.Errorf("no time recorded for step %d of %d", i+1, len(at))
		}
		out[i] = *x
	}
	return out, nil
}
