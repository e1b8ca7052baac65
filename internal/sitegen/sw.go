package sitegen

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// An Entry is one file the service worker keeps for offline use.
type Entry struct {
	Path      string `json:"path"`      // relative to the site, slash-separated
	Integrity string `json:"integrity"` // its Subresource Integrity digest, "sha256-…"
}

// Manifest returns the files of site that the service worker keeps, in
// lexical order: every regular file but sw.js itself and dot files, in
// subdirectories too. It also returns the build's version: the first 16 hex
// digits of a SHA-256 over every path and digest, which changes whenever a
// file is added, removed, renamed or changed.
func Manifest(site string) ([]Entry, string, error) {
	var files []Entry
	err := filepath.WalkDir(site, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != site && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(site, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() || rel == SWName {
			return nil
		}
		sum, err := digest(path)
		if err != nil {
			return err
		}
		files = append(files, Entry{Path: rel, Integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum)})
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("listing the site's files: %w", err)
	}
	h := sha256.New()
	for _, f := range files { // WalkDir goes in lexical order
		fmt.Fprintf(h, "%s %s\n", f.Path, f.Integrity)
	}
	return files, hex.EncodeToString(h.Sum(nil))[:16], nil
}

// digest returns the SHA-256 of the file at path.
func digest(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// swData fills the template web/sw.js.
type swData struct {
	Version string
	Files   []Entry
}

// WriteSW writes site/sw.js from web/sw.js, with the Manifest of site. In
// the template, {{json .Version}} and {{json .Files}} are the version and
// the list of files as JavaScript literals.
func WriteSW(web, site string) error {
	files, version, err := Manifest(site)
	if err != nil {
		return err
	}
	t, err := template.New(SWName).Funcs(template.FuncMap{"json": jsLiteral}).
		ParseFiles(filepath.Join(web, SWName))
	if err != nil {
		return fmt.Errorf("reading the service worker's template: %w", err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, swData{Version: version, Files: files}); err != nil {
		return fmt.Errorf("filling %s: %w", filepath.Join(web, SWName), err)
	}
	return os.WriteFile(filepath.Join(site, SWName), b.Bytes(), 0o644)
}

// jsLiteral writes v as JSON, which JavaScript reads as a literal; a list
// goes one element a line. JSON escapes <, > and & too, so nothing in a file
// name can end the script.
func jsLiteral(v any) (string, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	return string(b), err
}
