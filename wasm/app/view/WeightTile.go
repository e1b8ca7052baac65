package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
)

// WeightTile is one hidden unit's incoming weights as a small picture,
// laid out as a sample is (Rows×Cols, row by row). A click on a weight
// picks it for the Wiggle view.
type WeightTile struct {
	vecty.Core
	Unit       int    `vecty:"prop"` // j, the hidden unit
	Hidden     int    `vecty:"prop"` // H: W1[i][j] is θ_(i·H + j)
	Rows, Cols int    `vecty:"prop"` // the picture's shape (tile.Shape(S))
	Px         int    `vecty:"prop"` // CSS pixels per weight
	Picture    string `vecty:"prop"` // a data URI
	Alt        string `vecty:"prop"`
	Picked     bool   `vecty:"prop"` // the Wiggle view's parameter is this unit's
}

// Render implements vecty.Component.
func (t *WeightTile) Render() vecty.ComponentOrHTML {
	return elem.Image(vecty.Markup(
		vecty.Class("weight-tile"), vecty.MarkupIf(t.Picked, vecty.Class("picked")),
		vecty.Data("unit", strconv.Itoa(t.Unit)), prop.Src(t.Picture), vecty.Property("alt", t.Alt), vecty.Attribute("title", t.Alt),
		vecty.Attribute("width", strconv.Itoa(t.Cols*t.Px)), vecty.Attribute("height", strconv.Itoa(t.Rows*t.Px)),
		event.Click(t.onPick),
	))
}

// SkipRender keeps a tile whose picture, shape and mark stay the same: at
// H = 512, a step redraws only the tiles that changed.
func (t *WeightTile) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*WeightTile)
	return ok && q.Unit == t.Unit && q.Hidden == t.Hidden && q.Rows == t.Rows && q.Cols == t.Cols && q.Px == t.Px &&
		q.Picture == t.Picture && q.Alt == t.Alt && q.Picked == t.Picked
}

// onPick picks the weight under the pointer: W1[i][Unit], i the input at
// that place of the picture.
func (t *WeightTile) onPick(e *vecty.Event) {
	w, h := e.Target.Get("clientWidth").Float(), e.Target.Get("clientHeight").Float()
	if w <= 0 || h <= 0 {
		return
	}
	col := min(max(int(e.Value.Get("offsetX").Float()/w*float64(t.Cols)), 0), t.Cols-1)
	row := min(max(int(e.Value.Get("offsetY").Float()/h*float64(t.Rows)), 0), t.Rows-1)
	i := row*t.Cols + col
	dispatcher.Dispatch(&action.Set{Key: "param", Value: strconv.Itoa(i*t.Hidden + t.Unit)})
}
