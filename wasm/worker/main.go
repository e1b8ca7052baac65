//go:build js && wasm

// Command worker is a training worker of the page: site/worker.js runs it
// in a Web Worker. It holds one replica of the run (package replica) and
// answers the page's messages (package msg).
//
// The onmessage callback only queues the message (package inbox); the main
// goroutine handles it, and posts progress from inside the computation
// (postMessage needs no event loop).
package main

import (
	"syscall/js"
	"time"

	"bibun/wasm/inbox"
	"bibun/wasm/msg"
	"bibun/wasm/port"
	"bibun/wasm/replica"
)

// measureFor is how long the worker times each gradient method at start.
const measureFor = 30 * time.Millisecond

func main() {
	self := js.Global()
	post := func(m msg.Message) {
		if err := port.Post(self, m); err != nil { // a NaN in a message's fields
			port.Post(self, &msg.Failed{Text: err.Error()})
		}
	}
	post(&msg.Loaded{Speeds: replica.Measure(measureFor)})

	in := inbox.New[[]byte]()
	receive := js.FuncOf(func(_ js.Value, args []js.Value) any {
		in.Put(port.Bytes(args[0]))
		return nil
	})
	// worker.js hands over the messages that came before Go ran, then
	// every later one.
	self.Call("bibunAttach", receive)

	r := replica.New(post)
	for {
		m, err := msg.Decode(in.Take())
		if err != nil {
			post(&msg.Failed{Text: err.Error()})
			continue
		}
		r.Handle(m)
	}
}
