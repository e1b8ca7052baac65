package engines

import (
	"encoding/json"
	"fmt"
	"os"

	"bibun/internal/browser"
)

// Golden is a run of nn/testdata/golden.json: the link that configures it
// and the first rows of its metrics table, as written under js/wasm, to
// the last digit (every column but grad-ms).
type Golden struct {
	Link string
	Rows []browser.Row
}

// ReadGolden reads the golden runs of the file at path (the nn package
// writes it: go test ./nn -run Golden -update, under js/wasm).
func ReadGolden(path string) ([]Golden, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Runs []struct {
			Link string `json:"link"`
			Rows []struct {
				Step     int    `json:"step"`
				Loss     string `json:"loss"`
				TrainAcc string `json:"train_acc"`
				TestAcc  string `json:"test_acc"`
				Evals    string `json:"evals"`
			} `json:"rows"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(f.Runs) == 0 {
		return nil, fmt.Errorf("%s holds no run", path)
	}
	runs := make([]Golden, len(f.Runs))
	for i, r := range f.Runs {
		if r.Link == "" || len(r.Rows) == 0 {
			return nil, fmt.Errorf("%s: run %d has no link or no rows", path, i+1)
		}
		runs[i].Link = r.Link
		for _, row := range r.Rows {
			runs[i].Rows = append(runs[i].Rows, browser.Row{Step: row.Step, Values: map[string]string{
				browser.ColLoss: row.Loss, browser.ColTrainAcc: row.TrainAcc,
				browser.ColTestAcc: row.TestAcc, browser.ColEvals: row.Evals,
			}})
		}
	}
	return runs, nil
}

// Differences returns, in words, every cell of rows (a page's table, named
// name) that differs from the golden run g; grad-ms, a wall time, is not
// compared.
func (g Golden) Differences(name string, rows []browser.Row) []string {
	return browser.Differences("golden.json", g.Rows, name, rows, browser.ColGradMs)
}
