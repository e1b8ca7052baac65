package view

import (
	"math"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/format"
)

// logDigits is how many significant digits a log slider's setting keeps.
const logDigits = 2

// Slider shows one numeric setting as a range input named by its link key,
// with its value beside it. A linear slider moves in whole numbers. A log
// slider (Log, data-scale="log10") moves smoothly in log10 of the setting,
// which its input's value holds, and sets the setting rounded to logDigits
// significant digits; aria-valuetext and the output say the setting itself.
// Its arrow keys move it by a hundredth of its range (the browser's step
// for step="any"): 20% of the value for the learning rate.
type Slider struct {
	vecty.Core
	Key      string  `vecty:"prop"` // link key, also the input's name
	Label    string  `vecty:"prop"`
	Hint     string  `vecty:"prop"` // what the setting means, if the label does not say
	Value    float64 `vecty:"prop"`
	Min, Max float64 `vecty:"prop"`
	Log      bool    `vecty:"prop"`
	Fixed    string  `vecty:"prop"` // "fixed by this link" when the link locks it (fixedText); "" when open

	bounds [2]float64 // the input's min and max as last rendered
}

// A range input fits a value to the min, max and step it has when the
// value is set (0 to 100 in steps of 1 before they are set), and vecty sets
// an element's properties in no set order, then its attributes. So min,
// max and step are properties, and a new input gets its value from the
// value attribute, set after them; later renders set the value property
// too, as the attribute no longer moves an input the visitor has moved;
// and a render that changes the range is followed by another, which sets
// the value again within it.

// settle notes the range of this render and reports whether it is the
// first; after a change of the range, it asks for another render.
func (s *Slider) settle(lo, hi float64) (first bool) {
	b := [2]float64{lo, hi}
	first = s.bounds == [2]float64{}
	if b != s.bounds && !first {
		vecty.Rerender(s)
	}
	s.bounds = b
	return first
}

// Render implements vecty.Component.
func (s *Slider) Render() vecty.ComponentOrHTML {
	id := "ctl-" + s.Key
	pos, lo, hi, step := s.Value, s.Min, s.Max, "1"
	shown := strconv.FormatFloat(s.Value, 'g', -1, 64)
	if s.Log {
		pos, lo, hi = math.Log10(s.Value), math.Log10(s.Min), math.Log10(s.Max)
		shown, step = format.Short(s.Value), "any"
	}
	first := s.settle(lo, hi)
	return elem.Div(vecty.Markup(vecty.Class("control", "slider")),
		elem.Label(vecty.Markup(prop.For(id)), vecty.Text(s.Label)),
		elem.Output(vecty.Markup(vecty.Attribute("for", id), vecty.Class("value")), vecty.Text(shown)),
		elem.Input(vecty.Markup(
			prop.ID(id), prop.Name(s.Key), prop.Type(prop.TypeRange),
			vecty.Property("min", num(lo)), vecty.Property("max", num(hi)), vecty.Property("step", step),
			vecty.Attribute("value", num(pos)),
			vecty.MarkupIf(!first, prop.Value(num(pos))),
			vecty.Attribute("aria-valuetext", shown),
			vecty.MarkupIf(s.Log, vecty.Data("scale", "log10")),
			vecty.Property("disabled", s.Fixed != ""),
			event.Input(s.onInput),
		)),
		vecty.If(s.Hint != "", elem.Small(vecty.Markup(vecty.Class("hint")), vecty.Text(s.Hint))),
		fixedNote(s.Fixed),
	)
}

// onInput dispatches the setting at the slider's position.
func (s *Slider) onInput(e *vecty.Event) {
	v := e.Target.Get("value").String()
	if s.Log {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return
		}
		v = strconv.FormatFloat(math.Pow(10, x), 'g', logDigits, 64)
	}
	dispatcher.Dispatch(&action.Set{Key: s.Key, Value: v})
}

// num formats a slider coordinate.
func num(x float64) string {
	return strconv.FormatFloat(x, 'g', 10, 64)
}
