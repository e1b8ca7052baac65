// Package qr draws a QR code of a link as SVG path data, so that a phone at
// the back of a classroom can open the page's exact run. The code itself
// comes from rsc.io/qr; this package only turns its modules into one path,
// which is small to send to the DOM and scales without blurring.
package qr

import (
	"errors"
	"strconv"
	"strings"

	"rsc.io/qr"
)

// Quiet is the white margin the QR specification asks for around the code,
// in modules.
const Quiet = 4

// ErrTooLong is returned for a text longer than any QR code holds.
var ErrTooLong = errors.New("qr: the text is too long for a QR code")

// Code is a QR code ready to draw.
type Code struct {
	Size int    // modules on a side, with the quiet zone: the SVG viewBox is 0 0 Size Size
	Path string // SVG path data of the dark modules, one unit per module
}

// Encode returns the QR code of text at error-correction level M (15% of
// the code may be smudged or covered and it still reads), drawn as one
// path: each run of dark modules in a row is one rectangle.
func Encode(text string) (Code, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return Code{}, ErrTooLong
	}
	var b strings.Builder
	for y := range c.Size {
		for x := 0; x < c.Size; {
			if !c.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.Size && c.Black(x+run, y) {
				run++
			}
			// M x y h run v 1 h -run z: the run's rectangle.
			b.WriteString("M" + strconv.Itoa(x+Quiet) + " " + strconv.Itoa(y+Quiet) +
				"h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run
		}
	}
	return Code{Size: c.Size + 2*Quiet, Path: b.String()}, nil
}
