package record

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"bibun/nn"
	"bibun/nn/spec"
	"bibun/wasm/link"
	"bibun/wasm/msg"
)

// quick is a small run: a few milliseconds a step with any method.
func quick(m spec.Method, steps int) spec.Config {
	c := spec.Article()
	c.Size, c.Hidden, c.LR, c.Std, c.Steps, c.Method = 16, 8, 0.3, 0.1, steps, m
	return c
}

// train runs c natively and returns a row per step, as the page's table
// holds them.
func train(t testing.TB, c spec.Config) []spec.Metrics {
	t.Helper()
	tr, err := nn.NewTrainer(c)
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]spec.Metrics, c.Steps)
	for i := range rows {
		if rows[i], err = tr.Step(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
	return rows
}

// sample returns a record with every part set: a run, the teaching
// views' results and two pins.
func sample(t testing.TB) Record {
	c := quick(spec.Incremental, 6)
	lr := c
	lr.LR, lr.Steps = 0.5, 4
	bp := quick(spec.Backprop, 6)
	bp.Bug = spec.SigmoidPrime // a mistake planted in backprop
	return Record{
		Run:     Run{Config: c, Status: Done, Rows: train(t, c)},
		Saved:   "2026-11-28T14:32:05+09:00",
		Browser: `Mozilla/5.0 (X11; Linux x86_64) "quoted" \ back`,
		Check: &msg.GradientChecked{Step: 6, Method: spec.Incremental, Done: 1, Total: 1, Tensors: []msg.TensorCheck{
			{Name: "W1", Params: 128, RelErr: 1.5e-10, MaxRelErr: 3e-8}, {Name: "b1", Params: 8, RelErr: 2e-11, MaxRelErr: 1e-9},
			{Name: "W2", Params: 16, RelErr: 1e-12, MaxRelErr: 4e-10}, {Name: "b2", Params: 2, RelErr: 0, MaxRelErr: 0},
		}},
		Sweep: &msg.HSwept{Step: 6, Params: 154, H: []float64{0.1, 0.01}, Err: []float64{1e-3, 1e-5}, Total: 2},
		Cost: &msg.CostMeasured{Points: []msg.CostPoint{{Method: spec.Numerical, Size: 64, Hidden: 2, Params: 136, Ms: 11.7}},
			Slopes: map[spec.Method]float64{spec.Numerical: 1.97}, Done: 1, Total: 1},
		Pins: []Run{
			{Config: lr, Status: Done, Rows: train(t, lr)},
			{Config: bp, Status: Paused, Rows: train(t, bp)[:3]},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	r := sample(t)
	data := Encode(r)
	if !json.Valid(data) {
		t.Fatalf("Encode wrote what encoding/json does not read:\n%s", data)
	}
	got, err := Decode(data)
	if err != nil {
		t.Fatalf("Decode(Encode(r)): %v\n%s", err, data)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("Decode(Encode(r)) differs:\n got %+v\nwant %+v", got, r)
	}
	if again := Encode(got); !bytes.Equal(again, data) {
		t.Errorf("Encode(Decode(Encode(r))) differs from Encode(r)")
	}
	// Without the teaching views' results and pins.
	bare := Record{Run: r.Run, Saved: r.Saved, Browser: r.Browser}
	if got, err := Decode(Encode(bare)); err != nil || !reflect.DeepEqual(got, bare) {
		t.Errorf("a bare record: %v, %+v", err, got)
	}
}

// TestJSONFields checks the file as another program reads it: every
// field named as the README says, the figures at full precision, the
// same strings as the page's data-value.
func TestJSONFields(t *testing.T) {
	r := sample(t)
	dec := json.NewDecoder(bytes.NewReader(Encode(r)))
	dec.UseNumber()
	var f struct {
		Format   string
		Version  json.Number
		Saved    string
		Browser  string
		Link     string
		Method   string
		Settings map[string]any
		Status   string
		Rows     []map[string]json.Number
		Pins     []struct{ Link, Method, Status string }
		Check    map[string]any `json:"gradient_check"`
		Sweep    map[string]any `json:"h_sweep"`
		Cost     map[string]any
	}
	if err := dec.Decode(&f); err != nil {
		t.Fatal(err)
	}
	if f.Format != "bibun-run" || f.Version != "1" || f.Saved != r.Saved || f.Browser != r.Browser || f.Method != "incremental" || f.Status != "done" {
		t.Errorf("head: %+v", f)
	}
	if f.Link != link.Format(link.State{Config: r.Config}) {
		t.Errorf("link %q", f.Link)
	}
	if len(f.Settings) != 11 || f.Settings["grad"] != "incremental" || f.Settings["lr"] != json.Number("0.3") || f.Settings["seed"] != json.Number("1") {
		t.Errorf("settings %v", f.Settings)
	}
	if len(f.Rows) != len(r.Rows) {
		t.Fatalf("%d rows, want %d", len(f.Rows), len(r.Rows))
	}
	for i, m := range r.Rows {
		want := map[string]json.Number{
			"step": json.Number(strconv.Itoa(m.Step)), "loss": json.Number(full(m.Loss)),
			"train_acc": json.Number(full(m.TrainAcc)), "test_acc": json.Number(full(m.TestAcc)),
			"loss_evals": json.Number(strconv.Itoa(m.Evals)), "gradient_ms": json.Number(full(m.GradMs)),
		}
		if !reflect.DeepEqual(f.Rows[i], want) {
			t.Errorf("row %d: %v, want %v", i+1, f.Rows[i], want)
		}
	}
	if len(f.Pins) != 2 || f.Pins[0].Method != "incremental" || f.Pins[1].Status != "paused" || !strings.Contains(f.Pins[1].Link, "&bug=sigmoid-prime") {
		t.Errorf("pins %+v", f.Pins)
	}
	if f.Check == nil || f.Sweep == nil || f.Cost == nil {
		t.Errorf("teaching results: %v %v %v", f.Check, f.Sweep, f.Cost)
	}
}

func TestCSV(t *testing.T) {
	rows := train(t, quick(spec.Backprop, 3))
	lines := strings.Split(string(CSV(rows)), "\n")
	if lines[0] != "step,loss,train_acc,test_acc,loss_evals,gradient_ms" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 5 || lines[4] != "" {
		t.Fatalf("%d lines, want a header, 3 rows and a final line break: %q", len(lines), lines)
	}
	for i, m := range rows {
		want := strings.Join([]string{strconv.Itoa(m.Step), full(m.Loss), full(m.TrainAcc), full(m.TestAcc),
			strconv.Itoa(m.Evals), full(m.GradMs)}, ",")
		if lines[i+1] != want {
			t.Errorf("row %d: %q, want %q", i+1, lines[i+1], want)
		}
	}
	if got := string(CSV(nil)); got != "step,loss,train_acc,test_acc,loss_evals,gradient_ms\n" {
		t.Errorf("no rows: %q", got)
	}
}

// TestMaxLoss holds the rows' limit to the trainer's.
func TestMaxLoss(t *testing.T) {
	if maxLoss != nn.MaxLoss {
		t.Errorf("maxLoss is %v, nn.MaxLoss %v", maxLoss, nn.MaxLoss)
	}
}

// edit returns the JSON of r with each old replaced by its new, once: a
// file changed by hand.
func edit(t *testing.T, r Record, oldNew ...string) []byte {
	t.Helper()
	data := string(Encode(r))
	for i := 0; i+1 < len(oldNew); i += 2 {
		if !strings.Contains(data, oldNew[i]) {
			t.Fatalf("the JSON has no %q:\n%s", oldNew[i], data)
		}
		data = strings.Replace(data, oldNew[i], oldNew[i+1], 1)
	}
	return []byte(data)
}

// TestDecodeRefuses feeds Decode the files a student, a careless editor
// or a hostile sender might: each is refused whole, with the kind of
// fault and the field that has it.
func TestDecodeRefuses(t *testing.T) {
	r := sample(t)
	r.Pins = nil
	loss1 := `"loss": ` + full(r.Rows[0].Loss)
	cases := []struct {
		name  string
		data  []byte
		kind  Kind
		field string
	}{
		{"empty", nil, NotJSON, ""},
		{"text", []byte("step,loss\n1,0.69\n"), NotJSON, ""},
		{"a CSV saved as .json", CSV(r.Rows), NotJSON, ""},
		{"truncated", Encode(r)[:200], NotJSON, ""},
		{"a key twice", edit(t, r, `"saved":`, `"saved": "x", "saved":`), NotJSON, ""},
		{"too deep", []byte(strings.Repeat("[", 100) + strings.Repeat("]", 100)), NotJSON, ""},
		{"invalid UTF-8", edit(t, r, `"browser": "`, "\"browser\": \"\xff"), NotJSON, ""},
		{"an array", []byte(`[1, 2]`), NotRecord, ""},
		{"another JSON file", []byte(`{"name": "bibun", "version": "1.0.0"}`), NotRecord, ""},
		{"version 2", edit(t, r, `"version": 1`, `"version": 2`), WrongVersion, "version"},
		{"version as text", edit(t, r, `"version": 1`, `"version": "1"`), Missing, "version"},
		{"no settings", edit(t, r, `"settings": {`, `"setting": {`), Missing, "settings"},
		{"lr as text", edit(t, r, `"lr": 0.3`, `"lr": "0.3"`), Missing, "settings.lr"},
		{"lr out of range", edit(t, r, `"lr": 0.3`, `"lr": 1000`), OutOfRange, "settings.lr"},
		{"lr zero", edit(t, r, `"lr": 0.3`, `"lr": 0`), OutOfRange, "settings.lr"},
		{"steps out of range", edit(t, r, `"steps": 6`, `"steps": 1e9`), OutOfRange, "settings.steps"},
		{"seed negative", edit(t, r, `"seed": 1`, `"seed": -1`), OutOfRange, "settings.seed"},
		{"unknown method", edit(t, r, `"grad": "incremental"`, `"grad": "magic"`), OutOfRange, "settings.grad"},
		{"unknown bug", edit(t, r, `"seed": 1`, `"seed": 1, "bug": "typo"`), OutOfRange, "settings.bug"},
		{"method disagrees", edit(t, r, `"method": "incremental"`, `"method": "backprop"`), Mismatch, "method"},
		{"link disagrees", edit(t, r, `&lr=0.3&`, `&lr=0.5&`), Mismatch, "link"},
		{"unknown status", edit(t, r, `"status": "done"`, `"status": "running"`), OutOfRange, "status"},
		{"a loss out of range", edit(t, r, loss1, `"loss": -1`), OutOfRange, "rows[1].loss"},
		{"a loss too large", edit(t, r, loss1, `"loss": 1e400`), OutOfRange, "rows[1].loss"},
		{"a loss as text", edit(t, r, loss1, `"loss": "NaN"`), Missing, "rows[1].loss"},
		{"an accuracy above 1", edit(t, r, `"train_acc": `, `"train_acc": 2, "x": `), OutOfRange, "rows[1].train_acc"},
		{"evals not whole", edit(t, r, `"loss_evals": `, `"loss_evals": 1.5, "x": `), OutOfRange, "rows[1].loss_evals"},
		{"a row missing", edit(t, r, `"steps": 6`, `"steps": 7`, "&steps=6&", "&steps=7&"), RowCount, "rows"},
		{"a row too many", edit(t, r, `"steps": 6`, `"steps": 5`, "&steps=6&", "&steps=5&"), RowCount, "rows"},
		{"all the rows, paused", edit(t, r, `"status": "done"`, `"status": "paused"`), RowCount, "rows"},
		{"steps out of order", edit(t, r, `"step": 2,`, `"step": 3,`), RowCount, "rows[2].step"},
		{"no rows", Encode(Record{Run: Run{Config: r.Config, Status: Paused}}), RowCount, "rows"},
		{"pins not a list", edit(t, r, `"pins": []`, `"pins": {}`), Missing, "pins"},
		{"four pins", edit(t, r, `"pins": []`, `"pins": [{}, {}, {}, {}]`), OutOfRange, "pins"},
		{"a pin not a run", edit(t, r, `"pins": []`, `"pins": [{"rows": []}]`), Missing, "pins[1].settings"},
		{"a browser name of 2 kB", edit(t, r, `"browser": "`, `"browser": "`+strings.Repeat("x", 2000)), OutOfRange, "browser"},
		{"a gradient check of five tensors", edit(t, r, `"tensors": [`, `"tensors": [{"name": "W0", "params": 1, "rel_err": 0, "max_rel_err": 0}, `), OutOfRange, "gradient_check.tensors"},
	}
	for _, c := range cases {
		got, err := Decode(c.data)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: Decode returned %v, want an *Error", c.name, err)
			continue
		}
		if e.Kind != c.kind || e.Field != c.field {
			t.Errorf("%s: %s in %q (%v), want %s in %q", c.name, e.Kind, e.Field, e, c.kind, c.field)
		}
		if !reflect.DeepEqual(got, Record{}) {
			t.Errorf("%s: Decode refused the file but returned %+v", c.name, got)
		}
		if e.Error() == "" || len([]rune(e.Value)) > maxShown+1 {
			t.Errorf("%s: Error() %q, Value %q", c.name, e.Error(), e.Value)
		}
	}
}

func TestDecodeTooLarge(t *testing.T) {
	big := make([]byte, MaxBytes+1)
	_, err := Decode(big)
	var e *Error
	if !errors.As(err, &e) || e.Kind != TooLarge || e.Value != strconv.Itoa(MaxBytes+1) {
		t.Errorf("Decode of %d bytes: %v", len(big), err)
	}
	if e := TooLargeError(50 << 20); e.Kind != TooLarge || !strings.Contains(e.Error(), "52428800") {
		t.Errorf("TooLargeError: %v", e)
	}
}

// TestDecodeAccepts: what a careful editor may change and still have a run.
func TestDecodeAccepts(t *testing.T) {
	r := sample(t)
	for name, data := range map[string][]byte{
		"a byte order mark":          append([]byte("\xEF\xBB\xBF"), Encode(r)...),
		"unknown fields":             edit(t, r, `"saved":`, `"note": {"by": ["me"]}, "saved":`),
		"settings with lang":         edit(t, r, `"grad": "incremental"`, `"grad": "incremental", "lang": "ja", "workers": 8`),
		"compact, as JSON.stringify": compact(t, Encode(r)),
		"escaped text":               edit(t, r, `"saved": "`, `"saved": "\u65e5\u672c \ud83d\ude00 `),
	} {
		if got, err := Decode(data); err != nil {
			t.Errorf("%s: %v", name, err)
		} else if !reflect.DeepEqual(got.Run, r.Run) {
			t.Errorf("%s: the run differs", name)
		}
	}
}

func compact(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLargestRecord: the longest run the link allows, with three pins as
// long, fits well within MaxBytes and reads back.
func TestLargestRecord(t *testing.T) {
	c := quick(spec.Backprop, spec.MaxSteps)
	rows := make([]spec.Metrics, c.Steps)
	for i := range rows {
		// Figures with as many digits as any.
		rows[i] = spec.Metrics{Step: i + 1, Loss: 0.12345678901234567 + float64(i)*1e-17, TrainAcc: 0.9933333333333333,
			TestAcc: 0.9866666666666667, Evals: 33156, GradMs: 1234.5678901234567}
	}
	run := Run{Config: c, Status: Done, Rows: rows}
	r := Record{Run: run, Saved: time.Now().Format(time.RFC3339), Browser: strings.Repeat("x", 300), Pins: []Run{run, run, run}}
	data := Encode(r)
	t.Logf("10,000 steps with three pins: %.1f MB", float64(len(data))/1e6)
	if len(data) > MaxBytes/2 {
		t.Errorf("the largest record takes %d bytes, more than half of MaxBytes (%d)", len(data), MaxBytes)
	}
	if got, err := Decode(data); err != nil || !reflect.DeepEqual(got, r) {
		t.Errorf("Decode: %v", err)
	}
}

func TestDifferences(t *testing.T) {
	a := spec.Article()
	b := a
	b.LR, b.Method = 0.5, spec.Numerical
	got := Differences(a, b)
	want := []Setting{{"grad", "numerical"}, {"lr", "0.5"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Differences = %v, want %v", got, want)
	}
	if got := Differences(a, a); len(got) != 0 {
		t.Errorf("Differences of equal settings = %v", got)
	}
}

func TestFileName(t *testing.T) {
	c := spec.Article()
	c.Method, c.Seed = spec.Backprop, 42
	at := time.Date(2026, 11, 28, 14, 32, 5, 0, time.FixedZone("JST", 9*3600))
	if got := FileName(c, at, "", "json"); got != "bibun-backprop-seed42-2026-11-28-1432.json" {
		t.Errorf("FileName = %q", got)
	}
	if got := FileName(c, at, "loss", "png"); got != "bibun-backprop-seed42-2026-11-28-1432-loss.png" {
		t.Errorf("FileName = %q", got)
	}
}
