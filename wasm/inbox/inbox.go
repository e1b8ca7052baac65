// Package inbox is an unbounded queue between a JavaScript callback, which
// must never block, and a goroutine that waits for work.
//
// Go's wasm runtime gives the browser its event loop back only when every
// goroutine is blocked; a callback that blocked would stop the page. So a
// callback only Puts, and a goroutine Takes: it sleeps on a channel, which
// lets the event loop run and deliver the next callback.
package inbox

import "sync"

// Inbox is a first-in first-out queue of T.
type Inbox[T any] struct {
	mu     sync.Mutex
	queue  []T
	signal chan struct{} // holds a token while the queue may be non-empty
}

// New returns an empty inbox.
func New[T any]() *Inbox[T] {
	return &Inbox[T]{signal: make(chan struct{}, 1)}
}

// Len returns how many values wait to be taken.
func (b *Inbox[T]) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.queue)
}

// Put appends v. It never blocks.
func (b *Inbox[T]) Put(v T) {
	b.mu.Lock()
	b.queue = append(b.queue, v)
	b.mu.Unlock()
	select {
	case b.signal <- struct{}{}:
	default:
	}
}

// Take removes and returns the oldest value, waiting for one if there is none.
func (b *Inbox[T]) Take() T {
	for {
		b.mu.Lock()
		if len(b.queue) > 0 {
			v := b.queue[0]
			var zero T
			b.queue[0] = zero
			b.queue = b.queue[1:]
			b.mu.Unlock()
			return v
		}
		b.mu.Unlock()
		<-b.signal
	}
}
