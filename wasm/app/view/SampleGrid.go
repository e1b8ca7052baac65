package view

import (
	"slices"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/app/tile"
)

// sampleGridText is every string SampleGrid shows; the functions take
// numbers already written for reading.
var sampleGridText = text.Table[struct {
	Title string
	About func(n, size, rows, cols string) string
}]{
	text.English: {
		Title: "Sample inputs",
		About: func(n, size, rows, cols string) string {
			return "The first " + n + " training samples, " + size + " values each, drawn " + rows + "×" + cols + " from black (−3) to white (10)."
		},
	},
	text.Japanese: {
		Title: "入力サンプル",
		About: func(n, size, rows, cols string) string {
			return "訓練データの最初の " + n + " 個です。各 " + size + " 個の値を " + rows + "×" + cols + " に並べ、黒（−3）から白（10）の濃淡で描いています。"
		},
	},
}

// SampleGrid shows the first training samples as pictures, with their
// labels and, after a step, what the network makes of them.
type SampleGrid struct {
	vecty.Core
	Samples []store.Sample `vecty:"prop"`
	Lang    text.Lang      `vecty:"prop"`
	Size    int            `vecty:"prop"` // S, values per sample
}

// Render implements vecty.Component.
func (g *SampleGrid) Render() vecty.ComponentOrHTML {
	r, c := tile.Shape(g.Size)
	tiles := make(vecty.List, len(g.Samples))
	for n, s := range g.Samples {
		tiles[n] = &SampleTile{Sample: s, Lang: g.Lang, Index: n + 1}
	}
	txt := sampleGridText[g.Lang]
	return elem.Section(vecty.Markup(vecty.Class("samples")),
		elem.Heading2(vecty.Text(txt.Title)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")),
			vecty.Text(txt.About(strconv.Itoa(len(g.Samples)), strconv.Itoa(g.Size), strconv.Itoa(r), strconv.Itoa(c)))),
		elem.OrderedList(vecty.Markup(vecty.Class("tiles"), vecty.Data("testid", "samples")), tiles),
	)
}

// SkipRender skips the grid while its samples and predictions stay the
// same: the store replaces Samples whenever one of them changes.
func (g *SampleGrid) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*SampleGrid)
	return ok && q.Size == g.Size && q.Lang == g.Lang && slices.Equal(q.Samples, g.Samples)
}
