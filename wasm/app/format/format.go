// Package format writes numbers for a person to read, and in full for a
// program to read back.
package format

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Full formats x with every digit it needs to be read back exactly, as
// data-value attributes carry it.
func Full(x float64) string {
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// Digits formats x rounded to n significant digits, for reading.
func Digits(x float64, n int) string {
	return strconv.FormatFloat(x, 'g', n, 64)
}

// Short formats a setting such as a learning rate: plain decimals from
// 0.001 up, and 1e-4, 2.5e-7 … below.
func Short(x float64) string {
	if x != 0 && math.Abs(x) < 1e-3 {
		s := strconv.FormatFloat(x, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		exp = strings.TrimLeft(strings.TrimPrefix(exp, "-"), "0")
		return mant + "e-" + exp
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// Count formats a whole number with thousands separators: 16,578.
func Count(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + Count(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Units writes a Duration's units in one language: the symbols after
// milliseconds and seconds, and the two compound forms.
type Units struct {
	Ms, S   string                     // " ms", " s"
	MinSec  func(min, s string) string // 2 min 10 s
	HourMin func(h, min string) string // 3 h 5 min
}

// Duration formats d for reading in units u: 3.5 ms, 90 ms, 420 ms, 9.5 s,
// 2 min 10 s, 3 h 5 min.
func Duration(d time.Duration, u Units) string {
	switch {
	case d < time.Second:
		ms := float64(d) / float64(time.Millisecond)
		if ms < 10 {
			return strconv.FormatFloat(ms, 'f', 1, 64) + u.Ms
		}
		return strconv.FormatFloat(ms, 'f', 0, 64) + u.Ms
	case d < 10*time.Second:
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + u.S
	case d < time.Minute:
		return strconv.FormatFloat(d.Seconds(), 'f', 0, 64) + u.S
	case d < time.Hour:
		d = d.Round(time.Second)
		return u.MinSec(strconv.Itoa(int(d/time.Minute)), strconv.Itoa(int(d%time.Minute/time.Second)))
	}
	d = d.Round(time.Minute)
	return u.HourMin(strconv.Itoa(int(d/time.Hour)), strconv.Itoa(int(d%time.Hour/time.Minute)))
}

// Milliseconds returns ms milliseconds as a Duration.
func Milliseconds(ms float64) time.Duration {
	return time.Duration(ms * float64(time.Millisecond))
}
