package record

import (
	"math"
	"strconv"
	"strings"
	"time"

	"bibun/nn/spec"
	"bibun/wasm/link"
	"bibun/wasm/msg"
)

// Format is the value of a saved run's "format" field: what marks a JSON
// file as one.
const Format = "bibun-run"

// Version is the format version Encode writes and Decode reads.
const Version = 1

// Limits of a saved run.
const (
	// MaxBytes is the largest file Decode reads: a run of 10,000 steps
	// with three pins, the largest there can be, takes under 5 MB.
	MaxBytes = 16 << 20
	// MaxPins is how many pinned runs a page keeps, and a file holds.
	MaxPins = 3
	// maxLoss is the largest loss a row may hold: a step past it diverges
	// and is left out of the table (nn.MaxLoss; a test holds them equal).
	maxLoss = 100
	// maxText is the longest text field (the browser's name, the date).
	maxText = 1000
)

// Status is how a saved run ended, as the page's status (data-state)
// writes it.
type Status string

// The statuses a saved run may have: a run under way cannot be saved.
const (
	Done     Status = "done"     // every step taken: Steps rows
	Paused   Status = "paused"   // stopped between steps: fewer rows
	Diverged Status = "diverged" // the next step diverged and is left out
	Failed   Status = "error"    // a worker failed during the next step
)

var statuses = []Status{Done, Paused, Diverged, Failed}

// Run is one run: its settings, how it ended, and a row per step taken.
type Run struct {
	Config spec.Config
	Status Status
	Rows   []spec.Metrics // steps 1 … len(Rows)
}

// Record is a saved run: the run, where and when it ran, what the teaching
// views computed of it, and the runs pinned beside it.
type Record struct {
	Run
	Saved   string               // when it was saved: RFC 3339, in the saving browser's time zone
	Browser string               // the browser it ran in: its navigator.userAgent
	Check   *msg.GradientChecked // the gradient check at its last step, if computed (Tensors set)
	Sweep   *msg.HSwept          // the h sweep at its last step, if computed
	Cost    *msg.CostMeasured    // the cost growth at its batch size, if measured
	Pins    []Run                // runs pinned for comparison, at most MaxPins
}

// Link returns the run's link fragment: its settings alone, without the
// page-only keys workers and lang.
func (r Run) Link() string { return link.Format(link.State{Config: r.Config}) }

// A column of a run's rows, as the CSV header and the JSON rows name it.
const (
	ColStep   = "step"
	ColLoss   = "loss"
	ColTrain  = "train_acc"
	ColTest   = "test_acc"
	ColEvals  = "loss_evals"
	ColGradMs = "gradient_ms" // the one column a re-run does not reproduce
)

// column is one column of the rows: its name and its value in a row,
// written in full.
type column struct {
	name  string
	write func(w *writer, m spec.Metrics)
}

// columns lists the columns in the order the CSV and the JSON write them.
var columns = []column{
	{ColStep, func(w *writer, m spec.Metrics) { w.int(m.Step) }},
	{ColLoss, func(w *writer, m spec.Metrics) { w.num(m.Loss) }},
	{ColTrain, func(w *writer, m spec.Metrics) { w.num(m.TrainAcc) }},
	{ColTest, func(w *writer, m spec.Metrics) { w.num(m.TestAcc) }},
	{ColEvals, func(w *writer, m spec.Metrics) { w.int(m.Evals) }},
	{ColGradMs, func(w *writer, m spec.Metrics) { w.num(m.GradMs) }},
}

// CSV returns rows as CSV: a header row of the column names, then a row
// per step, every number with all the digits it needs to be read back
// exactly, the same string as the page's data-value. No comment lines, no
// quoting (nothing needs it): any spreadsheet reads it.
func CSV(rows []spec.Metrics) []byte {
	w := &writer{b: make([]byte, 0, 64+len(rows)*80)}
	for i, c := range columns {
		if i > 0 {
			w.raw(",")
		}
		w.raw(c.name)
	}
	w.raw("\n")
	for _, m := range rows {
		for i, c := range columns {
			if i > 0 {
				w.raw(",")
			}
			c.write(w, finite(m))
		}
		w.raw("\n")
	}
	return w.b
}

