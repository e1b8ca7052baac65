//go:build !js

package main

import (
	"go/ast"
	"testing"
)

// TestEveryComponentCopies reads the views from the source (vecty cannot
// be loaded outside a browser) and checks that every component, a struct
// that embeds vecty.Core, has a Copy method (view/copy.go): without one,
// vecty's copy of it after each render holds the copy before, and every
// render of it stays in memory while the page is open.
func TestEveryComponentCopies(t *testing.T) {
	components := map[string]string{} // type name → file
	copies := map[string]bool{}
	for name, f := range views(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok {
					for _, field := range st.Fields.List {
						if sel, ok := field.Type.(*ast.SelectorExpr); ok && len(field.Names) == 0 && sel.Sel.Name == "Core" {
							components[n.Name.Name] = name
						}
					}
				}
			case *ast.FuncDecl:
				if n.Recv != nil && n.Name.Name == "Copy" && len(n.Recv.List) == 1 {
					if star, ok := n.Recv.List[0].Type.(*ast.StarExpr); ok {
						if id, ok := star.X.(*ast.Ident); ok {
							copies[id.Name] = true
						}
					}
				}
			}
			return true
		})
	}
	if len(components) < 40 {
		t.Errorf("found %d components in view/, want every one (about 46)", len(components))
	}
	for name, file := range components {
		if !copies[name] {
			t.Errorf("%s (%s) has no Copy method: add one to view/copy.go", name, file)
		}
	}
}
