//go:build browser

package e2e

// Workers that fail: to load, or in the middle of a run. The page says so,
// keeps working, and Reset starts fresh workers.

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bibun/internal/static"
)

// copySite copies the site under test into a new temporary directory.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(*siteDir)); err != nil {
		t.Fatalf("copying the site: %v", err)
	}
	return dir
}

// serveSite serves dir as the page's server does, until the test ends, and
// returns its URL.
func serveSite(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(static.Handler(dir))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestWorkerFailsToLoad(t *testing.T) {
	spoilers := []struct {
		name, file string
		spoil      func(path string) error
	}{
		{"worker.wasm missing", "worker.wasm", os.Remove},
		{"worker.wasm truncated", "worker.wasm", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, b[:len(b)/3], 0o644)
		}},
		{"worker.wasm not wasm", "worker.wasm", func(p string) error {
			return os.WriteFile(p, []byte("<!doctype html><title>Sign in</title><p>Please sign in to the proxy."), 0o644)
		}},
		{"worker.js missing", "worker.js", os.Remove},
	}
	for _, c := range spoilers {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			dir := copySite(t)
			path := filepath.Join(dir, c.file)
			good, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.spoil(path); err != nil {
				t.Fatal(err)
			}
			tab, con := openIn(t, suite, serveSite(t, dir), with(article, "steps=2", "workers=2"))
			waitFor(t, tab, "error", loadTimeout)
			why := problem(t, tab)
			t.Logf("status: %s", text(t, tab, "status"))
			t.Logf("problem: %s", why)
			if !strings.Contains(why, "Training worker") || !strings.Contains(why, "Reset") {
				t.Errorf("the problem %q does not say a worker failed and what to do", why)
			}
			if enabled(t, tab, "run") {
				t.Error("Run is enabled while the workers are broken")
			}

			// The page still works: a control moves and the link follows it;
			// the fresh workers this starts fail the same way.
			setParam(t, tab, "hidden", "32")
			waitTrue(t, tab, `location.hash.includes('&hidden=32&')`, shortTimeout, "the link to follow the hidden control")
			waitFor(t, tab, "error", loadTimeout)

			// Mended, the site runs after Reset.
			if err := os.WriteFile(path, good, 0o644); err != nil {
				t.Fatal(err)
			}
			click(t, tab, "reset")
			waitFor(t, tab, "idle", shortTimeout)
			click(t, tab, "run")
			waitState(t, tab, "done")
			checkSteps(t, readTable(t, tab), 2)
			// The failed requests are the browser's to log; nothing else may be.
			for _, e := range con.Errors() {
				if strings.HasPrefix(e, "network ") && strings.Contains(e, "404") {
					t.Logf("console (expected): %s", e)
				} else {
					t.Errorf("console: %s", e)
				}
			}
		})
	}
}

// TestWorkerDies crashes a training worker in the middle of a run: the test
// posts it a message that is not one (a string), on which its Go program
// panics and exits, as it would on any crash. The page stops with an error
// that says what happened, keeps the steps it has, and Reset starts over.
func TestWorkerDies(t *testing.T) {
	tab, con := open(t, with(article, "steps=15", "workers=2"), spyScript)
	click(t, tab, "run")
	waitTrue(t, tab, `window.__bibunMeasured >= 2`, runTimeout, "step 2 to be measured")
	eval[bool](t, tab, `(window.__bibunWorkers.at(-1).postMessage('not a message'), true)`)
	waitFor(t, tab, "error", shortTimeout)
	why := problem(t, tab)
	t.Logf("status: %s", text(t, tab, "status"))
	t.Logf("problem: %s", why)
	if !strings.Contains(why, "Training worker 2 failed") || !strings.Contains(why, "panic") || !strings.Contains(why, "Reset") {
		t.Errorf("the problem %q does not say which worker failed, why, and what to do", why)
	}
	rows := readTable(t, tab)
	if len(rows) < 2 || len(rows) >= 15 {
		t.Errorf("after the crash the table has %d rows, want the steps before it", len(rows))
	}
	checkSteps(t, rows, len(rows))
	checkNumbers(t, tab)
	waitSettled(t, tab) // the other worker's part, if it was under way, has come
	if n := rowCount(t, tab); n != len(rows) || state(t, tab) != "error" {
		t.Errorf("after the crash, with nothing owed: %d rows (was %d), state %s", n, len(rows), state(t, tab))
	}

	click(t, tab, "reset")
	waitFor(t, tab, "idle", shortTimeout)
	if n := rowCount(t, tab); n != 0 {
		t.Errorf("after Reset the table has %d rows", n)
	}
	click(t, tab, "run")
	waitState(t, tab, "done")
	checkSteps(t, readTable(t, tab), 15)
	noConsoleErrors(t, con)
}

// TestWorkerDiesWhileMeasuring crashes worker 0 as it measures the
// machine's speed after loading, between two rounds, when its Go program
// has a timer set: the page must still say why it stopped (the panic), not
// the "Go program has already exited" that the timer raises afterwards.
func TestWorkerDiesWhileMeasuring(t *testing.T) {
	tab, con := open(t, article, spyScript+`;(() => {
		const Real = window.Worker;
		window.Worker = function (url, options) {
			const w = new Real(url, options);
			if (options?.name !== 'training worker 0') return w; // the one that measures on
			w.__loaded = 0;
			w.addEventListener('message', (e) => {
				// The second Loaded (wasm/msg: its kind, length-prefixed), the
				// first of the rounds between which the worker sleeps.
				if (e.data[0] === 6 && new TextDecoder().decode(e.data.subarray(1, 7)) === 'loaded' && ++w.__loaded === 2) {
					w.postMessage('not a message');
				}
			});
			return w;
		};
		window.Worker.prototype = Real.prototype;
	})()`)
	waitFor(t, tab, "error", shortTimeout)
	why := problem(t, tab)
	t.Logf("problem: %s", why)
	if !strings.Contains(why, "panic") || strings.Contains(why, "already exited") {
		t.Errorf("the problem %q does not say why the worker stopped", why)
	}
	click(t, tab, "reset")
	waitFor(t, tab, "idle", shortTimeout)
	for _, e := range con.Errors() {
		t.Logf("console: %s", e)
	}
}