// finite returns m with any figure that is not a finite number as 0: the
// table never holds one (a diverged step is left out), and JSON cannot.
func finite(m spec.Metrics) spec.Metrics {
	for _, x := range []*float64{&m.Loss, &m.TrainAcc, &m.TestAcc, &m.GradMs} {
		if math.IsNaN(*x) || math.IsInf(*x, 0) {
			*x = 0
		}
	}
	return m
}

// Encode returns r as JSON: the format and its version, when and where it
// ran, its link, every setting, its method, its status and rows, the
// teaching views' results that are set, and its pins. Decode reads it back
// to an equal Record.
func Encode(r Record) []byte {
	w := &writer{b: make([]byte, 0, 1024+(len(r.Rows)+pinRows(r.Pins))*120)}
	w.raw("{\n")
	w.key("  ", "format")
	w.str(Format)
	w.key(",\n  ", "version")
	w.int(Version)
	w.key(",\n  ", "saved")
	w.str(r.Saved)
	w.key(",\n  ", "browser")
	w.str(r.Browser)
	w.writeRun(r.Run, "  ", false)
	if c := r.Check; c != nil && c.Tensors != nil {
		w.key(",\n  ", "gradient_check")
		w.writeCheck(c)
	}
	if s := r.Sweep; s != nil && len(s.H) > 0 {
		w.key(",\n  ", "h_sweep")
		w.writeSweep(s)
	}
	if c := r.Cost; c != nil && len(c.Points) > 0 {
		w.key(",\n  ", "cost")
		w.writeCost(c)
	}
	w.key(",\n  ", "pins")
	w.raw("[")
	for i, p := range r.Pins {
		if i > 0 {
			w.raw(",")
		}
		w.raw("\n    {")
		w.writeRun(p, "      ", true)
		w.raw("\n    }")
	}
	if len(r.Pins) > 0 {
		w.raw("\n  ")
	}
	w.raw("]\n}\n")
	return w.b
}

func pinRows(pins []Run) int {
	n := 0
	for _, p := range pins {
		n += len(p.Rows)
	}
	return n
}

// writeRun writes the members of a run, each on a line of its own
// indented by indent, and after a comma unless first.
func (w *writer) writeRun(r Run, indent string, first bool) {
	sep := ",\n" + indent
	if first {
		sep = "\n" + indent
	}
	w.key(sep, "link")
	w.str(r.Link())
	w.key(",\n"+indent, "method")
	w.str(string(r.Config.Method))
	w.key(",\n"+indent, "settings")
	w.raw("{")
	for i, s := range settings(r.Config) {
		if i > 0 {
			w.raw(", ")
		}
		w.str(s.Key)
		w.raw(": ")
		if s.number() {
			w.raw(s.Value) // as the link writes it
		} else {
			w.str(s.Value) // grad, bug
		}
	}
	w.raw("}")
	w.key(",\n"+indent, "status")
	w.str(string(r.Status))
	w.key(",\n"+indent, "rows")
	w.raw("[")
	for i, m := range r.Rows {
		if i > 0 {
			w.raw(",")
		}
		w.raw("\n" + indent + "  {")
		m = finite(m)
		for j, c := range columns {
			if j > 0 {
				w.raw(", ")
			}
			w.str(c.name)
			w.raw(": ")
			c.write(w, m)
		}
		w.raw("}")
	}
	if len(r.Rows) > 0 {
		w.raw("\n" + indent)
	}
	w.raw("]")
}

func (w *writer) writeCheck(c *msg.GradientChecked) {
	w.raw("{")
	w.key("", "step")
	w.int(c.Step)
	w.key(", ", "method")
	w.str(string(c.Method))
	w.key(", ", "sampled")
	w.raw(map[bool]string{true: "true", false: "false"}[c.Sampled])
	w.key(", ", "tensors")
	w.objects(len(c.Tensors), func(i int) {
		t := c.Tensors[i]
		w.key("", "name")
		w.str(t.Name)
		w.key(", ", "params")
		w.int(t.Params)
		w.key(", ", "rel_err")
		w.num(zeroIfNot(t.RelErr))
		w.key(", ", "max_rel_err")
		w.num(zeroIfNot(t.MaxRelErr))
	})
	w.raw("}")
}

