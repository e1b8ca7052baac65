package keys

import (
	"reflect"
	"testing"

	"bibun/wasm/app/action"
	"bibun/wasm/app/store"
)

func TestAction(t *testing.T) {
	idle := store.Controls{Run: true, Step: true}
	running := store.Controls{Run: false, Pause: true}
	lastStep := store.Controls{} // running its last step: nothing to pause, nothing to start
	for _, c := range []struct {
		key      string
		modified bool
		focus    Focus
		controls store.Controls
		want     any
	}{
		{" ", false, Page, idle, &action.Run{}},
		{" ", false, Page, running, &action.Pause{}},
		{" ", false, Page, lastStep, nil},
		{" ", false, Button, idle, nil}, // the button is pressed instead
		{" ", false, Control, idle, nil},
		{"ArrowRight", false, Page, idle, &action.Step{}},
		{"ArrowRight", false, Button, idle, &action.Step{}},
		{"ArrowRight", false, Control, idle, nil}, // the slider moves
		{"n", false, Control, idle, &action.Step{}},
		{"n", false, Page, running, nil}, // no step while running
		{"r", false, Page, running, &action.Reset{}},
		{"R", false, Button, idle, &action.Reset{}},
		{"?", false, Page, idle, &action.ShowShortcuts{}},
		{"r", false, Text, idle, nil}, // typing in a field
		{"n", false, Text, idle, nil},
		{"?", false, Text, idle, nil},
		{"r", true, Page, idle, nil}, // Ctrl+R reloads
		{"x", false, Page, idle, nil},
	} {
		got := Action(c.key, c.modified, c.focus, c.controls)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Action(%q, modified %v, focus %d, %+v) = %#v, want %#v", c.key, c.modified, c.focus, c.controls, got, c.want)
		}
	}
}

func TestListCoversEveryShortcut(t *testing.T) {
	all := store.Controls{Run: true, Step: true}
	for _, s := range List {
		for _, k := range s.Keys {
			key := map[string]string{"Space": " ", "→": "ArrowRight"}[k]
			if key == "" {
				key = k
			}
			if Action(key, false, Page, all) == nil {
				t.Errorf("the list shows %q for %s, but it does nothing", k, s.What)
			}
		}
	}
}
