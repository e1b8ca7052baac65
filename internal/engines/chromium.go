package engines

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/chromedp"

	"bibun/internal/browser"
)

// Chromium is Debian's chromium (browser.Find), launched and driven as
// the other browser tests and cmd/bench drive it (internal/browser).
var Chromium = Engine{
	Name:     "chromium",
	Packages: "chromium",
	find: func() ([]string, string) {
		exe, tried := browser.Find()
		if exe == "" {
			return nil, "found no Chromium: " + tried
		}
		return []string{exe}, ""
	},
	launch: func(ctx context.Context, exes []string) (Browser, error) {
		b, err := browser.Launch(exes[0], false)
		if err != nil {
			return nil, err
		}
		v, err := b.Version()
		if err != nil {
			b.Close()
			return nil, err
		}
		return &chromium{b: b, version: v}, nil
	},
}

type chromium struct {
	b       *browser.Browser
	version string
}

func (c *chromium) Version() string { return c.version }
func (c *chromium) Close()          { c.b.Close() }

// Gone: chromedp has lost the browser.
func (c *chromium) Gone() error {
	if err := c.b.Err(); err != nil {
		return fmt.Errorf("%w: chromedp lost Chromium: %v", ErrGone, err)
	}
	return nil
}

// Open opens a tab and collects the errors that it and its workers log.
func (c *chromium) Open(ctx context.Context) (Page, error) {
	tab, err := c.b.Open(false)
	if err != nil {
		return nil, err
	}
	p := &chromiumTab{c: c, tab: tab}
	go p.watch()
	return p, nil
}

// chromiumTab is a tab of internal/browser, bounded by each call's ctx.
type chromiumTab struct {
	c   *chromium
	tab *browser.Tab

	mu   sync.Mutex
	errs []string
}

// watch records the console's errors until the tab closes. Chromium
// forwards a worker's errors to its page's log.
func (p *chromiumTab) watch() {
	for m, err := range chromedp.Console(p.tab.Context()) {
		if err != nil {
			return
		}
		switch m.Type {
		case chromedp.ConsoleError, chromedp.ConsoleException, "assert":
			p.mu.Lock()
			p.errs = append(p.errs, fmt.Sprintf("%s %s: %s (%s:%d)", m.Source, m.Type, m.Text, m.URL, m.Line+1))
			p.mu.Unlock()
		}
	}
}

// within returns the tab's context, ending by ctx's deadline too.
func (p *chromiumTab) within(ctx context.Context) (context.Context, context.CancelFunc) {
	if d, ok := ctx.Deadline(); ok {
		return context.WithDeadline(p.tab.Context(), d)
	}
	return context.WithCancel(p.tab.Context())
}

func (p *chromiumTab) Navigate(ctx context.Context, url string) error {
	timeout := 10 * time.Minute
	if d, ok := ctx.Deadline(); ok {
		timeout = time.Until(d)
	}
	return p.check(p.tab.Navigate(url, timeout))
}

// check returns err, or Gone's error quoting err when Chromium is gone.
func (p *chromiumTab) check(err error) error { return orGone(p.c, err) }

func (p *chromiumTab) EvalString(ctx context.Context, expression string) (string, error) {
	ctx, cancel := p.within(ctx)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expression))
	if err = p.check(err); err != nil {
		return "", fmt.Errorf("evaluating %.80s: %w", expression, err)
	}
	return s, nil
}

func (p *chromiumTab) Click(ctx context.Context, id string) error { return p.check(p.tab.Click(id)) }

func (p *chromiumTab) Errors() ([]string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errs...), true
}

func (p *chromiumTab) Resize(ctx context.Context, width, height int) error {
	ctx, cancel := p.within(ctx)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.EmulateViewport(int64(width), int64(height)))
	return err
}

func (p *chromiumTab) Screenshot(ctx context.Context) ([]byte, error) {
	ctx, cancel := p.within(ctx)
	defer cancel()
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

func (p *chromiumTab) Print(context.Context) ([]byte, error) {
	pdf, _, err := p.tab.PrintPDF()
	return pdf, err
}

func (p *chromiumTab) Close() { p.tab.Close() }
