package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
)

// methodNames names each gradient method for what it does.
var methodNames = map[spec.Method]string{
	spec.Numerical:   "numerical: a forward pass per nudge",
	spec.Incremental: "incremental: nudges from cached activations",
	spec.Backprop:    "backprop: the chain rule",
}

// methodHints says more about each gradient method.
var methodHints = map[spec.Method]string{
	spec.Numerical: "The article's way: for every parameter, nudge it by ±h and run the whole batch forward each time. " +
		"Honest, and very slow.",
	spec.Incremental: "The same central differences with the same h, but each nudged loss is worked out from cached activations: " +
		"one nudge moves only one column of them. The same numbers, to rounding, far faster.",
	spec.Backprop: "Every derivative at once by the chain rule: one forward and one backward pass. " +
		"What every framework does; on a typical parameter the differences agree with it to about seven digits.",
}

// MethodSelect shows how the gradient is computed, and lets the visitor choose.
type MethodSelect struct {
	vecty.Core
	Method spec.Method `vecty:"prop"`
}

// Render implements vecty.Component.
func (m *MethodSelect) Render() vecty.ComponentOrHTML {
	options := make(vecty.List, len(spec.Methods))
	for i, method := range spec.Methods {
		options[i] = elem.Option(vecty.Markup(prop.Value(string(method)), vecty.Property("selected", method == m.Method)),
			vecty.Text(methodNames[method]))
	}
	return elem.Div(vecty.Markup(vecty.Class("control", "method")),
		elem.Label(vecty.Markup(prop.For("ctl-grad")), vecty.Text("Gradient")),
		elem.Select(vecty.Markup(prop.ID("ctl-grad"), prop.Name("grad"), vecty.Attribute("aria-describedby", "hint-grad"),
			event.Change(m.onChange)), options),
		elem.Small(vecty.Markup(prop.ID("hint-grad"), vecty.Class("hint")), vecty.Text(methodHints[m.Method])),
	)
}

func (m *MethodSelect) onChange(e *vecty.Event) {
	dispatcher.Dispatch(&action.Set{Key: "grad", Value: e.Target.Get("value").String()})
}