func (w *writer) writeSweep(s *msg.HSwept) {
	w.raw("{")
	w.key("", "step")
	w.int(s.Step)
	w.key(", ", "params")
	w.int(s.Params)
	w.key(", ", "points")
	w.objects(min(len(s.H), len(s.Err)), func(i int) {
		w.key("", "h")
		w.num(zeroIfNot(s.H[i]))
		w.key(", ", "rel_err")
		w.num(zeroIfNot(s.Err[i]))
	})
	w.raw("}")
}

func (w *writer) writeCost(c *msg.CostMeasured) {
	w.raw("{")
	w.key("", "points")
	w.objects(len(c.Points), func(i int) {
		p := c.Points[i]
		w.key("", "method")
		w.str(string(p.Method))
		w.key(", ", "size")
		w.int(p.Size)
		w.key(", ", "hidden")
		w.int(p.Hidden)
		w.key(", ", "params")
		w.int(p.Params)
		w.key(", ", "ms")
		w.num(zeroIfNot(p.Ms))
	})
	w.key(", ", "slopes")
	w.raw("{")
	n := 0
	for _, m := range spec.Methods {
		if a, ok := c.Slopes[m]; ok {
			if n > 0 {
				w.raw(", ")
			}
			w.str(string(m))
			w.raw(": ")
			w.num(zeroIfNot(a))
			n++
		}
	}
	w.raw("}}")
}

// objects writes a list of n objects on one line, each's fields written by
// fields(i): [{…}, {…}].
func (w *writer) objects(n int, fields func(i int)) {
	w.raw("[")
	for i := range n {
		if i > 0 {
			w.raw(", ")
		}
		w.raw("{")
		fields(i)
		w.raw("}")
	}
	w.raw("]")
}

// zeroIfNot returns x, or 0 if x is not a finite number, which JSON cannot
// hold. (A relative error of two zero gradients is NaN.)
func zeroIfNot(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// Setting is one setting of a run as its link writes it: grad=backprop.
type Setting struct{ Key, Value string }

// number reports whether s is a number, which a saved run writes as a
// JSON number; the others (grad, bug) are strings.
func (s Setting) number() bool {
	_, err := strconv.ParseFloat(s.Value, 64)
	return err == nil
}

// settings returns every setting of c in link order, without v: those of
// every run, and those set of the optional ones (bug).
func settings(c spec.Config) []Setting {
	var out []Setting
	for _, pair := range strings.Split(link.Format(link.State{Config: c}), "&") {
		k, v, _ := strings.Cut(pair, "=")
		if k != "v" {
			out = append(out, Setting{k, v})
		}
	}
	return out
}

// Differences returns the settings in which run b differs from run a, as
// b has them, in link order: what names b beside a ("lr 0.5",
// "numerical").
func Differences(a, b spec.Config) []Setting {
	sa, sb := settings(a), settings(b)
	var out []Setting
	for i, s := range sb {
		if i < len(sa) && sa[i] != s {
			out = append(out, s)
		}
	}
	return out
}

// FileName returns the name of a file about run c, saved at t: what it
// holds (what, e.g. "loss-chart", or "" for the run itself) after the
// method, the seed and the date, then ext. For example
// bibun-backprop-seed1-2026-11-28-1432.json.
func FileName(c spec.Config, t time.Time, what, ext string) string {
	name := "bibun-" + string(c.Method) + "-seed" + settingOf(c, "seed") + "-" + date(t, "-") + "-" + pad(t.Hour(), 2) + pad(t.Minute(), 2)
	if what != "" {
		name += "-" + what
	}
	return name + "." + ext
}

// settingOf returns c's setting key as its link writes it.
func settingOf(c spec.Config, key string) string {
	for _, s := range settings(c) {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}
