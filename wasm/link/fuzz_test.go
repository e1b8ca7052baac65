package link

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"bibun/nn/spec"
)

// FuzzParse checks that any fragment gives a valid State that survives its
// own link, and notices of bounded size that name their key and the value
// in effect.
func FuzzParse(f *testing.F) {
	for _, c := range cases {
		f.Add(c.in)
	}
	for _, in := range []string{
		articleLink,
		"#v=1&grad=backprop&size=16&hidden=8&batch=10&lr=0.5&h=0.001&steps=100&train=20&test=20&std=0.1&seed=42&workers=4&lang=ja",
		"v=1&grad=numerical&lr=1e-06&std=1e-06&h=1e-12&lang=en",
		"lr=%",
		"=&=&&%",
	} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, notices := Parse(in)
		if err := s.Config.Validate(); err != nil {
			t.Fatalf("Parse(%q) gave an invalid Config: %v", in, err)
		}
		if s.Workers < 0 || s.Workers > MaxWorkers || s.Lang != "" && s.Lang != "en" && s.Lang != "ja" {
			t.Fatalf("Parse(%q) gave Workers %d, Lang %q", in, s.Workers, s.Lang)
		}
		for _, n := range notices {
			if utf8.RuneCountInString(n.Given) > maxGiven+1 || !utf8.ValidString(n.Given) {
				t.Fatalf("Parse(%q) gave Given %q", in, n.Given)
			}
			if index(n.Key) < 0 || !strings.Contains(n.Text("en"), n.Key) || !strings.Contains(n.Text("ja"), n.Key) {
				t.Fatalf("Parse(%q) gave notice %+v, which does not name its key", in, n)
			}
			// The value a notice says is used is the one in effect.
			if used, set := lookup(n.Key).write(s); !set && n.Used != "" || set && n.Used != used {
				t.Fatalf("Parse(%q) gave notice %+v, but %s is %q", in, n, n.Key, used)
			}
		}
		checkRoundTrip(t, s)
	})
}

// FuzzRoundTrip checks Parse(Format(s)) == s for States built from any
// numbers, each mapped into its field's range.
func FuzzRoundTrip(f *testing.F) {
	f.Add(int64(256), int64(64), int64(100), int64(15), int64(300), int64(200), int64(0),
		0.1, 1e-4, 0.01, uint64(1), uint8(1), uint8(0))
	f.Add(int64(-1), int64(math.MaxInt64), int64(math.MinInt64), int64(0), int64(1), int64(2), int64(8),
		math.Inf(1), math.NaN(), math.Copysign(0, -1), uint64(math.MaxUint64), uint8(255), uint8(2))
	f.Add(int64(1024), int64(512), int64(5000), int64(10000), int64(5000), int64(5000), int64(3),
		100.0, 1.0, 10.0, uint64(0), uint8(0), uint8(1))
	f.Add(int64(1), int64(1), int64(1), int64(1), int64(2), int64(2), int64(1),
		MinLR, spec.MinH, MinStd, uint64(7), uint8(2), uint8(1))
	f.Fuzz(func(t *testing.T, size, hidden, batch, steps, train, test, workers int64,
		lr, h, std float64, seed uint64, grad, lang uint8) {
		var s State
		s.Config.Size = into(size, spec.MinSize, spec.MaxSize)
		s.Config.Hidden = into(hidden, spec.MinHidden, spec.MaxHidden)
		s.Config.Steps = into(steps, spec.MinSteps, spec.MaxSteps)
		s.Config.Train = into(train, spec.MinSamples, spec.MaxSamples)
		s.Config.Test = into(test, spec.MinSamples, spec.MaxSamples)
		s.Config.Batch = into(batch, spec.MinBatch, s.Config.Train)
		s.Config.LR = intoReal(lr, MinLR, spec.MaxLR)
		s.Config.H = intoReal(h, spec.MinH, spec.MaxH)
		s.Config.Std = intoReal(std, MinStd, spec.MaxStd)
		s.Config.Seed = seed
		s.Config.Method = spec.Methods[int(grad)%len(spec.Methods)]
		s.Workers = into(workers, 0, MaxWorkers)
		s.Lang = []string{"", "en", "ja"}[lang%3]
		if err := s.Config.Validate(); err != nil {
			t.Fatal(err)
		}
		checkRoundTrip(t, s)
	})
}

// into maps x onto lo…hi, keeping it if already there.
func into(x int64, lo, hi int) int {
	if x >= int64(lo) && x <= int64(hi) {
		return int(x)
	}
	return lo + int(uint64(x)%uint64(hi-lo+1))
}

// intoReal maps x onto [lo, hi], keeping it if already there and spreading
// the rest on a log scale.
func intoReal(x, lo, hi float64) float64 {
	switch {
	case x >= lo && x <= hi:
		return x
	case math.IsNaN(x) || math.IsInf(x, 0):
		return lo
	}
	t := math.Abs(x - math.Trunc(x)) // in [0, 1)
	return min(max(lo*math.Pow(hi/lo, t), lo), hi)
}
