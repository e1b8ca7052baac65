package link

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
)

// article holds the defaults of every nn field.
var article = spec.Article()

// fields is the link: one row per key, in the order Format writes them.
// Each row gives the key, its Japanese name for notices, its default, its
// range and where it lives in a State; the constructor (number, choice,
// unsigned, version) supplies how to read and write it. A row whose default
// is the zero value is optional: zero means "not set" and is left out of
// links.
var fields = []field{
	version("v", "リンクの版", "1"),
	choice("grad", "勾配の計算方法", article.Method, spec.Methods,
		func(s *State) *spec.Method { return &s.Config.Method }),
	number("size", "入力の画素数", article.Size, fixed(spec.MinSize, spec.MaxSize),
		func(s *State) *int { return &s.Config.Size }),
	number("hidden", "隠れ層のユニット数", article.Hidden, fixed(spec.MinHidden, spec.MaxHidden),
		func(s *State) *int { return &s.Config.Hidden }),
	number("batch", "バッチサイズ", article.Batch, upToTrain,
		func(s *State) *int { return &s.Config.Batch }).reads("train"),
	number("lr", "学習率", article.LR, fixed(MinLR, spec.MaxLR),
		func(s *State) *float64 { return &s.Config.LR }),
	number("h", "差分の刻み幅", article.H, fixed(spec.MinH, spec.MaxH),
		func(s *State) *float64 { return &s.Config.H }),
	number("steps", "学習ステップ数", article.Steps, fixed(spec.MinSteps, spec.MaxSteps),
		func(s *State) *int { return &s.Config.Steps }),
	number("train", "訓練データ数", article.Train, fixed(spec.MinSamples, spec.MaxSamples),
		func(s *State) *int { return &s.Config.Train }),
	number("test", "テストデータ数", article.Test, fixed(spec.MinSamples, spec.MaxSamples),
		func(s *State) *int { return &s.Config.Test }),
	number("std", "初期重みの標準偏差", article.Std, fixed(MinStd, spec.MaxStd),
		func(s *State) *float64 { return &s.Config.Std }),
	unsigned("seed", "乱数のシード", article.Seed,
		func(s *State) *uint64 { return &s.Config.Seed }),
	choice("bug", "仕込むバグ", spec.NoBug, spec.Bugs,
		func(s *State) *spec.Bug { return &s.Config.Bug }).unset("planting no bug", "バグは仕込みません"),
	number("param", "揺らすパラメータ", 0, inTheta,
		func(s *State) *int { return &s.Param }).reads("size", "hidden").unset("using 0", "0 を使います"),
	number("workers", "ワーカー数", 0, fixed(1, MaxWorkers),
		func(s *State) *int { return &s.Workers }),
	choice("lang", "表示言語", "", langs(),
		func(s *State) *string { return &s.Lang }),
	flag("embed", "埋め込み表示", func(s *State) *bool { return &s.Embed }),
	flag("present", "発表表示", func(s *State) *bool { return &s.Present }),
	list("lock", "固定する設定", "holds a name that is not a key of this link, nor all", "このリンクのキーでも all でもない名前を含む",
		Lockable, true, "locking nothing", "何も固定しません",
		func(s *State) *string { return &s.Lock }),
	list("hide", "隠す部分", "holds a name that is not one of "+strings.Join(Panels, ", "), " "+strings.Join(Panels, ", ")+" 以外の名前を含む",
		func() []string { return Panels }, false, "hiding nothing", "何も隠しません",
		func(s *State) *string { return &s.Hide }),
}

// langs returns the page's languages (text.Langs), as lang names them.
func langs() []string {
	out := make([]string, len(text.Langs))
	for i, l := range text.Langs {
		out[i] = l.String()
	}
	return out
}

// upToTrain is batch's range: a batch is drawn from the training samples.
func upToTrain(s State) (lo, hi int) { return spec.MinBatch, s.Config.Train }

// inTheta is param's range: an index of θ, whose length P depends on size
// and hidden.
func inTheta(s State) (lo, hi int) { return 0, s.Config.Params() - 1 }

// order lists the rows in the order Parse and Default apply them: a row
// whose range reads other fields comes after every other row.
var order = func() []int {
	var first, last []int
	for i, f := range fields {
		if len(f.after) == 0 {
			first = append(first, i)
		} else {
			last = append(last, i)
		}
	}
	return append(first, last...)
}()

