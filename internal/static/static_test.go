package static

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// site writes a small site into a temporary directory, plus a secret file
// next to it that no request may reach, and returns the site's directory.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	files := map[string]string{
		"index.html":         "<!doctype html><title>bibun</title>",
		"app.wasm":           "\x00asm\x01\x00\x00\x00" + strings.Repeat("wasm", 1000),
		"wasm_exec.js":       strings.Repeat("console.log(1);\n", 200),
		"style.css":          "body { margin: 0 }",
		"logo.svg":           "<svg xmlns='http://www.w3.org/2000/svg'/>",
		"tile.png":           "\x89PNG\r\n\x1a\n",
		"docs/index.html":    "<p>docs</p>",
		"empty/.placeholder": "",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// get sends a GET for target to h, straight to the handler so that the path
// reaches it as written (a client would clean "..").
func get(h http.Handler, target string, header ...string) *http.Response {
	r := httptest.NewRequest(http.MethodGet, "http://example.com/", nil)
	r.URL.Path = target
	r.RequestURI = target
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestContentType(t *testing.T) {
	h := Handler(site(t))
	for path, want := range map[string]string{
		"/app.wasm":     "application/wasm",
		"/wasm_exec.js": "text/javascript; charset=utf-8",
		"/style.css":    "text/css; charset=utf-8",
		"/index.html":   "text/html; charset=utf-8",
		"/logo.svg":     "image/svg+xml",
		"/tile.png":     "image/png",
	} {
		res := get(h, path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", path, res.StatusCode)
		}
		if got := res.Header.Get("Content-Type"); got != want {
			t.Errorf("GET %s: Content-Type %q, want %q", path, got, want)
		}
	}
}

func TestIndex(t *testing.T) {
	dir := site(t)
	h := Handler(dir)
	for path, file := range map[string]string{"/": "index.html", "/docs/": "docs/index.html"} {
		res := get(h, path)
		want, _ := os.ReadFile(filepath.Join(dir, file))
		if res.StatusCode != http.StatusOK || body(t, res) != string(want) {
			t.Errorf("GET %s: status %d, want 200 and %s", path, res.StatusCode, file)
		}
		if got := res.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q, want text/html", path, got)
		}
	}
}

func TestDirectoryRedirect(t *testing.T) {
	res := get(Handler(site(t)), "/docs")
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/docs/" {
		t.Errorf("GET /docs: status %d Location %q, want 301 to /docs/", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestGzip(t *testing.T) {
	dir := site(t)
	h := Handler(dir)
	for _, path := range []string{"/app.wasm", "/wasm_exec.js", "/index.html", "/style.css", "/logo.svg", "/"} {
		file := path
		if path == "/" {
			file = "/index.html"
		}
		want, _ := os.ReadFile(filepath.Join(dir, file))
		for range 2 { // the second answer comes from the cache
			res := get(h, path, "Accept-Encoding", "br, gzip;q=0.8")
			if got := res.Header.Get("Content-Encoding"); got != "gzip" {
				t.Fatalf("GET %s: Content-Encoding %q, want gzip", path, got)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s: Vary %q lacks Accept-Encoding", path, res.Header.Get("Vary"))
			}
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("GET %s: gunzipped body differs from the file (%d bytes, want %d)", path, len(got), len(want))
			}
		}
	}
}

func TestGzipFollowsRebuild(t *testing.T) {
	dir := site(t)
	h := Handler(dir)
	get(h, "/app.wasm", "Accept-Encoding", "gzip") // fill the cache
	p := filepath.Join(dir, "app.wasm")
	rebuilt := []byte("\x00asm\x01\x00\x00\x00rebuilt")
	if err := os.WriteFile(p, rebuilt, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(get(h, "/app.wasm", "Accept-Encoding", "gzip").Body)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(zr); !bytes.Equal(got, rebuilt) {
		t.Errorf("after a rebuild, got %q, want %q", got, rebuilt)
	}
}

func TestNoGzip(t *testing.T) {
	dir := site(t)
	h := Handler(dir)
	want, _ := os.ReadFile(filepath.Join(dir, "app.wasm"))
	for _, accept := range []string{"", "identity", "gzip;q=0", "br"} {
		res := get(h, "/app.wasm", "Accept-Encoding", accept)
		if got := res.Header.Get("Content-Encoding"); got != "" {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want none", accept, got)
		}
		if got := body(t, res); got != string(want) {
			t.Errorf("Accept-Encoding %q: body is not the file", accept)
		}
	}
	if got := get(h, "/tile.png", "Accept-Encoding", "gzip").Header.Get("Content-Encoding"); got != "" {
		t.Errorf("PNG: Content-Encoding %q, want none (PNG is compressed already)", got)
	}
}

func TestHeaders(t *testing.T) {
	h := Handler(site(t))
	for _, path := range []string{"/", "/app.wasm", "/missing.js", "/../secret.txt"} {
		res := get(h, path, "Accept-Encoding", "gzip")
		for k, want := range map[string]string{
			"Content-Security-Policy": CSP,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
		} {
			if got := res.Header.Get(k); got != want {
				t.Errorf("GET %s: %s %q, want %q", path, k, got, want)
			}
		}
		if res.StatusCode == http.StatusOK && res.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", path, res.Header.Get("Cache-Control"))
		}
	}
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(CSP, want) {
			t.Errorf("CSP %q lacks %s", CSP, want)
		}
	}
}

