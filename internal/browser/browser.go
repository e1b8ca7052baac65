// Package browser launches headless Chromium and reads the bibun page
// through its stable hooks (window.bibunReady, data-testid, data-state,
// the metrics table's data-value cells, the controls named by link keys).
// The browser tests in e2e/ check the page with it and cmd/bench measures
// it, so that both launch the same Chromium with the same flags and read
// the page the same way; each hook's selector is written here once.
//
// Every call returns an error rather than failing a test: e2e wraps each
// in t.Fatal, cmd/bench writes it into the row it could not measure.
//
// Every call evaluates from Go: the page's Content Security Policy forbids
// new Function, so chromedp.Poll cannot run in it.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Find returns the browser to drive: $CHROMIUM, else /usr/bin/chromium,
// else chromium, chromium-browser or google-chrome in PATH. When it finds
// none it returns "" and what it tried.
func Find() (exe, tried string) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if path, err := exec.LookPath(p); err == nil {
			return path, ""
		}
		return "", "CHROMIUM=" + p + " is not an executable"
	}
	if _, err := exec.LookPath("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", ""
	}
	names := []string{"chromium", "chromium-browser", "google-chrome"}
	for _, name := range names {
		if path, err := exec.LookPath(name); err == nil {
			return path, ""
		}
	}
	return "", "tried $CHROMIUM, /usr/bin/chromium and " + strings.Join(names, ", ") + " in PATH"
}

// Browser is one headless Chromium with a fresh profile.
type Browser struct {
	ctx     context.Context // the browser's chromedp context
	stop    func()          // ends the browser and its allocator
	profile string          // the user-data-dir, removed by Close
}

// Options returns the allocator options of a headless exe with the
// profile dir: no sandbox, no GPU, no background networking, component
// updates, sync or QUIC (this machine's network is closed), a 1400×1800
// window, and, unless throttled, no throttling of hidden tabs or their
// timers (training runs in workers while the tab may count as hidden).
// The browser tests and cmd/bench both launch with these.
func Options(exe, profile string, throttled bool) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 1800),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-renderer-backgrounding", !throttled),
		chromedp.Flag("disable-background-timer-throttling", !throttled),
		chromedp.Flag("disable-backgrounding-occluded-windows", !throttled),
	)
}

// Launch starts exe with Options and a new empty profile; with throttled,
// Chromium throttles hidden tabs and their timers, as a visitor's does.
func Launch(exe string, throttled bool) (*Browser, error) {
	profile, err := os.MkdirTemp("", "bibun-profile-")
	if err != nil {
		return nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(exe, profile, throttled)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, stop: func() { cancel(); cancelAlloc() }, profile: profile}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		b.Close()
		return nil, fmt.Errorf("cannot start %s: %w", exe, err)
	}
	return b, nil
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() {
	b.stop()
	os.RemoveAll(b.profile)
}

// Err returns nil while the browser runs, and why it ended once it has:
// chromedp ends the browser's context when it loses the browser.
func (b *Browser) Err() error {
	if b.ctx.Err() == nil {
		return nil
	}
	return context.Cause(b.ctx)
}

// Version returns the browser's product name and version, e.g.
// "Chrome/156.0.8078.108".
func (b *Browser) Version() (string, error) {
	v, err := chromedp.CallBrowser(b.ctx, cdpbrowser.GetVersion, cdp.Empty{})
	return v.Product, err
}

// Open opens a new tab in which each of scripts runs at the start of every
// document, before the page's own scripts (and unbound by its CSP). With
// noCache the tab bypasses the HTTP cache and the page's service worker, so
// every load is a first visit.
// The tab does not navigate yet: see Tab.Navigate.
func (b *Browser) Open(noCache bool, scripts ...string) (*Tab, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &Tab{ctx: ctx, close: cancel}
	// Open the tab with its own context: a target first used under a
	// shorter-lived context (a timeout) stops answering when that ends.
	if err := chromedp.Do(ctx); err != nil {
		t.Close()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	for _, s := range scripts {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: s}); err != nil {
			t.Close()
			return nil, fmt.Errorf("adding a script to the new tab: %w", err)
		}
	}
	if noCache {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Close()
			return nil, fmt.Errorf("enabling the network domain: %w", err)
		}
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled,
			network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			t.Close()
			return nil, fmt.Errorf("disabling the cache: %w", err)
		}
		// The page's service worker answers from its own cache, which the
		// HTTP cache's switch does not reach.
		if _, err := chromedp.Call(ctx, network.SetBypassServiceWorker,
			network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
			t.Close()
			return nil, fmt.Errorf("bypassing the service worker: %w", err)
		}
	}
	return t, nil
}

// Tab is one browser tab.
type Tab struct {
	ctx   context.Context
	close context.CancelFunc
}

// Close closes the tab.
func (t *Tab) Close() { t.close() }

// Context returns the tab's chromedp context, for what this package does
// not wrap (key events, the browser's own commands). It ends with the tab.
func (t *Tab) Context() context.Context { return t.ctx }

// Navigate loads url and waits for its load event, for at most timeout.
func (t *Tab) Navigate(url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

// evalTimeout bounds one evaluation: the page's main thread answers within
// it unless it is stuck.
const evalTimeout = 30 * time.Second

// Eval evaluates expression in the page and decodes its value into T.
func Eval[T any](t *Tab, expression string) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, evalTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression))
	if err != nil {
		return v, fmt.Errorf("evaluating %.80s: %w", expression, err)
	}
	return v, nil
}

// pollEvery is how often the waits ask the page again.
const pollEvery = 50 * time.Millisecond

// WaitTrue polls expression until it is truthy; it fails after timeout,
// naming what it waited for.
func (t *Tab) WaitTrue(expression string, timeout time.Duration, what string) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := Eval[bool](t, `!!(`+expression+`)`)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) || t.ctx.Err() != nil {
			if err != nil {
				return fmt.Errorf("timed out after %v waiting for %s: %w", timeout, what, err)
			}
			return fmt.Errorf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(pollEvery)
	}
}

// Screenshot returns a PNG of the element that matches the CSS selector
// sel, or of the whole page when sel is "".
func (t *Tab) Screenshot(sel string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(t.ctx, evalTimeout)
	defer cancel()
	shot := chromedp.FullScreenshot(100)
	if sel != "" {
		shot = chromedp.Screenshot(chromedp.CSS(sel))
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		return nil, fmt.Errorf("screenshot of %q: %w", sel, err)
	}
	return png, nil
}

// Click clicks [data-testid=id] with the mouse, as a user would.
func (t *Tab) Click(id string) error {
	ctx, cancel := context.WithTimeout(t.ctx, evalTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=`+id+`]`))); err != nil {
		return fmt.Errorf("clicking [data-testid=%s]: %w", id, err)
	}
	return nil
}
