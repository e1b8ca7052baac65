package store

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"bibun/wasm/app/action"
	"bibun/wasm/app/format"
	"bibun/wasm/link"
	"bibun/wasm/record"
)

// files is a Files that keeps what it was asked to save.
type files struct {
	saved  []saved
	charts []string // "loss.png name"
}

type saved struct {
	name, mime string
	data       []byte
}

func (f *files) Download(name, mime string, data []byte) {
	f.saved = append(f.saved, saved{name, mime, data})
}

func (f *files) DownloadChart(chart, name string, png bool) {
	f.charts = append(f.charts, chart+map[bool]string{false: ".svg ", true: ".png "}[png]+name)
}

// quickLink is a run of a few milliseconds a step.
const quickLink = "grad=incremental&size=16&hidden=8&lr=0.3&std=0.1&steps=6"

// at is the visitor's clock in these tests.
var at = time.Date(2026, 11, 28, 14, 32, 5, 0, time.FixedZone("JST", 9*3600))

// recordStore returns a store of link with Files, after running to done.
func recordStore(t *testing.T, fragment string) (*Store, *pool, *address, *files) {
	s, p, a := newStore(t, fragment)
	f := &files{}
	s.SaveTo(f, "TestBrowser/1.0", func() time.Time { return at })
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if s.Status != Done {
		t.Fatalf("status %s, want done", s.Status)
	}
	return s, p, a, f
}

// saveJSON saves s's run and returns the file.
func saveJSON(t *testing.T, s *Store, f *files) saved {
	t.Helper()
	s.OnAction(&action.Save{Format: action.SaveJSON})
	if len(f.saved) == 0 {
		t.Fatal("Save JSON saved nothing")
	}
	return f.saved[len(f.saved)-1]
}

func TestSave(t *testing.T) {
	s, _, _, f := recordStore(t, quickLink)
	s.OnAction(&action.Save{Format: action.SaveCSV})
	file := saveJSON(t, s, f)
	csv := f.saved[0]
	if csv.name != "bibun-incremental-seed1-2026-11-28-1432.csv" || csv.mime != "text/csv" {
		t.Errorf("CSV saved as %q, %q", csv.name, csv.mime)
	}
	if string(csv.data) != string(record.CSV(s.Rows)) {
		t.Errorf("the CSV is not the table's rows")
	}
	if file.name != "bibun-incremental-seed1-2026-11-28-1432.json" || file.mime != "application/json" {
		t.Errorf("JSON saved as %q, %q", file.name, file.mime)
	}
	r, err := record.Decode(file.data)
	if err != nil {
		t.Fatal(err)
	}
	if r.Config != s.Settings.Config || r.Status != record.Done || !reflect.DeepEqual(r.Rows, s.Rows) ||
		r.Browser != "TestBrowser/1.0" || r.Saved != "2026-11-28T14:32:05+09:00" {
		t.Errorf("the saved run: %+v", r)
	}
	for _, c := range []action.SaveFormat{action.SaveLossSVG, action.SaveLossPNG, action.SaveAccuracySVG, action.SaveAccuracyPNG} {
		s.OnAction(&action.Save{Format: c})
	}
	want := []string{
		"loss.svg bibun-incremental-seed1-2026-11-28-1432-loss.svg", "loss.png bibun-incremental-seed1-2026-11-28-1432-loss.png",
		"accuracy.svg bibun-incremental-seed1-2026-11-28-1432-accuracy.svg", "accuracy.png bibun-incremental-seed1-2026-11-28-1432-accuracy.png",
	}
	if !reflect.DeepEqual(f.charts, want) {
		t.Errorf("charts saved: %q, want %q", f.charts, want)
	}

	// Nothing to save at step 0, nor while a run goes.
	s.OnAction(&action.Reset{})
	n := len(f.saved)
	s.OnAction(&action.Save{Format: action.SaveCSV})
	s.OnAction(&action.Run{})
	s.OnAction(&action.Save{Format: action.SaveJSON})
	if len(f.saved) != n || s.RecordControls().Save {
		t.Errorf("saved %d files at step 0 or running", len(f.saved)-n)
	}
}

