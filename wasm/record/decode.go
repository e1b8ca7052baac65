package record

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bibun/nn/spec"
	"bibun/wasm/link"
	"bibun/wasm/msg"
)

// Kind says why a file is not a saved run Decode can read.
type Kind int

const (
	// NotJSON: the file is not JSON (or is JSON this reader refuses:
	// invalid UTF-8, a key twice, nesting deeper than a record's).
	NotJSON Kind = iota
	// NotRecord: JSON, but not a saved bibun run: no "format": "bibun-run".
	NotRecord
	// WrongVersion: a saved run of a format version this page cannot read.
	WrongVersion
	// TooLarge: larger than MaxBytes.
	TooLarge
	// Missing: a field is missing or is not of its type (a string, a
	// number, a list…).
	Missing
	// OutOfRange: a value is outside its range, or not one of its choices.
	OutOfRange
	// Mismatch: two parts of the file disagree: the link and the
	// settings, or the method and the settings' grad.
	Mismatch
	// RowCount: the rows disagree with the settings' steps or the status,
	// or are not the steps 1, 2, 3 … in order.
	RowCount
)

var kindNames = [...]string{"not-json", "not-record", "version", "too-large", "missing", "range", "mismatch", "rows"}

// String returns the kind's name, as the page's data-value gives it:
// not-json, not-record, version, too-large, missing, range, mismatch, rows.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Error says why Decode refused a file: what kind of fault, in which
// field, what the field held and what it should hold. The page words it
// in its language; Error gives it in English.
type Error struct {
	Kind   Kind
	Field  string       // where: "version", "settings.lr", "rows[3].loss", "pins[1].rows"; "" for the whole file
	Value  string       // what the field holds; for TooLarge the file's size in bytes, for NotJSON the offset of the fault; cut to 40 runes
	Want   string       // what it should hold, in notation: "1", "1–15", "0–1", "a number" (Missing: a JSON kind); for NotJSON what is wrong, in English
	Notice *link.Notice // for OutOfRange in settings: what the link's rules make of the value
}

func (e *Error) Error() string {
	s := "record: "
	switch e.Kind {
	case NotJSON:
		return s + "the file is not JSON (" + e.Want + " at byte " + e.Value + ")"
	case NotRecord:
		return s + "the file is not a saved bibun run"
	case WrongVersion:
		return s + "format version " + e.Value + ", this page reads version " + e.Want
	case TooLarge:
		return s + "the file has " + e.Value + " bytes, more than " + e.Want
	case Missing:
		return s + e.Field + " is missing or is not " + e.Want
	case OutOfRange:
		return s + e.Field + " is " + e.Value + ", out of its range " + e.Want
	case Mismatch:
		return s + e.Field + " is " + e.Value + ", which disagrees with " + e.Want
	}
	return s + e.Field + " is " + e.Value + ", want " + e.Want
}

// maxShown is how many runes of a value an Error keeps.
const maxShown = 40

// shown returns v as an Error shows it: valid UTF-8, at most maxShown runes.
func shown(v string) string {
	v = strings.ToValidUTF8(v, "\uFFFD")
	if utf8.RuneCountInString(v) <= maxShown {
		return v
	}
	return string([]rune(v)[:maxShown]) + "…"
}

