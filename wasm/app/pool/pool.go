//go:build js && wasm

// Package pool runs the training workers: Web Workers in which
// site/worker.js runs the page's own program (bibun.wasm, whose main is a
// worker there: package worker). The page has compiled it already: each
// worker gets the compiled modules, window.bibunModules (site/app.js), in
// its first message. It is the store's Workers.
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

// modules is the global that holds the compiled program and its kernels,
// which worker.js takes as its first message.
const modules = "bibunModules"

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

	open   bool   // Open was called: Start starts workers at once
	wanted int    // until Open: the workers the last Start asked for
	held   []held // until Open: the messages sent them, in order
}

// held is a message sent before Open, encoded.
type held struct {
	worker int // -1: every worker
	data   []byte
}

// New returns a pool with no workers that calls onMessage with every
// message of a worker and onError when one fails, always from its own
// goroutine, never from inside a JavaScript callback. It starts no worker
// before Open.
func New(onMessage func(worker int, m msg.Message), onError func(worker int, text string)) *Pool {
	p := &Pool{onMessage: onMessage, onError: onError, events: inbox.New[event]()}
	go p.deliver()
	return p
}

// Open starts the workers that the last Start asked for, and posts them
// what was sent them meanwhile; from then on Start starts workers at once.
// Until then the page has the machine to itself: the workers would take
// every core of a small one while it draws itself for the first time.
func (p *Pool) Open() {
	if p.open {
		return
	}
	p.open = true
	p.Start(p.wanted)
	for _, h := range p.held {
		if h.worker < 0 {
			port.PostEncoded(p.live(), h.data)
		} else if w := p.workers[h.worker]; !w.IsNull() {
			port.PostEncoded([]js.Value{w}, h.data)
		}
	}
	p.held = nil
}

// Start implements store.Workers: it terminates every worker, at once even
// in the middle of a computation, and starts n fresh ones (after Open).
func (p *Pool) Start(n int) {
	if !p.open {
		p.wanted, p.held = n, nil // what was sent is the old workers'
		return
	}
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
		// E.g. the browser refuses to start workers, or to post them
		// compiled modules.
		if r := recover(); r != nil {
			if w.Type() == js.TypeObject {
				w.Call("terminate")
				w.Set("onmessage", js.Null())
				w.Set("onerror", js.Null())
			}
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
	w.Call("postMessage", js.Global().Get(modules))
	return w
}

// Send implements store.Workers.
func (p *Pool) Send(worker int, m msg.Message) {
	if !p.open {
		p.held = append(p.held, held{worker: worker, data: msg.Encode(m)})
		return
	}
	if w := p.workers[worker]; !w.IsNull() {
		port.Post(w, m)
	}
}

// SendAll implements store.Workers: it encodes m once.
func (p *Pool) SendAll(m msg.Message) {
	if !p.open {
		p.held = append(p.held, held{worker: -1, data: msg.Encode(m)})
		return
	}
	port.PostAll(p.live(), m)
}

// live returns the workers that started.
func (p *Pool) live() []js.Value {
	var live []js.Value
	for _, w := range p.workers {
		if !w.IsNull() {
			live = append(live, w)
		}
	}
	return live
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
