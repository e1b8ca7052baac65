package sitegen

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"bibun/nn/spec"
	"bibun/wasm/app/tile"
)

// The link preview's picture (og:image) says what the page is about at a
// glance: on the left its name and what it does; on the right the first
// training samples of the article's data as the page draws them, noise or
// flat grey, the two classes the network learns to tell apart; along the
// bottom one loss curve reached three ways against time on a log scale, the
// same descent by backprop in a tenth of a second, by incremental
// differences in seconds and by the article's numerical differences in
// minutes.
//
// Go's fonts (gofont) have no kanji, so 微分 stays out of the picture; the
// title beside it in a preview carries it.

// The picture's size: the 1.91:1 that Open Graph and Twitter cards show.
const (
	OGWidth  = 1200
	OGHeight = 630
)

// Colours of the page (site/style.css).
var (
	paper = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	ink   = color.RGBA{0x1f, 0x23, 0x28, 0xff}
	muted = color.RGBA{0x5b, 0x63, 0x6e, 0xff}
	rule  = color.RGBA{0x9a, 0x96, 0x8d, 0xff} // svg .axis
	frame = color.RGBA{0xe3, 0xe0, 0xd8, 0xff} // --line
	teal  = color.RGBA{0x2f, 0x6f, 0x73, 0xff} // --accent, --backprop
)

// methods are the three ways to the same gradient, each with the time one
// step of the article's settings took in Chromium with one worker (the
// README's benchmark table, make bench of 2026-11-30) and its colour in the
// page's cost chart. The picture shows their ratio, not the digits.
var methods = []struct {
	name, step string
	seconds    float64
	color      color.RGBA
}{
	{"backprop", "0.5 ms a step", 0.0005, teal},
	{"incremental", "20 ms a step", 0.020, color.RGBA{0x7b, 0x5e, 0xa7, 0xff}},
	{"numerical", "6.4 s a step", 6.42, color.RGBA{0xb3, 0x26, 0x1e, 0xff}},
}

// WriteOG draws the preview picture into site/og.png.
func WriteOG(site string) error {
	b, err := OGImage()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(site, OGName), b, 0o644)
}

// OGImage returns the preview picture as a PNG: the same bytes on every call
// (for one version of Go's PNG encoder).
func OGImage() ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, drawOG()); err != nil {
		return nil, fmt.Errorf("encoding %s: %w", OGName, err)
	}
	return b.Bytes(), nil
}

func drawOG() *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, OGWidth, OGHeight))
	draw.Draw(m, m.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	fill(m, image.Rect(0, 0, 14, OGHeight), teal)

	const left, right = 64, OGWidth - 64
	title, body, small, label := face(gobold.TTF, 128), face(goregular.TTF, 40), face(goregular.TTF, 23), face(gobold.TTF, 26)
	write(m, title, ink, left, 172, "bibun")
	for i, line := range []string{"A neural network that learns", "by numerical differentiation,", "in your browser."} {
		write(m, body, ink, left, 240+50*i, line)
	}
	drawSamples(m, right, 64, small)

	// The chart: loss against the time the steps took, log scale.
	write(m, small, muted, left, 408, "the same 15 steps, three ways to the gradient: time taken in the browser (log scale) →")
	plot := image.Rect(left, 424, right, 558)
	const decade0, decade1 = -3.5, 2.2 // log10 seconds at the plot's edges: 0.3 ms, 160 s
	xOf := func(seconds float64) float64 {
		return float64(plot.Min.X) + (math.Log10(seconds)-decade0)/(decade1-decade0)*float64(plot.Dx())
	}
	const loss0, loss1 = 0.66, 0.17 // the losses at the plot's top and bottom
	yOf := func(loss float64) float64 {
		return float64(plot.Min.Y) + (loss0-loss)/(loss0-loss1)*float64(plot.Dy())
	}
	fill(m, image.Rect(plot.Min.X, plot.Max.Y+4, plot.Max.X, plot.Max.Y+6), rule)
	for d, tick := range []string{"1 ms", "10 ms", "0.1 s", "1 s", "10 s", "100 s"} {
		x := int(math.Round(xOf(math.Pow(10, float64(d-3)))))
		fill(m, image.Rect(x-1, plot.Max.Y+6, x+1, plot.Max.Y+14), rule)
		write(m, small, muted, x-width(small, tick)/2, plot.Max.Y+40, tick)
	}
	for _, meth := range methods {
		pts := make([][2]float64, len(spec.ArticleLog))
		for k, s := range spec.ArticleLog {
			pts[k] = [2]float64{xOf(float64(k+1) * meth.seconds), yOf(s.Loss)}
		}
		stroke(m, pts, 5, meth.color)
		// The name under the curve's start, where the curve is not yet.
		start := int(math.Round(pts[0][0]))
		write(m, label, meth.color, start+6, plot.Max.Y-30, meth.name)
		write(m, small, muted, start+6, plot.Max.Y-4, meth.step)
	}
	return m
}

