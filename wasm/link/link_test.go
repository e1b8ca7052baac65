package link

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"

	"bibun/nn/spec"
)

const articleLink = "v=1&grad=incremental&size=256&hidden=64&batch=100&lr=0.1&h=0.0001&steps=15&train=300&test=200&std=0.01&seed=1"

func TestDefault(t *testing.T) {
	d := Default()
	if d.Config != spec.Article() || d.Workers != 0 || d.Lang != "" {
		t.Errorf("Default() = %+v, want spec.Article() with nothing else set", d)
	}
	if got := Format(d); got != articleLink {
		t.Errorf("Format(Default()) = %q, want %q", got, articleLink)
	}
	for _, in := range []string{"", "#", "?", "#?&&", articleLink, "#" + articleLink} {
		if s, notices := Parse(in); s != d || len(notices) > 0 {
			t.Errorf("Parse(%q) = %+v, %v; want Default() and no notices", in, s, notices)
		}
	}
}

func TestTable(t *testing.T) {
	for i, f := range fields {
		if index(f.key) != i {
			t.Errorf("key %q appears twice", f.key)
		}
		for _, a := range f.after {
			if index(a) < 0 || len(lookup(a).after) > 0 {
				t.Errorf("%s reads %q, which is not a row parsed before it", f.key, a)
			}
		}
		if f.ja == "" || f.notEn == "" || f.notJa == "" {
			t.Errorf("%s lacks a Japanese name or an Invalid phrase", f.key)
		}
	}
}

// parseCase is a link and what Parse makes of it: Default() changed by
// edit, and exactly these notices.
type parseCase struct {
	name    string
	in      string
	edit    func(s *State)
	notices []Notice
}

func keep(*State) {}

