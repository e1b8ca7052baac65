package engines

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"bibun/internal/browser"
)

// fakePage is a page whose status reads each of states in turn, the last
// one from then on, and whose metrics table is table (TableExpr's JSON).
type fakePage struct {
	states  []string
	table   string
	clicked []string
}

func (f *fakePage) Navigate(context.Context, string) error     { return nil }
func (f *fakePage) Errors() ([]string, bool)                   { return nil, false }
func (f *fakePage) Close()                                     {}
func (f *fakePage) Resize(context.Context, int, int) error     { return nil }
func (f *fakePage) Screenshot(context.Context) ([]byte, error) { return nil, nil }
func (f *fakePage) Print(context.Context) ([]byte, error)      { return nil, nil }

func (f *fakePage) Click(_ context.Context, id string) error {
	f.clicked = append(f.clicked, id)
	return nil
}

// EvalString answers the expressions that Eval wraps in JSON.stringify.
func (f *fakePage) EvalString(_ context.Context, expression string) (string, error) {
	jsonOf := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	switch {
	case strings.Contains(expression, "hash: location.hash"): // Describe
		return `{"state":"` + f.states[0] + `","notice":"a worker failed"}`, nil
	case strings.Contains(expression, browser.TableExpr):
		return jsonOf(f.table), nil
	case strings.Contains(expression, browser.StateExpr):
		s := f.states[0]
		if len(f.states) > 1 {
			f.states = f.states[1:]
		}
		return jsonOf(s), nil
	}
	return "", errors.New("the fake page cannot evaluate " + expression)
}

func TestRun(t *testing.T) {
	p := &fakePage{
		states: []string{"idle", "running", "running", "done"},
		table:  `[{"step":"1","values":{"loss":"0.69","grad-ms":"12"}},{"step":"2","values":{"loss":"0.6","grad-ms":"11"}}]`,
	}
	rows, err := Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.clicked) != 1 || p.clicked[0] != "run" {
		t.Errorf("clicked %q, want run once", p.clicked)
	}
	if len(rows) != 2 || rows[1].Step != 2 || rows[1].Values[browser.ColLoss] != "0.6" {
		t.Errorf("rows %+v", rows)
	}
}

func TestRunStops(t *testing.T) {
	p := &fakePage{states: []string{"running", "error"}}
	_, err := Run(context.Background(), p)
	if !errors.Is(err, ErrStopped) || !strings.Contains(err.Error(), "a worker failed") {
		t.Errorf("a run that goes error: %v, want ErrStopped quoting the notice", err)
	}
}

func TestWaitStateTimesOut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := WaitState(ctx, &fakePage{states: []string{"running"}}, "done")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), `"state":"running"`) {
		t.Errorf("a run that never ends: %v, want the deadline, and what the page shows", err)
	}
}
