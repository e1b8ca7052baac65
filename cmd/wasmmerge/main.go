// Command wasmmerge rewrites js/wasm binaries in place so that they gzip
// well: it joins the data segments Go's linker writes apart across short
// runs of zeros (package internal/wasmdata). make build runs it on
// site/bibun.wasm; the memory the program starts with is unchanged.
//
//	go run ./cmd/wasmmerge site/bibun.wasm
package main

import (
	"fmt"
	"os"

	"bibun/internal/wasmdata"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmmerge file.wasm...")
		os.Exit(2)
	}
	for _, path := range os.Args[1:] {
		if err := wasmdata.MergeFile(path); err != nil {
			fmt.Fprintf(os.Stderr, "wasmmerge: %v\n", err)
			os.Exit(1)
		}
	}
}
