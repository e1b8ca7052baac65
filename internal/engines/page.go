package engines

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"bibun/internal/browser"
)

// The page, read through its hooks (internal/browser) in any engine.

// pollEvery is how often the waits ask the page again.
const pollEvery = 100 * time.Millisecond

// Eval evaluates the JavaScript expression in p and decodes its value,
// passed as JSON, into T.
func Eval[T any](ctx context.Context, p Page, expression string) (T, error) {
	var v T
	raw, err := p.EvalString(ctx, `JSON.stringify((`+expression+`) ?? null)`)
	if err != nil {
		return v, err
	}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return v, fmt.Errorf("evaluating %.80s: the value %.80s: %w", expression, raw, err)
	}
	return v, nil
}

// WaitTrue polls expression until it is truthy; it fails when ctx ends,
// naming what it waited for, and at once when the browser is gone.
func WaitTrue(ctx context.Context, p Page, expression, what string) error {
	for {
		ok, err := Eval[bool](ctx, p, `!!(`+expression+`)`)
		if err == nil && ok {
			return nil
		}
		if errors.Is(err, ErrGone) {
			return fmt.Errorf("waiting for %s: %w", what, err)
		}
		if ctx.Err() != nil {
			if err != nil {
				return fmt.Errorf("waiting for %s: %w (last: %v)", what, ctx.Err(), err)
			}
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
		sleep(ctx, pollEvery)
	}
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// Open opens a tab of b on url and waits until the page is ready
// (window.bibunReady), within ctx. On failure it closes the tab.
func Open(ctx context.Context, b Browser, url string) (Page, error) {
	p, err := b.Open(ctx)
	if err != nil {
		return nil, err
	}
	err = p.Navigate(ctx, url)
	if err == nil {
		err = WaitTrue(ctx, p, browser.ReadyExpr, "window.bibunReady to be true")
	}
	if err != nil {
		p.Close()
		return nil, fmt.Errorf("opening %s: %w", url, err)
	}
	return p, nil
}

// ErrStopped is the error of a run that the page stopped: status error or
// diverged.
var ErrStopped = errors.New("the run stopped")

// Run clicks Run in p, waits until the page shows done and returns its
// metrics table. It fails with ErrStopped, quoting the status and notice,
// when the page goes error or diverged, and when ctx ends first.
func Run(ctx context.Context, p Page) ([]browser.Row, error) {
	if err := p.Click(ctx, "run"); err != nil {
		return nil, err
	}
	if err := WaitState(ctx, p, "done"); err != nil {
		return nil, err
	}
	raw, err := Eval[string](ctx, p, browser.TableExpr)
	if err != nil {
		return nil, err
	}
	return browser.ParseTable(raw)
}

// WaitState waits until the status's data-state is want. It fails with
// ErrStopped when it is error or diverged instead (unless that is want),
// when ctx ends first, saying what the page shows, and at once when the
// browser is gone.
func WaitState(ctx context.Context, p Page, want string) error {
	for {
		s, err := Eval[string](ctx, p, browser.StateExpr)
		switch {
		case err == nil && s == want:
			return nil
		case err == nil && (s == "error" || s == "diverged"):
			return fmt.Errorf("%w: waiting for %s, the page went %s: %s", ErrStopped, want, s, Describe(p))
		case errors.Is(err, ErrGone):
			return fmt.Errorf("waiting for state %s: %w", want, err)
		case ctx.Err() != nil:
			return fmt.Errorf("waiting for state %s: %w; the page shows %s", want, ctx.Err(), Describe(p))
		}
		sleep(ctx, pollEvery)
	}
}

// Describe returns, as one line of JSON for a failure report, what p
// shows: its link, whether it is ready, its state, status and notice, and
// how many metrics rows it has.
func Describe(p Page) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := p.EvalString(ctx, `JSON.stringify({
		hash: location.hash,
		ready: window.bibunReady,
		state: `+browser.StateExpr+`,
		status: `+browser.Element("status")+`?.textContent,
		notice: `+browser.Element("notice")+`?.textContent,
		rows: `+browser.RowsExpr+`,
	})`)
	if err != nil {
		return fmt.Sprintf("(the page cannot be read: %v)", err)
	}
	return s
}

// Result is a link run to done in one browser.
type Result struct {
	Link string        // the fragment, without "#"
	Rows []browser.Row // the metrics table at done
	Load time.Duration // from opening the tab to window.bibunReady
	Run  time.Duration // from clicking Run to the page showing done
	// Errors is what the page and its workers reported as errors, when
	// ErrorsSeen: the engine's protocol can see them.
	Errors     []string
	ErrorsSeen bool
}

// RunLink opens base+"/#"+link in a new tab of b, runs it to done and
// closes the tab; within ctx. cmd/bench can time each engine with it:
// Result.Run is the run's wall time, and the rows' grad-ms each step's
// gradient time.
func RunLink(ctx context.Context, b Browser, base, link string) (Result, error) {
	r := Result{Link: link}
	start := time.Now()
	p, err := Open(ctx, b, base+"/#"+link)
	if err != nil {
		return r, err
	}
	defer p.Close()
	r.Load = time.Since(start)
	start = time.Now()
	r.Rows, err = Run(ctx, p)
	r.Run = time.Since(start)
	r.Errors, r.ErrorsSeen = p.Errors()
	return r, err
}
