package store

import (
	"slices"
	"time"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/format"
	"bibun/wasm/link"
	"bibun/wasm/record"
)

// Files saves what the page offers to download, in the visitor's
// downloads folder.
type Files interface {
	Download(name, mime string, data []byte)    // saves data as the file name
	DownloadChart(chart, name string, png bool) // saves chart "loss" or "accuracy" as drawn: SVG, or PNG if png
}

// SavedRun is a run read from a file (package record).
type SavedRun struct {
	Name   string        // the file's name
	Record record.Record // what it holds
}

// OpenProblem is why the latest file opened was not taken: nothing of it
// was used.
type OpenProblem struct {
	Name   string        // the file's name
	Read   string        // why the browser could not read it, as it says; "" if it could
	Err    *record.Error // why it is not a saved run Decode takes, when it was read
	Locked []string      // the keys the page's link locks (link.Keep) in which the saved run differs
}

// VerdictState is how far the verification of a saved run has come.
type VerdictState string

// The states of a verification.
const (
	Unverified VerdictState = ""          // not asked for, or given up (a worker failed, a setting changed)
	Checking   VerdictState = "checking"  // the run goes again, step by step
	Identical  VerdictState = "identical" // every step matched, digit for digit
	Different  VerdictState = "different" // a step did not: Diff says where
)

// Verdict is what the verification of a saved run found.
type Verdict struct {
	State VerdictState
	Diff  record.Diff // where the re-run first differs, when Different
	Steps int         // the saved run's steps, which the re-run compares
	Done  int         // steps compared so far
}

// RecordControls says which of the record's controls can act now.
type RecordControls struct {
	Save   bool // a run with steps, not under way
	Verify bool // a saved run of the page's settings, and no run under way
	Pin    bool // as Save, and the run is not pinned yet, with room for it
	Charts bool // the charts show something: steps, or pinned runs
}

// recording holds the run's record: the file opened, the verification,
// the pinned runs and the page of the table shown.
type recording struct {
	files  Files
	agent  string           // the browser's name, as saved runs record it
	now    func() time.Time // the visitor's clock, in their time zone
	at     time.Time        // when the latest step was measured, in UTC
	saved  *SavedRun        // the latest saved run opened; nil if none
	failed *OpenProblem     // why the latest file opened was refused; nil if it was not
	verify verification
	pins   []record.Run // pinned runs, oldest first: replaced, never changed in place
	beside int          // the pin (from 1) whose losses the table shows beside the run's; 0 none
	page   int          // the table's page (from 1); 0 follows the newest step
}

// verification is a saved run's run again, step by step.
type verification struct {
	rows     []spec.Metrics // the saved rows
	checking bool           // the run goes on; false once decided
	differ   bool           // decided: a step differs
	diff     record.Diff
}

// SaveTo makes Save and Open work: f downloads files, agent names the
// browser in the runs it saves, now is the visitor's clock.
func (s *Store) SaveTo(f Files, agent string, now func() time.Time) {
	s.rec.files, s.rec.agent, s.rec.now = f, agent, now
}

// clock returns the visitor's time.
func (s *Store) clock() time.Time {
	if s.rec.now == nil {
		return time.Now()
	}
	return s.rec.now()
}

// RecordControls returns which of the record's controls can act.
func (s *Store) RecordControls() RecordControls {
	save := len(s.Rows) > 0 && s.Status != Running && s.Status != Idle
	return RecordControls{
		Save:   save,
		Verify: s.Saved() != nil && s.Status != Running,
		Pin:    save && len(s.rec.pins) < record.MaxPins && !s.pinned(),
		Charts: len(s.Rows) > 0 || len(s.rec.pins) > 0,
	}
}

// Saved returns the saved run last opened, while the settings are its
// own; nil otherwise.
func (s *Store) Saved() *SavedRun {
	if sv := s.rec.saved; sv != nil && sv.Record.Config == s.Settings.Config {
		return sv
	}
	return nil
}

// OpenFailed returns why the latest file opened was refused, or nil.
func (s *Store) OpenFailed() *OpenProblem { return s.rec.failed }

// Verdict returns what the verification of the saved run found.
func (s *Store) Verdict() Verdict {
	v := s.rec.verify
	out := Verdict{Steps: len(v.rows), Done: len(s.Rows)}
	switch {
	case v.rows == nil:
		return Verdict{}
	case v.differ:
		out.State, out.Diff, out.Done = Different, v.diff, v.diff.Step
	case !v.checking:
		out.State, out.Done = Identical, len(v.rows)
	case s.Status == Diverged:
		// The saved run took the step this run diverged at.
		k := s.Stopped.Step
		out.State, out.Done = Different, k
		out.Diff = record.Diff{Step: k, Column: record.ColLoss, Got: "diverged"}
		if k >= 1 && k <= len(v.rows) {
			out.Diff.Saved = format.Full(v.rows[k-1].Loss)
		}
	case s.Status == Failed:
		return Verdict{}
	default:
		out.State = Checking
	}
	return out
}

// Measured returns when the latest step was measured, in the visitor's
// time; for a saved run shown as it was, when it was saved. Zero before
// any step.
func (s *Store) Measured() time.Time {
	if sv := s.rec.saved; sv != nil && s.Status == Saved {
		t, _ := record.ParseStamp(sv.Record.Saved)
		return t
	}
	if s.rec.at.IsZero() {
		return time.Time{}
	}
	return s.rec.at.In(s.clock().Location())
}