// TestOpenAndVerify: a saved run opened in a fresh page takes its
// settings and shows its rows; Verify runs it again and finds it
// identical; the same file with one loss changed is different at that
// step, and the run stops there.
func TestOpenAndVerify(t *testing.T) {
	student, _, _, sf := recordStore(t, quickLink+"&seed=7&lr=0.5")
	file := saveJSON(t, student, sf)

	teacher, p, a := newStore(t, "")
	teacher.OnAction(&action.Open{Name: "run.json", Size: len(file.data), Data: file.data})
	if teacher.Settings.Config != student.Settings.Config || a.fragment != link.Format(student.Settings) {
		t.Fatalf("after Open: settings %+v, address %q", teacher.Settings.Config, a.fragment)
	}
	if teacher.Status != Saved || !reflect.DeepEqual(teacher.Rows, student.Rows) || teacher.Saved() == nil {
		t.Fatalf("after Open: status %s, %d rows", teacher.Status, len(teacher.Rows))
	}
	if !teacher.RecordControls().Verify || !teacher.Controls().Run {
		t.Errorf("a saved run cannot be verified or run: %+v %+v", teacher.RecordControls(), teacher.Controls())
	}
	if got := teacher.Measured(); !got.Equal(at) {
		t.Errorf("a saved run was measured %v, want when it was saved", got)
	}
	teacher.OnAction(&action.Verify{})
	if v := teacher.Verdict(); v.State != Checking || len(teacher.Rows) != 0 {
		t.Errorf("verifying: %+v, %d rows", v, len(teacher.Rows))
	}
	p.deliver(-1)
	if v := teacher.Verdict(); v.State != Identical || v.Done != 6 || teacher.Status != Done {
		t.Errorf("after verifying: %+v, status %s", v, teacher.Status)
	}

	// One loss changed by hand, at step 3.
	loss := `"loss": ` + format.Full(student.Rows[2].Loss)
	tampered := strings.Replace(string(file.data), loss, `"loss": 0.5`, 1)
	if tampered == string(file.data) {
		t.Fatalf("no %s in the file", loss)
	}
	teacher.OnAction(&action.Open{Name: "tampered.json", Data: []byte(tampered)})
	teacher.OnAction(&action.Verify{})
	p.deliver(-1)
	v := teacher.Verdict()
	if v.State != Different || v.Diff.Step != 3 || v.Diff.Column != record.ColLoss || v.Diff.Saved != "0.5" {
		t.Errorf("a tampered file: %+v", v)
	}
	if teacher.Status != Paused || len(teacher.Rows) != 3 {
		t.Errorf("the re-run went on past the step that differs: status %s, %d rows", teacher.Status, len(teacher.Rows))
	}

	// A backprop run, whose worker runs a step ahead, stops after that step.
	bp, _, _, bf := recordStore(t, strings.Replace(quickLink, "incremental", "backprop", 1))
	data := saveJSON(t, bp, bf).data
	loss = `"loss": ` + format.Full(bp.Rows[2].Loss)
	teacher.OnAction(&action.Open{Name: "backprop.json", Data: []byte(strings.Replace(string(data), loss, `"loss": 0.5`, 1))})
	teacher.OnAction(&action.Verify{})
	p.deliver(-1)
	if v := teacher.Verdict(); v.State != Different || v.Diff.Step != 3 || teacher.Status != Paused || len(teacher.Rows) != 4 {
		t.Errorf("a tampered backprop file: %+v, status %s, %d rows; want different at step 3, paused after step 4", v, teacher.Status, len(teacher.Rows))
	}

	// A setting changed: the saved run no longer applies.
	teacher.OnAction(&action.Set{Key: "lr", Value: "0.1"})
	if teacher.Saved() != nil || teacher.Verdict().State != Unverified || teacher.RecordControls().Verify {
		t.Errorf("after a setting changed: saved %v, verdict %+v", teacher.Saved(), teacher.Verdict())
	}
}

// TestOpenRefuses: a file that is not a saved run changes nothing, and
// says why.
func TestOpenRefuses(t *testing.T) {
	s, _, a, f := recordStore(t, quickLink)
	file := saveJSON(t, s, f)
	before, rows, fragment := s.Settings, s.Rows, a.fragment
	for _, c := range []struct {
		name string
		open action.Open
		kind record.Kind
	}{
		{"not JSON", action.Open{Name: "x.json", Data: []byte("hello")}, record.NotJSON},
		{"50 MB", action.Open{Name: "big.json", Size: 50 << 20}, record.TooLarge},
		{"a row missing", action.Open{Name: "short.json", Data: []byte(strings.Replace(string(file.data), `"steps": 6`, `"steps": 7`, 1))}, record.Mismatch},
		{"unreadable", action.Open{Name: "gone.json", Err: "NotReadableError"}, 0},
	} {
		s.OnAction(&c.open)
		p := s.OpenFailed()
		switch {
		case p == nil:
			t.Errorf("%s: no problem reported", c.name)
		case c.open.Err != "" && p.Read != c.open.Err:
			t.Errorf("%s: %+v", c.name, p)
		case c.open.Err == "" && (p.Err == nil || p.Err.Kind != c.kind || p.Name != c.open.Name):
			t.Errorf("%s: %+v, want %s", c.name, p, c.kind)
		}
		if s.Settings != before || !reflect.DeepEqual(s.Rows, rows) || a.fragment != fragment || s.Status != Done {
			t.Errorf("%s: the page changed", c.name)
		}
	}
	s.OnAction(&action.Open{Name: "good.json", Data: file.data})
	if s.OpenFailed() != nil || s.Status != Saved {
		t.Errorf("a good file after bad ones: %+v, %s", s.OpenFailed(), s.Status)
	}

	// A page whose link locks lr takes no run of another lr.
	locked, _, la := newStore(t, strings.Replace(quickLink, "lr=0.3", "lr=0.5", 1)+"&lock=lr")
	was := la.fragment
	locked.OnAction(&action.Open{Name: "other-lr.json", Data: file.data})
	if p := locked.OpenFailed(); p == nil || len(p.Locked) != 1 || p.Locked[0] != "lr" || la.fragment != was || locked.Status != Idle {
		t.Errorf("a run of lr 0.3 opened on a page that locks lr 0.5: %+v, %s, %q", p, locked.Status, la.fragment)
	}
}

