package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// saveText is every string SaveBox shows.
var saveText = text.Table[struct {
	Title, CSV, CSVHint, JSON, JSONHint, Loss, Accuracy, SVG, PNG, Print, Empty string
}]{
	text.English: {
		Title:    "Save this run",
		CSV:      "Table (CSV)",
		CSVHint:  "every step, for a spreadsheet",
		JSON:     "Whole run (JSON)",
		JSONHint: "settings, every step and the pinned runs: hand it in, open it here to verify it",
		Loss:     "Loss chart",
		Accuracy: "Accuracy chart",
		SVG:      "SVG",
		PNG:      "PNG",
		Print:    "Print a lab sheet",
		Empty:    "Take a step to have something to save.",
	},
	text.Japanese: {
		Title:    "この実行を保存",
		CSV:      "表（CSV）",
		CSVHint:  "すべてのステップ。表計算ソフト用",
		JSON:     "実行全体（JSON）",
		JSONHint: "設定・すべてのステップ・固定した実行。提出用で、このページで開けば検証できます",
		Loss:     "損失のグラフ",
		Accuracy: "正解率のグラフ",
		SVG:      "SVG 画像",
		PNG:      "PNG 画像",
		Print:    "実験シートを印刷",
		Empty:    "保存するには、まずステップを進めてください。",
	},
}

// SaveBox offers the run as files: its table as CSV, the whole run as
// JSON, each chart as SVG or PNG, and a printed lab sheet.
type SaveBox struct {
	vecty.Core
	Can  store.RecordControls `vecty:"prop"`
	Lang text.Lang            `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *SaveBox) Render() vecty.ComponentOrHTML {
	txt := saveText[b.Lang]
	button := func(id, label string, enabled bool, f action.SaveFormat) *vecty.HTML {
		return elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", id),
			vecty.Property("disabled", !enabled), event.Click(func(*vecty.Event) { dispatcher.Dispatch(&action.Save{Format: f}) })),
			vecty.Text(label))
	}
	chart := func(name, label string, svgFormat, pngFormat action.SaveFormat) *vecty.HTML {
		return elem.Div(vecty.Markup(vecty.Class("save-row")),
			elem.Span(vecty.Markup(vecty.Class("save-what")), vecty.Text(label)),
			button("export-"+name+"-svg", txt.SVG, b.Can.Charts, svgFormat),
			button("export-"+name+"-png", txt.PNG, b.Can.Charts, pngFormat),
		)
	}
	return elem.Section(vecty.Markup(vecty.Class("save-box"), vecty.Data("testid", "save")),
		elem.Heading2(vecty.Text(txt.Title)),
		elem.Div(vecty.Markup(vecty.Class("save-row")),
			button("export-csv", txt.CSV, b.Can.Save, action.SaveCSV),
			elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.CSVHint)),
		),
		elem.Div(vecty.Markup(vecty.Class("save-row")),
			button("export-json", txt.JSON, b.Can.Save, action.SaveJSON),
			elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.JSONHint)),
		),
		chart("loss", txt.Loss, action.SaveLossSVG, action.SaveLossPNG),
		chart("accuracy", txt.Accuracy, action.SaveAccuracySVG, action.SaveAccuracyPNG),
		elem.Div(vecty.Markup(vecty.Class("save-row")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "print"), event.Click(b.onPrint)),
				vecty.Text(txt.Print)),
		),
		vecty.If(!b.Can.Save, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Empty))),
	)
}

func (b *SaveBox) onPrint(*vecty.Event) { dispatcher.Dispatch(&action.Print{}) }

// SkipRender skips the box while what it can save and the language stay
// the same.
func (b *SaveBox) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*SaveBox)
	return ok && p.Can == b.Can && p.Lang == b.Lang
}
