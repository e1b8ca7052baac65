package browser

import (
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// CountWork starts counting the work of the tab's main thread, which Work
// reads. Call it once, after the page has loaded.
func (t *Tab) CountWork() error {
	_, err := chromedp.Call(t.ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks})
	if err != nil {
		return fmt.Errorf("counting the main thread's work: %w", err)
	}
	return nil
}

// Work returns the time the tab's main thread has spent running tasks
// since CountWork, in ms: Chromium's TaskDuration in thread ticks, the
// time the thread ran on a CPU, not the time it waited for one, so that
// other programs on a busy machine hardly change it.
func (t *Tab) Work() (float64, error) {
	r, err := chromedp.Call(t.ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, fmt.Errorf("reading the main thread's work: %w", err)
	}
	for _, m := range r.Metrics {
		if m.Name == "TaskDuration" {
			return 1000 * m.Value, nil
		}
	}
	return 0, fmt.Errorf("reading the main thread's work: Chromium reports no TaskDuration")
}
