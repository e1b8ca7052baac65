package tile

import (
	"bytes"
	"encoding/base64"
	"image/png"
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
	data, ok := strings.CutPrefix(uri, "data:image/png;base64,")
	if !ok {
		t.Fatalf("DataURI = %.40q…, not a PNG data URI", uri)
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 3 || b.Dy() != 2 {
		t.Fatalf("picture is %d×%d, want 3 wide, 2 high", b.Dx(), b.Dy())
	}
	want := []uint8{0, 0, 128, 255, 255, 59}
	for i, w := range want {
		g, _, _, _ := img.At(i%3, i/3).RGBA()
		if uint8(g>>8) != w {
			t.Errorf("pixel %d (value %g) is grey %d, want %d", i, x[i], g>>8, w)
		}
	}
}
