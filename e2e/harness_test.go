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
	serverURL  string           // the httptest server serving -site
	suite      *browser.Browser // the one browser; each test opens a tab in it
	skipReason string           // non-empty: no browser, every test skips
)

// Timeouts: how long the tests wait before they call the page stuck. None
// is a measure of speed (make bench has those); each is many times what the
// page takes on a 2-core machine busy with other work.
const (
	loadTimeout  = 60 * time.Second // from navigation to window.bibunReady
	runTimeout   = 3 * time.Minute  // one training run, to done
	shortTimeout = 15 * time.Second // the page reacting to one input
)

func TestMain(m *testing.M) { os.Exit(runMain(m)) }

func runMain(m *testing.M) int {
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*siteDir, "bibun.wasm")); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %s has no bibun.wasm: run make build first\n", *siteDir)
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

	b, err := browser.Launch(exe, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer b.Close()
	suite = b
	return m.Run()
}

// newBrowser starts a headless Chromium for one test, as TestMain starts
// the suite's, closed when the test ends. With throttled it lets Chromium
// throttle hidden tabs and their timers, as it does by default.
func newBrowser(t *testing.T, throttled bool) *browser.Browser {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	exe, _ := browser.Find()
	b, err := browser.Launch(exe, throttled)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
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
// with scripts run at the start of every document (before the page's own,
// unbound by its CSP: spyScript, trapScript, browser.LongTasks), and waits
// until the page says it is ready: window.bibunReady === true. It skips the
// test when there is no browser. The tab closes when the test ends; the
// errors of the tab and of its workers are collected into the returned
// Console. If the test fails, the tab's state and a screenshot are saved
// for the report.
func open(t *testing.T, fragment string, scripts ...string) (*browser.Tab, *Console) {
	t.Helper()
	return openIn(t, suite, serverURL, fragment, scripts...)
}

// openIn is open in another browser, on the site served at base (a URL
// without a trailing slash).
func openIn(t *testing.T, b *browser.Browser, base, fragment string, scripts ...string) (*browser.Tab, *Console) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	tab, err := b.Open(false, scripts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.Close)
	con := &Console{}
	// Subscribe before the navigation, so that no message is lost.
	go con.watch(chromedp.Console(tab.Context()))
	t.Cleanup(func() {
		if t.Failed() {
			describe(t, tab, con)
		}
	})
	check(t, tab.Navigate(base+"/#"+fragment, loadTimeout))
	if err := tab.WaitReady(loadTimeout); err != nil {
		t.Fatalf("after opening #%s: %v", fragment, err)
	}
	return tab, con
}

// describe logs what the tab shows, after a failure: the state, the
// notice, the table and the console errors, and saves a screenshot.
func describe(t *testing.T, tab *browser.Tab, con *Console) {
	if info, err := tab.Describe(); err != nil {
		t.Logf("after the failure, the tab cannot be read: %v", err)
	} else {
		t.Logf("after the failure, the tab shows %s", info)
	}
	for _, e := range con.Errors() {
		t.Logf("console: %s", e)
	}
	screenshot(t, tab, "", "FAIL-"+regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_"))
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

// screenshot saves a PNG of the element sel (a CSS selector), or of the
// whole page when sel is "", as <repo>/artifacts/name.png.
func screenshot(t *testing.T, tab *browser.Tab, sel, name string) {
	t.Helper()
	png, err := tab.Screenshot(sel)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	dir := filepath.Join(repoRoot(t), "artifacts")
	path := filepath.Join(dir, name+".png")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Errorf("%s: %v", name, err)
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
