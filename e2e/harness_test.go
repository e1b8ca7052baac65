//go:build browser

// Package e2e drives the built page in headless Chromium, served by
// bibun/internal/static so that it runs under the real Content Security
// Policy. It builds nothing: `make test-browser` builds site/ and runs
//
//	go test -count=1 -timeout 20m -tags browser ./e2e/ -v -site /abs/path/site
//
// The tests speak to the page only through its stable hooks: data-testid
// attributes, data-state, data-value, control names (the URL keys) and
// window.bibunReady.
package e2e

import (
	"context"
	"flag"
	"fmt"
	"iter"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bibun/internal/browser"
	"bibun/internal/static"
)

var siteDir = flag.String("site", "../site", "directory of the built site (make build fills it)")

// Set once by TestMain.
var (
	serverURL  string          // the httptest server serving -site
	browserCtx context.Context // the one browser; each test opens a tab in it
	skipReason string          // non-empty: no browser, every test skips
)

// Timeouts. The machine that runs these may have 2 cores; a 15-step
// incremental run of the article's network takes well under 30 s there.
const (
	tabTimeout   = 4 * time.Minute  // everything one open() tab does
	loadTimeout  = 60 * time.Second // from navigation to window.bibunReady
	runTimeout   = 3 * time.Minute  // one training run, to done
	shortTimeout = 15 * time.Second // the page reacting to one input
	pollEvery    = 50 * time.Millisecond
)

func TestMain(m *testing.M) { os.Exit(runMain(m)) }

func runMain(m *testing.M) int {
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*siteDir, "app.wasm")); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %s has no app.wasm: run make build first\n", *siteDir)
		return 1
	}
	exe, why := browser.Find()
	if exe == "" {
		msg := "no Chromium found (" + why + "); install Debian's chromium to run the browser tests, or set CHROMIUM to its path"
		if os.Getenv("CI") != "" {
			fmt.Fprintln(os.Stderr, "e2e:", msg)
			return 1
		}
		skipReason = msg
		return m.Run()
	}

	srv := httptest.NewServer(static.Handler(*siteDir))
	defer srv.Close()
	serverURL = srv.URL

	profile, err := os.MkdirTemp("", "bibun-e2e-profile-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(profile)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browser.Options(exe, profile, false)...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no timeout
		fmt.Fprintf(os.Stderr, "e2e: cannot start %s: %v\n", exe, err)
		return 1
	}
	browserCtx = ctx
	return m.Run()
}

// Console collects what the page and its workers report as errors:
// console.error and console.assert calls, uncaught exceptions and
// unhandled rejections, and browser log entries of level error (CSP
// violations, failed requests). Chromium forwards a worker's console
// errors and uncaught exceptions to the page's log (source "worker"), so a
// Go panic in a worker lands here too.
type Console struct {
	mu   sync.Mutex
	errs []string
}

func (c *Console) record(m chromedp.ConsoleMessage) {
	switch m.Type {
	case chromedp.ConsoleError, chromedp.ConsoleException, "assert":
	default:
		return
	}
	where := m.URL
	if where != "" {
		where = fmt.Sprintf(" (%s:%d)", strings.TrimPrefix(where, serverURL), m.Line+1)
	}
	from := "page"
	if m.Source != "" {
		from = m.Source // javascript, network, security, worker, …
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errs = append(c.errs, fmt.Sprintf("%s %s: %s%s", from, m.Type, m.Text, where))
}

// Errors returns the errors collected so far.
func (c *Console) Errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.errs)
}

// watch records messages until they end (when the tab's context ends).
func (c *Console) watch(messages iter.Seq2[chromedp.ConsoleMessage, error]) {
	for m, err := range messages {
		if err != nil {
			return
		}
		c.record(m)
	}
}

// open opens a new tab on the page at fragment (a link without its "#"),
// running the actions in before first (for example an init script), and
// waits until the page says it is ready: window.bibunReady === true. It
// skips the test when there is no browser. The returned context ends with
// the test, or after tabTimeout; the errors of the tab and of its workers
// are collected into the returned Console. If the test fails, the
// tab's state, table and a screenshot are saved for the report.
func open(t *testing.T, fragment string, before ...chromedp.Action[chromedp.Void]) (context.Context, *Console) {
	t.Helper()
	return openIn(t, browserCtx, serverURL, fragment, before...)
}

// openIn is open in another browser (a chromedp browser context), on the
// site served at base (a URL without a trailing slash).
func openIn(t *testing.T, browser context.Context, base, fragment string, before ...chromedp.Action[chromedp.Void]) (context.Context, *Console) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	tabCtx, cancelTab := chromedp.NewContext(browser)
	t.Cleanup(cancelTab)
	con := &Console{}
	// Subscribe before the navigation, so that no message is lost; the
	// first call opens the tab.
	go con.watch(chromedp.Console(tabCtx))

	ctx, cancel := context.WithTimeout(tabCtx, tabTimeout)
	t.Cleanup(cancel)
	t.Cleanup(func() {
		if t.Failed() {
			describe(t, tabCtx, con) // not ctx: it may have timed out
		}
	})

	if err := chromedp.Do(ctx, before...); err != nil {
		t.Fatalf("preparing the tab: %v", err)
	}
	url := base + "/#" + fragment
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	waitTrue(t, ctx, "window.bibunReady === true", loadTimeout,
		"window.bibunReady to be true after opening #"+fragment)
	return ctx, con
}

// describe logs what the tab shows, after a failure: the state, the
// notice, the table and the console errors, and saves a screenshot.
func describe(t *testing.T, ctx context.Context, con *Console) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	info, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
		hash: location.hash,
		ready: window.bibunReady,
		state: document.querySelector('[data-testid=status]')?.dataset.state,
		status: document.querySelector('[data-testid=status]')?.textContent,
		notice: document.querySelector('[data-testid=notice]')?.textContent,
		rows: document.querySelectorAll('[data-testid=metrics] tr[data-step]').length,
	})`))
	if err != nil {
		t.Logf("after the failure, the tab cannot be read: %v", err)
	} else {
		t.Logf("after the failure, the tab shows %s", info)
	}
	for _, e := range con.Errors() {
		t.Logf("console: %s", e)
	}
	screenshot(t, ctx, "FAIL-"+regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_"))
}

// repoRoot returns the directory holding go.mod, above the test's directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// screenshot saves a full-page PNG of the tab as <repo>/artifacts/name.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	dir := filepath.Join(repoRoot(t), "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	t.Logf("saved %s", path)
}

// noConsoleErrors fails the test for each error the page or its workers
// reported.
func noConsoleErrors(t *testing.T, c *Console) {
	t.Helper()
	for _, e := range c.Errors() {
		t.Errorf("console: %s", e)
	}
}
