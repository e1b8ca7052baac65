// Package keys maps the page's keyboard shortcuts to actions: Space runs or
// pauses, → or n takes one step, r resets, ? lists the shortcuts. A key
// that a focused control uses itself (typing in a field, Space on a
// button, arrows on a slider) is left to that control.
package keys

import (
	"bibun/wasm/app/action"
	"bibun/wasm/app/store"
)

// Focus is the kind of element that has the keyboard focus.
type Focus int

// The kinds of focus the shortcuts tell apart.
const (
	Page    Focus = iota // nothing that takes keys: the body, a heading, a chart
	Button               // a button or link: Space and Enter press it
	Control              // a slider or a list: arrows and Space change it
	Text                 // a field to type in: every printable key is text
)

// Shortcut is one entry of the list the page shows.
type Shortcut struct {
	Keys []string // the keys, as printed on a keyboard
	What string   // the key of its description in the view's strings: run, step, reset, help
}

// List is every shortcut, in the order the page lists them.
var List = []Shortcut{
	{Keys: []string{"Space"}, What: "run"},
	{Keys: []string{"→", "n"}, What: "step"},
	{Keys: []string{"r"}, What: "reset"},
	{Keys: []string{"?"}, What: "help"},
}

// Action returns the action of key (a KeyboardEvent.key) pressed with
// focus on f while the run's controls are c, or nil when the key is not a
// shortcut there or its control cannot act now. modified is true when
// Ctrl, Alt or Meta is held: those combinations belong to the browser.
func Action(key string, modified bool, f Focus, c store.Controls) any {
	if modified || f == Text {
		return nil
	}
	switch key {
	case " ":
		if f != Page {
			return nil // the focused button or control takes Space
		}
		switch {
		case c.Pause:
			return &action.Pause{}
		case c.Run:
			return &action.Run{}
		}
	case "ArrowRight", "n", "N":
		if key == "ArrowRight" && f == Control {
			return nil // the slider moves
		}
		if c.Step {
			return &action.Step{}
		}
	case "r", "R":
		return &action.Reset{}
	case "?":
		return &action.ShowShortcuts{}
	}
	return nil
}
