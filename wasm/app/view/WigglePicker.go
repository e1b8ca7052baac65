package view

import (
	"math"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
)

// wigglePickerText is every string WigglePicker shows; the functions take
// numbers already written for reading.
var wigglePickerText = text.Table[struct {
	Tensor, H      string
	Index          func(tensor, last string) string
	Which          func(k, p string) string
	W1, B1, W2, B2 func(i, j string) string // what the parameter is: W1[i][j], b1[j], W2[i][j], b2[j]
	HHint          string
	TensorNames    map[string]string // each tensor in words, in the menu
}]{
	text.English: {
		Tensor: "Tensor",
		Index:  func(tensor, last string) string { return "Index in " + tensor + " (0–" + last + ")" },
		Which:  func(k, p string) string { return "θ_k with k = " + k + " of " + p + " (param= in the link): " },
		W1:     func(i, j string) string { return "the weight from input " + i + " into hidden unit " + j + "." },
		B1:     func(_, j string) string { return "the bias of hidden unit " + j + "." },
		W2: func(i, j string) string {
			return "the weight from hidden unit " + i + " to output " + j + " (0 noise, 1 flat)."
		},
		B2:    func(_, j string) string { return "the bias of output " + j + " (0 noise, 1 flat)." },
		H:     "h of this wiggle",
		HHint: "Only here: the run keeps its own h.",
		TensorNames: map[string]string{
			"W1": "W1: inputs → hidden", "b1": "b1: hidden biases", "W2": "W2: hidden → outputs", "b2": "b2: output biases",
		},
	},
	text.Japanese: {
		Tensor: "テンソル",
		Index:  func(tensor, last string) string { return tensor + " の中の番号（0〜" + last + "）" },
		Which: func(k, p string) string {
			return "θ_k（k = " + k + "、全 " + p + " 個中、リンクの param=）："
		},
		W1: func(i, j string) string {
			return "入力 " + i + " から隠れユニット " + j + " への重みです。"
		},
		B1: func(_, j string) string { return "隠れユニット " + j + " のバイアスです。" },
		W2: func(i, j string) string {
			return "隠れユニット " + i + " から出力 " + j + "（0 ノイズ、1 平坦）への重みです。"
		},
		B2: func(_, j string) string {
			return "出力 " + j + "（0 ノイズ、1 平坦）のバイアスです。"
		},
		H:     "この揺らしの h",
		HHint: "ここだけの値です。学習そのものの h は変わりません。",
		TensorNames: map[string]string{
			"W1": "W1：入力 → 隠れ層", "b1": "b1：隠れ層のバイアス", "W2": "W2：隠れ層 → 出力", "b2": "b2：出力のバイアス",
		},
	},
}

// WigglePicker chooses the parameter the Wiggle view nudges, by tensor and
// index (the link's param), and the h it nudges by, on a log slider.
type WigglePicker struct {
	vecty.Core
	Config spec.Config `vecty:"prop"`
	Param  int         `vecty:"prop"` // the parameter chosen, an index of θ
	H      float64     `vecty:"prop"` // the Wiggle view's h
	Lang   text.Lang   `vecty:"prop"`
	Edits  int         `vecty:"prop"` // the store's count of settings changes

	shown bool // rendered before: the slider's value property may be set (see Slider)
}