// field is one row of the link table.
type field struct {
	key   string   // URL key
	ja    string   // Japanese name, shown with the key in notices
	notEn string   // what an Invalid value is not, e.g. "is not a number"
	notJa string   // the same in Japanese, e.g. "数値ではない" (a space before Latin text)
	after []string // keys of the rows this row's range reads, if any

	unsetEn, unsetJa string // what an unset value means, e.g. "locking nothing"; "" for the browser's choice

	reset func(s *State)                        // sets the default, brought into range
	read  func(s *State, v string) (Kind, bool) // sets the field from a decoded value; true if it needs a Notice
	write func(s State) (v string, set bool)    // the value as written in a link; false if not set
}

// reads returns f, marked as having a range that reads the fields of keys.
func (f field) reads(keys ...string) field {
	f.after = keys
	return f
}

// unset returns f with what its notices say, in English and Japanese, when
// the value used leaves it unset (e.g. "planting no bug").
func (f field) unset(en, ja string) field {
	f.unsetEn, f.unsetJa = en, ja
	return f
}

// fixed returns a range that depends on nothing.
func fixed[T int | float64](lo, hi T) func(State) (T, T) {
	return func(State) (T, T) { return lo, hi }
}

// number returns the row of an integer or real field of range
// bounds(s), inclusive. Integers read any finite number and round it.
func number[T int | float64](key, ja string, def T, bounds func(State) (lo, hi T), ref func(*State) *T) field {
	_, whole := any(def).(int)
	optional := def == 0
	f := field{key: key, ja: ja, notEn: "is not a number", notJa: "数値ではない"}
	f.reset = func(s *State) {
		*ref(s) = def
		if !optional {
			lo, hi := bounds(*s)
			*ref(s) = min(max(def, lo), hi)
		}
	}
	f.read = func(s *State, v string) (Kind, bool) {
		x, err := strconv.ParseFloat(v, 64) // overflow gives ±Inf and ErrRange: clamped below
		if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsNaN(x) {
			f.reset(s)
			return Invalid, true
		}
		if whole {
			x = math.Round(x)
		}
		lo, hi := bounds(*s)
		switch {
		case x < float64(lo):
			*ref(s) = lo
		case x > float64(hi):
			*ref(s) = hi
		default:
			*ref(s) = T(x)
			return 0, false
		}
		return Clamped, true
	}
	f.write = func(s State) (string, bool) {
		x := *ref(&s)
		if whole {
			return strconv.FormatInt(int64(x), 10), !optional || x != 0
		}
		return strconv.FormatFloat(float64(x), 'g', -1, 64), !optional || x != 0
	}
	return f
}

// unsigned returns the row of a uint64 field, written in decimal.
func unsigned(key, ja string, def uint64, ref func(*State) *uint64) field {
	return field{
		key: key, ja: ja,
		notEn: "is not a whole number from 0 to " + strconv.FormatUint(math.MaxUint64, 10),
		notJa: " 0 から " + strconv.FormatUint(math.MaxUint64, 10) + " までの整数ではない",
		reset: func(s *State) { *ref(s) = def },
		read: func(s *State, v string) (Kind, bool) {
			x, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				*ref(s) = def
				return Invalid, true
			}
			*ref(s) = x
			return 0, false
		},
		write: func(s State) (string, bool) { return strconv.FormatUint(*ref(&s), 10), true },
	}
}

// choice returns the row of a field that takes one of opts.
func choice[T ~string](key, ja string, def T, opts []T, ref func(*State) *T) field {
	names := make([]string, len(opts))
	for i, o := range opts {
		names[i] = string(o)
	}
	list := strings.Join(names, ", ")
	return field{
		key: key, ja: ja, notEn: "is not one of " + list, notJa: " " + list + " のいずれでもない",
		reset: func(s *State) { *ref(s) = def },
		read: func(s *State, v string) (Kind, bool) {
			if !slices.Contains(opts, T(v)) {
				*ref(s) = def
				return Invalid, true
			}
			*ref(s) = T(v)
			return 0, false
		},
		write: func(s State) (string, bool) {
			v := *ref(&s)
			return string(v), def != "" || v != ""
		},
	}
}

// version returns the row of the link's format version, which is always v.
func version(key, ja, v string) field {
	return field{
		key: key, ja: ja, notEn: "is not " + v, notJa: " " + v + " ではない",
		reset: func(*State) {},
		read: func(_ *State, given string) (Kind, bool) {
			return Version, given != v
		},
		write: func(State) (string, bool) { return v, true },
	}
}

// index returns the position of key's row in fields, or -1.
func index(key string) int {
	return slices.IndexFunc(fields, func(f field) bool { return f.key == key })
}

// lookup returns the row of key, or a bare row naming key if there is none.
func lookup(key string) field {
	if i := index(key); i >= 0 {
		return fields[i]
	}
	return field{key: key, notEn: "is not valid", notJa: "使える値ではない"}
}
