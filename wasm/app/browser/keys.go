//go:build js && wasm

package browser

import (
	"strings"
	"syscall/js"

	"bibun/wasm/app/keys"
)

// OnKey calls f for every key pressed on the page, with what has the focus;
// when f returns true the key is taken: the browser does not also act on
// it (Space would scroll the page). While a modal dialog is open the keys
// are the dialog's, and f is not called.
func OnKey(f func(key string, modified bool, focus keys.Focus) bool) {
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("defaultPrevented").Bool() || e.Get("isComposing").Bool() || doc.Call("querySelector", "dialog[open]").Truthy() {
			return nil
		}
		modified := e.Get("ctrlKey").Bool() || e.Get("altKey").Bool() || e.Get("metaKey").Bool()
		if f(e.Get("key").String(), modified, focusOf(doc.Get("activeElement"))) {
			e.Call("preventDefault")
		}
		return nil
	}))
}

// focusOf tells what kind of element el is, for the shortcuts.
func focusOf(el js.Value) keys.Focus {
	if !el.Truthy() {
		return keys.Page
	}
	// An SVG element has no isContentEditable, and its tagName is lower case ("a").
	if el.Get("isContentEditable").Truthy() {
		return keys.Text
	}
	switch strings.ToUpper(el.Get("tagName").String()) {
	case "TEXTAREA":
		return keys.Text
	case "SELECT":
		return keys.Control
	case "BUTTON", "A", "SUMMARY":
		return keys.Button
	case "INPUT":
		switch el.Get("type").String() {
		case "range", "checkbox", "radio", "color", "file":
			return keys.Control
		case "button", "submit", "reset", "image":
			return keys.Button
		}
		return keys.Text
	}
	return keys.Page
}

// ShowModal opens the dialog element whose id is id as a modal dialog: the
// rest of the page is inert until it closes, Escape closes it, and the
// focus goes back to where it was.
func ShowModal(id string) {
	d := js.Global().Get("document").Call("getElementById", id)
	if d.Truthy() && !d.Get("open").Bool() {
		d.Call("showModal")
	}
}
