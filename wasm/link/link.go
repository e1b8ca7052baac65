// Package link reads and writes the page's state as a URL fragment, such as
//
//	v=1&grad=incremental&size=256&hidden=64&batch=100&lr=0.1&h=0.0001&steps=15&train=300&test=200&std=0.01&seed=1
//
// optionally with bug, a mistake planted in backprop (spec.Bugs), and
// followed by the page-only keys param, the index in θ of the parameter the
// Wiggle view nudges, workers=1…8 and lang, one of the page's languages
// (text.Langs: en, ja).
//
// Every key is one row of a single table (table.go) that carries its name,
// default, range and how to read and write it; Parse, Set, Format and
// Default are loops over that table. Parse never fails: whatever a link holds, it
// returns a State whose Config passes spec.Config.Validate, with a Notice for
// each value it could not use as given.
//
// Reading rules, for every numeric key:
//   - anything strconv.ParseFloat reads is a number, including 1e3, 0x1p4
//     and Infinity; integer keys round it to the nearest integer;
//   - a number outside the key's range, infinities and overflows included,
//     becomes the nearest allowed value (Clamped);
//   - NaN, an empty value, a non-number or a bad percent-escape gives the
//     default (Invalid). The seed takes only decimal integers 0…2⁶⁴−1.
//
// Keys and values are percent-decoded; a '+' stays a plus sign, so lr=1e+2
// reads as written. An absent key takes its default (batch's default is
// brought down to fit a smaller train, quietly). A key written after an
// HTML-escaped '&' ("&amp;hidden=8", as some chats and web pages pass a
// link on) reads as the key. Unknown keys, and keys that do not decode,
// are ignored without notice. A key given twice keeps its first value
// (Repeated). A v other than 1 is read as v=1 (Version).
//
// Format writes every key of a State in table order, leaving out workers
// and lang when unset, so that Parse(Format(s)) == s with no notices for
// every s within the table's ranges.
package link

import (
	"slices"
	"strings"

	"bibun/nn/spec"
)

// Limits that the link adds to nn's: nn accepts any LR and Std above 0, but
// a slider needs a smallest step, and a link cannot say "just above 0".
const (
	// MinLR is the smallest learning rate a link carries and the lr
	// slider's minimum; a smaller lr, 0 and negatives included, becomes MinLR.
	MinLR = 1e-6
	// MinStd is the smallest initial weight spread a link carries and the
	// std slider's minimum; a smaller std becomes MinStd.
	MinStd = 1e-6
	// MaxWorkers is the most training workers a page runs.
	MaxWorkers = 8
)

// State is everything a link says about the page.
type State struct {
	Config  spec.Config
	Workers int    // 0 = not set (page picks hardware concurrency, at most MaxWorkers); else 1..MaxWorkers
	Lang    string // "" = not set (page follows the browser); else one of text.Langs ("en", "ja")
	Param   int    // the parameter the Wiggle view nudges, an index of θ: 0…P−1 (0 = not set, θ_0)

	// The classroom's keys (classroom.go): the view, not the run.
	Embed   bool   // a compact view for an iframe
	Present bool   // the presenter's view: large type for a projector
	Lock    string // keys fixed by the link, comma-separated in table order, or "all"; "" = none
	Hide    string // panels hidden by the link (Panels), comma-separated in their order; "" = none
}

// Default returns the state of a link with no keys: the article's settings
// (spec.Article), with Workers and Lang not set.
func Default() State {
	var s State
	for _, i := range order {
		fields[i].reset(&s)
	}
	return s
}

// Parse reads a link fragment, with or without its leading '#' (or '?').
// It never fails: each value it cannot use as given is replaced as the
// package comment describes and reported by a Notice, in link-key order.
func Parse(fragment string) (State, []Notice) {
	raw := make([][]string, len(fields)) // each row's values, still escaped, in link order
	for _, pair := range strings.Split(strings.TrimLeft(fragment, "#?"), "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err := unescape(k)
		if err != nil {
			continue
		}
		if i := index(key); i >= 0 || ampersand(key) >= 0 {
			if i < 0 {
				i = ampersand(key)
			}
			raw[i] = append(raw[i], v)
		}
	}
	s := Default()
	notices := make([][]Notice, len(fields))
	for _, i := range order {
		notices[i] = fields[i].apply(&s, raw[i])
	}
	return s, slices.Concat(notices...)
}

// ampersand returns the index of key read as a key whose '&' a chat or a
// web page wrote as HTML's "&amp;" (once or more: "amp;hidden",
// "amp;amp;hidden"), or −1 if it is no such key.
func ampersand(key string) int {
	if !strings.HasPrefix(key, "amp;") {
		return -1
	}
	for strings.HasPrefix(key, "amp;") {
		key = key[len("amp;"):]
	}
	return index(key)
}

// Set returns s with the field of key set to value, written as in a link
// but not percent-escaped ("0.3", "backprop"), and the notices that calls
// for: value's own, and those of the fields whose range reads key (a
// smaller train brings batch down). It is Parse of s's link with key=value
// in it, without writing and reading the link; a key of no field changes
// nothing. s must be within the table's ranges, as Parse returns it.
func Set(s State, key, value string) (State, []Notice) {
	i := index(key)
	if i < 0 {
		return s, nil
	}
	notices := make([][]Notice, len(fields))
	for _, j := range order {
		f := fields[j]
		switch {
		case j == i:
			notices[j] = f.put(&s, value)
		case slices.Contains(f.after, key):
			if v, set := f.write(s); set {
				notices[j] = f.put(&s, v)
			}
		}
	}
	return s, slices.Concat(notices...)
}

// apply sets f's field of s from the values its key was given in a link
// and returns the notices they call for.
func (f field) apply(s *State, raw []string) []Notice {
	if len(raw) == 0 {
		f.reset(s)
		return nil
	}
	var notices []Notice
	if v, err := unescape(raw[0]); err != nil {
		f.reset(s)
		notices = append(notices, f.notice(*s, raw[0], Invalid))
	} else {
		notices = f.put(s, v)
	}
	for _, r := range raw[1:] {
		if v, err := unescape(r); err == nil {
			r = v
		}
		notices = append(notices, f.notice(*s, r, Repeated))
	}
	return notices
}

// put sets f's field of s from v, a value as in a link once decoded, and
// returns the notice it calls for, if any.
func (f field) put(s *State, v string) []Notice {
	if kind, noted := f.read(s, v); noted {
		return []Notice{f.notice(*s, v, kind)}
	}
	return nil
}

// notice says that given, of kind, was not used as given in f's field,
// and what s now holds there.
func (f field) notice(s State, given string, kind Kind) Notice {
	used, set := f.write(s)
	if !set {
		used = ""
	}
	return Notice{Key: f.key, Given: cut(given), Used: used, Kind: kind}
}

// Format returns the link fragment of s, without the leading '#': every
// key in table order, workers and lang only when set.
func Format(s State) string {
	var b strings.Builder
	for _, f := range fields {
		v, set := f.write(s)
		if !set {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(f.key)
		b.WriteByte('=')
		// Values of a valid State need no escaping; others must not break the link.
		// Commas, which separate lock's and hide's names, stay readable.
		b.WriteString(Escape(v))
	}
	return b.String()
}
