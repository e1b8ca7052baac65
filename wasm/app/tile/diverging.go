package tile

import "math"

// The diverging scale of weights: Negative at the most negative, Zero at
// zero, Positive at the most positive (ColorBrewer's RdBu ends and middle),
// in Steps colours each side of zero.
var (
	Negative = [3]byte{0x21, 0x66, 0xac} // blue
	Zero     = [3]byte{0xf7, 0xf7, 0xf7} // near white
	Positive = [3]byte{0xb2, 0x18, 0x2b} // red
)

// Steps is how many colours the diverging scale has on each side of zero:
// enough for a smooth ramp, few enough that a picture's palette (2·Steps+1
// entries of 4 bytes) stays smaller than a 16×16 picture's pixels.
const Steps = 32

// diverging is the palette: index Steps is zero, 0 the most negative.
var diverging = func() [][3]byte {
	p := make([][3]byte, 2*Steps+1)
	for i := range p {
		p[i] = Color(float64(i-Steps) / Steps)
	}
	return p
}()

// Color returns the colour of t in [−1, 1] on the diverging scale (t
// beyond it takes the end's colour).
func Color(t float64) [3]byte {
	t = min(max(t, -1), 1)
	end := Positive
	if t < 0 {
		end, t = Negative, -t
	}
	var c [3]byte
	for k := range c {
		c[k] = byte(math.Round(float64(Zero[k]) + t*(float64(end[k])-float64(Zero[k]))))
	}
	return c
}

// Diverging returns levels as a picture in a data URI, row-major in the
// Shape of len(levels), coloured on the diverging scale: a level is
// 128 + 127·t for t in [−1, 1] (msg.Weights' one byte a weight), so 128 is
// zero, 1 the most negative and 255 the most positive. It panics if levels
// is empty.
func Diverging(levels []byte) string {
	if len(levels) == 0 {
		panic("tile: no values")
	}
	return dataURI(bmp8(levels, diverging, &divergingIndex))
}

// divergingIndex maps a level to its colour in the palette: the level's
// t = (level − 128)/127 rounded to the nearest of the Steps on its side.
var divergingIndex = func() (idx [256]byte) {
	for v := range idx {
		idx[v] = byte(Steps + int(math.Round((float64(v)-128)*Steps/127)))
	}
	return idx
}()
