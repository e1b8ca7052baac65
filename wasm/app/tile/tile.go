// Package tile draws a sample of the data as a small greyscale picture.
package tile

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The grey scale: Black and below are black, White and above white. Flat
// samples (0.0 … 9.9) are plain greys, noise (standard normal) is speckled.
const (
	Black = -3.0
	White = 10.0
)

// Shape returns the rows r and columns c of a picture of s values: the
// nearest rectangle r×c = s with r the largest divisor of s at most √s
// (16×16 for 256, 1×7 for 7).
func Shape(s int) (r, c int) {
	r = int(math.Sqrt(float64(s)))
	for r > 1 && s%r != 0 {
		r--
	}
	r = max(r, 1)
	return r, s / r
}

// Grey returns the grey level of value v.
func Grey(v float64) uint8 {
	t := (v - Black) / (White - Black)
	return uint8(math.Round(255 * min(max(t, 0), 1)))
}

// DataURI returns x, row-major in the Shape of len(x), as a PNG in a data
// URI for an img src. It panics if x is empty.
func DataURI(x []float64) string {
	r, c := Shape(len(x))
	img := image.NewGray(image.Rect(0, 0, c, r))
	for i, v := range x {
		img.SetGray(i%c, i/c, color.Gray{Y: Grey(v)})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
}
