//go:build js && wasm

// Package browser is the page's edge to the browser around it: its
// address, the clipboard and the machine's processors. It is the store's
// Address.
package browser

import (
	"strings"
	"syscall/js"
)

// Browser is the window the page runs in.
type Browser struct {
	copied func(ok bool, url string)
}

// New returns the browser; copied is called with how each Copy went.
func New(copied func(ok bool, url string)) *Browser {
	return &Browser{copied: copied}
}

// Fragment returns the address's fragment, without its '#'.
func (b *Browser) Fragment() string {
	return strings.TrimPrefix(js.Global().Get("location").Get("hash").String(), "#")
}

// Base returns the page's address without its fragment: origin, path and
// query.
func Base() string {
	href := js.Global().Get("location").Get("href").String()
	base, _, _ := strings.Cut(href, "#")
	return base
}

// Show implements store.Address with history.replaceState, so that the
// back button is not flooded with every slider move.
func (b *Browser) Show(fragment string) {
	if b.Fragment() == fragment {
		return
	}
	js.Global().Get("history").Call("replaceState", js.Null(), "", "#"+fragment)
}

// Copy implements store.Address: it copies the page's address to the
// clipboard, and reports how it went through copied.
func (b *Browser) Copy() {
	url := js.Global().Get("location").Get("href").String()
	clipboard := js.Global().Get("navigator").Get("clipboard")
	if clipboard.IsUndefined() || clipboard.IsNull() {
		b.copied(false, url)
		return
	}
	var ok, fail js.Func
	settle := func(success bool) js.Func {
		return js.FuncOf(func(js.Value, []js.Value) any {
			ok.Release()
			fail.Release()
			b.copied(success, url)
			return nil
		})
	}
	ok, fail = settle(true), settle(false)
	clipboard.Call("writeText", url).Call("then", ok, fail)
}

// OnHashChange calls f with the new fragment whenever the visitor edits it.
func (b *Browser) OnHashChange(f func(fragment string)) {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		f(b.Fragment())
		return nil
	}))
}

// Cores returns the machine's logical processors (navigator.hardwareConcurrency), at least 1.
func Cores() int {
	n := js.Global().Get("navigator").Get("hardwareConcurrency")
	if n.Type() != js.TypeNumber {
		return 1
	}
	return max(n.Int(), 1)
}

// Ready tells whoever waits for the page (its tests) that it has rendered.
func Ready() {
	js.Global().Set("bibunReady", true)
}

// Language returns the browser's preferred language, navigator.language
// (a tag such as "ja-JP"), or "" if it has none.
func Language() string {
	l := js.Global().Get("navigator").Get("language")
	if l.Type() != js.TypeString {
		return ""
	}
	return l.String()
}

// ShowLanguage sets the document's language, <html lang>, and its title,
// when they differ from what they are.
func ShowLanguage(lang, title string) {
	doc := js.Global().Get("document")
	root := doc.Get("documentElement")
	if root.Get("lang").String() != lang {
		root.Set("lang", lang)
	}
	if doc.Get("title").String() != title {
		doc.Set("title", title)
	}
}
