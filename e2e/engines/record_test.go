//go:build browser

package engines

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"bibun/internal/browser"
	"bibun/internal/engines"
)

// record holds the run's record to the same behaviour in this engine as in
// Chromium (e2e's record tests): a run saved as JSON by the page's own Save
// (the file caught in the page) holds the table's digits; pinned, it stays
// in both charts beside the next run; opened in a fresh tab by a drop, it
// takes its settings, and Verify finds it identical.
func record(t *testing.T, b engines.Browser, link string) {
	p, ctx := openLink(t, b, link)
	fail := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%v; the page shows %s", err, engines.Describe(p))
		}
	}
	fail(engines.CatchDownloads(ctx, p))
	rows, err := engines.Run(ctx, p)
	fail(err)
	fail(p.Click(ctx, "export-json"))
	f, err := engines.Downloaded(ctx, p)
	fail(err)
	var saved struct {
		Link string
		Rows []map[string]json.Number
	}
	dec := json.NewDecoder(bytes.NewReader(f.Data))
	dec.UseNumber()
	if err := dec.Decode(&saved); err != nil {
		t.Fatalf("the saved %s: %v", f.Name, err)
	}
	if len(saved.Rows) != len(rows) {
		t.Fatalf("%s holds %d rows, the table %d", f.Name, len(saved.Rows), len(rows))
	}
	for i, r := range rows {
		for key, col := range map[string]string{"loss": browser.ColLoss, "train_acc": browser.ColTrainAcc, "test_acc": browser.ColTestAcc, "loss_evals": browser.ColEvals} {
			if got := string(saved.Rows[i][key]); got != r.Values[col] {
				t.Errorf("step %d, %s: %s holds %s, the table %q", r.Step, col, f.Name, got, r.Values[col])
			}
		}
	}

	// Pinned, then a run at another learning rate: two series a chart.
	fail(p.Click(ctx, "pin"))
	fail(engines.WaitTrue(ctx, p, `document.querySelectorAll('[data-testid=pins] li').length === 1`, "the run to be pinned"))
	if _, err := engines.Eval[bool](ctx, p, `(location.hash = `+browser.Quote("#"+browser.With(link, "lr=0.5"))+`, true)`); err != nil {
		t.Fatal(err)
	}
	fail(engines.WaitState(ctx, p, "idle"))
	_, err = engines.Run(ctx, p)
	fail(err)
	for _, chart := range []string{"loss", "accuracy"} {
		n, err := engines.Eval[[]int](ctx, p, `(c => [c.querySelectorAll('[data-series]').length, c.querySelectorAll('[data-series][data-pinned]').length])(`+
			`document.querySelector('[data-chart=`+chart+`]'))`)
		fail(err)
		if n[0] != 2 || n[1] != 1 {
			t.Errorf("the %s chart has %d series, %d pinned; want the run and its pin", chart, n[0], n[1])
		}
	}
	if errs, _ := p.Errors(); len(errs) > 0 {
		t.Errorf("console: %q", errs)
	}

	// The saved file, dropped on a fresh page and verified.
	q, err := engines.Open(ctx, b, serverURL+"/#")
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if _, err := engines.Eval[bool](ctx, q, browser.DropFileExpr("student.json", f.Data)); err != nil {
		t.Fatal(err)
	}
	if err := engines.WaitState(ctx, q, "saved"); err != nil {
		t.Fatal(err)
	}
	if h, err := engines.Eval[string](ctx, q, `location.hash`); err != nil || !strings.HasPrefix(h, "#"+saved.Link) {
		t.Errorf("the link after opening the file: %q (%v), want %q", h, err, "#"+saved.Link)
	}
	verify := browser.Element("verify")
	if err := engines.WaitTrue(ctx, q, verify+` && !`+verify+`.disabled`, "Verify to be enabled"); err != nil {
		t.Fatal(err)
	}
	if err := q.Click(ctx, "verify"); err != nil {
		t.Fatal(err)
	}
	verdict := browser.Element("verdict") + `?.dataset.value`
	if err := engines.WaitTrue(ctx, q, verdict+` === 'identical' || `+verdict+` === 'different'`, "a verdict"); err != nil {
		t.Fatalf("%v; the page shows %s", err, engines.Describe(q))
	}
	v, err := engines.Eval[string](ctx, q, verdict)
	if err != nil || v != "identical" {
		t.Errorf("the saved run verified in a fresh tab: %q (%v), want identical", v, err)
	}
	if errs, _ := q.Errors(); len(errs) > 0 {
		t.Errorf("console, the fresh tab: %q", errs)
	}
	if !t.Failed() {
		t.Logf("%s: %d rows equal to the table; pinned beside a run at lr 0.5; dropped on a fresh tab and verified identical", f.Name, len(rows))
	}
}
