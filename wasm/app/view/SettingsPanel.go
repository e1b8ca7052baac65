package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/link"
)

// SettingsPanel shows every setting of the run as a control named by its
// link key, and the presets.
type SettingsPanel struct {
	vecty.Core
	State   link.State `vecty:"prop"`
	Workers int        `vecty:"prop"` // workers the page runs, set or not
	Edits   int        `vecty:"prop"` // the store's count of settings changes
}

// Render implements vecty.Component.
func (p *SettingsPanel) Render() vecty.ComponentOrHTML {
	c := p.State.Config
	return elem.Div(vecty.Markup(vecty.Class("panel")),
		elem.Heading2(vecty.Text("Settings")),
		elem.Div(vecty.Markup(vecty.Class("presets")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), event.Click(p.onArticle)), vecty.Text("Article")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), event.Click(p.onQuickLook)), vecty.Text("Quick look")),
		),
		&MethodSelect{Method: c.Method},
		elem.FieldSet(
			elem.Legend(vecty.Text("Network")),
			&Slider{Key: "size", Label: "Input size S", Hint: "pixels per sample", Value: float64(c.Size), Min: spec.MinSize, Max: spec.MaxSize},
			&Slider{Key: "hidden", Label: "Hidden units H", Value: float64(c.Hidden), Min: spec.MinHidden, Max: spec.MaxHidden},
			&Slider{Key: "std", Label: "Init std", Hint: "weights start as std·N(0, 1)", Value: c.Std, Min: link.MinStd, Max: spec.MaxStd, Log: true},
		),
		elem.FieldSet(
			elem.Legend(vecty.Text("Training")),
			&Slider{Key: "batch", Label: "Batch size", Value: float64(c.Batch), Min: spec.MinBatch, Max: float64(c.Train)},
			&Slider{Key: "lr", Label: "Learning rate", Value: c.LR, Min: link.MinLR, Max: spec.MaxLR, Log: true},
			&Slider{Key: "h", Label: "Nudge h", Hint: nudgeHint(c.Method), Value: c.H, Min: spec.MinH, Max: spec.MaxH, Log: true},
			&NumberField{Key: "steps", Label: "Steps", Value: strconv.Itoa(c.Steps), Min: spec.MinSteps, Max: spec.MaxSteps, Edits: p.Edits},
		),
		elem.FieldSet(
			elem.Legend(vecty.Text("Data")),
			&NumberField{Key: "train", Label: "Training samples", Value: strconv.Itoa(c.Train), Min: spec.MinSamples, Max: spec.MaxSamples, Edits: p.Edits},
			&NumberField{Key: "test", Label: "Test samples", Value: strconv.Itoa(c.Test), Min: spec.MinSamples, Max: spec.MaxSamples, Edits: p.Edits},
			&SeedField{Seed: c.Seed, Edits: p.Edits},
		),
		elem.FieldSet(
			elem.Legend(vecty.Text("This browser")),
			&Slider{Key: "workers", Label: "Workers", Hint: "Web Workers sharing the differences", Value: float64(p.Workers), Min: 1, Max: link.MaxWorkers},
		),
	)
}

// nudgeHint says what h means for method m.
func nudgeHint(m spec.Method) string {
	if m == spec.Backprop {
		return "the step of the central differences; backprop does not nudge"
	}
	return "the step of the central differences (f(θ+h) − f(θ−h)) / 2h"
}

func (p *SettingsPanel) onArticle(*vecty.Event) {
	dispatcher.Dispatch(&action.UsePreset{Preset: action.Article})
}

func (p *SettingsPanel) onQuickLook(*vecty.Event) {
	dispatcher.Dispatch(&action.UsePreset{Preset: action.QuickLook})
}

// SkipRender skips the panel while no setting changes, as during a run.
func (p *SettingsPanel) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*SettingsPanel)
	return ok && q.State == p.State && q.Workers == p.Workers && q.Edits == p.Edits
}
