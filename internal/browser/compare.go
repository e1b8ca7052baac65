package browser

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
)

// Differences returns, in words, every way the metrics tables a and b
// (named nameA and nameB in the words) differ: their lengths, or a row's
// step, or a cell of any column but those in skip. Every column of Columns
// is compared, and any other either row has; a cell of a that is empty or
// absent counts as differing, so that two tables that both lack a column
// are not taken for the same.
func Differences(nameA string, a []Row, nameB string, b []Row, skip ...string) []string {
	if len(a) != len(b) {
		return []string{fmt.Sprintf("%s has %d rows, %s has %d", nameA, len(a), nameB, len(b))}
	}
	var out []string
	for i := range a {
		if a[i].Step != b[i].Step {
			out = append(out, fmt.Sprintf("row %d: %s has step %d, %s step %d", i+1, nameA, a[i].Step, nameB, b[i].Step))
			continue
		}
		cols := slices.Concat(Columns, slices.Collect(maps.Keys(a[i].Values)), slices.Collect(maps.Keys(b[i].Values)))
		slices.Sort(cols)
		for _, col := range slices.Compact(cols) {
			if slices.Contains(skip, col) {
				continue
			}
			va, okA := a[i].Values[col]
			vb, okB := b[i].Values[col]
			if va == "" || va != vb || okA != okB {
				out = append(out, fmt.Sprintf("step %d, %s: %s gives %s, %s gives %s",
					a[i].Step, col, nameA, cell(va, okA), nameB, cell(vb, okB)))
			}
		}
	}
	return out
}

// cell quotes a cell's value, or says it is absent.
func cell(v string, ok bool) string {
	if !ok {
		return "no such cell"
	}
	return strconv.Quote(v)
}

// SameNumber reports whether a and b are the same string, or numbers within
// 1e-9 of each other relatively: a log slider's position, log10 of its
// setting, keeps about ten significant digits, and a figure the page fitted
// and the same fitted again natively may differ in their last bits.
func SameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(x-y) <= 1e-9*math.Abs(y)
}
