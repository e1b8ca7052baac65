package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
	"bibun/wasm/record"
)

// pinText is every string PinBar shows.
var pinText = text.Table[struct {
	Title, Pin, Hint, Full, Unpin, UnpinAll, List string
	Steps                                         func(n string) string
	UnpinOne                                      func(label string) string
}]{
	text.English: {
		Title:    "Compare runs",
		Pin:      "Pin this run",
		Hint:     "A pinned run stays in the charts, faded, while you change the settings and run again; each is named by what differs.",
		Full:     "Three runs are pinned: unpin one to pin another.",
		Unpin:    "Unpin",
		UnpinAll: "Unpin all",
		List:     "Pinned runs",
		Steps:    func(n string) string { return n + " steps" },
		UnpinOne: func(label string) string { return "Unpin " + label },
	},
	text.Japanese: {
		Title:    "実行を比べる",
		Pin:      "この実行を固定",
		Hint:     "固定した実行は、設定を変えて実行し直してもグラフに薄く残ります。違う設定がそれぞれの名前になります。",
		Full:     "3 つ固定しています。別の実行を固定するには、どれかの固定を外してください。",
		Unpin:    "外す",
		UnpinAll: "すべて外す",
		List:     "固定した実行",
		Steps:    func(n string) string { return n + " ステップ" },
		UnpinOne: func(label string) string { return label + " の固定を外す" },
	},
}

// PinBar pins the run, to compare it with the runs that follow, and
// lists the pinned runs, each with its colour in the charts.
type PinBar struct {
	vecty.Core
	Pins   []pinnedRun `vecty:"prop"`
	CanPin bool        `vecty:"prop"`
	Lang   text.Lang   `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *PinBar) Render() vecty.ComponentOrHTML {
	txt := pinText[b.Lang]
	items := make(vecty.List, len(b.Pins))
	for i, p := range b.Pins {
		k := i + 1
		items[i] = elem.ListItem(vecty.Markup(vecty.Class("pin", "pin-"+strconv.Itoa(k)), vecty.Data("pin", strconv.Itoa(k))),
			elem.Span(vecty.Markup(vecty.Class("swatch"))),
			elem.Span(vecty.Markup(vecty.Class("pin-label")), vecty.Text(p.Label)),
			elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Steps(format.Count(len(p.Rows))))),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "unpin"), vecty.Data("pin", strconv.Itoa(k)),
				vecty.Attribute("aria-label", txt.UnpinOne(p.Label)), event.Click(func(*vecty.Event) { dispatcher.Dispatch(&action.Unpin{Pin: k}) })),
				vecty.Text(txt.Unpin)),
		)
	}
	return elem.Section(vecty.Markup(vecty.Class("pin-bar"), vecty.Data("testid", "pins")),
		elem.Div(vecty.Markup(vecty.Class("save-row")),
			elem.Heading2(vecty.Text(txt.Title)),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "pin"), vecty.Property("disabled", !b.CanPin),
				event.Click(b.onPin)), vecty.Text(txt.Pin)),
			vecty.If(len(b.Pins) > 1, elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "unpin-all"),
				event.Click(b.onUnpinAll)), vecty.Text(txt.UnpinAll))),
		),
		vecty.If(len(b.Pins) == 0, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Hint))),
		vecty.If(len(b.Pins) >= record.MaxPins, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Full))),
		vecty.If(len(b.Pins) > 0, elem.UnorderedList(vecty.Markup(vecty.Class("pins"), vecty.Attribute("aria-label", txt.List)), items)),
	)
}

func (b *PinBar) onPin(*vecty.Event)      { dispatcher.Dispatch(&action.Pin{}) }
func (b *PinBar) onUnpinAll(*vecty.Event) { dispatcher.Dispatch(&action.Unpin{}) }

// SkipRender skips the bar while the pins, whether the run can be pinned
// and the language stay the same.
func (b *PinBar) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*PinBar)
	return ok && samePins(p.Pins, b.Pins) && p.CanPin == b.CanPin && p.Lang == b.Lang
}
