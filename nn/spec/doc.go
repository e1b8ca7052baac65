// Package spec describes a run without computing it: its settings
// (Config, with their limits, and the Bug a run may plant in backprop),
// its data (the article's generator), its random streams, its metrics,
// where each parameter lies in θ (Param) and what a Wiggle shows. It needs no matrix library, so the
// page's UI can use it without carrying gonum into its WebAssembly; the
// network itself is package nn, which re-exports these names.
package spec
