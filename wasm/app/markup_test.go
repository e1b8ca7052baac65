//go:build !js

package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestNoRawHTML keeps the page from ever turning text into markup, so that
// nothing a link carries can become an element or a script: no Go file of
// the page or its workers (wasm/) may call vecty's UnsafeHTML or set
// innerHTML and the like through syscall/js, and no script of the site may
// write HTML or evaluate text. Everything shown goes through vecty.Text or
// textContent.
func TestNoRawHTML(t *testing.T) {
	root := ".." // wasm/
	visited := 0 // Go files read: a walk that reads none proves nothing
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		visited++
		ast.Inspect(f, func(n ast.Node) bool {
			if name := rawHTML(n); name != "" {
				t.Errorf("%s uses %s: show text with vecty.Text instead", path, name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The page alone (wasm/app and its packages) has dozens of Go files.
	if visited < 20 {
		t.Errorf("read %d Go files under %s, want the page's and workers' sources", visited, root)
	}

	js := regexp.MustCompile(`\.(innerHTML|outerHTML|insertAdjacentHTML|srcdoc)\b|document\.write|\beval\(|new Function\(`)
	site := filepath.Join(root, "..", "site")
	scripts, _ := filepath.Glob(filepath.Join(site, "*.js"))
	for _, path := range scripts {
		if filepath.Base(path) == "wasm_exec.js" { // Go's own, copied at build time
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range js.FindAllString(string(b), -1) {
			t.Errorf("%s uses %s: set textContent instead", path, m)
		}
	}
	if len(scripts) == 0 {
		t.Errorf("no scripts in %s", site)
	}
}

// rawHTML returns what n does that turns text into markup or code, or "":
// vecty.UnsafeHTML, or a syscall/js Get, Set or Call of a property such as
// innerHTML or eval.
func rawHTML(n ast.Node) string {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		if n.Sel.Name == "UnsafeHTML" {
			return n.Sel.Name
		}
	case *ast.CallExpr:
		fun, ok := n.Fun.(*ast.SelectorExpr)
		if !ok || len(n.Args) == 0 || !slices.Contains([]string{"Get", "Set", "Call"}, fun.Sel.Name) {
			return ""
		}
		if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			name, _ := strconv.Unquote(lit.Value)
			if slices.Contains(jsRisky, name) {
				return name
			}
		}
	}
	return ""
}

// jsRisky are the JavaScript properties and functions that turn text into
// markup or code.
var jsRisky = []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "srcdoc", "write", "writeln", "eval", "Function"}
