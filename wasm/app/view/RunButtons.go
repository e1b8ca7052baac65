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

// runButtonsText is every string RunButtons shows.
var runButtonsText = text.Table[struct{ Run, Pause, Step, Reset string }]{
	text.English:  {Run: "Run", Pause: "Pause", Step: "Step", Reset: "Reset"},
	text.Japanese: {Run: "実行", Pause: "一時停止", Step: "1 ステップ", Reset: "リセット"},
}

// RunButtons shows the Run, Pause, Step and Reset buttons, each enabled
// when it can do something (store.Controls, which the keyboard asks too).
type RunButtons struct {
	vecty.Core
	Controls store.Controls `vecty:"prop"`
	Lang     text.Lang      `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *RunButtons) Render() vecty.ComponentOrHTML {
	c, txt := b.Controls, runButtonsText[b.Lang]
	button := func(id, text string, enabled bool, onClick func(*vecty.Event)) *vecty.HTML {
		return elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", id),
			vecty.Property("disabled", !enabled), event.Click(onClick)), vecty.Text(text))
	}
	return elem.Div(vecty.Markup(vecty.Class("buttons")),
		button("run", txt.Run, c.Run, b.onRun),
		button("pause", txt.Pause, c.Pause, b.onPause),
		button("step", txt.Step, c.Step, b.onStep),
		button("reset", txt.Reset, true, b.onReset),
	)
}

// SkipRender skips the buttons while none changes whether it is enabled.
func (b *RunButtons) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*RunButtons)
	return ok && p.Lang == b.Lang && p.Controls == b.Controls
}

func (b *RunButtons) onRun(*vecty.Event)   { dispatcher.Dispatch(&action.Run{}) }
func (b *RunButtons) onPause(*vecty.Event) { dispatcher.Dispatch(&action.Pause{}) }
func (b *RunButtons) onStep(*vecty.Event)  { dispatcher.Dispatch(&action.Step{}) }
func (b *RunButtons) onReset(*vecty.Event) { dispatcher.Dispatch(&action.Reset{}) }