var cases = []parseCase{
	{"hostile", "hidden=-5&lr=abc&size=1e9&grad=<script>alert(1)</script>",
		func(s *State) { s.Config.Hidden, s.Config.Size = 1, 1024 },
		[]Notice{
			{"grad", "<script>alert(1)</script>", "incremental", Invalid},
			{"size", "1e9", "1024", Clamped},
			{"hidden", "-5", "1", Clamped},
			{"lr", "abc", "0.1", Invalid},
		}},
	{"html-escaped ampersands", "v=1&amp;size=16&amp;amp;hidden=8&amp;lr=0.5&lr=2&amp;=3&amp;nope=4",
		func(s *State) { s.Config.Size, s.Config.Hidden, s.Config.LR = 16, 8, 0.5 },
		[]Notice{{"lr", "2", "0.5", Repeated}}},
	{"nan", "lr=NaN&size=nan", keep,
		[]Notice{{"size", "nan", "256", Invalid}, {"lr", "NaN", "0.1", Invalid}}},
	{"infinities", "lr=Infinity&std=-Infinity&size=inf&steps=-inf&h=1e999",
		func(s *State) {
			s.Config.LR, s.Config.Std, s.Config.Size, s.Config.Steps, s.Config.H = 100, MinStd, 1024, 1, 1
		},
		[]Notice{
			{"size", "inf", "1024", Clamped},
			{"lr", "Infinity", "100", Clamped},
			{"h", "1e999", "1", Clamped},
			{"steps", "-inf", "1", Clamped},
			{"std", "-Infinity", "1e-06", Clamped},
		}},
	{"empty values", "lr=&grad=&seed=&lang=&workers=&hidden", keep,
		[]Notice{
			{"grad", "", "incremental", Invalid},
			{"hidden", "", "64", Invalid},
			{"lr", "", "0.1", Invalid},
			{"seed", "", "1", Invalid},
			{"workers", "", "", Invalid},
			{"lang", "", "", Invalid},
		}},
	{"repeated", "lr=0.5&lr=0.7&size=x&lr=abc&size=5&lang=ja&lang=en",
		func(s *State) { s.Config.LR, s.Lang = 0.5, "ja" },
		[]Notice{
			{"size", "x", "256", Invalid},
			{"size", "5", "256", Repeated},
			{"lr", "0.7", "0.5", Repeated},
			{"lr", "abc", "0.5", Repeated},
			{"lang", "en", "ja", Repeated},
		}},
	{"10 kB of nines", "lr=" + strings.Repeat("9", 10000),
		func(s *State) { s.Config.LR = 100 },
		[]Notice{{"lr", strings.Repeat("9", 40) + "…", "100", Clamped}}},
	{"10 kB of junk", strings.Repeat("&x=y&&=", 1500) + "&size=8", func(s *State) { s.Config.Size = 8 }, nil},
	{"unicode", "学習率=0.5&lr=０.５&lang=日本語&grad=ｂａｃｋｐｒｏｐ", keep,
		[]Notice{
			{"grad", "ｂａｃｋｐｒｏｐ", "incremental", Invalid},
			{"lr", "０.５", "0.1", Invalid},
			{"lang", "日本語", "", Invalid},
		}},
	{"percent-encoded", "lr=%30.5&%73ize=16&grad=back%70rop&std=1e%2B0&h=1e-2", func(s *State) {
		s.Config.LR, s.Config.Size, s.Config.Method, s.Config.Std, s.Config.H = 0.5, 16, spec.Backprop, 1, 0.01
	}, nil},
	{"plus is a plus", "lr=1e+1", func(s *State) { s.Config.LR = 10 }, nil},
	{"bad escapes", "lr=%zz&test=%E3%81%82&steps=%ff&%zz=1", keep,
		[]Notice{
			{"lr", "%zz", "0.1", Invalid},
			{"steps", "\uFFFD", "15", Invalid},
			{"test", "あ", "200", Invalid},
		}},
	{"batch above train", "batch=500&train=50", func(s *State) { s.Config.Batch, s.Config.Train = 50, 50 },
		[]Notice{{"batch", "500", "50", Clamped}}},
	{"batch default fits train", "train=50", func(s *State) { s.Config.Batch, s.Config.Train = 50, 50 }, nil},
	{"batch invalid under small train", "batch=x&train=1", func(s *State) { s.Config.Batch, s.Config.Train = 2, 2 },
		[]Notice{{"batch", "x", "2", Invalid}, {"train", "1", "2", Clamped}}},
	{"lang", "lang=xx", keep, []Notice{{"lang", "xx", "", Invalid}}},
	{"workers", "workers=99", func(s *State) { s.Workers = 8 }, []Notice{{"workers", "99", "8", Clamped}}},
	{"workers zero", "workers=0", func(s *State) { s.Workers = 1 }, []Notice{{"workers", "0", "1", Clamped}}},
	{"workers rounded", "workers=3.6&lang=en", func(s *State) { s.Workers, s.Lang = 4, "en" }, nil},
	{"version", "v=2&size=8", func(s *State) { s.Config.Size = 8 }, []Notice{{"v", "2", "1", Version}}},
	{"version twice", "v=1&v=1", keep, []Notice{{"v", "1", "1", Repeated}}},
	{"seed negative", "seed=-1", keep, []Notice{{"seed", "-1", "1", Invalid}}},
	{"seed max", "seed=18446744073709551615", func(s *State) { s.Config.Seed = 1<<64 - 1 }, nil},
	{"seed overflow", "seed=18446744073709551616&seed=2", keep,
		[]Notice{{"seed", "18446744073709551616", "1", Invalid}, {"seed", "2", "1", Repeated}}},
	{"seed float", "seed=1e3", keep, []Notice{{"seed", "1e3", "1", Invalid}}},
	{"at and below zero", "lr=0&std=-0&h=1e-13&test=1e-400", func(s *State) {
		s.Config.LR, s.Config.Std, s.Config.H, s.Config.Test = MinLR, MinStd, spec.MinH, spec.MinSamples
	}, []Notice{
		{"lr", "0", "1e-06", Clamped},
		{"h", "1e-13", "1e-12", Clamped},
		{"test", "1e-400", "2", Clamped},
		{"std", "-0", "1e-06", Clamped},
	}},
	{"integers from floats", "?size=64.0&hidden=1e2&steps=2.5&test=0x1p4", func(s *State) {
		s.Config.Size, s.Config.Hidden, s.Config.Steps, s.Config.Test = 64, 100, 3, 16
	}, nil},
	{"edges", "lr=100&std=10&h=1e-12&size=1024&hidden=512&steps=10000&train=5000&batch=5000&test=2&seed=0&grad=numerical",
		func(s *State) {
			s.Config = spec.Config{Size: 1024, Hidden: 512, Batch: 5000, LR: 100, H: 1e-12, Steps: 10000,
				Train: 5000, Test: 2, Std: 10, Seed: 0, Method: spec.Numerical}
		}, nil},
	{"unknown keys", "#foo=bar&x&=&lr=0.2&LR=3", func(s *State) { s.Config.LR = 0.2 }, nil},
}

