package sitegen

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

func TestOGImage(t *testing.T) {
	a, err := OGImage()
	if err != nil {
		t.Fatal(err)
	}
	b, err := OGImage()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two drawings of og.png differ")
	}
	m, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Bounds(); got != image.Rect(0, 0, 1200, 630) {
		t.Errorf("og.png is %v, want 1200×630", got)
	}
	// Not a blank: the picture holds the page's paper, ink and the three
	// methods' colours.
	seen := map[[3]uint32]bool{}
	for y := m.Bounds().Min.Y; y < m.Bounds().Max.Y; y++ {
		for x := m.Bounds().Min.X; x < m.Bounds().Max.X; x++ {
			r, g, b, _ := m.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, b >> 8}] = true
		}
	}
	for _, c := range []struct {
		what string
		rgb  [3]uint32
	}{
		{"paper", [3]uint32{0xfb, 0xfa, 0xf7}},
		{"ink", [3]uint32{0x1f, 0x23, 0x28}},
		{"backprop", [3]uint32{0x2f, 0x6f, 0x73}},
		{"incremental", [3]uint32{0x7b, 0x5e, 0xa7}},
		{"numerical", [3]uint32{0xb3, 0x26, 0x1e}},
	} {
		if !seen[c.rgb] {
			t.Errorf("og.png has no pixel of %s %x", c.what, c.rgb)
		}
	}
}
