//go:build !js

package main

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"bibun/wasm/app/text"
)

// TestStringTables reads every string table of the views (a var of type
// text.Table at the top of a file of wasm/app/view) from the source, as
// vecty cannot be loaded outside a browser, and checks that:
//
//   - it has an English and a Japanese row, with the same fields, entries
//     and functions, and every field of its struct set in both;
//   - no string is empty, and each return of a function says something;
//   - every Japanese string holds hiragana, katakana or kanji, unless it
//     is notation (text.Symbolic: numbers, symbols, names such as W1);
//     for a function, the text it adds around its arguments, in each of
//     its returns, must.
func TestStringTables(t *testing.T) {
	tables := 0
	for name, f := range views(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok || len(spec.Values) != 1 {
				return true
			}
			lit, ok := spec.Values[0].(*ast.CompositeLit)
			if !ok {
				return true
			}
			idx, ok := lit.Type.(*ast.IndexExpr)
			if !ok {
				return true
			}
			if sel, ok := idx.X.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Table" {
				return true
			}
			tables++
			checkTable(t, name+": "+spec.Names[0].Name, idx.Index, lit)
			return false
		})
	}
	if tables < 20 {
		t.Errorf("found %d string tables in view/, want one per view with text (about 26)", tables)
	}
}

// leaf is one string of a row, or the text a function's return adds.
type leaf struct {
	path, text string
	fn         bool // a return of a function
}

// checkTable checks one table, whose element type is typ.
func checkTable(t *testing.T, name string, typ ast.Expr, lit *ast.CompositeLit) {
	t.Helper()
	rows := map[text.Lang][]leaf{}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		sel, isSel := kv.Key.(*ast.SelectorExpr)
		if !ok || !isSel {
			t.Errorf("%s: a row not keyed text.English or text.Japanese", name)
			continue
		}
		lang, known := map[string]text.Lang{"English": text.English, "Japanese": text.Japanese}[sel.Sel.Name]
		if !known {
			t.Errorf("%s: a row keyed %s", name, sel.Sel.Name)
			continue
		}
		if st, ok := typ.(*ast.StructType); ok {
			set := map[string]bool{}
			for _, e := range kv.Value.(*ast.CompositeLit).Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					set[kv.Key.(*ast.Ident).Name] = true
				}
			}
			for _, field := range st.Fields.List {
				for _, n := range field.Names {
					if !set[n.Name] {
						t.Errorf("%s: %s.%s is not set", name, lang, n.Name)
					}
				}
			}
		}
		rows[lang] = leaves(kv.Value, "")
	}
	en, ja := rows[text.English], rows[text.Japanese]
	if en == nil || ja == nil {
		t.Errorf("%s: %d English and %d Japanese strings; want both", name, len(en), len(ja))
		return
	}
	paths := func(ls []leaf) []string { // a function once, whatever its returns
		var out []string
		for _, l := range ls {
			p, _, _ := strings.Cut(l.path, "#")
			if len(out) == 0 || out[len(out)-1] != p {
				out = append(out, p)
			}
		}
		return out
	}
	if !slices.Equal(paths(en), paths(ja)) {
		t.Errorf("%s: English has %v, Japanese %v", name, paths(en), paths(ja))
	}
	for lang, ls := range rows {
		for _, l := range ls {
			switch {
			case l.text == "" && !l.fn:
				t.Errorf("%s: %s%s is empty", name, lang, l.path)
			case strings.TrimSpace(l.text) == "" && l.fn && lang == text.Japanese:
				t.Errorf("%s: %s%s returns its arguments alone", name, lang, l.path)
			case lang == text.Japanese && !text.HasJapanese(l.text) && !text.Symbolic(l.text):
				t.Errorf("%s: %s%s = %q has no Japanese", name, lang, l.path, l.text)
			}
		}
	}
}

// leaves returns the strings of e, a row or a part of one, at path: string
// literals and their sums, and for each function literal the literals of
// each of its returns, joined.
func leaves(e ast.Expr, path string) []leaf {
	switch e := e.(type) {
	case *ast.CompositeLit:
		var out []leaf
		for i, el := range e.Elts {
			p := path + "[" + strconv.Itoa(i) + "]"
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				p, el = path+"."+exprString(kv.Key), kv.Value
			}
			out = append(out, leaves(el, p)...)
		}
		return out
	case *ast.FuncLit:
		var out []leaf
		n := 0
		ast.Inspect(e.Body, func(x ast.Node) bool {
			if r, ok := x.(*ast.ReturnStmt); ok {
				var parts []string
				for _, res := range r.Results {
					parts = append(parts, literals(res)...)
				}
				out = append(out, leaf{path: path + "()#" + strconv.Itoa(n), text: strings.Join(parts, " "), fn: true})
				n++
			}
			return true
		})
		return out
	}
	return []leaf{{path: path, text: strings.Join(literals(e), "")}}
}

// literals returns the string literals in e.
func literals(e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(x ast.Node) bool {
		if b, ok := x.(*ast.BasicLit); ok && b.Kind == token.STRING {
			s, _ := strconv.Unquote(b.Value)
			out = append(out, s)
		}
		return true
	})
	return out
}

// exprString returns a key as written: Title, spec.Numerical, "happy".
func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.BasicLit:
		return e.Value
	}
	return "?"
}
