package browser

import (
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// Frame returns the first frame in the browser whose document's address
// starts with prefix, as a Tab of its own, waiting at most timeout for it to
// appear. It finds a frame from another site than its page's, which
// Chromium runs in a process of its own, out of reach of the page's Eval;
// a same-site frame is no target of its own and is not found. Closing the
// returned Tab leaves the frame in its page.
func (t *Tab) Frame(prefix string, timeout time.Duration) (*Tab, error) {
	deadline := time.Now().Add(timeout)
	for {
		infos, err := chromedp.Targets(t.ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the frames: %w", err)
		}
		for _, info := range infos {
			if info.Type != "iframe" || !strings.HasPrefix(info.URL, prefix) {
				continue
			}
			ctx, cancel := chromedp.NewContext(t.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			if err := chromedp.Do(ctx); err != nil {
				cancel()
				return nil, fmt.Errorf("attaching to the frame at %s: %w", info.URL, err)
			}
			return &Tab{ctx: ctx, close: cancel}, nil
		}
		if time.Now().After(deadline) || t.ctx.Err() != nil {
			return nil, fmt.Errorf("no frame at %s… after %v", prefix, timeout)
		}
		time.Sleep(pollEvery)
	}
}
