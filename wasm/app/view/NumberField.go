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

// NumberField shows one whole-number setting as a number input named by
// its link key. It dispatches on change (Enter, leaving the field, the
// arrows), not on every keystroke, so that typing 300 never passes by 3.
type NumberField struct {
	vecty.Core
	Key      string `vecty:"prop"`
	Label    string `vecty:"prop"`
	Value    string `vecty:"prop"` // as written in a link
	Min, Max int    `vecty:"prop"`
	Edits    int    `vecty:"prop"` // the store's count of settings changes
	Fixed    string `vecty:"prop"` // "fixed by this link" when the link locks it (fixedText); "" when open
}

// Render implements vecty.Component.
func (f *NumberField) Render() vecty.ComponentOrHTML {
	id := "ctl-" + f.Key
	return elem.Div(vecty.Markup(vecty.Class("control", "number")),
		elem.Label(vecty.Markup(prop.For(id)), vecty.Text(f.Label)),
		elem.Input(vecty.Markup(
			prop.ID(id), prop.Name(f.Key), prop.Type(prop.TypeNumber),
			vecty.Attribute("min", strconv.Itoa(f.Min)), vecty.Attribute("max", strconv.Itoa(f.Max)), vecty.Attribute("step", "1"),
			vecty.Attribute("inputmode", "numeric"),
			prop.Value(f.Value),
			vecty.Property("disabled", f.Fixed != ""),
			event.Change(f.onChange),
		)),
		fixedNote(f.Fixed),
	)
}

// SkipRender keeps what the visitor is typing until the setting changes:
// re-rendering would put the stored value back.
func (f *NumberField) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*NumberField)
	return ok && p.Key == f.Key && p.Label == f.Label && p.Value == f.Value &&
		p.Min == f.Min && p.Max == f.Max && p.Edits == f.Edits && p.Fixed == f.Fixed
}

func (f *NumberField) onChange(e *vecty.Event) {
	dispatcher.Dispatch(&action.Set{Key: f.Key, Value: e.Target.Get("value").String()})
}
