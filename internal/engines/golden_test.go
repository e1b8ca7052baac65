package engines

import (
	"strings"
	"testing"

	"bibun/internal/browser"
)

func TestReadGolden(t *testing.T) {
	runs, err := ReadGolden("../../nn/testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) < 3 {
		t.Fatalf("%d golden runs, want at least 3", len(runs))
	}
	for _, g := range runs {
		if !strings.Contains(g.Link, "seed=") || len(g.Rows) == 0 {
			t.Errorf("golden run %+v", g)
		}
	}
	// The page's table has grad-ms too, which is not compared.
	g := runs[0]
	page := make([]browser.Row, len(g.Rows))
	for i, r := range g.Rows {
		page[i] = browser.Row{Step: r.Step, Values: map[string]string{browser.ColGradMs: "12"}}
		for k, v := range r.Values {
			page[i].Values[k] = v
		}
	}
	if d := g.Differences("page", page); d != nil {
		t.Errorf("the golden rows themselves differ: %q", d)
	}
	page[0].Values[browser.ColLoss] = "0.5"
	if d := g.Differences("page", page); len(d) != 1 || !strings.Contains(d[0], `page gives "0.5"`) {
		t.Errorf("one loss changed: %q, want one difference", d)
	}
	if _, err := ReadGolden("testdata/none.json"); err == nil {
		t.Error("a missing file: no error")
	}
}
