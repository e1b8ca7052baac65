//go:build js && wasm

package browser

import (
	"strconv"
	"syscall/js"
	"time"
)

// Saving and opening files: the store's Files, and the files a visitor
// opens or drops on the page. A download is a Blob behind an object URL,
// clicked as an <a download>, which the page's Content-Security-Policy
// does not restrict (it governs what the page loads, not what it saves).

// Download implements store.Files: it saves data as a file name of type
// mime in the visitor's downloads.
func (b *Browser) Download(name, mime string, data []byte) {
	bytes := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(bytes, data)
	saveBlob(js.Global().Get("Blob").New([]any{bytes}, map[string]any{"type": mime}), name)
}

// saveBlob downloads blob as a file name.
func saveBlob(blob js.Value, name string) {
	global := js.Global()
	doc := global.Get("document")
	url := global.Get("URL").Call("createObjectURL", blob)
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	doc.Get("body").Call("append", a)
	a.Call("click")
	a.Call("remove")
	// The download has started by now; the URL is kept a while for a slow one.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		global.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	global.Call("setTimeout", revoke, 60_000)
}

// chartStyles are the properties a chart takes from style.css, written
// into a saved copy as presentation attributes: the file has no style
// sheet, and a picture drawn from it runs under no CSS of the page.
var chartStyles = []string{"fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
	"opacity", "font-family", "font-size", "font-weight", "font-style", "dominant-baseline"}

// pngScale is how many pixels a PNG of a chart has per CSS pixel of its
// viewBox: sharp enough on a projected slide.
const pngScale = 3

// DownloadChart implements store.Files: it saves the chart figure
// [data-chart=chart] as drawn, as an SVG file, or as a PNG when png (the
// SVG drawn into a canvas).
func (b *Browser) DownloadChart(chart, name string, png bool) {
	global := js.Global()
	doc := global.Get("document")
	src := doc.Call("querySelector", "[data-chart="+chart+"] svg.chart")
	if !src.Truthy() {
		return
	}
	copy := src.Call("cloneNode", true)
	from, to := src.Call("querySelectorAll", "*"), copy.Call("querySelectorAll", "*")
	inline(src, copy)
	for i := range min(from.Length(), to.Length()) {
		inline(from.Index(i), to.Index(i))
	}
	box := src.Get("viewBox").Get("baseVal")
	w, h := box.Get("width").Float(), box.Get("height").Float()
	copy.Call("setAttribute", "width", ftoa(w))
	copy.Call("setAttribute", "height", ftoa(h))
	background := doc.Call("createElementNS", "http://www.w3.org/2000/svg", "rect")
	for k, v := range map[string]string{"width": "100%", "height": "100%", "fill": "#ffffff"} {
		background.Call("setAttribute", k, v)
	}
	copy.Call("prepend", background)
	text := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + global.Get("XMLSerializer").New().Call("serializeToString", copy).String()
	if !png {
		b.Download(name, "image/svg+xml", []byte(text))
		return
	}
	// The picture loads from a data: URL, which the policy's img-src allows.
	img := global.Get("Image").New()
	var loaded, toBlob js.Func
	loaded = js.FuncOf(func(js.Value, []js.Value) any {
		loaded.Release()
		canvas := doc.Call("createElement", "canvas")
		canvas.Set("width", int(w*pngScale))
		canvas.Set("height", int(h*pngScale))
		ctx := canvas.Call("getContext", "2d")
		ctx.Call("drawImage", img, 0, 0, w*pngScale, h*pngScale)
		canvas.Call("toBlob", toBlob, "image/png")
		return nil
	})
	toBlob = js.FuncOf(func(_ js.Value, args []js.Value) any {
		toBlob.Release()
		if len(args) > 0 && args[0].Truthy() {
			saveBlob(args[0], name)
		}
		return nil
	})
	img.Set("onload", loaded)
	img.Set("src", "data:image/svg+xml;charset=utf-8,"+global.Call("encodeURIComponent", text).String())
}

