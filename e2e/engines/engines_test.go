//go:build browser

// Package engines holds the page to the same digits in every browser
// engine a visitor may have: Chromium, Firefox and WebKit (package
// bibun/internal/engines says how each is driven). Like e2e it builds
// nothing; `make test-engines` builds site/ and runs
//
//	go test -count=1 -timeout 30m -tags browser ./e2e/engines/ -v -site /abs/path/site
//
// An engine that is not installed is skipped, with what to install,
// unless $CI is set: in CI every engine must run.
package engines

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"bibun/internal/browser"
	"bibun/internal/engines"
	"bibun/internal/static"
)

var siteDir = flag.String("site", "../../site", "directory of the built site (make build fills it)")

// serverURL serves -site through internal/static, under the page's real
// Content Security Policy; set by TestMain.
var serverURL string

// Timeouts: how long the test waits before it calls a browser or the page
// stuck. None is a measure of speed (make bench has those); each is many
// times what the slowest engine takes on a 2-core machine busy with other
// work.
const (
	launchTimeout = 3 * time.Minute  // a browser, from start to a session
	linkTimeout   = 10 * time.Minute // one link, from opening its tab to done
)

func TestMain(m *testing.M) {
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*siteDir, "bibun.wasm")); err != nil {
		fmt.Fprintf(os.Stderr, "e2e/engines: %s has no bibun.wasm: run make build first\n", *siteDir)
		os.Exit(1)
	}
	srv := httptest.NewServer(static.Handler(*siteDir))
	serverURL = srv.URL
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

// TestEngines runs, in each engine, every golden run of
// nn/testdata/golden.json with 1 worker and with 2: each table must equal
// the golden one to the last digit, and so each other. Then the article's
// settings with 2 workers, as a visitor first sees them, timed for the log.
// Between them, the run's record (saved, pinned, opened and verified), the
// charts drawn at a phone's size, and the lab sheet printed.
func TestEngines(t *testing.T) {
	golden, err := engines.ReadGolden("../../nn/testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines.All {
		t.Run(e.Name, func(t *testing.T) {
			l := launch(t, e)
			t.Logf("%s", l.b.Version())
			t.Run("console", func(t *testing.T) { consoleSeen(t, l.browser(t), golden[0].Link) })
			t.Run("simd", func(t *testing.T) { simdKernels(t, l.browser(t), golden[0].Link) })
			for i, g := range golden {
				t.Run(fmt.Sprintf("%d-%s", i+1, key(g.Link, "grad")), func(t *testing.T) {
					one := run(t, l, browser.With(g.Link, "workers=1"), len(g.Rows))
					two := run(t, l, browser.With(g.Link, "workers=2"), len(g.Rows))
					for _, r := range []engines.Result{one, two} {
						for _, d := range g.Differences(e.Name, r.Rows) {
							t.Errorf("workers=%s: %s", key(r.Link, "workers"), d)
						}
					}
					for _, d := range browser.Differences("workers=1", one.Rows, "workers=2", two.Rows, browser.ColGradMs) {
						t.Errorf("not deterministic: %s", d)
					}
					if !t.Failed() {
						t.Logf("%d rows × 4 columns equal to golden.json with workers=1 (run %v) and workers=2 (run %v)",
							len(g.Rows), one.Run.Round(time.Millisecond), two.Run.Round(time.Millisecond))
					}
				})
			}
			t.Run("record", func(t *testing.T) { record(t, l.browser(t), golden[1].Link) })
			t.Run("phone", func(t *testing.T) { phone(t, l.browser(t), golden[1].Link) })
			t.Run("print", func(t *testing.T) { printSheet(t, l.browser(t), golden[1].Link) })
			t.Run("article", func(t *testing.T) {
				steps, err := strconv.Atoi(key(browser.Article, "steps"))
				if err != nil {
					t.Fatalf("the article's link %s: %v", browser.Article, err)
				}
				r := run(t, l, browser.With(browser.Article, "workers=2"), steps)
				ms, err := browser.Column(r.Rows, browser.ColGradMs)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%d %s steps, 2 workers: loaded in %v, ran in %v; grad-ms median %.3g (steps: %.3g)",
					steps, key(browser.Article, "grad"), r.Load.Round(time.Millisecond), r.Run.Round(time.Millisecond), median(ms), ms)
			})
		})
	}
}

// live is the browser of one engine under test. A browser can crash
// under load, which is no fault of the page's: one that has ended
// (engines.ErrGone) is launched again for the next test, and run runs the
// link it ended under once more, saying so in the log. Wrong digits, an
// error the page shows or a page that hangs are never tried again.
type live struct {
	e engines.Engine
	b engines.Browser
}

// launch starts e's browser for the test, closed when it ends. It skips
// the test when e is not installed, unless $CI is set.
func launch(t *testing.T, e engines.Engine) *live {
	t.Helper()
	if missing := e.Find(); missing != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s; CI is set, so every engine must run (.ci/run installs them)", missing)
		}
		t.Skip(missing)
	}
	l := &live{e: e}
	if err := l.launch(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.b.Close() })
	return l
}

