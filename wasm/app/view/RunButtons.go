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
// when it can do something.
type RunButtons struct {
	vecty.Core
	Status  store.Status `vecty:"prop"`
	Lang    text.Lang    `vecty:"prop"`
	Step    int          `vecty:"prop"` // steps taken
	Steps   int          `vecty:"prop"` // steps of the whole run
	PauseAt int          `vecty:"prop"` // the last step of the current Run or Step
}

// enabled says which of Run, Pause and Step can do something.
func (b *RunButtons) enabled() (run, pause, step bool) {
	idle := b.Status == store.Idle || b.Status == store.Paused
	running := b.Status == store.Running
	return idle || running && b.PauseAt < b.Steps, running && b.PauseAt > b.Step+1, idle
}

// Render implements vecty.Component.
func (b *RunButtons) Render() vecty.ComponentOrHTML {
	run, pause, step := b.enabled()
	txt := runButtonsText.In(b.Lang)
	button := func(id, text string, enabled bool, onClick func(*vecty.Event)) *vecty.HTML {
		return elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", id),
			vecty.Property("disabled", !enabled), event.Click(onClick)), vecty.Text(text))
	}
	return elem.Div(vecty.Markup(vecty.Class("buttons")),
		button("run", txt.Run, run, b.onRun),
		button("pause", txt.Pause, pause, b.onPause),
		button("step", txt.Step, step, b.onStep),
		button("reset", txt.Reset, true, b.onReset),
	)
}

// SkipRender skips the buttons while none changes whether it is enabled.
func (b *RunButtons) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*RunButtons)
	if !ok || p.Lang != b.Lang {
		return false
	}
	r1, p1, s1 := p.enabled()
	r2, p2, s2 := b.enabled()
	return r1 == r2 && p1 == p2 && s1 == s2
}

func (b *RunButtons) onRun(*vecty.Event)   { dispatcher.Dispatch(&action.Run{}) }
func (b *RunButtons) onPause(*vecty.Event) { dispatcher.Dispatch(&action.Pause{}) }
func (b *RunButtons) onStep(*vecty.Event)  { dispatcher.Dispatch(&action.Step{}) }
func (b *RunButtons) onReset(*vecty.Event) { dispatcher.Dispatch(&action.Reset{}) }
