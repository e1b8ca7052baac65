// Package text holds the page's two languages and the one mechanism its
// views use to keep their words in both: each view declares, at the top of
// its file, a Table of its own strings with an English and a Japanese row
// side by side, and renders Table.In(lang). The language is a prop that
// Page hands down from the store's settings, so that a change re-renders.
package text

import (
	"slices"
	"strings"
	"unicode"
)

// Lang is a language of the page, written as in the link's lang key.
type Lang string

// The page's languages.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

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
	for _, l := range []Lang{Lang(link), browser} {
		if slices.Contains(Langs, l) {
			return l
		}
	}
	return English
}

// Table holds one view's strings: a T per language, T usually a struct of
// strings and of functions that put numbers, already formatted, into
// sentences.
type Table[T any] map[Lang]T

// In returns the strings of language l, or the English ones if the table
// has none in l.
func (t Table[T]) In(l Lang) T {
	if v, ok := t[l]; ok {
		return v
	}
	return t[English]
}

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