// Decode reads a saved run, as Encode writes it, and checks it whole: the
// format and version, every setting within the link's ranges, the link and
// the method agreeing with the settings, a status, and rows that are the
// steps 1 … n with figures in their ranges, n being the settings' steps
// for a run that is done and fewer for one that is not; the same for each
// pin, and at most MaxPins of them. It returns an *Error for the first
// fault, and then no Record. A UTF-8 byte order mark before the JSON is
// allowed; fields it does not know are ignored.
func Decode(data []byte) (Record, error) {
	if len(data) > MaxBytes {
		return Record{}, TooLargeError(len(data))
	}
	data = trimBOM(data)
	top, err := parse(data)
	if err != nil {
		e := &Error{Kind: NotJSON, Want: err.Error()}
		if se, ok := err.(*syntaxError); ok { // not errors.As, whose reflection would add 26 kB to the page
			e.Value, e.Want = strconv.Itoa(se.Offset), se.Why
		}
		return Record{}, e
	}
	if f, ok := top.get("format"); top.kind != jsonObject || !ok || f.kind != jsonString || f.text != Format {
		return Record{}, &Error{Kind: NotRecord}
	}
	d := decoder{}
	var r Record
	if v := d.number(top, "version", ""); d.err == nil && v != strconv.Itoa(Version) {
		return Record{}, &Error{Kind: WrongVersion, Field: "version", Value: shown(v), Want: strconv.Itoa(Version)}
	}
	r.Saved = d.text(top, "saved", "")
	r.Browser = d.text(top, "browser", "")
	r.Run = d.run(top, "")
	if v, ok := top.get("gradient_check"); ok && d.err == nil {
		r.Check = d.check(v, "gradient_check")
	}
	if v, ok := top.get("h_sweep"); ok && d.err == nil {
		r.Sweep = d.sweep(v, "h_sweep")
	}
	if v, ok := top.get("cost"); ok && d.err == nil {
		r.Cost = d.cost(v, "cost")
	}
	if pins, ok := top.get("pins"); ok && d.err == nil {
		if pins.kind != jsonArray {
			d.fail(&Error{Kind: Missing, Field: "pins", Want: jsonArray.String()})
		} else if len(pins.items) > MaxPins {
			d.fail(&Error{Kind: OutOfRange, Field: "pins", Value: strconv.Itoa(len(pins.items)), Want: "0–" + strconv.Itoa(MaxPins)})
		}
		for i, p := range pins.items {
			if d.err != nil {
				break
			}
			path := "pins[" + strconv.Itoa(i+1) + "]"
			if p.kind != jsonObject {
				d.fail(&Error{Kind: Missing, Field: path, Want: jsonObject.String()})
				break
			}
			r.Pins = append(r.Pins, d.run(p, path+"."))
		}
	}
	if d.err != nil {
		return Record{}, d.err
	}
	return r, nil
}

// TooLargeError is the Error of a file of size bytes, more than MaxBytes:
// the page gives it before reading such a file.
func TooLargeError(size int) *Error {
	return &Error{Kind: TooLarge, Value: strconv.Itoa(size), Want: strconv.Itoa(MaxBytes)}
}

// trimBOM drops a UTF-8 byte order mark, which some editors write.
func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// decoder reads the fields of a record, keeping the first fault: after
// it, every read returns a zero value.
type decoder struct{ err *Error }

func (d *decoder) fail(e *Error) {
	if d.err == nil {
		d.err = e
	}
}

// object checks that obj, at path, is an object, or fails (Missing); it
// returns the path of obj's fields.
func (d *decoder) object(obj value, path string) (fields string, ok bool) {
	if obj.kind != jsonObject {
		d.fail(&Error{Kind: Missing, Field: path, Want: jsonObject.String()})
		return "", false
	}
	return path + ".", true
}

// objects calls each with every element of obj's field key, an array of
// objects with at most most elements (want says how many, for the
// notice), and with the path of the element's fields. It reports whether
// every element was read without error.
func (d *decoder) objects(obj value, key, path string, most int, want string, each func(v value, path string)) bool {
	list, ok := d.member(obj, key, path, jsonArray)
	if !ok {
		return false
	}
	for i, v := range list.items {
		if v.kind != jsonObject || i >= most {
			d.fail(&Error{Kind: OutOfRange, Field: path + key, Value: strconv.Itoa(len(list.items)), Want: want})
			return false
		}
		each(v, path+key+"["+strconv.Itoa(i+1)+"].")
	}
	return d.err == nil
}

// member returns field key of object obj, of kind k, or fails (Missing).
func (d *decoder) member(obj value, key, path string, k kind) (value, bool) {
	if d.err != nil {
		return value{}, false
	}
	v, ok := obj.get(key)
	if !ok || v.kind != k {
		d.fail(&Error{Kind: Missing, Field: path + key, Want: k.String()})
		return value{}, false
	}
	return v, true
}

// text returns the string field key, of at most maxText bytes.
func (d *decoder) text(obj value, key, path string) string {
	v, ok := d.member(obj, key, path, jsonString)
	if ok && len(v.text) > maxText {
		d.fail(&Error{Kind: OutOfRange, Field: path + key, Value: shown(v.text), Want: "0–" + strconv.Itoa(maxText) + " B"})
		return ""
	}
	return v.text
}

// number returns the literal of the number field key.
func (d *decoder) number(obj value, key, path string) string {
	v, _ := d.member(obj, key, path, jsonNumber)
	return v.text
}

// integer returns the number field key, which must be a whole number in
// [lo, hi].
func (d *decoder) integer(obj value, key, path string, lo, hi int) int {
	lit := d.number(obj, key, path)
	if d.err != nil {
		return 0
	}
	n, err := strconv.Atoi(lit)
	if err != nil || n < lo || n > hi {
		d.fail(&Error{Kind: OutOfRange, Field: path + key, Value: shown(lit), Want: strconv.Itoa(lo) + "–" + strconv.Itoa(hi)})
		return 0
	}
	return n
}

