package browser

import (
	"encoding/json"
	"fmt"
)

// LongTasks, run at the start of every document (a script of
// Browser.Open), records every task of the main thread over 50 ms (the
// browser's longtask entries) in window.__bibunTasks as [start, duration],
// in ms of the page's clock.
const LongTasks = `(() => {
	if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
	window.__bibunTasks = [];
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) window.__bibunTasks.push([e.startTime, e.duration]);
	}).observe({type: 'longtask', buffered: true});
})()`

// Task is a long task of the main thread: when it started and how long it
// lasted, in ms of the page's clock (performance.now).
type Task struct{ Start, Ms float64 }

// Tasks returns the long tasks that LongTasks has recorded so far. It fails
// when the tab does not run LongTasks or the browser reports no longtask
// entries.
func (t *Tab) Tasks() ([]Task, error) {
	raw, err := Eval[string](t, `JSON.stringify(window.__bibunTasks ?? null)`)
	if err != nil {
		return nil, err
	}
	var tasks [][2]float64
	if err := json.Unmarshal([]byte(raw), &tasks); err != nil || raw == "null" {
		return nil, fmt.Errorf("no long tasks recorded: the tab does not run LongTasks, or this browser reports no longtask entries")
	}
	out := make([]Task, len(tasks))
	for i, x := range tasks {
		out[i] = Task{Start: x[0], Ms: x[1]}
	}
	return out, nil
}
