package wasmdata

import (
	"errors"
	"fmt"
)

// The encoding of an active segment of memory 0 placed at a constant, the
// only kind Merge rewrites: flag 0, then the expression i32.const n; end.
const (
	activeMemory0 = 0x00
	opI32Const    = 0x41
	opEnd         = 0x0b
)

var errShort = errors.New("unexpected end")

// Segments returns the segments of a data section's body, in order.
func Segments(body []byte) ([]Segment, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil {
		return nil, fmt.Errorf("wasmdata: data section: %w", err)
	}
	segs := make([]Segment, 0, min(int(n), len(body)))
	for k := range n {
		s, err := r.segment()
		if err != nil {
			return nil, fmt.Errorf("wasmdata: data segment %d: %w", k, err)
		}
		segs = append(segs, s)
	}
	if r.i != len(body) {
		return nil, fmt.Errorf("wasmdata: data section: %d bytes after its %d segments", len(body)-r.i, n)
	}
	return segs, nil
}

// encode returns the body of a data section holding segs.
func encode(segs []Segment) []byte {
	out := uleb(nil, uint32(len(segs)))
	for _, s := range segs {
		out = append(out, activeMemory0, opI32Const)
		out = sleb(out, int32(s.Offset))
		out = append(out, opEnd)
		out = uleb(out, uint32(len(s.Data)))
		out = append(out, s.Data...)
	}
	return out
}

// reader reads a module or a section from b, at i.
type reader struct {
	b []byte
	i int
}

// segment reads one data segment.
func (r *reader) segment() (Segment, error) {
	flag, err := r.u32()
	if err != nil {
		return Segment{}, err
	}
	if flag != activeMemory0 {
		return Segment{}, fmt.Errorf("flag %d: only active segments of memory 0 are supported", flag)
	}
	if op, err := r.byte(); err != nil || op != opI32Const {
		return Segment{}, errors.New("its offset is not an i32.const")
	}
	off, err := r.s32()
	if err != nil {
		return Segment{}, err
	}
	if end, err := r.byte(); err != nil || end != opEnd {
		return Segment{}, errors.New("its offset is not a lone i32.const")
	}
	n, err := r.u32()
	if err != nil {
		return Segment{}, err
	}
	data, err := r.take(int(n))
	if err != nil {
		return Segment{}, err
	}
	return Segment{Offset: uint32(off), Data: data}, nil
}

// take returns the next n bytes.
func (r *reader) take(n int) ([]byte, error) {
	if n < 0 || n > len(r.b)-r.i {
		return nil, errShort
	}
	out := r.b[r.i : r.i+n]
	r.i += n
	return out, nil
}

// u32 reads an unsigned LEB128 number of at most 32 bits.
func (r *reader) u32() (uint32, error) {
	v, err := r.leb(false)
	if err == nil && (v < 0 || v > 1<<32-1) {
		err = errors.New("a number over 32 bits")
	}
	return uint32(v), err
}

// s32 reads a signed LEB128 number of at most 32 bits.
func (r *reader) s32() (int32, error) {
	v, err := r.leb(true)
	if err == nil && (v < -1<<31 || v > 1<<31-1) {
		err = errors.New("a number over 32 bits")
	}
	return int32(v), err
}

// leb reads a LEB128 number of at most 5 bytes, sign-extended if signed.
func (r *reader) leb(signed bool) (int64, error) {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		if r.i >= len(r.b) {
			return 0, errShort
		}
		c := r.b[r.i]
		r.i++
		v |= int64(c&0x7f) << shift
		if c < 0x80 {
			if signed && c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			return v, nil
		}
	}
	return 0, errors.New("a number over 5 bytes")
}

// section reads a section: its id and its body.
func (r *reader) section() (id byte, body []byte, err error) {
	if id, err = r.byte(); err != nil {
		return 0, nil, err
	}
	n, err := r.u32()
	if err != nil {
		return 0, nil, err
	}
	if body, err = r.take(int(n)); err != nil {
		return 0, nil, fmt.Errorf("section %d: %w", id, err)
	}
	return id, body, nil
}

// byte reads a byte.
func (r *reader) byte() (byte, error) {
	b, err := r.take(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

// uleb appends v as unsigned LEB128.
func uleb(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// sleb appends v as signed LEB128.
func sleb(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
