//go:build js && wasm

package browser

import "syscall/js"

// paintTimeout bounds the wait of AfterPaint, in milliseconds: a page
// hidden after the call draws no frame, but the run must go on.
const paintTimeout = 250

// AfterPaint calls f once the browser has drawn the next frame (with the
// renders requested before the call), or at once, from a message to
// itself, when the page is hidden and draws no frames. f runs on the
// page's thread, as an event handler does.
//
// A requestAnimationFrame callback runs before the frame's layout and
// paint; a message it posts to itself arrives after them.
func AfterPaint(f func()) {
	global := js.Global()
	channel := global.Get("MessageChannel").New()
	port := channel.Get("port1")
	var (
		funcs        [2]js.Func
		frame, timer js.Value
		done         bool
	)
	call := func() {
		if done {
			return
		}
		done = true
		// Closing drops a message already posted in Chromium, not always in
		// Firefox: without the handler, such a message calls nothing.
		port.Set("onmessage", js.Null())
		port.Call("close")
		if !frame.IsUndefined() {
			global.Call("cancelAnimationFrame", frame)
		}
		if !timer.IsUndefined() {
			global.Call("clearTimeout", timer)
		}
		for _, fn := range funcs {
			fn.Release() // none of them can run again
		}
		f()
	}
	funcs[0] = js.FuncOf(func(js.Value, []js.Value) any { call(); return nil }) // the message, or the timer
	funcs[1] = js.FuncOf(func(js.Value, []js.Value) any {                       // the frame
		frame = js.Undefined()
		channel.Get("port2").Call("postMessage", nil)
		return nil
	})
	port.Set("onmessage", funcs[0])
	if global.Get("document").Get("hidden").Bool() {
		// A hidden page's timers wait up to a second; its messages do not.
		channel.Get("port2").Call("postMessage", nil)
		return
	}
	frame = global.Call("requestAnimationFrame", funcs[1])
	timer = global.Call("setTimeout", funcs[0], paintTimeout)
}

// WaitPaint returns once the browser has drawn the next frame, as
// AfterPaint calls its function: the goroutine waits, and meanwhile the
// page's thread is the browser's. Call it from a goroutine of Go's own,
// such as main's, never from within a JavaScript callback, whose return
// the frame would wait for.
func WaitPaint() {
	painted := make(chan struct{})
	AfterPaint(func() { close(painted) })
	<-painted
}

// Yield returns once the browser has run what was waiting for the page's
// thread (a message the page posts itself comes after it), so that work
// split by Yields leaves the page answering between its parts. Like
// WaitPaint, call it from a goroutine of Go's own.
func Yield() {
	done := make(chan struct{})
	channel := js.Global().Get("MessageChannel").New()
	port := channel.Get("port1")
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		port.Set("onmessage", js.Null())
		port.Call("close")
		f.Release()
		close(done)
		return nil
	})
	port.Set("onmessage", f)
	channel.Get("port2").Call("postMessage", nil)
	<-done
}
