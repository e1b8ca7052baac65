package link

import (
	"slices"
	"testing"

	"bibun/nn/spec"
)

// The keys of the derivative views: bug (a run setting) and param (the
// page's, like lang: the parameter the Wiggle view nudges).
var deriveCases = []parseCase{
	{"a bug", "grad=backprop&bug=sigmoid-prime",
		func(s *State) { s.Config.Method, s.Config.Bug = spec.Backprop, spec.SigmoidPrime }, nil},
	{"a hostile bug", "bug=<script>alert(1)</script>", keep,
		[]Notice{{"bug", "<script>alert(1)</script>", "", Invalid}}},
	{"the last parameter", "param=16577", func(s *State) { s.Param = 16577 }, nil},
	{"a parameter below θ", "param=-1", keep, []Notice{{"param", "-1", "", Clamped}}},
	{"a parameter past θ", "param=1e9", func(s *State) { s.Param = 16577 }, []Notice{{"param", "1e9", "16577", Clamped}}},
	{"a parameter past a smaller θ", "size=4&hidden=2&param=20", // P = 4·2 + 2 + 4 + 2 = 16
		func(s *State) { s.Config.Size, s.Config.Hidden, s.Param = 4, 2, 15 }, []Notice{{"param", "20", "15", Clamped}}},
	{"a parameter that is no number", "param=W1", keep, []Notice{{"param", "W1", "", Invalid}}},
}

func TestParseDerive(t *testing.T) {
	for _, c := range deriveCases {
		t.Run(c.name, func(t *testing.T) { checkRoundTrip(t, checkParse(t, c)) })
	}
}

// Neither key is written when unset, so every link without them reads as
// before; set, they follow the run's settings.
func TestFormatDerive(t *testing.T) {
	s := Default()
	if got := Format(s); got != "v=1&grad=incremental&size=256&hidden=64&batch=100&lr=0.1&h=0.0001&steps=15&train=300&test=200&std=0.01&seed=1" {
		t.Errorf("the article's link is %q", got)
	}
	s.Config.Bug, s.Param, s.Lang = spec.W2Transposed, 42, "ja"
	if got := Format(s); got != "v=1&grad=incremental&size=256&hidden=64&batch=100&lr=0.1&h=0.0001&steps=15&train=300&test=200&std=0.01&seed=1&bug=w2-transposed&param=42&lang=ja" {
		t.Errorf("with a bug and a parameter the link is %q", got)
	}
}

// A smaller network brings the parameter into its θ, with a notice, as a
// smaller train brings the batch down.
func TestSetShrinksParam(t *testing.T) {
	s, _ := Parse("param=16000")
	s, notices := Set(s, "hidden", "8") // P = 256·8 + 8 + 16 + 2 = 2074
	if s.Param != 2073 || !slices.Equal(notices, []Notice{{"param", "16000", "2073", Clamped}}) {
		t.Errorf("hidden=8: param %d, notices %v; want 2073, param clamped", s.Param, notices)
	}
	s, notices = Set(s, "size", "1024")
	if s.Param != 2073 || len(notices) > 0 {
		t.Errorf("size=1024: param %d, notices %v; want it kept", s.Param, notices)
	}
	for _, v := range []string{"-1", "1e9", "abc"} {
		got, notices := Set(s, "param", v)
		want, wantNotices := Parse(spliced(s, "param", v))
		if got != want || !slices.Equal(notices, wantNotices) {
			t.Errorf("Set param=%s: %+v, %v; the link gives %+v, %v", v, got, notices, want, wantNotices)
		}
	}
}

func TestTextDerive(t *testing.T) {
	tests := []struct{ in, en, ja string }{
		{"bug=<b>", `bug: "<b>" is not one of sigmoid-prime, bias-not-summed, softmax-index, w2-transposed; planting no bug.`,
			"仕込むバグ (bug)：「<b>」は sigmoid-prime, bias-not-summed, softmax-index, w2-transposed のいずれでもないため、バグは仕込みません。"},
		{"param=-1", "param: -1 is out of range; using 0.", "揺らすパラメータ (param)：-1 は範囲外のため、0 を使います。"},
		{"param=1e9", "param: 1e9 is above the largest allowed 16577; using 16577.",
			"揺らすパラメータ (param)：1e9 は上限 16577 を超えるため、16577 を使います。"},
	}
	for _, c := range tests {
		_, notices := Parse(c.in)
		if len(notices) != 1 {
			t.Fatalf("%s: %d notices", c.in, len(notices))
		}
		if en, ja := notices[0].Text("en"), notices[0].Text("ja"); en != c.en || ja != c.ja {
			t.Errorf("%s:\n got %s\n     %s\nwant %s\n     %s", c.in, en, ja, c.en, c.ja)
		}
	}
}
