package qr

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// The codes are read back with another library's decoder (gozxing, a port
// of ZXing), from a picture drawn from nothing but the SVG path.

func TestEncodeDecodes(t *testing.T) {
	for _, text := range []string{
		"http://localhost:8080/#v=1&grad=incremental&size=256&hidden=64&batch=100&lr=0.1&h=0.0001&steps=15&train=300&test=200&std=0.01&seed=1",
		"https://example.org/bibun/#v=1&grad=numerical&size=16&hidden=4&lang=ja&lock=lr,h&hide=intro",
		"x",
	} {
		c, err := Encode(text)
		if err != nil {
			t.Fatalf("Encode(%q): %v", text, err)
		}
		if got := decode(t, c); got != text {
			t.Errorf("decoded %q, want %q", got, text)
		}
	}
}

func TestEncodeQuietZone(t *testing.T) {
	c, err := Encode("bibun")
	if err != nil {
		t.Fatal(err)
	}
	// Version 1 is 21 modules; the quiet zone adds 4 on each side.
	if c.Size != 21+2*Quiet {
		t.Errorf("Size = %d, want %d", c.Size, 21+2*Quiet)
	}
	for _, r := range rects(t, c.Path) {
		if r.Min.X < Quiet || r.Min.Y < Quiet || r.Max.X > c.Size-Quiet || r.Max.Y > c.Size-Quiet {
			t.Fatalf("module %v inside the quiet zone", r)
		}
	}
}

func TestEncodeTooLong(t *testing.T) {
	if _, err := Encode(strings.Repeat("é", 3000)); err != ErrTooLong {
		t.Errorf("Encode of 6000 bytes: %v, want ErrTooLong", err)
	}
}

var rectRE = regexp.MustCompile(`^M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// rects parses the path back into its rectangles, in modules.
func rects(t *testing.T, path string) []image.Rectangle {
	t.Helper()
	var rs []image.Rectangle
	for path != "" {
		m := rectRE.FindStringSubmatch(path)
		if m == nil || m[3] != m[4] {
			t.Fatalf("path does not go on as M x y h n v1 h-n z: %.40q", path)
		}
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		rs = append(rs, image.Rect(x, y, x+n, y+1))
		path = path[len(m[0]):]
	}
	return rs
}

// decode draws c at 6 pixels a module and reads it with gozxing.
func decode(t *testing.T, c Code) string {
	t.Helper()
	const px = 6
	img := image.NewGray(image.Rect(0, 0, c.Size*px, c.Size*px))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, r := range rects(t, c.Path) {
		for y := r.Min.Y * px; y < r.Max.Y*px; y++ {
			for x := r.Min.X * px; x < r.Max.X*px; x++ {
				img.SetGray(x, y, color.Gray{})
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("gozxing could not read the code: %v", err)
	}
	return res.GetText()
}
