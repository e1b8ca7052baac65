package link

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Kind says why a link's value was not used as given.
type Kind int

const (
	// Invalid: not a number, not one of the choices, empty, or badly
	// percent-escaped; the default is used.
	Invalid Kind = iota
	// Clamped: a number out of range; the nearest allowed value is used.
	Clamped
	// Repeated: the key was given more than once; the first is used.
	Repeated
	// Version: v is not 1; the link is read as v=1.
	Version
	// Locked: the link fixes the key (lock=); an action of the page tried
	// to change it, and it keeps its value.
	Locked
)

// String returns the kind's name in lower case, e.g. "clamped".
func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case Clamped:
		return "clamped"
	case Repeated:
		return "repeated"
	case Version:
		return "version"
	case Locked:
		return "locked"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Notice reports one value of a link that Parse did not use as given.
type Notice struct {
	Key   string // URL key concerned, e.g. "lr"
	Given string // the value as given, percent-decoded, cut to 40 runes and "…"
	Used  string // the value used instead, as in a link; "" for a page-only key left unset
	Kind  Kind
}

// maxGiven is how many runes of a given value a Notice keeps.
const maxGiven = 40

// cut returns v as a Notice shows it: invalid UTF-8 replaced by U+FFFD, and
// cut to maxGiven runes followed by "…" if longer.
func cut(v string) string {
	v = strings.ToValidUTF8(v, "\uFFFD")
	n := 0
	for i := range v {
		if n == maxGiven {
			return v[:i] + "…"
		}
		n++
	}
	return v
}

// Text returns the notice as one sentence for a person: Japanese when lang
// is "ja", English otherwise. It says what was given, what was wrong with
// it and what is used instead, e.g.
//
//	lr: "abc" is not a number; using 0.1.
//	学習率 (lr)：「abc」は数値ではないため、0.1 を使います。
func (n Notice) Text(lang string) string {
	f := lookup(n.Key)
	if lang == "ja" {
		return n.ja(f)
	}
	return n.en(f)
}

// en is Text in English.
func (n Notice) en(f field) string {
	using := "using " + n.Used
	if n.Used == "" {
		using = "leaving it to the browser"
		if f.unsetEn != "" {
			using = f.unsetEn
		}
	}
	var what string
	switch {
	case n.Kind == Clamped && n.side() > 0:
		what = fmt.Sprintf("%s is above the largest allowed %s", n.Given, n.Used)
	case n.Kind == Clamped && n.side() < 0:
		what = fmt.Sprintf("%s is below the smallest allowed %s", n.Given, n.Used)
	case n.Kind == Clamped:
		what = fmt.Sprintf("%s is out of range", n.Given)
	case n.Kind == Repeated:
		what = fmt.Sprintf("given more than once; ignoring %q and", n.Given)
	case n.Kind == Version:
		what = fmt.Sprintf("%q is not a link version this page reads", n.Given)
		using = "reading the link as version " + n.Used
	case n.Kind == Locked:
		return fmt.Sprintf("%s: fixed by this link; keeping %s.", n.Key, n.Used)
	case n.Given == "":
		what = "no value given"
	default:
		what = fmt.Sprintf("%q %s", n.Given, f.notEn)
	}
	if n.Kind == Repeated {
		return fmt.Sprintf("%s: %s %s.", n.Key, what, using)
	}
	return fmt.Sprintf("%s: %s; %s.", n.Key, what, using)
}

// ja is Text in Japanese.
func (n Notice) ja(f field) string {
	label := n.Key
	if f.ja != "" {
		label = f.ja + " (" + n.Key + ")"
	}
	using := n.Used + " を使います"
	if n.Used == "" {
		using = "ブラウザの設定に従います"
		if f.unsetJa != "" {
			using = f.unsetJa
		}
	}
	var why string
	switch {
	case n.Kind == Clamped && n.side() > 0:
		why = fmt.Sprintf("%s は上限 %s を超えるため", n.Given, n.Used)
	case n.Kind == Clamped && n.side() < 0:
		why = fmt.Sprintf("%s は下限 %s を下回るため", n.Given, n.Used)
	case n.Kind == Clamped:
		why = fmt.Sprintf("%s は範囲外のため", n.Given)
	case n.Kind == Repeated:
		why = fmt.Sprintf("複数回指定されているため、後の「%s」は無視して", n.Given)
	case n.Kind == Version:
		why = fmt.Sprintf("「%s」はこのページが対応していない版のため", n.Given)
		using = "版 " + n.Used + " として読み込みます"
	case n.Kind == Locked:
		return fmt.Sprintf("%s：このリンクで固定されているため、%s のままにします。", label, n.Used)
	case n.Given == "":
		why = "値が空のため"
	default:
		why = fmt.Sprintf("「%s」は%sため", n.Given, f.notJa)
	}
	return fmt.Sprintf("%s：%s、%s。", label, why, using)
}

// side returns +1 if Given is above Used, -1 if below, 0 if either is not
// a number (a Given cut short is not) or they are equal.
func (n Notice) side() int {
	g, err := strconv.ParseFloat(n.Given, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0
	}
	u, err := strconv.ParseFloat(n.Used, 64)
	switch {
	case err != nil:
		return 0
	case g > u:
		return 1
	case g < u:
		return -1
	}
	return 0
}
