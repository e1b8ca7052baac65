//go:build js && wasm

// Package port moves encoded messages (package msg) across postMessage,
// between the page and its workers, as Uint8Arrays: a copy of bytes, not a
// conversion to and from JavaScript text.
package port

import (
	"syscall/js"

	"bibun/wasm/msg"
)

// Post encodes m and posts it to target (a Worker, or the worker's self).
func Post(target js.Value, m msg.Message) {
	PostAll([]js.Value{target}, m)
}

// PostAll encodes m once and posts it to every target.
func PostAll(targets []js.Value, m msg.Message) {
	PostEncoded(targets, msg.Encode(m))
}

// PostEncoded posts data, an encoded message, to every target.
func PostEncoded(targets []js.Value, data []byte) {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	for _, t := range targets {
		t.Call("postMessage", arr) // each receiver gets its own copy
	}
}

// Bytes returns the bytes of a message event's data, a Uint8Array.
func Bytes(data js.Value) []byte {
	b := make([]byte, data.Get("length").Int())
	js.CopyBytesToGo(b, data)
	return b
}
