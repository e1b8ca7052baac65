//go:build js && wasm

// Package worker is a training worker of the page: the page's own program
// (package wasm/app, built into bibun.wasm) runs Run when site/worker.js
// starts it in a Web Worker. A worker holds one replica of the run (package
// replica) and answers the page's messages (package msg).
//
// The onmessage callback only queues the message (package inbox); the main
// goroutine handles it, and posts progress from inside the computation
// (postMessage needs no event loop).
package worker

import (
	"syscall/js"
	"time"

	"bibun/wasm/inbox"
	"bibun/wasm/msg"
	"bibun/wasm/port"
	"bibun/wasm/replica"
)

// measureFor is how long the worker times each gradient method in one
// round of measurement.
const measureFor = 30 * time.Millisecond

// measureRounds is how many rounds of measurement worker 0 makes while it
// is idle before the first step, posting each (the others make one). The first
// runs mostly in the browser's baseline code and reads two to five times
// slow (Chromium compiles hot WebAssembly functions again, optimised, as
// they run, and a call already under way keeps its code); the speed holds
// after five to eight. The page keeps each method's fastest.
const measureRounds = 8

// Inside reports whether the program runs in a Web Worker (its global
// object is a WorkerGlobalScope) rather than in the page.
func Inside() bool {
	scope := js.Global().Get("WorkerGlobalScope")
	return scope.Type() == js.TypeFunction && js.Global().InstanceOf(scope)
}

// Run is the worker: it tells the page this machine's speed, then answers
// its messages, and never returns. It panics if the worker was not started
// by the page (package pool names each worker).
func Run() {
	self := js.Global()
	// The page names each worker (msg.WorkerName): the worker knows its
	// index from its name before any message comes, and from nothing else.
	index, ok := msg.WorkerIndex(self.Get("name").String())
	if !ok {
		panic("this worker was not started by the page: its name, " + self.Get("name").String() + ", is not a training worker's")
	}
	post := func(m msg.Message) { port.Post(self, m) }
	// A first estimate, before anything else: the page needs every
	// method's speed to plan its teaching work.
	post(&msg.Loaded{Speeds: replica.Measure(measureFor)})

	in := inbox.New[[]byte]()
	receive := js.FuncOf(func(_ js.Value, args []js.Value) any {
		in.Put(port.Bytes(args[0]))
		return nil
	})
	// worker.js hands over the messages that came before Go ran, then
	// every later one.
	self.Call("bibunAttach", receive)

	r := replica.New(index, post)
	// Rounds of measurement made: worker 0 goes on measuring alone,
	// leaving the other cores to the page as it loads.
	rounds := measureRounds
	if index == 0 {
		rounds = 1
	}
	for {
		if rounds < measureRounds && in.Len() == 0 {
			// Idle: measure once more (a message that comes meanwhile
			// waits about 0.1 s), then let the event loop deliver any.
			post(&msg.Loaded{Speeds: replica.Measure(measureFor)})
			rounds++
			time.Sleep(time.Millisecond)
			continue
		}
		m, err := msg.Decode(in.Take())
		if err != nil {
			post(&msg.Failed{Text: err.Error()})
			continue
		}
		if _, ok := m.(*msg.Differentiate); ok {
			// A run begins: from now on its steps' times tell the page
			// this machine's speed, and a pause between two steps is no
			// time to measure.
			rounds = measureRounds
		}
		r.Handle(m)
	}
}