func TestParse(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := checkParse(t, c)
			if err := got.Config.Validate(); err != nil {
				t.Error(err)
			}
			checkRoundTrip(t, got)
		})
	}
}

// checkParse fails t unless c.in parses to the default state with c's edit
// and c's notices, and returns the state parsed.
func checkParse(t *testing.T, c parseCase) State {
	t.Helper()
	want := Default()
	c.edit(&want)
	got, notices := Parse(c.in)
	if got != want {
		t.Errorf("state\n got %+v\nwant %+v", got, want)
	}
	if !slices.Equal(notices, c.notices) {
		t.Errorf("notices\n got %+v\nwant %+v", notices, c.notices)
	}
	return got
}

// checkRoundTrip fails t unless s comes back from its own link untouched.
func checkRoundTrip(t *testing.T, s State) {
	t.Helper()
	link := Format(s)
	if got, notices := Parse(link); got != s || len(notices) > 0 {
		t.Fatalf("Parse(Format(s)) = %+v, %v; want s = %+v, no notices (link %q)", got, notices, s, link)
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, en, ja string }{
		{"lr=abc", `lr: "abc" is not a number; using 0.1.`, "学習率 (lr)：「abc」は数値ではないため、0.1 を使います。"},
		{"size=1e9", "size: 1e9 is above the largest allowed 1024; using 1024.", "入力の画素数 (size)：1e9 は上限 1024 を超えるため、1024 を使います。"},
		{"hidden=-5", "hidden: -5 is below the smallest allowed 1; using 1.", "隠れ層のユニット数 (hidden)：-5 は下限 1 を下回るため、1 を使います。"},
		{"lr=", "lr: no value given; using 0.1.", "学習率 (lr)：値が空のため、0.1 を使います。"},
		{"grad=sgd", `grad: "sgd" is not one of numerical, incremental, backprop; using incremental.`,
			"勾配の計算方法 (grad)：「sgd」は numerical, incremental, backprop のいずれでもないため、incremental を使います。"},
		{"lang=xx", `lang: "xx" is not one of en, ja; leaving it to the browser.`,
			"表示言語 (lang)：「xx」は en, ja のいずれでもないため、ブラウザの設定に従います。"},
		{"lr=0.5&lr=2", `lr: given more than once; ignoring "2" and using 0.5.`,
			"学習率 (lr)：複数回指定されているため、後の「2」は無視して、0.5 を使います。"},
		{"v=2", `v: "2" is not a link version this page reads; reading the link as version 1.`,
			"リンクの版 (v)：「2」はこのページが対応していない版のため、版 1 として読み込みます。"},
		{"std=" + strings.Repeat("1", 41) + "e-400", "std: " + strings.Repeat("1", 40) + "… is out of range; using 1e-06.",
			"初期重みの標準偏差 (std)：" + strings.Repeat("1", 40) + "… は範囲外のため、1e-06 を使います。"},
	}
	for _, tt := range tests {
		_, notices := Parse(tt.in)
		if len(notices) != 1 {
			t.Fatalf("Parse(%q) gave notices %v, want one", tt.in, notices)
		}
		n := notices[0]
		if got := n.Text("en"); got != tt.en {
			t.Errorf("Text(en) of %q\n got %s\nwant %s", tt.in, got, tt.en)
		}
		if got := n.Text("fr"); got != tt.en {
			t.Errorf("Text(fr) of %q = %s, want the English", tt.in, got)
		}
		if got := n.Text("ja"); got != tt.ja {
			t.Errorf("Text(ja) of %q\n got %s\nwant %s", tt.in, got, tt.ja)
		}
	}
}

