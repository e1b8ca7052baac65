package sitegen

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

func TestManifest(t *testing.T) {
	site := builtSite(t)
	for name, body := range map[string]string{
		"sw.js":          "an older service worker",
		".DS_Store":      "a dot file",
		".git/HEAD":      "in a dot directory",
		"simd/core.wasm": "\x00asm in a subdirectory",
	} {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, version, err := Manifest(site)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:]); f.Integrity != want {
			t.Errorf("%s: integrity %s, want %s", f.Path, f.Integrity, want)
		}
	}
	want := []string{"app.js", "app.wasm", "favicon.svg", "simd/core.wasm", "style.css", "wasm_exec.js", "worker.js", "worker.wasm"}
	if !slices.Equal(paths, want) {
		t.Errorf("Manifest lists %v, want %v", paths, want)
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(version) {
		t.Errorf("version %q is not 16 hex digits", version)
	}
}

// TestVersion: the version changes with any change to the site's files, and
// only then.
func TestVersion(t *testing.T) {
	site := builtSite(t)
	version := func() string {
		t.Helper()
		_, v, err := Manifest(site)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	seen := map[string]string{version(): "the first build"}
	if v := version(); seen[v] == "" {
		t.Errorf("the same files gave another version, %s", v)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(site, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, change := range []struct {
		what string
		do   func()
	}{
		{"a changed wasm", func() { write("app.wasm", "\x00asm\x01\x00\x00\x00app2") }},
		{"a new file", func() { write("og.png", "\x89PNG") }},
		{"a renamed file", func() { os.Rename(filepath.Join(site, "og.png"), filepath.Join(site, "og2.png")) }},
		{"a removed file", func() { os.Remove(filepath.Join(site, "favicon.svg")) }},
		{"a byte of style.css", func() { write("style.css", "body { margin: 1 }") }},
	} {
		change.do()
		v := version()
		if seen[v] != "" {
			t.Errorf("after %s the version is %s, as after %s", change.what, v, seen[v])
		}
		seen[v] = change.what
	}
	// sw.js itself is no part of the version.
	before := version()
	write(SWName, "anything")
	if version() != before {
		t.Error("writing sw.js changed the version")
	}
}

// swLiteral reads the value of const name from a written sw.js.
func swLiteral(t *testing.T, sw, name string, v any) {
	t.Helper()
	m := regexp.MustCompile(`(?s)\nconst ` + name + ` = (.*?);\n`).FindStringSubmatch(sw)
	if m == nil {
		t.Fatalf("sw.js has no const %s", name)
	}
	if err := json.Unmarshal([]byte(m[1]), v); err != nil {
		t.Fatalf("sw.js: const %s is not a literal: %v", name, err)
	}
}

func TestWriteSW(t *testing.T) {
	site := builtSite(t)
	if err := WriteSW(web, site); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(site, SWName))
	if err != nil {
		t.Fatal(err)
	}
	var files []Entry
	var version string
	swLiteral(t, string(b), "FILES", &files)
	swLiteral(t, string(b), "VERSION", &version)
	wantFiles, wantVersion, err := Manifest(site)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(files, wantFiles) || version != wantVersion {
		t.Errorf("sw.js keeps %v at version %s, want %v at %s", files, version, wantFiles, wantVersion)
	}
	if regexp.MustCompile(`\{\{|\}\}`).Match(b) {
		t.Error("a template action is left in sw.js")
	}

	// A rebuilt file gives a new sw.js, which is what makes browsers
	// install the new version.
	if err := os.WriteFile(filepath.Join(site, "worker.wasm"), []byte("\x00asm\x01\x00\x00\x00rebuilt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteSW(web, site); err != nil {
		t.Fatal(err)
	}
	b2, _ := os.ReadFile(filepath.Join(site, SWName))
	var version2 string
	swLiteral(t, string(b2), "VERSION", &version2)
	if version2 == version {
		t.Errorf("after worker.wasm changed, sw.js still has version %s", version)
	}
}
