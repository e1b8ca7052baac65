package browser

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// The derivative views: [data-testid=wiggle] (a card with data-state,
// data-step, data-param and data-h; cells td[data-col] with data-value:
// theta, plus, minus, loss-plus, loss-minus, diff, quotient, backprop,
// rel-err, digits-lost; the greyed digits of the losses in span.shared;
// its trail chart [data-testid=wiggle-trail]; the controls wiggle-tensor,
// wiggle-index and the log slider wiggle-h), [data-testid=weights] (a
// card with data-state and data-step; one img[data-unit] per hidden
// unit), and [data-testid=bug] (data-state none, hidden or revealed;
// buttons reveal-bug and plant-bug; [data-testid=bug-name] with data-bug,
// once revealed), with [data-testid=bug-banner] beside the run.

// Cells returns the cells td[data-col][data-value] of the view
// [data-testid=id]: data-col → data-value.
func (t *Tab) Cells(id string) (map[string]string, error) {
	return Eval[map[string]string](t, `Object.fromEntries([...`+Element(id)+`?.querySelectorAll('td[data-col][data-value]') ?? []]
		.map(td => [td.dataset.col, td.dataset.value]))`)
}

// Tile is one tile of the weights picture.
type Tile struct {
	Unit          int     // data-unit
	Src           string  // its picture, a data URI
	Width, Height float64 // its size on the page, CSS pixels
	X, Y          float64 // its top left corner in the viewport, CSS pixels
}

// Tiles returns the tiles of the weights picture, in page order.
func (t *Tab) Tiles() ([]Tile, error) {
	raw, err := Eval[string](t, `JSON.stringify([...`+Element("weights")+`?.querySelectorAll('img[data-unit]') ?? []].map(img => {
		const r = img.getBoundingClientRect();
		return {unit: img.dataset.unit, src: img.src, w: r.width, h: r.height, x: r.left, y: r.top};
	}))`)
	if err != nil {
		return nil, err
	}
	var tiles []struct {
		Unit       string
		Src        string
		W, H, X, Y float64
	}
	if err := json.Unmarshal([]byte(raw), &tiles); err != nil {
		return nil, fmt.Errorf("reading the weights' tiles: %w", err)
	}
	out := make([]Tile, len(tiles))
	for i, x := range tiles {
		u, err := strconv.Atoi(x.Unit)
		if err != nil {
			return nil, fmt.Errorf("tile %d: data-unit %q is not a number", i, x.Unit)
		}
		out[i] = Tile{Unit: u, Src: x.Src, Width: x.W, Height: x.H, X: x.X, Y: x.Y}
	}
	return out, nil
}
