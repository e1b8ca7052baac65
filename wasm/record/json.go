package record

import (
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The page's own JSON, read and written here rather than by encoding/json,
// which would add 0.15 MB (gzipped) to the page's wasm for a format this small.
// The reader is strict: it accepts only what encoding/json accepts
// (FuzzParse checks that on any input), and also refuses invalid UTF-8,
// an object with a key twice, and nesting deeper than maxDepth.

// kind says what a JSON value is.
type kind uint8

const (
	jsonNull kind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// String names the kind as an error message does.
func (k kind) String() string {
	return [...]string{"null", "true or false", "a number", "a string", "a list", "an object"}[k]
}

// value is one JSON value as read.
type value struct {
	kind  kind
	text  string   // a string's text, unescaped; a number's literal, as written
	b     bool     // a bool's value
	items []value  // an array's items
	keys  []string // an object's keys, in order
	vals  []value  // an object's values, vals[i] of keys[i]
}

// get returns the member key of an object, and whether it has one.
func (v value) get(key string) (value, bool) {
	for i, k := range v.keys {
		if k == key {
			return v.vals[i], true
		}
	}
	return value{}, false
}

// maxDepth is how deeply arrays and objects may nest: a record nests four
// deep (the record, its pins, a pin, its rows, a row).
const maxDepth = 16

// errSyntax says the bytes are not JSON, or not JSON this reader takes.
var errSyntax = errors.New("not JSON")

// parse reads data as one JSON value, with nothing but white space around it.
func parse(data []byte) (value, error) {
	p := parser{data: data}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return value{}, err
	}
	p.space()
	if p.i != len(p.data) {
		return value{}, p.fail("something after the end of the JSON")
	}
	return v, nil
}

// parser reads JSON from data, at offset i.
type parser struct {
	data []byte
	i    int
}

// syntaxError says where and why the bytes are not JSON.
type syntaxError struct {
	Offset int
	Why    string
}

func (e *syntaxError) Error() string {
	return "not JSON: " + e.Why + " at byte " + strconv.Itoa(e.Offset)
}

func (e *syntaxError) Unwrap() error { return errSyntax }

func (p *parser) fail(why string) error { return &syntaxError{Offset: p.i, Why: why} }

// space skips JSON's white space.
func (p *parser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (value, error) {
	if p.i >= len(p.data) {
		return value{}, p.fail("unexpected end")
	}
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, err := p.string()
		return value{kind: jsonString, text: s}, err
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, w := range []struct {
		word string
		v    value
	}{{"true", value{kind: jsonBool, b: true}}, {"false", value{kind: jsonBool}}, {"null", value{}}} {
		if len(p.data)-p.i >= len(w.word) && string(p.data[p.i:p.i+len(w.word)]) == w.word {
			p.i += len(w.word)
			return w.v, nil
		}
	}
	return value{}, p.fail("unexpected character")
}

func (p *parser) object(depth int) (value, error) {
	if depth > maxDepth {
		return value{}, p.fail("nested too deeply")
	}
	v := value{kind: jsonObject}
	p.i++ // {
	p.space()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return v, nil
	}
	for {
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return value{}, p.fail("expected a key")
		}
		k, err := p.string()
		if err != nil {
			return value{}, err
		}
		if _, dup := v.get(k); dup {
			return value{}, p.fail("the key " + strconv.Quote(k) + " twice")
		}
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return value{}, p.fail("expected ':'")
		}
		p.i++
		p.space()
		x, err := p.value(depth)
		if err != nil {
			return value{}, err
		}
		v.keys, v.vals = append(v.keys, k), append(v.vals, x)
		if done, err := p.separator('}'); err != nil {
			return value{}, err
		} else if done {
			return v, nil
		}
	}
}

// separator reads what follows a member of an object or an element of an
// array: a comma, or close, which ends it (done).
func (p *parser) separator(close byte) (done bool, err error) {
	p.space()
	if p.i >= len(p.data) {
		return false, p.fail("unexpected end")
	}
	switch p.data[p.i] {
	case ',':
		p.i++
		return false, nil
	case close:
		p.i++
		return true, nil
	}
	return false, p.fail("expected ',' or '" + string(close) + "'")
}