// real returns the number field key, which must be finite and in [lo, hi].
func (d *decoder) real(obj value, key, path string, lo, hi float64) float64 {
	lit := d.number(obj, key, path)
	if d.err != nil {
		return 0
	}
	x, err := strconv.ParseFloat(lit, 64)
	if err != nil || !(x >= lo && x <= hi) || math.IsInf(x, 0) {
		d.fail(&Error{Kind: OutOfRange, Field: path + key, Value: shown(lit),
			Want: strconv.FormatFloat(lo, 'g', -1, 64) + "–" + strconv.FormatFloat(hi, 'g', -1, 64)})
		return 0
	}
	return x
}

// Limits of the figures a row or a teaching result may hold.
const (
	maxEvals = 1 << 50 // loss evaluations of a step: 2P at most, P ≤ 1024·512 + …
	maxMs    = 1e9     // milliseconds: eleven days
)

// run reads the members of a run (of the record, or of a pin at path).
func (d *decoder) run(obj value, path string) Run {
	var r Run
	r.Config = d.config(obj, path)
	if d.err != nil {
		return Run{}
	}
	if m := d.text(obj, "method", path); d.err == nil && m != string(r.Config.Method) {
		d.fail(&Error{Kind: Mismatch, Field: path + "method", Value: shown(m), Want: path + "settings.grad"})
	}
	if l := d.text(obj, "link", path); d.err == nil {
		s, notices := link.Parse(l)
		if len(notices) > 0 || s.Config != r.Config {
			d.fail(&Error{Kind: Mismatch, Field: path + "link", Value: shown(l), Want: path + "settings"})
		}
	}
	st := Status(d.text(obj, "status", path))
	if d.err == nil && !slices.Contains(statuses, st) {
		d.fail(&Error{Kind: OutOfRange, Field: path + "status", Value: shown(string(st)), Want: "done, paused, diverged, error"})
	}
	r.Status = st
	rows, ok := d.member(obj, "rows", path, jsonArray)
	if !ok {
		return Run{}
	}
	n, steps := len(rows.items), r.Config.Steps
	switch {
	case n == 0:
		d.fail(&Error{Kind: RowCount, Field: path + "rows", Value: "0", Want: "1–" + strconv.Itoa(steps)})
	case st == Done && n != steps: // a run done took every step
		d.fail(&Error{Kind: RowCount, Field: path + "rows", Value: strconv.Itoa(n), Want: strconv.Itoa(steps)})
	case st != Done && n >= steps: // a run that stopped short took fewer
		d.fail(&Error{Kind: RowCount, Field: path + "rows", Value: strconv.Itoa(n), Want: "1–" + strconv.Itoa(steps-1)})
	}
	if d.err != nil {
		return Run{}
	}
	r.Rows = make([]spec.Metrics, n)
	for i, row := range rows.items {
		p := path + "rows[" + strconv.Itoa(i+1) + "]"
		if row.kind != jsonObject {
			d.fail(&Error{Kind: Missing, Field: p, Want: jsonObject.String()})
			return Run{}
		}
		p += "."
		m := spec.Metrics{
			Step:     d.integer(row, ColStep, p, 0, math.MaxInt32),
			Loss:     d.real(row, ColLoss, p, 0, maxLoss),
			TrainAcc: d.real(row, ColTrain, p, 0, 1),
			TestAcc:  d.real(row, ColTest, p, 0, 1),
			Evals:    d.integer(row, ColEvals, p, 0, maxEvals),
			GradMs:   d.real(row, ColGradMs, p, 0, maxMs),
		}
		if d.err == nil && m.Step != i+1 {
			d.fail(&Error{Kind: RowCount, Field: p + ColStep, Value: strconv.Itoa(m.Step), Want: strconv.Itoa(i + 1)})
		}
		if d.err != nil {
			return Run{}
		}
		r.Rows[i] = m
	}
	return r
}

// config reads the settings of a run: every setting a link writes of
// any run (grad, size, … seed), each a number or (grad) a string, and
// those of the optional ones it has (bug); each within the link's ranges
// (link.Parse gives no notice). Settings of the page alone (workers,
// lang, the classroom's keys) and keys no link knows are ignored.
func (d *decoder) config(obj value, path string) spec.Config {
	set, ok := d.member(obj, "settings", path, jsonObject)
	if !ok {
		return spec.Config{}
	}
	for _, s := range settings(spec.Article()) { // present in every run
		v, ok := set.get(s.Key)
		want := jsonNumber
		if !s.number() {
			want = jsonString
		}
		if !ok || v.kind != want {
			d.fail(&Error{Kind: Missing, Field: path + "settings." + s.Key, Want: want.String()})
			return spec.Config{}
		}
	}
	var b strings.Builder
	b.WriteString("v=1")
	for i, k := range set.keys {
		v := set.vals[i]
		if k == "v" || v.kind != jsonNumber && v.kind != jsonString {
			continue
		}
		b.WriteString("&" + link.Escape(k) + "=" + link.Escape(v.text))
	}
	st, notices := link.Parse(b.String())
	for _, n := range notices {
		if !slices.Contains(configKeys, n.Key) {
			continue // a key of the page alone, which the run does not take
		}
		v, _ := set.get(n.Key)
		d.fail(&Error{Kind: OutOfRange, Field: path + "settings." + n.Key, Value: shown(v.text), Notice: &n})
		return spec.Config{}
	}
	return st.Config
}

