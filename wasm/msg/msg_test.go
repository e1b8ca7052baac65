package msg

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"bibun/nn/spec"
)

// every holds one message of each kind, with values that are hard to carry:
// a seed above 2⁵³, floats that need all 17 digits, a gradient with a NaN,
// an infinity, a negative zero and a subnormal.
var every = []Message{
	&Init{Run: 3, Config: func() spec.Config {
		c := spec.Article()
		c.Seed = math.MaxUint64
		c.LR = 0.1 + 0.2
		return c
	}()},
	&Differentiate{Run: 3, Step: 7, Lo: 100, Hi: 16578},
	&Differentiate{Run: 3, Step: 8, Lo: 0, Hi: 16578, Apply: true},
	&Apply{Run: 3, Step: 7, G: Vector{1.0 / 3, math.NaN(), math.Inf(-1), math.Copysign(0, -1), 5e-324}, Evals: 33156, GradMs: 812.125},
	&Loaded{Speeds: map[spec.Method]float64{spec.Numerical: 1.2345678901234567e6, spec.Backprop: 3e5}},
	&Progress{Run: 3, Step: 7, Done: 8000},
	&Part{Run: 3, Step: 7, Lo: 2, Hi: 4, G: Vector{-0.1, 2.5e-17}, Evals: 4, Ms: 0.5},
	&Part{Run: 3, Step: 7, Lo: 0, Hi: 0, G: Vector{}},
	&Part{Run: 3, Step: 7, Lo: 0, Hi: 0, G: Vector{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}}, // bytes that look like newlines and spaces
	&Measured{Run: 3, Metrics: spec.Metrics{Step: 7, Loss: 0.20094839502398523, TrainAcc: 0.9533333333333334, TestAcc: 0.95, Evals: 33156, GradMs: 1.5},
		Preds: []Pred{{Class: spec.Flat, Prob: 0.99}, {Class: spec.Noise, Prob: 0.5000000000000001}}},
	&Failed{Run: 3, Step: 7, Diverged: true, What: "loss"},
	&Failed{Text: "nn: Hidden must be in 1–512, got 0"},
}

func TestRoundTrip(t *testing.T) { roundTrips(t, every) }

// roundTrips checks that each of ms comes back from Encode and Decode
// bit for bit.
func roundTrips(t *testing.T, ms []Message) {
	t.Helper()
	for _, m := range ms {
		got, err := Decode(Encode(m))
		if err != nil {
			t.Fatalf("Decode(Encode(%#v)): %v", m, err)
		}
		if !sameBits(reflect.ValueOf(got), reflect.ValueOf(m)) {
			t.Errorf("round trip of %s:\n got %#v\nwant %#v", m.kind(), got, m)
		}
	}
}

// sameBits is reflect.DeepEqual with floats compared by their bits, so
// that NaN equals NaN and −0 differs from 0.
func sameBits(a, b reflect.Value) bool {
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case reflect.Float64:
		return math.Float64bits(a.Float()) == math.Float64bits(b.Float())
	case reflect.Pointer:
		return sameBits(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameBits(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameBits(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

func TestNaNOutsideVectorTravels(t *testing.T) {
	for _, m := range []Message{
		&Measured{Metrics: spec.Metrics{Loss: math.NaN(), GradMs: math.Inf(1)}},
		&Failed{Diverged: true, What: "loss", Loss: math.Inf(-1)},
	} {
		got, err := Decode(Encode(m))
		if err != nil || !sameBits(reflect.ValueOf(got), reflect.ValueOf(m)) {
			t.Errorf("round trip of %#v: %#v, %v", m, got, err)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	part := Encode(&Part{Run: 1, Step: 2, Lo: 0, Hi: 2, G: Vector{1, 2}})
	failed := Encode(&Failed{Run: 1, Diverged: true})
	bad := map[string][]byte{
		"nothing":              {},
		"an unknown kind":      append([]byte{8}, "teleport"...),
		"a kind cut short":     {9, 'p', 'a'},
		"a gradient cut short": part[:len(part)-3],
		"bytes left over":      append(slices.Clone(part), 0),
		"a bool of 2":          func() []byte { b := slices.Clone(failed); b[len(failed)-11] = 2; return b }(),
		"a list of 2⁶³":        append([]byte{4}, append([]byte("part"), 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)...),
		"an int of 11 bytes":   append([]byte{8}, append([]byte("progress"), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)...),
	}
	for what, data := range bad {
		if m, err := Decode(data); err == nil {
			t.Errorf("Decode of %s = %#v, want an error", what, m)
		} else if !strings.HasPrefix(err.Error(), "msg: ") {
			t.Errorf("Decode of %s: error %q does not name the package", what, err)
		}
	}
}

// TestEveryFieldTravels fills every field of every kind of message with a
// value of its own (by reflection) and checks the round trip: a field left
// out of fields.go comes back zero.
func TestEveryFieldTravels(t *testing.T) {
	for kind, newMessage := range kinds {
		m := newMessage()
		n := 0
		fill(reflect.ValueOf(m).Elem(), &n)
		got, err := Decode(Encode(m))
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if !sameBits(reflect.ValueOf(got), reflect.ValueOf(m)) {
			t.Errorf("%s does not travel whole:\n got %#v\nwant %#v", kind, got, m)
		}
	}
}

// fill sets every field of v to a distinct non-zero value, counting in n.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Int:
		v.SetInt(int64(*n) * -1000003)
	case reflect.Uint64:
		v.SetUint(math.MaxUint64 - uint64(*n))
	case reflect.Uint8:
		v.SetUint(uint64(*n % 256))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 1.0/3)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d·é", *n))
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, n)
			fill(e, n)
			v.SetMapIndex(k, e)
		}
	default:
		panic("fill: no value for " + v.Type().String())
	}
}

// FuzzDecode: whatever the bytes, Decode returns a message or an error,
// never panics, and what it returns travels again unchanged.
func FuzzDecode(f *testing.F) {
	for _, m := range append(slices.Clone(every), teaching...) {
		f.Add(Encode(m))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		back, err := Decode(Encode(m))
		if err != nil || !sameBits(reflect.ValueOf(back), reflect.ValueOf(m)) {
			t.Fatalf("Decode(%x) = %#v travels as %#v, %v", data, m, back, err)
		}
	})
}

// article returns an Apply carrying a gradient as long as the article's network.
func article() *Apply {
	p := spec.Article().Params()
	g := make(Vector, p)
	for k := range g {
		g[k] = math.Sin(float64(k)) * 1e-3
	}
	return &Apply{Run: 1, Step: 1, G: g, Evals: 2 * p, GradMs: 40}
}

func BenchmarkEncodeArticleGradient(b *testing.B) {
	m := article()
	for b.Loop() {
		Encode(m)
	}
}

func BenchmarkDecodeArticleGradient(b *testing.B) {
	data := Encode(article())
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMeasuredLayout pins the start of a Measured, which the browser tests
// read in JavaScript (e2e spyScript): the kind with its length, then Run
// and Metrics.Step as zigzag varints (n ≥ 0 as 2n).
func TestMeasuredLayout(t *testing.T) {
	data := Encode(&Measured{Run: 3, Metrics: spec.Metrics{Step: 70}})
	want := append([]byte{8}, "measured"...)
	want = append(want, 6, 140, 1)
	if !slices.Equal(data[:len(want)], want) {
		t.Errorf("a Measured starts % x, want % x", data[:len(want)], want)
	}
}
