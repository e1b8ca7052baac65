//go:build browser

package e2e

// The SIMD128 kernels (simd.wasm, package nn/simd): this browser runs them,
// and a browser without SIMD128 runs the Go kernels instead, to the same
// digits.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"bibun/internal/static"
)

// TestSIMDKernelsCompile checks that the page's simd.wasm compiles here,
// under the page's Content Security Policy, so that the workers use it
// (TestGolden then shows their digits).
func TestSIMDKernelsCompile(t *testing.T) {
	tab, con := open(t, article)
	ok, err := chromedp.Run(tab.Context(), chromedp.Evaluate[bool](`fetch("simd.wasm")
		.then((r) => r.arrayBuffer())
		.then((bytes) => bibunSIMD.compile(bytes) !== null)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("compiling simd.wasm in the page: %v", err)
	}
	if !ok {
		t.Error("simd.wasm does not compile in this browser: the workers run without SIMD")
	}
	noConsoleErrors(t, con)
}

// TestGoldenWithoutSIMD runs the golden runs on a site whose simd.wasm does
// not validate, as the kernels do not in a browser without SIMD128: the
// workers fall back to the Go kernels and show the same digits.
func TestGoldenWithoutSIMD(t *testing.T) {
	dir := copySite(t)
	path := filepath.Join(dir, "simd.wasm")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	asked := map[string]bool{} // URL paths requested
	site := static.Handler(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked[r.URL.Path] = true
		mu.Unlock()
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	for i, g := range readGolden(t) {
		t.Run(fmt.Sprint(i+1), func(t *testing.T) {
			checkGolden(t, runIn(t, srv.URL, g.Link, len(g.Rows)), g)
		})
	}
	mu.Lock()
	defer mu.Unlock()
	if !asked["/simd.wasm"] {
		t.Error("the page never asked for simd.wasm: the test did not test the fallback")
	}
}