// open takes a file the visitor opened: a saved run becomes the page's
// settings, its rows the table's (status Saved) and its pins the page's;
// anything else is refused whole, changing nothing, and so is a saved run
// whose settings differ in a key the page's link locks.
func (s *Store) open(a *action.Open) {
	fail := func(p OpenProblem) { p.Name = a.Name; s.rec.failed = &p }
	switch {
	case a.Err != "":
		fail(OpenProblem{Read: a.Err})
		return
	case a.Data == nil && a.Size > record.MaxBytes:
		fail(OpenProblem{Err: record.TooLargeError(a.Size)})
		return
	}
	r, err := record.Decode(a.Data)
	if err != nil {
		e, _ := err.(*record.Error)
		fail(OpenProblem{Err: e})
		return
	}
	next := s.Settings
	next.Config = r.Config
	if _, kept := link.Keep(s.Settings, next); len(kept) > 0 {
		// The link fixes these settings for the class: a run of others is
		// not this page's to show.
		p := OpenProblem{}
		for _, n := range kept {
			p.Locked = append(p.Locked, n.Key)
		}
		fail(p)
		return
	}
	s.settle(next, nil)
	s.reset()
	s.Rows, s.Status = slices.Clone(r.Rows), Saved
	s.rec.saved, s.rec.failed = &SavedRun{Name: a.Name, Record: r}, nil
	s.rec.pins, s.rec.beside = slices.Clone(r.Pins), 0
}

// leaveSaved goes back to step 0 when the table shows a saved run, so
// that a Run or Step starts afresh: the workers never held the saved
// run's network.
func (s *Store) leaveSaved() {
	if s.Status == Saved {
		s.reset()
	}
}

// verifySaved runs the saved run's settings again from step 0, to the
// saved run's last step, comparing each step as it comes (recorded).
func (s *Store) verifySaved() {
	sv := s.Saved()
	if sv == nil || !s.RecordControls().Verify {
		return
	}
	s.reset()
	s.rec.verify = verification{rows: sv.Record.Rows, checking: true}
	s.start(len(sv.Record.Rows))
}

// recorded notes the step just added to the table: when it came and, in a
// verification, whether it matches the saved step; at the first that does
// not, the run stops there.
func (s *Store) recorded() {
	s.rec.at = time.Now() // in the visitor's time zone when read (Measured): asking the browser for it each step costs the page
	v := &s.rec.verify
	k := len(s.Rows)
	if !v.checking || k < 1 || k > len(v.rows) {
		return
	}
	if d, differ := record.Compare(v.rows[k-1], s.Rows[k-1]); differ {
		v.checking, v.differ, v.diff = false, true, d
		s.pauseAt = k
		return
	}
	if k == len(v.rows) {
		v.checking = false
	}
}

// forget drops what described the run just left: its verification and
// the table's page.
func (s *Store) forget() {
	s.rec.verify, s.rec.page = verification{}, 0
}

// Record returns the run as a saved run holds it, saved now. A saved run
// shown as it was keeps its own time, browser and teaching results.
func (s *Store) Record() record.Record {
	r := record.Record{
		Run:     record.Run{Config: s.Settings.Config, Status: s.recordStatus(), Rows: s.Rows},
		Saved:   record.Stamp(s.clock()),
		Browser: s.rec.agent,
		Pins:    s.rec.pins,
	}
	if sv := s.rec.saved; sv != nil && s.Status == Saved {
		r.Saved, r.Browser, r.Check, r.Sweep, r.Cost = sv.Record.Saved, sv.Record.Browser, sv.Record.Check, sv.Record.Sweep, sv.Record.Cost
		return r
	}
	if c := s.GradCheck().Result; c != nil && c.Tensors != nil {
		r.Check = c
	}
	r.Sweep = s.HSweep().Result
	r.Cost = s.CostGrowth().Result
	return r
}

// recordStatus returns how the run stands, as a saved run says it.
func (s *Store) recordStatus() record.Status {
	switch s.Status {
	case Done:
		return record.Done
	case Diverged:
		return record.Diverged
	case Failed:
		return record.Failed
	case Saved:
		if sv := s.rec.saved; sv != nil {
			return sv.Record.Status
		}
	}
	return record.Paused
}

// save downloads the run, or a chart of it, as format says.
func (s *Store) save(format action.SaveFormat) {
	can := s.RecordControls()
	if s.rec.files == nil || !can.Charts {
		return
	}
	c, now := s.Settings.Config, s.clock()
	chart := func(name string, png bool) {
		ext := map[bool]string{false: "svg", true: "png"}[png]
		s.rec.files.DownloadChart(name, record.FileName(c, now, name, ext), png)
	}
	switch format {
	case action.SaveCSV, action.SaveJSON:
		if !can.Save {
			return
		}
		if format == action.SaveCSV {
			s.rec.files.Download(record.FileName(c, now, "", "csv"), "text/csv", record.CSV(s.Rows))
		} else {
			s.rec.files.Download(record.FileName(c, now, "", "json"), "application/json", record.Encode(s.Record()))
		}
	case action.SaveLossSVG:
		chart("loss", false)
	case action.SaveLossPNG:
		chart("loss", true)
	case action.SaveAccuracySVG:
		chart("accuracy", false)
	case action.SaveAccuracyPNG:
		chart("accuracy", true)
	}
}

// TablePage returns the page of the table asked for (from 1), or 0 to
// follow the newest step.
func (s *Store) TablePage() int { return s.rec.page }