// drawSamples draws training samples of the article's data (seed 1) as
// the page does, flat ones in the top row and noise in the bottom one, each
// row named on its left, ending at x = right, from y = top; and a caption
// under them. The flat samples are picked for three different greys.
func drawSamples(m *image.RGBA, right, top int, f font.Face) {
	rows := []struct {
		name  string
		picks []int // sample indices: n holds sample n+1, whose flat grey is ((n+1) mod 100)/10
	}{
		{"flat", []int{20, 50, 80}},
		{"noise", []int{21, 51, 81}},
	}
	cfg := spec.Config{Train: 82, Size: 256, Seed: 1}
	samples := cfg.TrainingSamples()
	r, c := tile.Shape(samples.S)
	const scale, gap = 7, 16 // screen pixels a value; between tiles
	w, h := c*scale, r*scale
	x0 := right - 3*w - 2*gap
	for j, row := range rows {
		y := top + j*(h+gap)
		write(m, f, muted, x0-gap-width(f, row.name), y+h/2+8, row.name)
		for i, n := range row.picks {
			x := x0 + i*(w+gap)
			fill(m, image.Rect(x-2, y-2, x+w+2, y+h+2), frame)
			for k, v := range samples.Row(n) {
				g := tile.Grey(v)
				px, py := x+(k%c)*scale, y+(k/c)*scale
				fill(m, image.Rect(px, py, px+scale, py+scale), color.RGBA{g, g, g, 0xff})
			}
		}
	}
	line := "two classes, 256 inputs a sample"
	write(m, f, muted, right-width(f, line), top+2*h+gap+36, line)
}

// face returns a face of the TrueType font ttf at size pixels. The fonts are
// Go's own, compiled in, so failing to parse one is a bug: face panics.
func face(ttf []byte, size float64) font.Face {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err)
	}
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	return fc
}

// write draws s in f and colour c with its baseline starting at (x, y).
func write(m *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: m, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// width returns the advance of s in f, in whole pixels.
func width(f font.Face, s string) int {
	return font.MeasureString(f, s).Round()
}

// fill paints r in colour c.
func fill(m *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(m, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// stroke draws the polyline pts, w pixels wide with round joins and ends,
// antialiased: each segment a quadrilateral and each point a disc, drawn
// one over another.
func stroke(m *image.RGBA, pts [][2]float64, w float64, c color.Color) {
	r := w / 2
	for i, p := range pts {
		var shape [][2]float64
		const sides = 24
		for k := range sides {
			a := 2 * math.Pi * float64(k) / sides
			shape = append(shape, [2]float64{p[0] + r*math.Cos(a), p[1] + r*math.Sin(a)})
		}
		polygon(m, shape, c)
		if i == 0 {
			continue
		}
		q := pts[i-1]
		dx, dy := p[0]-q[0], p[1]-q[1]
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*r, dx/l*r // the segment's normal, r long
		polygon(m, [][2]float64{{q[0] + nx, q[1] + ny}, {p[0] + nx, p[1] + ny}, {p[0] - nx, p[1] - ny}, {q[0] - nx, q[1] - ny}}, c)
	}
}

// polygon fills the closed polygon pts in colour c, antialiased.
func polygon(m *image.RGBA, pts [][2]float64, c color.Color) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, minY = math.Min(minX, p[0]), math.Min(minY, p[1])
		maxX, maxY = math.Max(maxX, p[0]), math.Max(maxY, p[1])
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(m.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	at := func(p [2]float64) (float32, float32) {
		return float32(p[0]) - float32(box.Min.X), float32(p[1]) - float32(box.Min.Y)
	}
	z.MoveTo(at(pts[0]))
	for _, p := range pts[1:] {
		z.LineTo(at(p))
	}
	z.ClosePath()
	z.Draw(m, box, image.NewUniform(c), image.Point{})
}
