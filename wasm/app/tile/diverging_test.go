package tile

import (
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"
)

// TestDiverging reads a picture of weights back by the BMP specification:
// a 2×2 picture (Shape(4)), its 65-colour palette, and each level's colour.
func TestDiverging(t *testing.T) {
	levels := []byte{1, 128, 255, 192} // −1, 0, +1, about +½
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(Diverging(levels), "data:image/bmp;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if string(raw[:2]) != "BM" || int(le.Uint32(raw[2:])) != len(raw) {
		t.Fatalf("not a BMP file of its own length: % x", raw[:6])
	}
	if w, h, colours := le.Uint32(raw[18:]), le.Uint32(raw[22:]), le.Uint32(raw[46:]); w != 2 || h != 2 || colours != 2*Steps+1 {
		t.Fatalf("%d×%d with %d colours, want 2×2 with %d", w, h, colours, 2*Steps+1)
	}
	start := le.Uint32(raw[10:])
	if start != 54+4*(2*Steps+1) {
		t.Fatalf("pixels start at %d", start)
	}
	colour := func(i int) [3]byte { // the colour of pixel i, row-major from the top
		row, col := i/2, i%2
		idx := raw[int(start)+(1-row)*4+col]
		p := raw[54+4*int(idx):]
		return [3]byte{p[2], p[1], p[0]}
	}
	// 192 is +64/127 ≈ 0.504 of the way: 16 of the 32 steps to Positive.
	want := [][3]byte{Negative, Zero, Positive, Color(16.0 / Steps)}
	for i, w := range want {
		if got := colour(i); got != w {
			t.Errorf("level %d: colour %v, want %v", levels[i], got, w)
		}
	}
	if c := Color(0.5); c[0] <= c[2] || c == Zero {
		t.Errorf("half way to positive is %v: not reddish", c)
	}
	if Color(-2) != Negative || Color(2) != Positive || Color(0) != Zero {
		t.Error("the scale's ends and middle are not Negative, Positive and Zero")
	}
}

// BenchmarkDiverging512 draws the weights of H = 512 units of S = 256, as
// the page does after every step at the largest hidden layer.
func BenchmarkDiverging512(b *testing.B) {
	levels := make([]byte, 256)
	for i := range levels {
		levels[i] = byte(i*37 + 11)
	}
	for b.Loop() {
		for range 512 {
			Diverging(levels)
		}
	}
}
