// Package wasmdata rewrites the data section of a WebAssembly module so that
// it compresses well.
//
// Go's linker writes the initial contents of linear memory as many active
// data segments, starting a new one after every run of eight or more zero
// bytes, which keeps the raw file small. For js/wasm that is tens of
// thousands of segments: runtime.findfunctab alone, one 20-byte bucket per
// 4 kB of a "text" that js/wasm numbers 64 k addresses a function, is
// mostly zeros with two bytes set in each bucket, and becomes a segment per
// bucket, each with its own offset. gzip cannot predict those offsets; they
// were about a tenth of bibun.wasm gzipped. Merge joins segments whose gap
// is at most a given number of zero bytes, writing the zeros out; gzip
// shrinks the zeros to almost nothing and the offsets are gone.
//
// The memory a merged module starts with is byte for byte the memory the
// original starts with (TestMergeKeepsMemory): a gap holds zeros either
// way, since linear memory starts zeroed. Every other section is copied
// as it is.
package wasmdata

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
)

// Gap is the gap Merge is given for bibun.wasm: up to a kilobyte of zeros
// costs gzip a few bytes, fewer than the header and offset of a separate
// segment (gaps of 64 bytes to 4 kB give bibun.wasm the same gzipped size
// to within 0.01%; the raw file grows by a seventh).
const Gap = 1024

// Segment is an active data segment of memory 0: Data is written at Offset
// when the module is instantiated.
type Segment struct {
	Offset uint32
	Data   []byte
}

// The section ids this package reads or must keep consistent.
const (
	dataSection      = 11
	dataCountSection = 12
)

// magic is the header of a WebAssembly binary, version 1.
var magic = []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

// ErrNotWasm is returned for bytes that are not a WebAssembly module.
var ErrNotWasm = errors.New("wasmdata: not a WebAssembly module (version 1)")

// Merge returns module with its data segments merged wherever the zeros
// between two of them number at most gap. It returns an error, and no
// module, for a module it cannot rewrite faithfully: malformed, with a
// data count section, or with segments that are passive, of another
// memory, placed by an expression other than a constant, or overlapping
// (where writing a gap's zeros could undo another segment). Segments are
// written in order of offset; without overlaps, their order is immaterial.
func Merge(module []byte, gap int) ([]byte, error) {
	if !bytes.HasPrefix(module, magic) {
		return nil, ErrNotWasm
	}
	out := append([]byte(nil), magic...)
	r := reader{b: module, i: len(magic)}
	for r.i < len(r.b) {
		id, body, err := r.section()
		if err != nil {
			return nil, fmt.Errorf("wasmdata: %w", err)
		}
		switch id {
		case dataCountSection:
			return nil, errors.New("wasmdata: a data count section (bulk memory) is not supported")
		case dataSection:
			segs, err := Segments(body)
			if err != nil {
				return nil, err
			}
			if err := sortApart(segs); err != nil {
				return nil, err
			}
			body = encode(join(segs, gap))
		}
		out = append(out, id)
		out = uleb(out, uint32(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// sortApart sorts segs by offset, and returns an error if two overlap.
// (Go's linker writes them apart but not in order.)
func sortApart(segs []Segment) error {
	slices.SortStableFunc(segs, func(a, b Segment) int { return cmp.Compare(a.Offset, b.Offset) })
	for i := 1; i < len(segs); i++ {
		if prev := segs[i-1]; uint64(segs[i].Offset) < uint64(prev.Offset)+uint64(len(prev.Data)) {
			return fmt.Errorf("wasmdata: a segment at %d overlaps another at %d of %d bytes",
				segs[i].Offset, prev.Offset, len(prev.Data))
		}
	}
	return nil
}

// join merges consecutive segments whose gap is at most gap zero bytes;
// segs must be sorted and apart.
func join(segs []Segment, gap int) []Segment {
	gap = max(gap, 0)
	var out []Segment
	for _, s := range segs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			end := uint64(last.Offset) + uint64(len(last.Data))
			if zeros := uint64(s.Offset) - end; zeros <= uint64(gap) {
				last.Data = append(last.Data, make([]byte, zeros)...)
				last.Data = append(last.Data, s.Data...)
				continue
			}
		}
		out = append(out, Segment{Offset: s.Offset, Data: append([]byte(nil), s.Data...)})
	}
	return out
}

// MergeFile rewrites the module in the file at path with its segments
// merged across gaps of at most Gap zero bytes. Merging a merged module
// changes nothing, so make build may run it on a file go build left as it
// was.
func MergeFile(path string) error {
	in, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := Merge(in, Gap)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}
