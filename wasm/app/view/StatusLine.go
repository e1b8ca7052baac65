package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
)

// StatusLine says what the run is doing; its data-state is the status.
type StatusLine struct {
	vecty.Core
	Status  store.Status `vecty:"prop"`
	Step    int          `vecty:"prop"` // steps taken
	Steps   int          `vecty:"prop"` // steps of the whole run
	PauseAt int          `vecty:"prop"` // the last step of the current Run or Step
}

// Render implements vecty.Component.
func (l *StatusLine) Render() vecty.ComponentOrHTML {
	return elem.Paragraph(vecty.Markup(vecty.Class("status", string(l.Status)), vecty.Data("testid", "status"),
		vecty.Data("state", string(l.Status)), vecty.Attribute("role", "status")),
		vecty.Text(l.text()))
}

// text says what the run is doing.
func (l *StatusLine) text() string {
	of := " of " + strconv.Itoa(l.Steps)
	switch l.Status {
	case store.Running:
		if l.PauseAt < l.Steps {
			return "Training step " + strconv.Itoa(l.Step+1) + of + "; pausing after it."
		}
		return "Training step " + strconv.Itoa(l.Step+1) + of + "…"
	case store.Paused:
		return "Paused after step " + strconv.Itoa(l.Step) + of + "."
	case store.Done:
		return "Done: " + strconv.Itoa(l.Steps) + " steps."
	case store.Diverged:
		return "Diverged at step " + strconv.Itoa(l.Step+1) + of + "."
	case store.Failed:
		return "Stopped by an error."
	}
	return "Ready: step 0" + of + "."
}

// SkipRender skips the line while what it says stays the same.
func (l *StatusLine) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*StatusLine)
	return ok && p.Status == l.Status && p.Step == l.Step && p.Steps == l.Steps && p.PauseAt == l.PauseAt
}
