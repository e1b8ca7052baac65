// Package record is a run as a file: what the page saves for a student to
// hand in, and reads back for a teacher to check.
//
// A saved run is JSON (Encode, Decode): the format ("bibun-run") and its
// Version, when and in which browser it ran, its link and every setting,
// its method, how it ended, a row per step, the teaching views' results
// when they were computed, and the runs pinned beside it. CSV writes the
// rows alone, for a spreadsheet. Every figure is written with all the
// digits it needs to be read back exactly: the same strings as the page's
// table holds in its data-value attributes.
//
// # Verifying
//
// Equal settings give equal runs, digit for digit, in any browser and on
// any machine. So a saved run proves itself: the page re-runs its
// settings and compares each step with Compare. Every figure but the
// gradient's time must match bit for bit; the first that does not names
// the step and the column. A file edited by hand (one loss changed) reads
// as a valid run and fails there.
//
// # Limits
//
// Decode reads at most MaxBytes and checks the whole file before anything
// of it is used: the version, each setting within the link's ranges (the
// rules of package link, with no value clamped), the link and the method
// agreeing with the settings, rows numbered 1 … n with each figure in its
// range, n equal to the settings' steps for a run that is done and fewer
// for one that is not, and at most MaxPins pins, each a valid run. The
// first fault is returned as an *Error, whose Kind the page shows.
//
// # JSON
//
// The package reads and writes its JSON itself rather than with
// encoding/json, which would add 0.15 MB (gzipped) to the page's wasm.
// The reader accepts nothing encoding/json refuses (FuzzParse) and refuses
// a little more: invalid UTF-8, a key given twice, nesting deeper than
// sixteen.
package record
