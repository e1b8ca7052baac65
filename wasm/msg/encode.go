package msg

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
)

// Vector is a gradient, or part of one: values of ∂L/∂θ.
type Vector []float64

// carrier is a message that carries a Vector after its fields.
type carrier interface {
	vector() *Vector
}

// Encode returns m as it travels between page and worker: its kind, a
// space, its fields as one line of JSON, a newline, and, for a message
// that carries a gradient, the gradient's float64 values in little-endian
// IEEE 754, e.g.
//
//	progress {"Run":1,"Step":3,"Done":8000}\n
//
// It fails if a float64 field outside the gradient is NaN or infinite,
// which JSON cannot carry. The gradient travels bit for bit, NaN included.
func Encode(m Message) ([]byte, error) {
	body, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("msg: encoding %s: %w", m.kind(), err)
	}
	var v Vector
	if c, ok := m.(carrier); ok {
		v = *c.vector()
	}
	out := make([]byte, 0, len(m.kind())+len(body)+2+8*len(v))
	out = append(append(append(out, m.kind()...), ' '), body...)
	out = append(out, '\n')
	for _, x := range v {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(x))
	}
	return out, nil
}

// Decode returns the message encoded in data, as a pointer to one of this
// package's types.
func Decode(data []byte) (Message, error) {
	head, raw, _ := bytes.Cut(data, []byte("\n"))
	kind, body, _ := bytes.Cut(head, []byte(" "))
	newMessage, ok := kinds[string(kind)]
	if !ok {
		return nil, fmt.Errorf("msg: unknown message kind %.20q", kind)
	}
	m := newMessage()
	if err := json.Unmarshal(body, m); err != nil {
		return nil, fmt.Errorf("msg: decoding %s: %w", kind, err)
	}
	c, ok := m.(carrier)
	switch {
	case !ok && len(raw) > 0:
		return nil, fmt.Errorf("msg: a %s carries no gradient, got %d bytes", kind, len(raw))
	case len(raw)%8 != 0:
		return nil, fmt.Errorf("msg: a gradient of %d bytes is not whole float64s", len(raw))
	case ok:
		v := make(Vector, len(raw)/8)
		for i := range v {
			v[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
		}
		*c.vector() = v
	}
	return m, nil
}
