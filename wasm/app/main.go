//go:build js && wasm

// Command app is bibun's one program, bibun.wasm, in both of its roles.
// In the page (site/app.js runs it) it wires the store to the view, the
// workers and the browser, and renders. In a Web Worker (site/worker.js
// runs the same compiled module, which the page posts it) it is a training
// worker: package worker.
package main

import (
	"time"

	"github.com/hexops/vecty"

	"bibun/wasm/app/action"
	"bibun/wasm/app/browser"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/keys"
	"bibun/wasm/app/pace"
	"bibun/wasm/app/pool"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/app/view"
	"bibun/wasm/msg"
	"bibun/wasm/record"
	"bibun/wasm/worker"
)

// renderEvery is the least time between two renders of the page. Workers
// may report hundreds of times a second; each render costs the main thread
// a few milliseconds, and a person reads no faster.
const renderEvery = 100 * time.Millisecond

// drawGap is the shortest step after which the run waits for the page to
// draw (store.Store.DrawBetweenSteps): one render a step costs such a step
// at most about a third more; shorter steps are drawn by the pacer.
const drawGap = 30 * time.Millisecond

func main() {
	if worker.Inside() {
		worker.Run()
		return
	}
	b := browser.New(func(ok bool, url string) {
		dispatcher.Dispatch(&action.LinkCopied{OK: ok, URL: url})
	})
	workers := pool.New(
		func(i int, m msg.Message) { dispatcher.Dispatch(&action.FromWorker{Worker: i, Msg: m}) },
		func(i int, text string) { dispatcher.Dispatch(&action.WorkerFailed{Worker: i, Text: text}) },
	)
	s := store.New(workers, b, browser.Cores(), uint64(time.Now().UnixNano()), text.Browser(browser.Language()))
	s.SaveTo(b, browser.Agent(), browser.Now)
	dispatcher.Register(func(a any) {
		switch a.(type) { // the page's alone: no state changes
		case *action.ShowShortcuts:
			browser.ShowModal(view.ShortcutsID)
			return
		case *action.Print:
			browser.Print()
			return
		}
		s.OnAction(a)
	})
	browser.OnFiles(record.MaxBytes, func(name string, size int, data []byte, err string) {
		dispatcher.Dispatch(&action.Open{Name: name, Size: size, Data: data, Err: err})
	})
	dispatcher.Dispatch(&action.ReadLink{Fragment: b.Fragment()})

	page := &view.Page{Store: s, Base: browser.Base(), Upto: view.Seen}
	browser.Yield() // Go's start was one task of the page's thread, the first render is the next
	if err := vecty.RenderInto("body", page); err != nil {
		panic(err)
	}
	lang := func() { browser.ShowLanguage(s.Lang().String(), view.Title(s.Lang())) }
	lang()
	render := pace.New(renderEvery, func() { vecty.Rerender(page); lang() })
	s.DrawBetweenSteps(drawGap)
	drawing := false // a held step is being drawn
	s.Subscribe(func() {
		if !s.Held() {
			render.Poke()
			return
		}
		if !drawing {
			drawing = true
			render.Now()
			browser.AfterPaint(func() {
				drawing = false
				dispatcher.Dispatch(&action.Drawn{})
			})
		}
	})
	browser.OnKey(func(key string, modified bool, focus keys.Focus) bool {
		a := keys.Action(key, modified, focus, s.Controls())
		if a != nil {
			dispatcher.Dispatch(a)
		}
		return a != nil
	})
	b.OnHashChange(func(fragment string) { dispatcher.Dispatch(&action.ReadLink{Fragment: fragment}) })

	// The first render drew what a visitor sees first (view.Seen); the
	// rest follows a part at a time, each once the browser has painted the
	// last, and then the workers, which would take the cores the page
	// needs to draw. (vecty renders on animation frames: a page loaded in a
	// hidden tab draws the rest when shown.)
	for page.Upto < view.Whole {
		browser.WaitPaint()
		page.Upto++
		vecty.Rerender(page)
	}
	browser.WaitPaint()
	workers.Open()
	browser.Ready()
	select {}
}