// Render implements vecty.Component.
func (w *WigglePicker) Render() vecty.ComponentOrHTML {
	txt, c := wigglePickerText[w.Lang], w.Config
	p := c.Param(w.Param)
	options := make(vecty.List, len(spec.TensorNames))
	for i, t := range spec.TensorNames {
		options[i] = elem.Option(vecty.Markup(prop.Value(t), vecty.Property("selected", t == p.Tensor)), vecty.Text(txt.TensorNames[t]))
	}
	what := map[string]func(i, j string) string{"W1": txt.W1, "b1": txt.B1, "W2": txt.W2, "b2": txt.B2}[p.Tensor]
	pos := math.Log10(w.H)
	first := !w.shown
	w.shown = true
	return elem.Div(vecty.Markup(vecty.Class("wiggle-picker")),
		elem.Div(vecty.Markup(vecty.Class("control", "pick-tensor")),
			elem.Label(vecty.Markup(prop.For("ctl-wiggle-tensor")), vecty.Text(txt.Tensor)),
			elem.Select(vecty.Markup(prop.ID("ctl-wiggle-tensor"), prop.Name("wiggle-tensor"), event.Change(w.onTensor)), options),
		),
		elem.Div(vecty.Markup(vecty.Class("control", "number")),
			elem.Label(vecty.Markup(prop.For("ctl-wiggle-index")), vecty.Text(txt.Index(p.Tensor, strconv.Itoa(p.Size-1)))),
			elem.Input(vecty.Markup(
				prop.ID("ctl-wiggle-index"), prop.Name("wiggle-index"), prop.Type(prop.TypeNumber),
				vecty.Attribute("min", "0"), vecty.Attribute("max", strconv.Itoa(p.Size-1)), vecty.Attribute("step", "1"),
				vecty.Attribute("inputmode", "numeric"), prop.Value(strconv.Itoa(p.Index())),
				event.Change(w.onIndex),
			)),
		),
		elem.Paragraph(vecty.Markup(vecty.Class("which"), vecty.Data("testid", "wiggle-which")),
			vecty.Text(txt.Which(strconv.Itoa(p.K), format.Count(c.Params()))),
			elem.Code(vecty.Text(p.String())), vecty.Text(" "),
			vecty.Text(what(strconv.Itoa(p.Row), strconv.Itoa(p.Col))),
		),
		elem.Div(vecty.Markup(vecty.Class("control", "slider")),
			elem.Label(vecty.Markup(prop.For("ctl-wiggle-h")), vecty.Text(txt.H)),
			elem.Output(vecty.Markup(vecty.Attribute("for", "ctl-wiggle-h"), vecty.Class("value")), vecty.Text(format.Short(w.H))),
			elem.Input(vecty.Markup(
				prop.ID("ctl-wiggle-h"), prop.Name("wiggle-h"), prop.Type(prop.TypeRange),
				vecty.Property("min", num(math.Log10(spec.MinH))), vecty.Property("max", num(math.Log10(spec.MaxH))), vecty.Property("step", "any"),
				vecty.Attribute("value", num(pos)), vecty.MarkupIf(!first, prop.Value(num(pos))),
				vecty.Attribute("aria-valuetext", format.Short(w.H)), vecty.Data("scale", "log10"),
				event.Input(w.onH),
			)),
			elem.Small(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.HHint)),
		),
	)
}

// SkipRender keeps what the visitor is typing until the choice changes.
func (w *WigglePicker) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*WigglePicker)
	return ok && q.Config == w.Config && q.Param == w.Param && q.H == w.H && q.Lang == w.Lang && q.Edits == w.Edits
}

// onTensor picks the entry of the same index in another tensor, or its last.
func (w *WigglePicker) onTensor(e *vecty.Event) {
	p := w.Config.Param(w.Param)
	w.pick(w.Config.ParamOf(e.Target.Get("value").String(), p.Index()).K)
}

// onIndex picks the entry typed, within the tensor shown.
func (w *WigglePicker) onIndex(e *vecty.Event) {
	i, err := strconv.Atoi(e.Target.Get("value").String())
	if err != nil {
		vecty.Rerender(w) // put the shown index back
		return
	}
	w.pick(w.Config.ParamOf(w.Config.Param(w.Param).Tensor, i).K)
}

func (w *WigglePicker) pick(k int) {
	dispatcher.Dispatch(&action.Set{Key: "param", Value: strconv.Itoa(k)})
}

// onH sets the wiggle's h from the slider, rounded as a log slider rounds.
func (w *WigglePicker) onH(e *vecty.Event) {
	x, err := strconv.ParseFloat(e.Target.Get("value").String(), 64)
	if err != nil {
		return
	}
	dispatcher.Dispatch(&action.WiggleH{Value: strconv.FormatFloat(math.Pow(10, x), 'g', logDigits, 64)})
}