func (p *parser) array(depth int) (value, error) {
	if depth > maxDepth {
		return value{}, p.fail("nested too deeply")
	}
	v := value{kind: jsonArray}
	p.i++ // [
	p.space()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return v, nil
	}
	for {
		p.space()
		x, err := p.value(depth)
		if err != nil {
			return value{}, err
		}
		v.items = append(v.items, x)
		if done, err := p.separator(']'); err != nil {
			return value{}, err
		} else if done {
			return v, nil
		}
	}
}

// number reads a number as JSON writes it, keeping its literal.
func (p *parser) number() (value, error) {
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.data[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.data) && p.data[p.i] == '0':
		p.i++
	case digits() == 0:
		return value{}, p.fail("a number without digits")
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return value{}, p.fail("no digits after a decimal point")
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return value{}, p.fail("no digits in an exponent")
		}
	}
	return value{kind: jsonNumber, text: string(p.data[start:p.i])}, nil
}

// string reads a string, undoing its escapes. A \u escape of half a
// surrogate pair alone reads as U+FFFD, as encoding/json reads it.
func (p *parser) string() (string, error) {
	p.i++ // "
	var out []byte
	for {
		if p.i >= len(p.data) {
			return "", p.fail("a string without its closing quote")
		}
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return string(out), nil
		case c < 0x20:
			return "", p.fail("a control character in a string")
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			out = utf8.AppendRune(out, r)
		case c < utf8.RuneSelf:
			out = append(out, c)
			p.i++
		default:
			r, n := utf8.DecodeRune(p.data[p.i:])
			if r == utf8.RuneError && n <= 1 {
				return "", p.fail("invalid UTF-8 in a string")
			}
			out = append(out, p.data[p.i:p.i+n]...)
			p.i += n
		}
	}
}

// escape reads one escape sequence, from its backslash.
func (p *parser) escape() (rune, error) {
	if p.i+1 >= len(p.data) {
		return 0, p.fail("unexpected end")
	}
	c := p.data[p.i+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return 0, p.fail("a bad \\u escape")
		}
		if utf16.IsSurrogate(r) {
			// The second half, if it follows.
			save := p.i
			if p.i+1 < len(p.data) && p.data[p.i] == '\\' && p.data[p.i+1] == 'u' {
				p.i += 2
				if r2, ok := p.hex4(); ok {
					if both := utf16.DecodeRune(r, r2); both != utf8.RuneError {
						return both, nil
					}
				}
			}
			p.i = save
			return utf8.RuneError, nil
		}
		return r, nil
	}
	return 0, p.fail("an unknown escape")
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (p *parser) hex4() (rune, bool) {
	if len(p.data)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// writer builds JSON text. Its methods are not inlined: a record writes
// a hundred fields, and each inlined append weighs on the page's wasm.
type writer struct{ b []byte }

// str writes s as a JSON string.
//
//go:noinline
func (w *writer) str(s string) {
	const hex = "0123456789abcdef"
	w.b = append(w.b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			w.b = append(w.b, '\\', c)
		case c == '\n':
			w.b = append(w.b, '\\', 'n')
		case c == '\r':
			w.b = append(w.b, '\\', 'r')
		case c == '\t':
			w.b = append(w.b, '\\', 't')
		case c < 0x20:
			w.b = append(w.b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		case c < utf8.RuneSelf:
			w.b = append(w.b, c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				w.b = append(w.b, `\ufffd`...)
			} else {
				w.b = append(w.b, s[i:i+n]...)
			}
			i += n
			continue
		}
		i++
	}
	w.b = append(w.b, '"')
}

// raw writes s as it is.
//
//go:noinline
func (w *writer) raw(s string) { w.b = append(w.b, s...) }

// num writes x with every digit it needs to be read back exactly: the
// same string as the page's data-value (format.Full). x must be finite.
//
//go:noinline
func (w *writer) num(x float64) { w.b = strconv.AppendFloat(w.b, x, 'g', -1, 64) }

// int writes n.
//
//go:noinline
func (w *writer) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// key writes "key": after sep (a comma and a line break, or "").
//
//go:noinline
func (w *writer) key(sep, key string) {
	w.raw(sep)
	w.str(key)
	w.raw(": ")
}
