//go:build !js

package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// views parses every Go file of wasm/app/view but its tests, for the
// tests that read the views from their source (vecty cannot be loaded
// outside a browser), and returns them by file name.
func views(t *testing.T) map[string]*ast.File {
	t.Helper()
	paths, err := filepath.Glob("view/*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(path)] = f
	}
	if len(files) == 0 {
		t.Fatal("no Go file in view/")
	}
	return files
}