// TestFramingAllowed: any origin may frame the page (see CSP), so neither
// the policy nor another header may forbid it.
func TestFramingAllowed(t *testing.T) {
	if strings.Contains(CSP, "frame-ancestors") {
		t.Errorf("CSP %q restricts framing; the page is meant to be embedded anywhere", CSP)
	}
	for _, path := range []string{"/", "/missing.js"} {
		if got := get(Handler(site(t)), path).Header.Get("X-Frame-Options"); got != "" {
			t.Errorf("GET %s: X-Frame-Options %q forbids framing", path, got)
		}
	}
}

func TestRevalidate(t *testing.T) {
	h := Handler(site(t))
	for _, enc := range []string{"", "gzip"} {
		etag := get(h, "/app.wasm", "Accept-Encoding", enc).Header.Get("ETag")
		if etag == "" {
			t.Fatalf("Accept-Encoding %q: no ETag", enc)
		}
		res := get(h, "/app.wasm", "Accept-Encoding", enc, "If-None-Match", etag)
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q, If-None-Match %s: status %d, want 304", enc, etag, res.StatusCode)
		}
	}
}

func TestNotFound(t *testing.T) {
	dir := site(t)
	// A symlink inside the site that points out of it.
	if err := os.Symlink(filepath.Join(dir, "..", "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	h := Handler(dir)
	for _, path := range []string{
		"/missing.wasm",
		"/../secret.txt",
		"/docs/../../secret.txt",
		"/..",
		"/link.txt",
		"/empty/",             // a directory without index.html: no listing
		"/empty/.placeholder", // dot files are not served
		"/docs\\..\\..\\secret.txt",
	} {
		res := get(h, path)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
		if b := body(t, res); strings.Contains(b, "secret") {
			t.Errorf("GET %s: body %q leaks the file outside the site", path, b)
		}
	}
}

func TestEscapeOverHTTP(t *testing.T) {
	srv := httptest.NewServer(Handler(site(t)))
	defer srv.Close()
	// Raw requests, so that no client cleans the path first.
	for _, target := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/docs/%2E%2E/%2e%2e/secret.txt"} {
		req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = target
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b := body(t, res)
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound || strings.Contains(b, "secret") {
			t.Errorf("GET %s: status %d body %q, want 404", target, res.StatusCode, b)
		}
	}
}

func TestMethod(t *testing.T) {
	h := Handler(site(t))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", nil))
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", w.Code)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodHead, "/app.wasm", nil))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD /app.wasm: status %d with %d body bytes, want 200 and none", w.Code, w.Body.Len())
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                  false,
		"gzip":              true,
		"gzip, deflate, br": true,
		"GZIP;q=0.5":        true,
		"gzip;q=0":          false,
		"gzip; q=0.0, br":   false,
		"*":                 true,
		"*;q=0":             false,
		"br, *;q=0.1":       true,
		"gzip;q=0, *":       false,
		"deflate, identity": false,
		"x-gzip":            true,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
