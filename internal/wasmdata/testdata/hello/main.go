// Command hello is a program for TestMergedRuns. Its table is initialised
// data with long runs of zeros, which Go's linker writes as separate data
// segments; it prints a checksum of the table, which must be the same
// natively, as js/wasm, and as js/wasm with its segments merged.
package main

import (
	"fmt"
	"hash/crc32"
)

var table = [...]byte{1: 7, 100: 9, 1000: 11, 4000: 13, 9000: 17, 9001: 19, 20000: 23}

func main() {
	fmt.Printf("table %08x, %d bytes\n", crc32.ChecksumIEEE(table[:]), len(table))
}