// launch starts the engine's browser, within launchTimeout.
func (l *live) launch() error {
	ctx, cancel := context.WithTimeout(context.Background(), launchTimeout)
	defer cancel()
	b, err := l.e.Launch(ctx)
	if err != nil {
		return err
	}
	l.b = b
	return nil
}

// browser returns the browser, launched again if it has ended.
func (l *live) browser(t *testing.T) engines.Browser {
	t.Helper()
	gone := l.b.Gone()
	if gone == nil {
		return l.b
	}
	t.Logf("%s ended under an earlier test: launching it again. %v", l.e.Name, gone)
	l.b.Close()
	if err := l.launch(); err != nil {
		t.Fatal(err)
	}
	return l.b
}

// consoleSeen checks that an error the page logs reaches the test, so that
// no error from a run means there was none; it skips when the engine's
// protocol shows no console (WebKit's classic WebDriver).
func consoleSeen(t *testing.T, b engines.Browser, link string) {
	p, ctx := openLink(t, b, link)
	if _, seen := p.Errors(); !seen {
		t.Skip("this engine's protocol shows no console: its runs are checked by the page's status alone")
	}
	const probe = "bibun: console probe"
	if _, err := engines.Eval[bool](ctx, p, `(console.error(`+browser.Quote(probe)+`), true)`); err != nil {
		t.Fatal(err)
	}
	for {
		errs, _ := p.Errors()
		if slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, probe) }) {
			return
		}
		if len(errs) > 0 || ctx.Err() != nil {
			t.Fatalf("console.error(%q) in the page: the test saw %q", probe, errs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// simdKernels says whether the page's SIMD128 kernels (simd.wasm, loaded
// by simd.js as bibunSIMD) compile in this engine, and so whether the
// golden runs below ran with them or with the Go kernels, which give the
// same digits. It fails only when simd.wasm cannot be fetched.
func simdKernels(t *testing.T, b engines.Browser, link string) {
	p, ctx := openLink(t, b, link)
	const verdict = `window.__bibunKernels`
	start := `(window.__bibunKernelsAsked ??= (typeof bibunSIMD !== "object"
		? Promise.resolve("absent")
		: fetch("simd.wasm")
			.then((r) => r.ok ? r.arrayBuffer() : Promise.reject(new Error("simd.wasm: " + r.status)))
			.then((bytes) => bibunSIMD.compile(bytes) ? "compile" : "do not compile")
	).then((v) => ` + verdict + ` = v, (e) => ` + verdict + ` = "error: " + e), true)`
	if _, err := engines.Eval[bool](ctx, p, start); err != nil {
		t.Fatal(err)
	}
	if err := engines.WaitTrue(ctx, p, verdict+` !== undefined`, "simd.wasm to compile or not"); err != nil {
		t.Fatal(err)
	}
	v, err := engines.Eval[string](ctx, p, verdict)
	switch {
	case err != nil:
		t.Fatal(err)
	case v == "absent":
		t.Log("the page has no SIMD128 kernels (no bibunSIMD): the runs use the Go kernels")
	case strings.HasPrefix(v, "error"):
		t.Errorf("fetching the SIMD128 kernels: %s", v)
	default:
		t.Logf("the SIMD128 kernels %s here: the runs use the %s kernels", v, map[bool]string{true: "SIMD128", false: "Go"}[v == "compile"])
	}
}

// openLink opens link in a new tab of b, ready, for the test: the tab is
// closed when the test ends, and ctx, which the test's calls share, ends
// after linkTimeout.
func openLink(t *testing.T, b engines.Browser, link string) (p engines.Page, ctx context.Context) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), linkTimeout)
	t.Cleanup(cancel)
	p, err := engines.Open(ctx, b, serverURL+"/#"+link)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p, ctx
}

// run runs link in l's browser to done (once more in a new browser if it
// ends under the run) and checks that the page shows steps rows, numbered
// 1…steps, and reported no error.
func run(t *testing.T, l *live, link string, steps int) engines.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), linkTimeout)
	defer cancel()
	r, err := engines.RunLink(ctx, l.browser(t), serverURL, link)
	if errors.Is(err, engines.ErrGone) {
		t.Logf("#%s: the browser ended under the run; launching it again to run the link once more. %v", link, err)
		r, err = engines.RunLink(ctx, l.browser(t), serverURL, link)
	}
	if err != nil {
		t.Fatalf("#%s: %v", link, err)
	}
	if len(r.Rows) != steps {
		t.Fatalf("#%s: the table has %d rows at done, want %d", link, len(r.Rows), steps)
	}
	for i, row := range r.Rows {
		if row.Step != i+1 {
			t.Fatalf("#%s: row %d is step %d", link, i+1, row.Step)
		}
	}
	for _, e := range r.Errors {
		t.Errorf("#%s: console: %s", link, e)
	}
	return r
}

// key returns the value of key in the link, or "default".
func key(link, key string) string {
	for p := range strings.SplitSeq(link, "&") {
		if v, ok := strings.CutPrefix(p, key+"="); ok {
			return v
		}
	}
	return "default"
}

// median returns the median of xs, which must not be empty.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	return (s[(n-1)/2] + s[n/2]) / 2
}