// configKeys are the link's keys of a run's settings: its Config's.
var configKeys = func() []string {
	c := spec.Article()
	c.Bug = spec.Bugs[0] // an optional one, written when set
	var keys []string
	for _, s := range settings(c) {
		keys = append(keys, s.Key)
	}
	return keys
}()

// check reads a gradient check.
func (d *decoder) check(obj value, path string) *msg.GradientChecked {
	p, ok := d.object(obj, path)
	if !ok {
		return nil
	}
	c := &msg.GradientChecked{
		Step:   d.integer(obj, "step", p, 0, spec.MaxSteps),
		Method: spec.Method(d.text(obj, "method", p)),
	}
	if v, ok := d.member(obj, "sampled", p, jsonBool); ok {
		c.Sampled = v.b
	}
	if d.err == nil && c.Method != spec.Numerical && c.Method != spec.Incremental {
		d.fail(&Error{Kind: OutOfRange, Field: p + "method", Value: shown(string(c.Method)), Want: "numerical, incremental"})
	}
	c.Tensors = []msg.TensorCheck{}
	if !d.objects(obj, "tensors", p, 4, "4", func(t value, tp string) {
		c.Tensors = append(c.Tensors, msg.TensorCheck{
			Name:      d.text(t, "name", tp),
			Params:    d.integer(t, "params", tp, 0, math.MaxInt32),
			RelErr:    d.real(t, "rel_err", tp, 0, math.MaxFloat64),
			MaxRelErr: d.real(t, "max_rel_err", tp, 0, math.MaxFloat64),
		})
	}) {
		return nil
	}
	c.Done, c.Total = 1, 1
	return c
}

// sweep reads an h sweep.
func (d *decoder) sweep(obj value, path string) *msg.HSwept {
	p, ok := d.object(obj, path)
	if !ok {
		return nil
	}
	s := &msg.HSwept{
		Step:   d.integer(obj, "step", p, 0, spec.MaxSteps),
		Params: d.integer(obj, "params", p, 0, math.MaxInt32),
	}
	if !d.objects(obj, "points", p, 64, "0–64", func(pt value, pp string) {
		s.H = append(s.H, d.real(pt, "h", pp, 0, 1))
		s.Err = append(s.Err, d.real(pt, "rel_err", pp, 0, math.MaxFloat64))
	}) {
		return nil
	}
	s.Total = len(s.H)
	return s
}

// cost reads a cost growth.
func (d *decoder) cost(obj value, path string) *msg.CostMeasured {
	p, ok := d.object(obj, path)
	if !ok {
		return nil
	}
	c := &msg.CostMeasured{Slopes: map[spec.Method]float64{}}
	read := d.objects(obj, "points", p, 256, "0–256", func(pt value, pp string) {
		cp := msg.CostPoint{
			Method: spec.Method(d.text(pt, "method", pp)),
			Size:   d.integer(pt, "size", pp, spec.MinSize, spec.MaxSize),
			Hidden: d.integer(pt, "hidden", pp, spec.MinHidden, spec.MaxHidden),
			Params: d.integer(pt, "params", pp, 0, math.MaxInt32),
			Ms:     d.real(pt, "ms", pp, 0, maxMs),
		}
		if d.err == nil && !slices.Contains(spec.Methods, cp.Method) {
			d.fail(&Error{Kind: OutOfRange, Field: pp + "method", Value: shown(string(cp.Method)), Want: "numerical, incremental, backprop"})
		}
		c.Points = append(c.Points, cp)
	})
	if !read {
		return nil
	}
	if slopes, ok := d.member(obj, "slopes", p, jsonObject); ok {
		for _, m := range spec.Methods {
			if _, ok := slopes.get(string(m)); ok {
				c.Slopes[m] = d.real(slopes, string(m), p+"slopes.", -100, 100)
			}
		}
	}
	c.Done, c.Total = 1, 1
	if d.err != nil {
		return nil
	}
	return c
}
