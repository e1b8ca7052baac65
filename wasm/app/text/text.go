// Package text holds the page's two languages and the one mechanism its
// views use to keep their words in both: each view declares, at the top of
// its file, a Table of its own strings with an English and a Japanese row
// side by side, and renders table[lang]. The language is a prop that
// Page hands down from the store's settings, so that a change re-renders.
package text

import (
	"strconv"
	"strings"
	"unicode"
)

// Lang is a language of the page. It is a small number so that a Table,
// indexed by it, is an array the compiler lays out as data; String gives
// its name as the link's lang key writes it.
type Lang uint8

// The page's languages.
const (
	English Lang = iota
	Japanese
	nLangs // how many there are
)

// names are the languages as the link writes them (BCP 47 primary tags).
var names = [nLangs]string{English: "en", Japanese: "ja"}

// String returns l's name as the link's lang writes it: "en", "ja".
func (l Lang) String() string {
	if l < nLangs {
		return names[l]
	}
	return "Lang(" + strconv.Itoa(int(l)) + ")"
}

// Parse returns the language that the link's lang name names, and
// whether there is one.
func Parse(name string) (Lang, bool) {
	for l, n := range names {
		if n == name {
			return Lang(l), true
		}
	}
	return English, false
}

// Langs lists every language, English first: the languages the page
// offers, and so the values of the link's lang (package link).
var Langs = []Lang{English, Japanese}

// Browser returns the page's language for a browser whose preferred
// language (navigator.language, a BCP 47 tag such as "ja-JP") is tag:
// Japanese for any tag of Japanese, English for every other.
func Browser(tag string) Lang {
	t := strings.ToLower(tag)
	if t == "ja" || strings.HasPrefix(t, "ja-") || strings.HasPrefix(t, "ja_") {
		return Japanese
	}
	return English
}

// Of returns the page's language: the link's lang (one of Langs) when it
// is set, else the browser's, else English.
func Of(link string, browser Lang) Lang {
	if l, ok := Parse(link); ok {
		return l
	}
	if browser < nLangs {
		return browser
	}
	return English
}

// Table holds one view's strings: a T per language, T usually a struct of
// strings and of functions that put numbers, already formatted, into
// sentences. A view writes one as {English: …, Japanese: …} and reads it
// as table[lang]. Being an array, a package-level Table is data in the
// binary rather than code run at start, and indexing it needs no method
// (a generic one would bring an equality function per table into the
// wasm).
type Table[T any] [nLangs]T

// HasJapanese reports whether s holds a hiragana, katakana or kanji.
func HasJapanese(s string) bool {
	for _, r := range s {
		if IsJapanese(r) {
			return true
		}
	}
	return false
}

// IsJapanese reports whether r is a hiragana, a katakana (the prolonged
// sound mark ー included) or a kanji (CJK ideographs and 々).
func IsJapanese(r rune) bool {
	return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) || r == 'ー' || r == '々'
}

// Symbolic reports whether s is notation rather than words, and so needs
// no translation: numbers, symbols, and names of at most two Latin letters
// such as W1, b2, h or P (no run of three letters or more).
func Symbolic(s string) bool {
	run := 0
	for _, r := range s {
		if r < unicode.MaxLatin1 && unicode.IsLetter(r) {
			run++
			if run >= 3 {
				return false
			}
			continue
		}
		run = 0
	}
	return true
}

// Join joins sentences as language l writes them one after another: with a
// space in English, with none in Japanese, whose sentences end in 。.
func (l Lang) Join(sentences ...string) string {
	if l == Japanese {
		return strings.Join(sentences, "")
	}
	return strings.Join(sentences, " ")
}
