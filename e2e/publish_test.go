//go:build browser

package e2e

// Publishing: the page framed by a page of another site, its link-preview
// tags, and its service worker, which keeps it for offline use and replaces
// it when a new build is deployed. The tests that install service workers
// serve the site at an address and in a browser of their own, so that the
// workers reach no other test.

import (
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bibun/internal/browser"
	"bibun/internal/sitegen"
	"bibun/internal/static"
)

// quickLink is a run of a few milliseconds: backprop on a tiny network.
var quickLink = with(article, "grad=backprop", "size=16", "hidden=4", "steps=3")

// swTimeout bounds a service worker downloading the site and taking over.
const swTimeout = 90 * time.Second

// runQuick runs the page in tab, at quickLink, to the end: three rows.
func runQuick(t *testing.T, tab *browser.Tab) {
	t.Helper()
	click(t, tab, "run")
	waitState(t, tab, "done")
	checkSteps(t, readTable(t, tab), 3)
}

// TestPublishFramed: a page on another site frames bibun, as a class's
// learning platform would, and the page loads and trains inside the frame.
func TestPublishFramed(t *testing.T) {
	b := newBrowser(t, false)
	tab := must(b.Open(false))(t)
	t.Cleanup(tab.Close)
	site := httptest.NewServer(static.Handler(*siteDir))
	defer site.Close()
	// The framing page at localhost, the site at 127.0.0.1: two sites, as a
	// platform and the page's host would be.
	framing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><title>Lesson 3</title><h1>Lesson 3: gradients</h1>
<iframe src="` + site.URL + `/#` + quickLink + `" width="1400" height="1600" title="bibun"></iframe>`))
	}))
	defer framing.Close()
	check(t, tab.Navigate(strings.Replace(framing.URL, "127.0.0.1", "localhost", 1)+"/", loadTimeout))

	frame := must(tab.Frame(site.URL+"/", loadTimeout))(t)
	defer frame.Close()
	con := &Console{} // from the moment the test reaches the frame
	go con.watch(chromedp.Console(frame.Context()))
	check(t, frame.WaitReady(loadTimeout))
	if !eval[bool](t, frame, `window.top !== window`) {
		t.Fatal("the page found is not in a frame")
	}
	runQuick(t, frame)
	noConsoleErrors(t, con)
}

// TestPublishPreview: the page has the link-preview tags, and og:image
// names a 1200×630 PNG the site serves.
func TestPublishPreview(t *testing.T) {
	tab, con := open(t, quickLink)
	tags := eval[map[string]string](t, tab, `Object.fromEntries(
		[...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
			.map(m => [m.getAttribute('property') || m.name, m.content]))`)
	for _, name := range []string{"og:title", "og:description", "og:image", "twitter:card"} {
		if tags[name] == "" {
			t.Errorf("the page has no %s", name)
		}
	}
	image := eval[string](t, tab, `new URL(document.querySelector('meta[property="og:image"]').content, location.href).href`)
	t.Logf("og:image %q is %s here", tags["og:image"], image)
	res := must(http.Get(image))(t)
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("og:image %s: %s, %s", image, res.Status, res.Header.Get("Content-Type"))
	}
	cfg := must(png.DecodeConfig(res.Body))(t)
	if cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("og:image is %d×%d, want 1200×630", cfg.Width, cfg.Height)
	}
	noConsoleErrors(t, con)
}

// switchable serves dir as the page's server does until offline is set;
// then it answers 503 to everything, and notes what was asked.
type switchable struct {
	site    http.Handler
	offline atomic.Bool
	mu      sync.Mutex
	asked   []string // the paths requested while offline
}

func (s *switchable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.offline.Load() {
		s.mu.Lock()
		s.asked = append(s.asked, r.URL.Path)
		s.mu.Unlock()
		http.Error(w, "503 the school's network is down", http.StatusServiceUnavailable)
		return
	}
	s.site.ServeHTTP(w, r)
}

// waitControlled waits until a service worker controls the page in tab.
func waitControlled(t *testing.T, tab *browser.Tab) {
	t.Helper()
	waitTrue(t, tab, `navigator.serviceWorker.controller`, swTimeout, "a service worker to control the page")
}

// TestPublishOffline: after one visit, the page opens and trains with the
// server unreachable.
func TestPublishOffline(t *testing.T) {
	s := &switchable{site: static.Handler(*siteDir)}
	srv := httptest.NewServer(s)
	defer srv.Close()
	tab, con := openIn(t, newBrowser(t, false), srv.URL, quickLink)
	waitControlled(t, tab)

	s.offline.Store(true)
	if res, err := http.Get(srv.URL + "/"); err != nil || res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("the server is still up: %v %v", res, err)
	}
	s.mu.Lock()
	s.asked = nil // that was the test's own question
	s.mu.Unlock()
	// A new visit, at the page's address with a query, as a shared link may have.
	check(t, tab.Navigate(srv.URL+"/?from=lesson#"+quickLink, loadTimeout))
	check(t, tab.WaitReady(loadTimeout))
	click(t, tab, "step")
	waitTrue(t, tab, rowsAre(1), runTimeout, "row 1 after Step, offline")

	s.mu.Lock()
	asked := slices.Clone(s.asked)
	s.mu.Unlock()
	t.Logf("asked of the server while it was down: %v", asked)
	for _, p := range []string{"/", "/index.html", "/app.js", "/bibun.wasm", "/wasm_exec.js", "/simd.js", "/simd.wasm", "/worker.js", "/style.css"} {
		if slices.Contains(asked, p) {
			t.Errorf("the page asked the server for %s while a copy was kept", p)
		}
	}
	noConsoleErrors(t, con)
}

// buildMark is a custom property that a test's rebuilds of style.css set, so
// that the page shows which build it runs.
const buildMark = `getComputedStyle(document.documentElement).getPropertyValue('--test-build').trim()`

// TestPublishUpdate deploys two new builds of a site the browser keeps: each
// time, on the next visit, the page offers the new version, in the page's
// language, and its button reloads into it.
func TestPublishUpdate(t *testing.T) {
	dir := t.TempDir()
	check(t, os.CopyFS(dir, os.DirFS(*siteDir)))
	srv := httptest.NewServer(static.Handler(dir))
	defer srv.Close()
	tab, con := openIn(t, newBrowser(t, false), srv.URL, quickLink)
	waitControlled(t, tab)

	for i, c := range []struct {
		lang, build, say, button string
	}{
		{"en", "2", "A new version of bibun is ready.", "Reload"},
		{"ja", "3", "bibun の新しいバージョンが使えます。", "再読み込み"},
	} {
		// Deploy: a changed file and the sw.js the build writes for it.
		css := must(os.OpenFile(filepath.Join(dir, "style.css"), os.O_APPEND|os.O_WRONLY, 0))(t)
		must(css.WriteString("\n:root { --test-build: " + c.build + "; }\n"))(t)
		check(t, css.Close())
		check(t, sitegen.WriteSW(filepath.Join(repoRoot(t), "web"), dir))

		check(t, tab.Navigate(srv.URL+"/?visit="+c.build+"#"+with(quickLink, "lang="+c.lang), loadTimeout))
		check(t, tab.WaitReady(loadTimeout))
		if eval[string](t, tab, buildMark) == c.build {
			t.Fatalf("visit %d: build %s shows before the visitor chose it", i+2, c.build)
		}
		waitTrue(t, tab, browser.Element("update-reload"), swTimeout, "the bar offering the new version")
		if got := text(t, tab, "update"); got != c.say+" "+c.button {
			t.Errorf("lang=%s: the bar says %q, want %q", c.lang, got, c.say+" "+c.button)
		}
		eval[bool](t, tab, `window.__beforeReload = true`)
		click(t, tab, "update-reload")
		waitTrue(t, tab, `!window.__beforeReload && window.bibunReady === true`, loadTimeout, "the page to reload")
		if got := eval[string](t, tab, buildMark); got != c.build {
			t.Errorf("after the reload the page runs build %q, want %s", got, c.build)
		}
		if eval[bool](t, tab, browser.Element("update")+` !== null`) {
			t.Errorf("after the reload the bar is still there")
		}
		runQuick(t, tab)
	}
	noConsoleErrors(t, con)
}