// TestSavedThenRun: Run or Step on a saved run starts afresh, from step 0.
func TestSavedThenRun(t *testing.T) {
	s, p, _, f := recordStore(t, quickLink)
	file := saveJSON(t, s, f)
	want := s.Rows
	for _, c := range []struct {
		a any
		n int
	}{{&action.Step{}, 1}, {&action.Run{}, 6}} {
		s.OnAction(&action.Open{Name: "run.json", Data: file.data})
		s.OnAction(c.a)
		p.deliver(-1)
		if a, n := c.a, c.n; len(s.Rows) != n || !sameRows(s.Rows, want[:n]) {
			t.Errorf("%T on a saved run: %d rows, want the first %d", a, len(s.Rows), n)
		}
	}
}

func TestPins(t *testing.T) {
	s, p, _, f := recordStore(t, quickLink)
	if !s.RecordControls().Pin {
		t.Fatal("a finished run cannot be pinned")
	}
	s.OnAction(&action.Pin{})
	if len(s.Pins()) != 1 || s.RecordControls().Pin {
		t.Fatalf("after Pin: %d pins, may pin again: %v", len(s.Pins()), s.RecordControls().Pin)
	}
	first := s.Rows
	for _, lr := range []string{"0.5", "0.1", "1"} {
		s.OnAction(&action.Set{Key: "lr", Value: lr})
		if len(s.Pins()) == 0 || !reflect.DeepEqual(s.Pins()[0].Rows, first) {
			t.Fatalf("a new setting dropped or changed the pin")
		}
		s.OnAction(&action.Run{})
		p.deliver(-1)
		s.OnAction(&action.Pin{})
	}
	if len(s.Pins()) != record.MaxPins {
		t.Fatalf("%d pins, want at most %d", len(s.Pins()), record.MaxPins)
	}
	if got := record.Differences(s.Settings.Config, s.Pins()[1].Config); len(got) != 1 || got[0] != (record.Setting{Key: "lr", Value: "0.5"}) {
		t.Errorf("pin 2 differs in %v, want lr 0.5", got)
	}
	s.OnAction(&action.ShowBeside{Pin: 2})
	s.OnAction(&action.Unpin{Pin: 1})
	if len(s.Pins()) != 2 || s.Beside() != 1 || s.Pins()[0].Config.LR != 0.5 {
		t.Errorf("after Unpin 1: %d pins, beside %d", len(s.Pins()), s.Beside())
	}
	// The JSON keeps the pins; a page that opens it gets them back.
	file := saveJSON(t, s, f)
	other, _, _ := newStore(t, "")
	other.OnAction(&action.Open{Name: "pins.json", Data: file.data})
	if !reflect.DeepEqual(other.Pins(), s.Pins()) {
		t.Errorf("the pins did not come through the file")
	}
	s.OnAction(&action.Unpin{Pin: 0})
	if s.Pins() != nil || s.Beside() != 0 {
		t.Errorf("after Unpin all: %d pins, beside %d", len(s.Pins()), s.Beside())
	}
}

// TestVerifyDiverged: a re-run that diverges where the saved run did not
// is different at that step.
func TestVerifyDiverged(t *testing.T) {
	s, p, _, f := recordStore(t, quickLink)
	file := saveJSON(t, s, f)
	s.OnAction(&action.Open{Name: "run.json", Data: file.data})
	s.OnAction(&action.Verify{})
	// The workers say step 1 diverged.
	p.lose()
	s.diverge(1, "loss", math.Inf(1))
	if v := s.Verdict(); v.State != Different || v.Diff.Step != 1 || v.Diff.Got != "diverged" {
		t.Errorf("a re-run that diverged: %+v", v)
	}
}
