package msg

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Vector is a gradient, or part of one: values of ∂L/∂θ.
type Vector []float64

// Encode returns m as it travels between page and worker: its kind as a
// length-prefixed string, then its fields in their declared order, each as
// a zigzag varint (int), 8 bytes of little-endian IEEE 754 (float64, bit
// for bit, NaN included), a length-prefixed string or []byte, one byte
// (bool), or a length-prefixed list of these. A gradient is a list of
// float64s, so it travels as raw bits after the fields before it. (A hand-written format
// rather than encoding/json: it cost each wasm binary some 150 kB gzipped.)
// Every value of every field has an encoding, so Encode cannot fail.
func Encode(m Message) []byte {
	w, kind := &writer{}, m.kind()
	w.string(&kind)
	m.fields(w)
	return w.b
}

// Decode returns the message encoded in data, as a pointer to one of this
// package's types. It fails, naming the kind, on data that Encode did not
// write: an unknown kind, a field cut short, bytes left over.
func Decode(data []byte) (Message, error) {
	r := &reader{b: data}
	var kind string
	r.string(&kind)
	if r.err != nil {
		return nil, fmt.Errorf("msg: no message kind: %w", r.err)
	}
	newMessage, ok := kinds[kind]
	if !ok {
		return nil, fmt.Errorf("msg: unknown message kind %.20q", kind)
	}
	m := newMessage()
	m.fields(r)
	switch {
	case r.err != nil:
		return nil, fmt.Errorf("msg: decoding %s: %w", kind, r.err)
	case len(r.b) > 0:
		return nil, fmt.Errorf("msg: decoding %s: %d bytes left over", kind, len(r.b))
	}
	return m, nil
}

// A coder writes a message's fields (writer) or reads them back into it
// (reader): each message lists its fields once, in fields, for both.
type coder interface {
	int(*int)
	uint64(*uint64)
	float(*float64)
	bool(*bool)
	string(*string)
	floats(*[]float64)
	bytes(*[]byte)
	count(n int) int // writes n, or reads a list's length; the caller then codes each element
}

// writer appends fields to b.
type writer struct{ b []byte }

func (w *writer) int(v *int)       { w.b = binary.AppendVarint(w.b, int64(*v)) }
func (w *writer) uint64(v *uint64) { w.b = binary.AppendUvarint(w.b, *v) }
func (w *writer) float(v *float64) { w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(*v)) }
func (w *writer) count(n int) int  { w.b = binary.AppendUvarint(w.b, uint64(n)); return n }
func (w *writer) string(s *string) { w.count(len(*s)); w.b = append(w.b, *s...) }
func (w *writer) floats(v *[]float64) {
	w.count(len(*v))
	for _, x := range *v {
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(x))
	}
}
func (w *writer) bytes(v *[]byte) { w.count(len(*v)); w.b = append(w.b, *v...) }
func (w *writer) bool(v *bool) {
	b := byte(0)
	if *v {
		b = 1
	}
	w.b = append(w.b, b)
}

// reader takes fields off the front of b. After the first error it reads
// zeros and keeps the error.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("the data ends inside a field")

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

func (r *reader) int(v *int) {
	x, n := binary.Varint(r.b)
	if n <= 0 || int64(int(x)) != x {
		r.fail(errShort)
		*v = 0
		return
	}
	r.b, *v = r.b[n:], int(x)
}

func (r *reader) uint64(v *uint64) {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(errShort)
		x = 0
	} else {
		r.b = r.b[n:]
	}
	*v = x
}

func (r *reader) float(v *float64) {
	if len(r.b) < 8 {
		r.fail(errShort)
		*v = 0
		return
	}
	*v = math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
}

func (r *reader) bool(v *bool) {
	if len(r.b) < 1 || r.b[0] > 1 {
		r.fail(errors.New("a bool is neither 0 nor 1"))
		*v = false
		return
	}
	*v, r.b = r.b[0] == 1, r.b[1:]
}

// count reads a list's length: at most the bytes left divided by size,
// the least bytes an element takes, so that no length makes a huge list.
func (r *reader) countOf(size int) int {
	var n uint64
	r.uint64(&n)
	if n > uint64(len(r.b)/size) {
		r.fail(fmt.Errorf("a list of %d elements is longer than the data", n))
		return 0
	}
	return int(n)
}

func (r *reader) count(int) int { return r.countOf(1) }

func (r *reader) string(s *string) {
	n := r.countOf(1)
	*s, r.b = string(r.b[:n]), r.b[n:]
}

func (r *reader) floats(v *[]float64) {
	n := r.countOf(8)
	if r.err != nil {
		*v = nil
		return
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Float64frombits(binary.LittleEndian.Uint64(r.b[8*i:]))
	}
	*v, r.b = x, r.b[8*n:]
}

func (r *reader) bytes(v *[]byte) {
	n := r.countOf(1)
	if r.err != nil {
		*v = nil
		return
	}
	*v, r.b = append([]byte(nil), r.b[:n]...), r.b[n:]
}
