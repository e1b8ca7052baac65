package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// seedText is every string SeedField shows.
var seedText = text.Table[struct{ Label, New string }]{
	text.English:  {Label: "Seed", New: "New seed"},
	text.Japanese: {Label: "シード", New: "新しいシード"},
}

// SeedField shows the seed of every random stream of the run (data,
// weights, batches) and a button that draws a new one.
type SeedField struct {
	vecty.Core
	Seed  uint64    `vecty:"prop"`
	Lang  text.Lang `vecty:"prop"`
	Edits int       `vecty:"prop"` // the store's count of settings changes
	Fixed string    `vecty:"prop"` // "fixed by this link" when the link locks it (fixedText); "" when open
}

// Render implements vecty.Component.
func (f *SeedField) Render() vecty.ComponentOrHTML {
	txt := seedText[f.Lang]
	return elem.Div(vecty.Markup(vecty.Class("control", "seed")),
		elem.Label(vecty.Markup(prop.For("ctl-seed")), vecty.Text(txt.Label)),
		elem.Div(vecty.Markup(vecty.Class("inline")),
			elem.Input(vecty.Markup(
				prop.ID("ctl-seed"), prop.Name("seed"), prop.Type(prop.TypeNumber),
				vecty.Attribute("min", "0"), vecty.Attribute("step", "1"), vecty.Attribute("inputmode", "numeric"),
				prop.Value(strconv.FormatUint(f.Seed, 10)),
				vecty.Property("disabled", f.Fixed != ""),
				event.Change(f.onChange),
			)),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Property("disabled", f.Fixed != ""),
				event.Click(f.onNewSeed)), vecty.Text(txt.New)),
		),
		fixedNote(f.Fixed),
	)
}

// SkipRender keeps what the visitor is typing until the setting changes.
func (f *SeedField) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*SeedField)
	return ok && p.Seed == f.Seed && p.Lang == f.Lang && p.Edits == f.Edits && p.Fixed == f.Fixed
}

func (f *SeedField) onChange(e *vecty.Event) {
	dispatcher.Dispatch(&action.Set{Key: "seed", Value: e.Target.Get("value").String()})
}

func (f *SeedField) onNewSeed(*vecty.Event) {
	dispatcher.Dispatch(&action.NewSeed{})
}
