// Package action lists everything that can happen to the page, as plain
// structs. Components, the browser and the workers dispatch them; the
// store alone handles them.
package action

import "bibun/wasm/msg"

// ReadLink sets every setting from a link fragment: at load, and when the
// visitor edits the address (hashchange).
type ReadLink struct {
	Fragment string // with or without its '#'
}

// Set changes one setting, named by its link key ("lr", "size", …), to a
// value written as in a link ("0.3", "16", "backprop", …).
type Set struct {
	Key, Value string
}

// Preset names a set of settings a visitor can pick at once.
type Preset string

// The presets. Both keep the gradient method, the seed and the workers.
const (
	Article   Preset = "article"    // the article's network and training
	QuickLook Preset = "quick-look" // a 16-8 network: a numerical step in well under a second
)

// UsePreset changes the settings to a preset's.
type UsePreset struct {
	Preset Preset
}

// NewSeed draws a new random seed.
type NewSeed struct{}

// Run trains to the last step.
type Run struct{}

// Pause stops a run at the next step boundary.
type Pause struct{}

// Step trains one step.
type Step struct{}

// Reset goes back to step 0 with the same settings.
type Reset struct{}

// CopyLink asks to copy the page's link to the clipboard.
type CopyLink struct{}

// LinkCopied says how copying the link went.
type LinkCopied struct {
	OK  bool
	URL string // the link that was, or should have been, copied
}

// Drawn says the page has drawn what the store held a step for (see
// store.Store.Held) and the next step may begin.
type Drawn struct{}

// FromWorker is a message from training worker Worker.
type FromWorker struct {
	Worker int
	Msg    msg.Message
}

// WorkerFailed says training worker Worker stopped or never started.
type WorkerFailed struct {
	Worker int
	Text   string // the browser's description of the error
}
