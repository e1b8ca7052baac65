// Package spec describes a run without computing it: its settings
// (Config, with their limits), its data (the article's generator), its
// random streams and its metrics. It needs no matrix library, so the
// page's UI can use it without carrying gonum into its WebAssembly; the
// network itself is package nn, which re-exports these names.
package spec