// inline writes the chartStyles of element from, as computed, into to.
func inline(from, to js.Value) {
	style := js.Global().Call("getComputedStyle", from)
	for _, p := range chartStyles {
		if v := style.Call("getPropertyValue", p).String(); v != "" {
			to.Call("setAttribute", p, v)
		}
	}
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// OnFiles calls f with each file the visitor opens with the page's
// input[data-testid=import] or drops anywhere on the page: its name, its
// size, and its contents, or, for a file larger than maxBytes, none (it is
// not read), or err, why the browser could not read it. While a file is
// dragged over the page, the root element has the class "dropping".
func OnFiles(maxBytes int, f func(name string, size int, data []byte, err string)) {
	global := js.Global()
	doc := global.Get("document")
	root := doc.Get("documentElement")
	read := func(file js.Value) {
		name, size := file.Get("name").String(), file.Get("size").Int()
		if size > maxBytes {
			f(name, size, nil, "")
			return
		}
		var ok, fail js.Func
		ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
			ok.Release()
			fail.Release()
			bytes := global.Get("Uint8Array").New(args[0])
			data := make([]byte, bytes.Length())
			js.CopyBytesToGo(data, bytes)
			f(name, size, data, "")
			return nil
		})
		fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
			ok.Release()
			fail.Release()
			why := "error"
			if len(args) > 0 && args[0].Truthy() {
				why = args[0].Call("toString").String()
			}
			f(name, size, nil, why)
			return nil
		})
		file.Call("arrayBuffer").Call("then", ok, fail)
	}
	hasFiles := func(e js.Value) bool {
		dt := e.Get("dataTransfer")
		if !dt.Truthy() {
			return false
		}
		types := dt.Get("types")
		for i := range types.Length() {
			if types.Index(i).String() == "Files" {
				return true
			}
		}
		return false
	}
	listen := func(event string, handle func(e js.Value)) {
		doc.Call("addEventListener", event, js.FuncOf(func(_ js.Value, args []js.Value) any {
			handle(args[0])
			return nil
		}))
	}
	listen("change", func(e js.Value) {
		input := e.Get("target")
		if input.Get("dataset").Get("testid").String() != "import" || input.Get("files").Length() == 0 {
			return
		}
		read(input.Get("files").Index(0))
		input.Set("value", "") // the same file, chosen again, is read again
	})
	listen("dragover", func(e js.Value) {
		if hasFiles(e) {
			e.Call("preventDefault") // a drop here opens the file in the page, not in the tab
			e.Get("dataTransfer").Set("dropEffect", "copy")
			root.Get("classList").Call("add", "dropping")
		}
	})
	listen("dragleave", func(e js.Value) {
		if !e.Get("relatedTarget").Truthy() { // left the window
			root.Get("classList").Call("remove", "dropping")
		}
	})
	listen("drop", func(e js.Value) {
		root.Get("classList").Call("remove", "dropping")
		if !hasFiles(e) {
			return
		}
		e.Call("preventDefault")
		if files := e.Get("dataTransfer").Get("files"); files.Length() > 0 {
			read(files.Index(0))
		}
	})
}

// Agent returns the browser's description of itself, navigator.userAgent.
func Agent() string {
	a := js.Global().Get("navigator").Get("userAgent")
	if a.Type() != js.TypeString {
		return ""
	}
	return a.String()
}

// Now returns the time in the visitor's time zone, which Go's clock in a
// browser does not know (it is UTC).
func Now() time.Time {
	d := js.Global().Get("Date").New()
	offset := -d.Call("getTimezoneOffset").Int() * 60 // seconds east of UTC
	return time.UnixMilli(int64(d.Call("getTime").Float())).In(time.FixedZone("", offset))
}

// Print opens the browser's print dialog.
func Print() {
	js.Global().Call("print")
}
