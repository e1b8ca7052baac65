package wasmdata

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// module returns a module of a type section (one type, () → ()) and a data
// section of segs.
func module(segs []Segment) []byte {
	m := append([]byte(nil), magic...)
	m = append(m, 1, 4, 1, 0x60, 0, 0) // section 1, 4 bytes: one type, func () → ()
	body := encode(segs)
	m = append(m, dataSection)
	m = uleb(m, uint32(len(body)))
	return append(m, body...)
}

// memory returns the bytes that segs write into a zeroed memory, up to the
// end of the last.
func memory(segs []Segment) []byte {
	var mem []byte
	for _, s := range segs {
		if end := int(s.Offset) + len(s.Data); end > len(mem) {
			mem = append(mem, make([]byte, end-len(mem))...)
		}
		copy(mem[s.Offset:], s.Data)
	}
	return mem
}

// dataOf returns the segments of module's data section.
func dataOf(t *testing.T, module []byte) []Segment {
	t.Helper()
	r := reader{b: module, i: len(magic)}
	for r.i < len(r.b) {
		id, body, err := r.section()
		if err != nil {
			t.Fatal(err)
		}
		if id == dataSection {
			segs, err := Segments(body)
			if err != nil {
				t.Fatal(err)
			}
			return segs
		}
	}
	t.Fatal("no data section")
	return nil
}

func TestMergeByHand(t *testing.T) {
	in := module([]Segment{{0, []byte("ab")}, {10, []byte("c")}, {100, []byte("d")}, {101, []byte("e")}, {1 << 20, []byte("far")}})
	got, err := Merge(in, 8)
	if err != nil {
		t.Fatal(err)
	}
	// "ab" then 8 zeros then "c": one segment; "d" and "e" touch: one; "far"
	// is past the gap.
	want := module([]Segment{{0, []byte("ab\x00\x00\x00\x00\x00\x00\x00\x00c")}, {100, []byte("de")}, {1 << 20, []byte("far")}})
	if !bytes.Equal(got, want) {
		t.Errorf("Merge(gap 8):\n got % x\nwant % x", got, want)
	}
	// Out of order, apart: sorted, then merged the same.
	shuffled := module([]Segment{{1 << 20, []byte("far")}, {100, []byte("d")}, {0, []byte("ab")}, {101, []byte("e")}, {10, []byte("c")}})
	if got, err := Merge(shuffled, 8); err != nil || !bytes.Equal(got, want) {
		t.Errorf("Merge(shuffled, gap 8) = % x, %v; want % x", got, err, want)
	}
	// A negative gap merges only segments that touch.
	if got, err := Merge(in, -5); err != nil || len(dataOf(t, got)) != 4 {
		t.Errorf("gap -5: %v, %d segments; want the touching d and e joined, 4", err, len(dataOf(t, got)))
	}
	if got, _ := Merge(in, 7); len(dataOf(t, got)) != 4 {
		t.Errorf("gap 7 merged a gap of 8: %d segments", len(dataOf(t, got)))
	}
}

func TestMergeKeepsMemory(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var segs []Segment
		off := uint32(rng.IntN(3))
		for range rng.IntN(40) {
			data := make([]byte, 1+rng.IntN(6))
			for i := range data {
				data[i] = byte(rng.IntN(256))
			}
			segs = append(segs, Segment{off, data})
			off += uint32(len(data) + rng.IntN(30))
		}
		rng.Shuffle(len(segs), func(i, j int) { segs[i], segs[j] = segs[j], segs[i] })
		gap := rng.IntN(20)
		out, err := Merge(module(segs), gap)
		if err != nil {
			t.Fatal(err)
		}
		merged := dataOf(t, out)
		if !bytes.Equal(memory(merged), memory(segs)) {
			t.Fatalf("trial %d: the memory differs after merging with gap %d", trial, gap)
		}
		for i := 1; i < len(merged); i++ {
			end := int(merged[i-1].Offset) + len(merged[i-1].Data)
			if int(merged[i].Offset)-end <= gap {
				t.Fatalf("trial %d: segments %d and %d are %d apart, within the gap %d", trial, i-1, i, int(merged[i].Offset)-end, gap)
			}
		}
	}
}

func TestMergeRefuses(t *testing.T) {
	for name, in := range map[string][]byte{
		"not wasm":                  []byte("\x00asm\x02\x00\x00\x00"),
		"truncated":                 module([]Segment{{0, []byte("abc")}})[:20],
		"overlapping":               module([]Segment{{0, []byte("abc")}, {1, []byte("x")}}),
		"overlapping, out of order": module([]Segment{{50, []byte("abc")}, {48, []byte("xyz")}}),
		"passive":                   append(append([]byte(nil), magic...), dataSection, 4, 1, 1, 1, 'x'),
		"data count":                append(append([]byte(nil), magic...), dataCountSection, 1, 0),
	} {
		if out, err := Merge(in, 8); err == nil {
			t.Errorf("%s: merged into % x, want an error", name, out)
		}
	}
}

// TestMergedRuns builds testdata/hello for js/wasm, merges its segments, and
// runs it under node: it must print what the native program prints, and
// the merged file must gzip smaller with the memory it starts with unchanged.
func TestMergedRuns(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command(gobin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wasm := filepath.Join(dir, "hello.wasm")
	build := exec.Command(gobin, "build", "-trimpath", "-ldflags=-s", "-o", wasm, "./testdata/hello")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building hello for js/wasm: %v\n%s", err, out)
	}
	native, err := exec.Command(gobin, "run", "./testdata/hello").Output()
	if err != nil {
		t.Fatalf("running hello natively: %v", err)
	}
	in, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Merge(in, Gap)
	if err != nil {
		t.Fatal(err)
	}
	before, after := dataOf(t, in), dataOf(t, out)
	if !bytes.Equal(memory(before), memory(after)) {
		t.Fatal("merging changed the memory hello starts with")
	}
	if gz(t, out) >= gz(t, in) {
		t.Errorf("merged %d segments into %d, but the module gzips to %d bytes from %d", len(before), len(after), gz(t, out), gz(t, in))
	}
	t.Logf("%d segments → %d; gzipped %d → %d bytes", len(before), len(after), gz(t, in), gz(t, out))
	merged := filepath.Join(dir, "merged.wasm")
	if err := os.WriteFile(merged, out, 0o755); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm")
	run := exec.Command(node, filepath.Join(lib, "wasm_exec_node.js"), merged)
	got, err := run.Output()
	if err != nil {
		t.Fatalf("running the merged hello under node: %v", err)
	}
	if !bytes.Equal(got, native) || !bytes.HasPrefix(got, []byte("table ")) {
		t.Errorf("merged hello printed %q; natively %q", got, native)
	}
}

func gz(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func TestMergeFileTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.wasm")
	in := module([]Segment{{0, []byte("ab")}, {10, []byte("c")}, {5000, []byte("d")}})
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := MergeFile(path); err != nil {
		t.Fatal(err)
	}
	once, _ := os.ReadFile(path)
	if err := MergeFile(path); err != nil {
		t.Fatal(err)
	}
	twice, _ := os.ReadFile(path)
	if len(dataOf(t, once)) != 2 || !bytes.Equal(once, twice) {
		t.Errorf("merged once into %d segments (% x), twice into % x", len(dataOf(t, once)), once, twice)
	}
	if err := os.WriteFile(path, []byte("not wasm"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := MergeFile(path); err == nil {
		t.Error("MergeFile took a file that is not wasm")
	}
	if b, _ := os.ReadFile(path); string(b) != "not wasm" {
		t.Errorf("a refused file was rewritten: %q", b)
	}
}
