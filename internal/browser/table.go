package browser

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Columns of the metrics table, as in td[data-col].
const (
	ColLoss     = "loss"
	ColTrainAcc = "train-acc"
	ColTestAcc  = "test-acc"
	ColEvals    = "evals"
	ColGradMs   = "grad-ms" // wall time of the step's gradient phase
)

// Columns lists every column of the metrics table; all but ColGradMs are
// reproduced digit for digit by equal settings.
var Columns = []string{ColLoss, ColTrainAcc, ColTestAcc, ColEvals, ColGradMs}

// TableExpr reads every metrics row, as a JSON string for ParseTable: its
// step and each cell's data-value, null where a cell has none.
const TableExpr = `JSON.stringify([...document.querySelectorAll('[data-testid=metrics] tr[data-step]')].map(tr => ({
	step: tr.dataset.step,
	values: Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.dataset.col, td.dataset.value ?? null])),
})))`

// Row is one row of the metrics table, tr[data-step=Step]: the data-value
// of each td[data-col], by column (full precision).
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

// Table returns the rows of the metrics table, in page order (ParseTable).
func (t *Tab) Table() ([]Row, error) {
	raw, err := Eval[string](t, TableExpr)
	if err != nil {
		return nil, err
	}
	return ParseTable(raw)
}

// ParseTable returns the rows that TableExpr read, in page order. It fails
// if a row's data-step is not an integer or a cell has no data-value.
func ParseTable(raw string) ([]Row, error) {
	var rows []struct {
		Step   string             `json:"step"`
		Values map[string]*string `json:"values"`
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
		table[i] = Row{Step: step, Values: make(map[string]string, len(r.Values))}
		for col, v := range r.Values {
			if v == nil {
				return nil, fmt.Errorf("metrics row %d: td[data-col=%s] has no data-value", step, col)
			}
			table[i].Values[col] = *v
		}
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
