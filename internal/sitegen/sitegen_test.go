package sitegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// web is the repository's templates directory: the tests fill the real
// templates.
const web = "../../web"

// builtSite writes a small stand-in for a built site into a temporary
// directory: the files the build copies or compiles, before sitegen runs.
func builtSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"app.js":       "start();",
		"worker.js":    "importScripts('wasm_exec.js');",
		"wasm_exec.js": "class Go {}",
		"app.wasm":     "\x00asm\x01\x00\x00\x00app",
		"worker.wasm":  "\x00asm\x01\x00\x00\x00worker",
		"style.css":    "body { margin: 0 }",
		"favicon.svg":  "<svg xmlns='http://www.w3.org/2000/svg'/>",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"  ":                                "",
		"https://example.org":               "https://example.org/",
		"https://example.org/bibun":         "https://example.org/bibun/",
		"https://example.org/bibun/":        "https://example.org/bibun/",
		" http://localhost:8080/ ":          "http://localhost:8080/",
		"https://user.github.io/bibun/a b/": "https://user.github.io/bibun/a%20b/",
	} {
		got, err := BaseURL(in)
		if err != nil || got != want {
			t.Errorf("BaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"example.org/bibun", "/bibun/", "ftp://example.org/", "https://", "https://example.org/?x=1", "https://example.org/#top", "javascript:alert(1)", "https://exa mple.org/"} {
		if got, err := BaseURL(in); err == nil {
			t.Errorf("BaseURL(%q) = %q, want an error", in, got)
		} else if !strings.Contains(err.Error(), "SITE_URL") || !strings.Contains(err.Error(), "https://example.org/bibun/") {
			t.Errorf("BaseURL(%q): the error %q does not say what to give instead", in, err)
		}
	}
}

func TestGenerate(t *testing.T) {
	site := builtSite(t)
	if err := Generate(Options{Web: web, Site: site, URL: "https://example.org/bibun"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{IndexName, OGName, SWName} {
		if _, err := os.Stat(filepath.Join(site, name)); err != nil {
			t.Errorf("after Generate: %v", err)
		}
	}
	files, _, err := Manifest(site)
	if err != nil {
		t.Fatal(err)
	}
	sw, _ := os.ReadFile(filepath.Join(site, SWName))
	for _, f := range files {
		if !strings.Contains(string(sw), `"path": "`+f.Path+`"`) {
			t.Errorf("sw.js does not list %s", f.Path)
		}
	}
	if len(files) != 9 { // the seven of builtSite, index.html and og.png
		t.Errorf("the service worker keeps %d files, want 9: %v", len(files), files)
	}

	if err := Generate(Options{Web: web, Site: site, URL: "bibun.example.org"}); err == nil {
		t.Error("Generate took an address without a scheme")
	}
	if err := Generate(Options{Web: t.TempDir(), Site: site}); err == nil {
		t.Error("Generate without templates did not fail")
	}
}
