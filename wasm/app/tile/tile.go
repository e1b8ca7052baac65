// Package tile draws a sample of the data as a small greyscale picture.
package tile

import (
	"encoding/base64"
	"encoding/binary"
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

// DataURI returns x, row-major in the Shape of len(x), as an 8-bit
// greyscale BMP in a data URI for an img src. It panics if x is empty.
//
// BMP, not PNG: it is a header and the raw grey levels, a few lines of
// code, where a PNG encoder would carry compress/flate into the page's
// WebAssembly for pictures of a kilobyte.
func DataURI(x []float64) string {
	if len(x) == 0 {
		panic("tile: no values")
	}
	return dataURI(bmp(x))
}

// bmp returns the BMP file of x in 256 greys.
func bmp(x []float64) []byte {
	pix := make([]byte, len(x))
	for i, v := range x {
		pix[i] = Grey(v)
	}
	return bmp8(pix, greys, nil)
}

// greys is the palette of 256 greys, black to white.
var greys = func() [][3]byte {
	p := make([][3]byte, 256)
	for g := range p {
		p[g] = [3]byte{byte(g), byte(g), byte(g)}
	}
	return p
}()

// bmp8 returns the BMP file of pix, row-major in the Shape of len(pix),
// each byte a palette index once mapped through lut (nil: as it is): a
// 14-byte file header, a 40-byte BITMAPINFOHEADER, the palette (red,
// green, blue each), then the rows bottom-up, each padded to a multiple
// of 4 bytes.
func bmp8(pix []byte, palette [][3]byte, lut *[256]byte) []byte {
	r, c := Shape(len(pix))
	headers, pal := 14+40, 4*len(palette)
	stride := (c + 3) &^ 3
	size := headers + pal + stride*r
	b := make([]byte, size)
	le := binary.LittleEndian
	copy(b, "BM")
	le.PutUint32(b[2:], uint32(size))
	le.PutUint32(b[10:], uint32(headers+pal)) // where the pixels start
	le.PutUint32(b[14:], 40)                  // BITMAPINFOHEADER
	le.PutUint32(b[18:], uint32(c))           // width
	le.PutUint32(b[22:], uint32(r))           // height; positive: bottom-up
	le.PutUint16(b[26:], 1)                   // planes
	le.PutUint16(b[28:], 8)                   // bits per pixel
	le.PutUint32(b[34:], uint32(stride*r))
	le.PutUint32(b[46:], uint32(len(palette))) // colours in the palette
	for i, rgb := range palette {
		p := b[headers+4*i:]
		p[0], p[1], p[2] = rgb[2], rgb[1], rgb[0] // stored blue, green, red
	}
	for row := range r {
		dst, src := b[headers+pal+(r-1-row)*stride:][:c], pix[row*c:(row+1)*c]
		if lut == nil {
			copy(dst, src)
			continue
		}
		for col, v := range src {
			dst[col] = lut[v]
		}
	}
	return b
}

// dataURI returns the BMP file b as a data URI.
func dataURI(b []byte) string {
	const prefix = "data:image/bmp;base64,"
	enc := base64.StdEncoding
	uri := make([]byte, len(prefix)+enc.EncodedLen(len(b)))
	copy(uri, prefix)
	enc.Encode(uri[len(prefix):], b)
	return string(uri)
}
