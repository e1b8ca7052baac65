package browser

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The page's stable hooks.
const (
	readyExpr = `window.bibunReady === true`
	stateExpr = `document.querySelector('[data-testid=status]')?.dataset.state ?? ""`
	// tableExpr reads every metrics row: its step and each cell's data-value.
	tableExpr = `JSON.stringify([...document.querySelectorAll('[data-testid=metrics] tr[data-step]')].map(tr => ({
		step: tr.dataset.step,
		values: Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.dataset.col, td.dataset.value ?? ""])),
	})))`
)

// Columns of the metrics table, as in td[data-col].
const (
	ColLoss     = "loss"
	ColTrainAcc = "train-acc"
	ColTestAcc  = "test-acc"
	ColEvals    = "evals"
	ColGradMs   = "grad-ms" // wall time of the step's gradient phase
)

// WaitReady waits until the page says it is ready: window.bibunReady.
func (t *Tab) WaitReady(timeout time.Duration) error {
	return t.WaitTrue(readyExpr, timeout, "window.bibunReady to be true")
}

// State returns the data-state of [data-testid=status].
func (t *Tab) State() (string, error) { return Eval[string](t, stateExpr) }

// Text returns the text of [data-testid=id], or "" if there is none.
func (t *Tab) Text(id string) string {
	s, _ := Eval[string](t, `document.querySelector('[data-testid=`+id+`]')?.textContent ?? ""`)
	return strings.TrimSpace(s)
}

// WaitState waits until the status's data-state is one of states, for at
// most timeout, and returns it. It fails at once if the page goes error or
// diverged, quoting its notice. Every report (when report is not nil, once
// every reportEvery) it is told how long it has waited.
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
			return s, fmt.Errorf("the page went %s: %q %q", s, t.Text("status"), t.Text("notice"))
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

// Row is one row of the metrics table: its step and the data-value of each
// column (full precision).
type Row struct {
	Step   int
	Values map[string]string
}

// Float returns column col as a number.
func (r Row) Float(col string) (float64, error) {
	v, err := strconv.ParseFloat(r.Values[col], 64)
	if err != nil {
		return 0, fmt.Errorf("step %d: %s data-value %q is not a number", r.Step, col, r.Values[col])
	}
	return v, nil
}

// Table returns the rows of the metrics table, in page order.
func (t *Tab) Table() ([]Row, error) {
	raw, err := Eval[string](t, tableExpr)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Step   string            `json:"step"`
		Values map[string]string `json:"values"`
	}
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		return nil, fmt.Errorf("reading the metrics table: %w", err)
	}
	table := make([]Row, len(rows))
	for i, r := range rows {
		step, err := strconv.Atoi(r.Step)
		if err != nil {
			return nil, fmt.Errorf("metrics row %d: data-step %q is not an integer", i+1, r.Step)
		}
		table[i] = Row{Step: step, Values: r.Values}
	}
	return table, nil
}

// Column returns column col of every row, as numbers.
func Column(rows []Row, col string) ([]float64, error) {
	xs := make([]float64, len(rows))
	for i, r := range rows {
		x, err := r.Float(col)
		if err != nil {
			return nil, err
		}
		xs[i] = x
	}
	return xs, nil
}
