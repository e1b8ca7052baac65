package simd

import (
	"encoding/binary"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestImportsMatchKernels checks that every //go:wasmimport of
// simd_wasm.go names a function that kernels.wasm exports, with the same
// parameter and result types. The hosts pass calls through JavaScript,
// which would not notice a mismatch: it would drop or zero arguments.
func TestImportsMatchKernels(t *testing.T) {
	bin, err := os.ReadFile("kernels.wasm")
	if err != nil {
		t.Fatal(err)
	}
	exports, err := wasmExports(bin)
	if err != nil {
		t.Fatalf("kernels.wasm: %v", err)
	}
	imports := goImports(t, "simd_wasm.go")
	if len(imports) == 0 {
		t.Fatal("simd_wasm.go declares no //go:wasmimport bibun_simd functions")
	}
	for name, want := range imports {
		got, ok := exports[name]
		if !ok {
			t.Errorf("simd_wasm.go imports bibun_simd.%s, which kernels.wasm does not export", name)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("bibun_simd.%s: kernels.wasm has %v, simd_wasm.go declares %v", name, got, want)
		}
	}
}

// signature is a WebAssembly function type, as value type names.
type signature struct{ params, results []string }

// goImports returns the signatures of the functions that file imports from
// the module bibun_simd, by import name.
func goImports(t *testing.T, file string) map[string]signature {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	wasmType := func(e ast.Expr) string {
		switch s := typeString(e); s {
		case "int32", "uint32", "unsafe.Pointer":
			return "i32"
		case "int64", "uint64":
			return "i64"
		case "float32":
			return "f32"
		case "float64":
			return "f64"
		default:
			t.Fatalf("%s: no WebAssembly type for %s", file, s)
			return ""
		}
	}
	out := map[string]signature{}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Doc == nil {
			continue
		}
		for _, c := range fn.Doc.List {
			fields := strings.Fields(c.Text)
			if len(fields) != 3 || fields[0] != "//go:wasmimport" || fields[1] != "bibun_simd" {
				continue
			}
			var sig signature
			for _, p := range fn.Type.Params.List {
				for range max(1, len(p.Names)) {
					sig.params = append(sig.params, wasmType(p.Type))
				}
			}
			if fn.Type.Results != nil {
				for _, r := range fn.Type.Results.List {
					sig.results = append(sig.results, wasmType(r.Type))
				}
			}
			out[fields[2]] = sig
		}
	}
	return out
}

// typeString writes a parameter type expression as Go source.
func typeString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return typeString(e.X) + "." + e.Sel.Name
	default:
		return "?"
	}
}

// wasmExports returns the signatures of the functions a WebAssembly binary
// exports, by name. It reads the type, import, function and export
// sections and nothing else.
func wasmExports(bin []byte) (map[string]signature, error) {
	if len(bin) < 8 || string(bin[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly binary")
	}
	r := &reader{b: bin[8:]}
	var typ []signature
	var funcs []uint32 // type index of every function, imported ones first
	exports := map[string]signature{}
	valType := map[byte]string{0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128"}
	vec := func(r *reader, each func()) {
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			each()
		}
	}
	var exportList []struct {
		name string
		fn   uint32
	}
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		sec := &reader{b: r.bytes(int(r.u32()))}
		switch id {
		case 1: // types
			vec(sec, func() {
				if sec.byte() != 0x60 {
					sec.fail("a type that is not a function type")
				}
				var s signature
				vec(sec, func() { s.params = append(s.params, valType[sec.byte()]) })
				vec(sec, func() { s.results = append(s.results, valType[sec.byte()]) })
				typ = append(typ, s)
			})
		case 2: // imports
			vec(sec, func() {
				sec.bytes(int(sec.u32())) // module
				sec.bytes(int(sec.u32())) // name
				switch kind := sec.byte(); kind {
				case 0: // function
					funcs = append(funcs, sec.u32())
				case 2: // memory: limits
					if sec.byte()&1 != 0 {
						sec.u32()
					}
					sec.u32()
				default:
					sec.fail("an import of a table or global")
				}
			})
		case 3: // functions
			vec(sec, func() { funcs = append(funcs, sec.u32()) })
		case 7: // exports
			vec(sec, func() {
				name := string(sec.bytes(int(sec.u32())))
				kind, index := sec.byte(), sec.u32()
				if kind == 0 {
					exportList = append(exportList, struct {
						name string
						fn   uint32
					}{name, index})
				}
			})
		}
		if sec.err != nil {
			return nil, sec.err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	for _, e := range exportList {
		if int(e.fn) >= len(funcs) || int(funcs[e.fn]) >= len(typ) {
			return nil, errors.New("an export of a function that does not exist")
		}
		exports[e.name] = typ[funcs[e.fn]]
	}
	return exports, nil
}

// reader reads a WebAssembly binary; its first error sticks.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = errors.New("unexpected " + what)
	}
	r.b = nil
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail("end of data")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.fail("end of data")
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) u32() uint32 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<32-1 {
		r.fail("LEB128 number")
		return 0
	}
	r.b = r.b[n:]
	return uint32(v)
}
