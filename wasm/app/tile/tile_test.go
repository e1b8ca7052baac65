package tile

import (
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"
)

func TestShape(t *testing.T) {
	for s, want := range map[int][2]int{1: {1, 1}, 7: {1, 7}, 12: {3, 4}, 16: {4, 4}, 256: {16, 16}, 1000: {25, 40}, 1024: {32, 32}} {
		if r, c := Shape(s); r != want[0] || c != want[1] {
			t.Errorf("Shape(%d) = %d×%d, want %d×%d", s, r, c, want[0], want[1])
		}
	}
}

func TestDataURI(t *testing.T) {
	x := []float64{-5, Black, 3.5, White, 20, 0}
	uri := DataURI(x)
	data, ok := strings.CutPrefix(uri, "data:image/bmp;base64,")
	if !ok {
		t.Fatalf("DataURI = %.40q…, not a BMP data URI", uri)
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		t.Fatal(err)
	}
	// Read the BMP by its specification: a 3×2 picture, 8 bits a pixel,
	// rows of 4 bytes (3 padded) stored bottom-up after the palette.
	le := binary.LittleEndian
	if string(raw[:2]) != "BM" || int(le.Uint32(raw[2:])) != len(raw) {
		t.Fatalf("not a BMP file of its own length: % x", raw[:6])
	}
	w, h, bpp := le.Uint32(raw[18:]), le.Uint32(raw[22:]), le.Uint16(raw[28:])
	if w != 3 || h != 2 || bpp != 8 {
		t.Fatalf("picture is %d×%d at %d bits, want 3 wide, 2 high, 8 bits", w, h, bpp)
	}
	pixels := raw[le.Uint32(raw[10:]):]
	if len(pixels) != 8 {
		t.Fatalf("%d bytes of pixels, want 2 rows of 4", len(pixels))
	}
	want := []uint8{0, 0, 128, 255, 255, 59}
	for i, w := range want {
		row, col := i/3, i%3
		g := pixels[(1-row)*4+col]
		if pal := raw[54+4*int(g):]; pal[0] != g || pal[1] != g || pal[2] != g {
			t.Fatalf("palette entry %d is not grey %d: % x", g, g, pal[:4])
		}
		if g != w {
			t.Errorf("pixel %d (value %g) is grey %d, want %d", i, x[i], g, w)
		}
	}
}
