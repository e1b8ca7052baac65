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

// spoilModules, run at document start, makes the page post its workers
// window.__spoiled() instead of the compiled program (window.bibunModules)
// while window.__spoil is true.
const spoilModules = `(() => {
	window.__spoil = true;
	const post = Worker.prototype.postMessage;
	Worker.prototype.postMessage = function (data, ...rest) {
		if (window.__spoil && data === window.bibunModules) data = window.__spoiled();
		return post.call(this, data, ...rest);
	};
})()`

// countErrors, run at document start, counts in window.__workerErrors the
// error events of every worker the page starts.
const countErrors = `(() => {
	const Real = window.Worker;
	window.__workerErrors = 0;
	window.Worker = function (url, options) {
		const w = new Real(url, options);
		w.addEventListener('error', () => window.__workerErrors++);
		return w;
	};
	window.Worker.prototype = Real.prototype;
})()`

// TestWorkerFailsToLoad breaks each thing a worker needs to start: its
// script, or the compiled program the page posts it (another program, one
// that does not instantiate, none at all). The page says a worker failed
// and what to do, keeps its settings working, and runs once mended and
// Reset.
func TestWorkerFailsToLoad(t *testing.T) {
	cases := []struct {
		name    string
		file    string // a file of the site to remove, or:
		spoiled string // what the page posts its workers instead of the program, as a function
	}{
		{name: "worker.js missing", file: "worker.js"},
		{name: "an empty program", spoiled: `() => ({program: new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])), kernels: null})`},
		{name: "a program that does not instantiate", spoiled: `() => ({program: window.bibunModules.kernels, kernels: null})`},
		{name: "no program", spoiled: `() => "bibun.wasm"`},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			base, scripts := serverURL, []string{countErrors, spoilModules, `window.__spoiled = ` + c.spoiled}
			var path string
			var good []byte
			if c.file != "" {
				dir := copySite(t)
				path = filepath.Join(dir, c.file)
				var err error
				if good, err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
				base, scripts = serveSite(t, dir), scripts[:1]
			}
			tab, con := openIn(t, suite, base, with(article, "steps=2", "workers=2"), scripts...)
			waitFor(t, tab, "error", loadTimeout)
			waitTrue(t, tab, `window.__workerErrors === 2`, loadTimeout, "both workers to fail")
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
			waitTrue(t, tab, `window.__workerErrors === 4`, loadTimeout, "the fresh workers to fail")
			waitFor(t, tab, "error", loadTimeout)

			// Mended, the site runs after Reset.
			if c.file != "" {
				if err := os.WriteFile(path, good, 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				eval[bool](t, tab, `!(window.__spoil = false)`)
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

// TestProgramFailsToLoad damages the one program, bibun.wasm, which the
// page needs before anything else: the page says it could not start, and
// why, instead of hanging on its loading line.
func TestProgramFailsToLoad(t *testing.T) {
	spoilers := []struct {
		name, why string // why: what the page must name
		spoil     func(path string) error
	}{
		{"missing", "404", os.Remove},
		{"truncated", "WebAssembly", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, b[:len(b)/3], 0o644)
		}},
		{"not wasm", "WebAssembly", func(p string) error {
			return os.WriteFile(p, []byte("<!doctype html><title>Sign in</title><p>Please sign in to the proxy."), 0o644)
		}},
	}
	for _, c := range spoilers {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			if skipReason != "" {
				t.Skip(skipReason)
			}
			dir := copySite(t)
			if err := c.spoil(filepath.Join(dir, "bibun.wasm")); err != nil {
				t.Fatal(err)
			}
			tab, err := suite.Open(false)
			check(t, err)
			t.Cleanup(tab.Close)
			check(t, tab.Navigate(serveSite(t, dir)+"/#"+article, loadTimeout))
			fatal := `document.querySelector('.fatal[role=alert]')`
			waitTrue(t, tab, fatal, loadTimeout, "the page to say it could not start")
			why := eval[string](t, tab, fatal+`.textContent`)
			t.Logf("the page says: %s", why)
			if !strings.Contains(why, "could not start") || !strings.Contains(why, c.why) {
				t.Errorf("the page says %q: want that it could not start, and %q", why, c.why)
			}
			if eval[bool](t, tab, `window.bibunReady === true`) {
				t.Error("the page says it is ready")
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