// TestTextEveryKind checks the sentence of every kind names the key and
// the value used, in both languages, including keys the table lacks.
func TestTextEveryKind(t *testing.T) {
	for _, key := range []string{"lr", "workers", "nokey"} {
		for _, kind := range []Kind{Invalid, Clamped, Repeated, Version, Kind(9)} {
			for _, used := range []string{"3", ""} {
				n := Notice{Key: key, Given: "x", Used: used, Kind: kind}
				en, ja := n.Text("en"), n.Text("ja")
				if !strings.Contains(en, key) || !strings.Contains(ja, key) {
					t.Errorf("%+v: %q / %q lacks the key", n, en, ja)
				}
				if !strings.Contains(en, used) || !strings.Contains(ja, used) {
					t.Errorf("%+v: %q / %q lacks the value used", n, en, ja)
				}
				if !strings.ContainsFunc(ja, func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Han) }) {
					t.Errorf("%+v: %q is not Japanese", n, ja)
				}
				if !strings.HasSuffix(en, ".") || !strings.HasSuffix(ja, "。") || strings.Contains(en, "%!") {
					t.Errorf("%+v: %q / %q is not a sentence", n, en, ja)
				}
			}
		}
	}
	if Clamped.String() != "clamped" || Kind(9).String() != "Kind(9)" {
		t.Errorf("Kind.String: %v, %v", Clamped, Kind(9))
	}
}

func TestCut(t *testing.T) {
	long := strings.Repeat("あ", 41)
	for in, want := range map[string]string{
		"":                        "",
		strings.Repeat("a", 40):   strings.Repeat("a", 40),
		strings.Repeat("a", 41):   strings.Repeat("a", 40) + "…",
		long:                      long[:40*3] + "…",
		"a\xffb":                  "a\uFFFDb",
		strings.Repeat("\xff", 3): "\uFFFD",
	} {
		if got := cut(in); got != want {
			t.Errorf("cut(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatEscapes(t *testing.T) {
	s := Default()
	s.Lang = "a&b=c d+é"
	want := "lang=a%26b%3Dc%20d%2B%C3%A9"
	if got := Format(s); !strings.HasSuffix(got, "&"+want) {
		t.Errorf("Format = %q, want it to end in %q", got, want)
	}
}

// spliced is what Set replaces: the link of s with key=value put in place
// of key's pair, or after the others, escaped as a link writes it.
func spliced(s State, key, value string) string {
	pair := url.QueryEscape(key) + "=" + strings.ReplaceAll(url.QueryEscape(value), "+", "%20")
	pairs := strings.Split(Format(s), "&")
	for i, p := range pairs {
		if k, _, _ := strings.Cut(p, "="); k == key {
			pairs[i] = pair
			return strings.Join(pairs, "&")
		}
	}
	return strings.Join(append(pairs, pair), "&")
}

// TestSet checks Set against Parse of the link with the pair spliced in,
// for every key (and some that are none) with values of every sort, from
// states with and without the page-only keys.
func TestSet(t *testing.T) {
	var states []State
	for _, in := range []string{"", "size=16&hidden=8&train=40&batch=40&workers=3&lang=ja", "train=2&batch=1&lr=100&h=1e-12&seed=18446744073709551615"} {
		s, _ := Parse(in)
		states = append(states, s)
	}
	values := []string{"", "0", "1", "2", "3.6", "-5", "1e9", "1e+2", "0x1p4", "NaN", "Infinity", "abc", "50", "0.3",
		"%zz", "a&b=c d+é", "en", "ja", "backprop", "numerical", "18446744073709551616"}
	keys := []string{"foo", "", "Size"}
	for _, f := range fields {
		keys = append(keys, f.key)
	}
	for _, s := range states {
		for _, k := range keys {
			for _, v := range values {
				got, notices := Set(s, k, v)
				want, wantNotices := Parse(spliced(s, k, v))
				if got != want || !slices.Equal(notices, wantNotices) {
					t.Errorf("Set(%q, %q, %q) = %+v, %v;\nParse of the link gives %+v, %v", Format(s), k, v, got, notices, want, wantNotices)
				}
			}
		}
	}
	s, notices := Set(Default(), "train", "50")
	if s.Config.Train != 50 || s.Config.Batch != 50 || !slices.Equal(notices, []Notice{{"batch", "100", "50", Clamped}}) {
		t.Errorf("train=50 from the article's: train %d, batch %d, notices %v; want 50, 50 and batch clamped", s.Config.Train, s.Config.Batch, notices)
	}
}
