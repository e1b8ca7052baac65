//go:build browser

package e2e

// The Content Security Policy: the server sends it with every file, and the
// page loads, starts its workers and trains under it without one violation.

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"bibun/internal/static"
)

func TestContentSecurityPolicy(t *testing.T) {
	tab, con := open(t, with(article, "steps=2", "workers=2"), trapScript)

	// Reload, noting every response the page gets from the server.
	var (
		mu        sync.Mutex
		responses = map[string]string{} // URL path: its Content-Security-Policy
	)
	watchCtx, stop := context.WithCancel(tab.Context())
	defer stop()
	go func() {
		for ev, err := range chromedp.Events(watchCtx, network.ResponseReceived) {
			if err != nil {
				return
			}
			if path, ok := strings.CutPrefix(ev.Response.URL, serverURL); ok {
				mu.Lock()
				responses[path] = headerValue(ev.Response.Headers, "Content-Security-Policy")
				mu.Unlock()
			}
		}
	}()
	doc, err := chromedp.RunResponse(tab.Context(), chromedp.Reload())
	if err != nil {
		t.Fatalf("reloading the page: %v", err)
	}
	if got := headerValue(doc.Headers, "Content-Security-Policy"); got != static.CSP {
		t.Errorf("the page came with Content-Security-Policy %q, want %q", got, static.CSP)
	}
	check(t, tab.WaitReady(loadTimeout))
	click(t, tab, "run")
	waitState(t, tab, "done")
	checkSteps(t, readTable(t, tab), 2)
	stop()

	mu.Lock()
	paths := make([]string, 0, len(responses))
	for path, csp := range responses {
		paths = append(paths, path)
		if csp != static.CSP {
			t.Errorf("%s came with Content-Security-Policy %q", path, csp)
		}
	}
	mu.Unlock()
	slices.Sort(paths)
	t.Logf("responses, each with the policy: %s", strings.Join(paths, " "))
	if !slices.Contains(paths, "/bibun.wasm") {
		t.Errorf("the responses noted (%v) lack bibun.wasm", paths)
	}
	// The workers fetch their files out of the page's sight.
	for _, path := range []string{"/worker.js"} {
		resp, err := http.Get(serverURL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); resp.StatusCode != http.StatusOK || got != static.CSP {
			t.Errorf("%s: %s, Content-Security-Policy %q", path, resp.Status, got)
		}
	}
	for _, v := range eval[[]string](t, tab, `window.__bibunTrap.violations`) {
		t.Errorf("CSP violation: %s", v)
	}
	noConsoleErrors(t, con)

	// The watch is live: a script the page did not bring is refused, and
	// reported.
	eval[bool](t, tab, `(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__bibunInjected = true';
		document.body.append(s);
		return true;
	})()`)
	waitTrue(t, tab, `window.__bibunTrap.violations.length > 0`, shortTimeout, "the refused inline script to be reported")
	if eval[bool](t, tab, `window.__bibunInjected === true`) {
		t.Error("an inline script ran under the policy")
	}
	t.Logf("an injected inline script: %s", eval[[]string](t, tab, `window.__bibunTrap.violations`))
}

// headerValue returns the value of header name in h, whatever its case.
func headerValue(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}
