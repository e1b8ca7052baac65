//go:build js && wasm

// Package pool runs the training workers: Web Workers executing
// worker.wasm through site/worker.js. It is the store's Workers.
package pool

import (
	"fmt"
	"strings"
	"syscall/js"

	"bibun/wasm/inbox"
	"bibun/wasm/msg"
	"bibun/wasm/port"
)

// script is the worker's entry point, next to the page.
const script = "worker.js"

// event is what a worker said: a message, or an error.
type event struct {
	gen    int // the pool generation of the worker
	worker int
	data   []byte // the encoded message
	err    string // the error, when the worker failed
	failed bool
}

// Pool is a set of training workers, all started together.
type Pool struct {
	onMessage func(worker int, m msg.Message)
	onError   func(worker int, text string)

	gen     int // counts Starts; events of older workers are dropped
	workers []js.Value
	funcs   []js.Func // the callbacks of workers, released when they stop
	events  *inbox.Inbox[event]
}

// New returns a pool with no workers that calls onMessage with every
// message of a worker and onError when one fails, always from its own
// goroutine, never from inside a JavaScript callback.
func New(onMessage func(worker int, m msg.Message), onError func(worker int, text string)) *Pool {
	p := &Pool{onMessage: onMessage, onError: onError, events: inbox.New[event]()}
	go p.deliver()
	return p
}

// Start implements store.Workers: it terminates every worker, at once even
// in the middle of a computation, and starts n fresh ones.
func (p *Pool) Start(n int) {
	for _, w := range p.workers {
		if w.IsNull() {
			continue
		}
		w.Call("terminate")
		// An error or a message the browser queued before the terminate
		// may still be dispatched: unhook the handlers before releasing
		// them, or it calls a released Go function.
		w.Set("onmessage", js.Null())
		w.Set("onerror", js.Null())
	}
	for _, f := range p.funcs {
		f.Release()
	}
	p.gen++
	p.workers, p.funcs = make([]js.Value, n), nil
	for i := range n {
		p.workers[i] = p.start(p.gen, i)
	}
}

// start returns a new worker numbered i of generation gen.
func (p *Pool) start(gen, i int) (w js.Value) {
	defer func() {
		if r := recover(); r != nil { // e.g. the browser refuses to start workers
			p.events.Put(event{gen: gen, worker: i, err: fmt.Sprint(r), failed: true})
			w = js.Null()
		}
	}()
	w = js.Global().Get("Worker").New(script, map[string]any{"name": msg.WorkerName(i)})
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		p.events.Put(event{gen: gen, worker: i, data: port.Bytes(args[0].Get("data"))})
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		text := "could not load " + script
		if m := e.Get("message"); m.Type() == js.TypeString && m.String() != "" {
			// worker.js reports what stopped the worker as a thrown
			// "training worker: …"; the browser puts "Uncaught Error: " before it.
			text = strings.TrimPrefix(strings.TrimPrefix(m.String(), "Uncaught Error: "), "training worker: ")
		}
		e.Call("preventDefault") // reported on the page; no need for the console too
		p.events.Put(event{gen: gen, worker: i, err: text, failed: true})
		return nil
	})
	w.Set("onmessage", onMessage)
	w.Set("onerror", onError)
	p.funcs = append(p.funcs, onMessage, onError)
	return w
}

// Send implements store.Workers.
func (p *Pool) Send(worker int, m msg.Message) {
	if w := p.workers[worker]; !w.IsNull() {
		port.Post(w, m)
	}
}

// SendAll implements store.Workers: it encodes m once.
func (p *Pool) SendAll(m msg.Message) {
	var live []js.Value
	for _, w := range p.workers {
		if !w.IsNull() {
			live = append(live, w)
		}
	}
	port.PostAll(live, m)
}

// deliver hands the workers' events on, in order, dropping those of
// workers since terminated.
func (p *Pool) deliver() {
	for {
		e := p.events.Take()
		if e.gen != p.gen {
			continue
		}
		if e.failed {
			p.onError(e.worker, e.err)
			continue
		}
		m, err := msg.Decode(e.data)
		if err != nil {
			p.onError(e.worker, err.Error())
			continue
		}
		p.onMessage(e.worker, m)
	}
}
