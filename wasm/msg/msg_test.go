package msg

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"bibun/nn/spec"
)

// every holds one message of each kind, with values that are hard to carry:
// a seed above 2⁵³, floats that need all 17 digits, a gradient with a NaN,
// an infinity, a negative zero and a subnormal.
var every = []Message{
	&Init{Run: 3, Worker: 1, Config: func() spec.Config {
		c := spec.Article()
		c.Seed = math.MaxUint64
		c.LR = 0.1 + 0.2
		return c
	}()},
	&Differentiate{Run: 3, Step: 7, Lo: 100, Hi: 16578},
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

func TestRoundTrip(t *testing.T) {
	for _, m := range every {
		data, err := Encode(m)
		if err != nil {
			t.Fatalf("Encode(%#v): %v", m, err)
		}
		got, err := Decode(data)
		if err != nil {
			t.Fatalf("Decode(%s): %v", data, err)
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

func TestEncodeRefusesNaNOutsideVector(t *testing.T) {
	_, err := Encode(&Measured{Metrics: spec.Metrics{Loss: math.NaN()}})
	if err == nil {
		t.Fatal("Encode of a NaN loss: no error")
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, data := range []string{
		``,
		`teleport {}`,
		`part`,
		"part {}\nAAAA", // 4 bytes: not whole float64s
		"progress {}\n12345678",
		`progress {"Done":1.5}`,
	} {
		if m, err := Decode([]byte(data)); err == nil {
			t.Errorf("Decode(%s) = %#v, want an error", data, m)
		} else if !strings.HasPrefix(err.Error(), "msg: ") {
			t.Errorf("Decode(%s): error %q does not name the package", data, err)
		}
	}
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
		if _, err := Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeArticleGradient(b *testing.B) {
	data, _ := Encode(article())
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
