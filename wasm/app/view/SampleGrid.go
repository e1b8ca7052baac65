package view

import (
	"slices"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/app/tile"
)

// SampleGrid shows the first training samples as pictures, with their
// labels and, after a step, what the network makes of them.
type SampleGrid struct {
	vecty.Core
	Samples []store.Sample `vecty:"prop"`
	Size    int            `vecty:"prop"` // S, values per sample
}

// Render implements vecty.Component.
func (g *SampleGrid) Render() vecty.ComponentOrHTML {
	r, c := tile.Shape(g.Size)
	tiles := make(vecty.List, len(g.Samples))
	for n, s := range g.Samples {
		tiles[n] = &SampleTile{Sample: s, Index: n + 1}
	}
	return elem.Section(vecty.Markup(vecty.Class("samples")),
		elem.Heading2(vecty.Text("Sample inputs")),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")),
			vecty.Text("The first "+strconv.Itoa(len(g.Samples))+" training samples, "+strconv.Itoa(g.Size)+" values each, drawn "+
				strconv.Itoa(r)+"×"+strconv.Itoa(c)+" from black (−3) to white (10).")),
		elem.OrderedList(vecty.Markup(vecty.Class("tiles"), vecty.Data("testid", "samples")), tiles),
	)
}

// SkipRender skips the grid while its samples and predictions stay the
// same: the store replaces Samples whenever one of them changes.
func (g *SampleGrid) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*SampleGrid)
	return ok && q.Size == g.Size && slices.Equal(q.Samples, g.Samples)
}
