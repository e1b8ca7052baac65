// Package dispatcher carries actions from where they happen (components,
// the browser, the workers) to the store that handles them.
package dispatcher

// handler is the store's; there is one.
var handler func(action any)

// Register makes h the handler of every action dispatched from now on.
func Register(h func(action any)) {
	handler = h
}

// Dispatch hands action to the registered handler, which handles it at
// once. It panics if no handler is registered.
func Dispatch(action any) {
	if handler == nil {
		panic("dispatcher: Dispatch before Register")
	}
	handler(action)
}
