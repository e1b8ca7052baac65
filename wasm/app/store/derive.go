package store

import (
	"math"
	"slices"
	"strconv"

	"bibun/nn/spec"
	"bibun/wasm/app/tile"
	"bibun/wasm/cost"
	"bibun/wasm/msg"
)

// WiggleAutoMs is the most a wiggle may be expected to take, in
// milliseconds, for the Wiggle view to follow every step, every parameter
// and every h by itself: two forward passes and a backprop, a few
// milliseconds at the article's settings, seconds at the largest. Above
// it, worker 0 wiggles between steps, when the visitor asks.
const WiggleAutoMs = 100

// WiggleView is what the Wiggle view shows.
type WiggleView struct {
	Param  int           // the parameter chosen, an index of θ (the link's param)
	H      float64       // the h chosen: the run's until the visitor moves it
	Result *msg.Wiggled  // the latest wiggle of this run; nil if none
	Trail  []spec.Wiggle // Result's parameter at Result's step, one wiggle per h tried, in order of h
	Auto   bool          // wiggles are cheap: they follow every step and change by themselves
	Busy   bool          // a wiggle the visitor waits for is under way
	Stale  bool          // Result is not of the parameter, the h or the step chosen, and no wiggle is coming
	Error  string        // why the latest wiggle failed, as the worker said; "" if it did not
}

// WeightsView is what the weights picture shows: W1 after step Step,
// each hidden unit's weights as a picture.
type WeightsView struct {
	Step     int
	Size     int      // S: each picture's values, laid out as tile.Shape(S)
	Scale    float64  // the largest |weight|, the ends of the colour scale
	Pictures []string // one data URI per hidden unit (tile.Diverging)
}

// deriving holds the derivative views' state (see follow).
type deriving struct {
	h       float64     // the visitor's h; 0: the run's
	force   bool        // the visitor asked for a wiggle: make it between steps even if costly
	run     int         // the run the results below are of
	asked   wiggleKey   // the latest wiggle asked for
	wiggle  WiggleView  // Result, Trail and Error of the current run
	shown   [2]int      // run and step of the latest ShowWeights
	weights WeightsView // the latest weights of run; Pictures nil if none
	reveal  spec.Bug    // the bug the visitor has asked to name
}

// wiggleKey is what a wiggle is of.
type wiggleKey struct {
	run, step, param int
	h                float64
}

// WiggleH returns the h of the Wiggle view: the visitor's, or the run's.
func (s *Store) WiggleH() float64 {
	if s.derive.h > 0 {
		return s.derive.h
	}
	return s.Settings.Config.H
}

// WiggleIsCheap reports whether a wiggle of the current settings is
// expected to take less than WiggleAutoMs at this browser's speed: two
// forward passes and a backprop.
func (s *Store) WiggleIsCheap() bool {
	c := s.Settings.Config
	c.Method = spec.Backprop
	v := s.speedOf(spec.Backprop)
	return v > 0 && (cost.Step(c)+2*cost.Forward(c))/v < WiggleAutoMs
}

// Wiggle returns what the Wiggle view shows.
func (s *Store) Wiggle() WiggleView {
	d := &s.derive
	w := WiggleView{Param: s.Settings.Param, H: s.WiggleH(), Auto: s.WiggleIsCheap()}
	if d.run == s.run {
		w.Result, w.Trail, w.Error = d.wiggle.Result, d.wiggle.Trail, d.wiggle.Error
	}
	want := s.wanted()
	coming := d.asked == want && s.owes(isWiggle) || w.Auto && s.canFollow()
	w.Busy = coming && !w.Auto
	if r := w.Result; r != nil {
		w.Stale = !coming && (r.Step != want.step || r.Wiggle.K != want.param || r.Wiggle.H != want.h)
	}
	return w
}

// Weights returns the weights picture of the current run; Pictures is nil
// until worker 0 has sent one.
func (s *Store) Weights() WeightsView {
	if s.derive.run != s.run {
		return WeightsView{}
	}
	return s.derive.weights
}

// BugRevealed reports whether the page names the planted bug.
func (s *Store) BugRevealed() bool {
	b := s.Settings.Config.Bug
	return b != spec.NoBug && s.derive.reveal == b
}

// wanted returns the wiggle the view wants now.
func (s *Store) wanted() wiggleKey {
	return wiggleKey{s.run, len(s.Rows), s.Settings.Param, s.WiggleH()}
}

// canFollow reports whether the workers may be asked for the derivative
// views: they run and hold (or can be given) the run shown.
func (s *Store) canFollow() bool {
	return s.started > 0 && s.Status != Diverged && s.Status != Failed
}

// follow asks worker 0 for what the derivative views lack; the store calls
// it after every action. A wiggle follows the run's step, the parameter
// and the h by itself when it is cheap (WiggleIsCheap); otherwise only
// when the visitor asked (the button, or a new parameter or h once a
// wiggle of the run was asked for), and between steps. The weights follow
// every step, and at step 0 go with the wiggle (they need the replica's
// Init, which holds the data). One request at a time: while worker 0 owes
// one, the next waits for its answer, so a dragged slider costs two
// wiggles, not fifty.
func (s *Store) follow() {
	d, want := &s.derive, s.wanted()
	if want.run == d.asked.run && (want.param != d.asked.param || want.h != d.asked.h) {
		d.force = true // the visitor changed what a wiggle of this run is of
	}
	if !s.canFollow() || s.owes(func(m msg.Message) bool { return isWiggle(m) || isShowWeights(m) }) {
		return
	}
	if s.Status == Running && want.step%followEvery(s.Settings.Config.Steps) != 0 {
		return // a long run is followed a hundred times, and at its end
	}
	cheap := s.WiggleIsCheap()
	wiggle := want != d.asked && (cheap || d.force && s.TeachReady())
	if wiggle {
		s.initWorkers()
		s.send(0, &msg.Wiggle{Run: want.run, Param: want.param, H: want.h})
		d.asked, d.force = want, false
	}
	if at := [2]int{s.run, want.step}; at != d.shown && (want.step > 0 || wiggle || d.asked.run == s.run) {
		s.initWorkers()
		s.send(0, &msg.ShowWeights{Run: s.run})
		d.shown = at
	}
}

// followEvery is how many steps of a run of steps pass between two
// updates of the derivative views while it runs: every step up to 100
// steps, then a hundredth of the run, so that a step's page work (a wiggle
// and the weights pictures from worker 0, and their redraw) does not
// outgrow a fast gradient in a long run.
func followEvery(steps int) int { return max(1, steps/100) }

// owes reports whether worker 0 owes the page a request that is.
func (s *Store) owes(is func(msg.Message) bool) bool {
	return len(s.pending) > 0 && slices.ContainsFunc(s.pending[0], is)
}

func isWiggle(m msg.Message) bool      { _, ok := m.(*msg.Wiggle); return ok }
func isShowWeights(m msg.Message) bool { _, ok := m.(*msg.ShowWeights); return ok }

// current readies the derivative views' results for the current run,
// dropping those of an earlier one.
func (s *Store) current() *deriving {
	d := &s.derive
	if d.run != s.run {
		d.run, d.wiggle, d.weights = s.run, WiggleView{}, WeightsView{}
	}
	return d
}

// wiggled takes a wiggle of the current run: the latest result, and a
// point of the trail of its parameter at its step.
func (s *Store) wiggled(m *msg.Wiggled) {
	if m.Run != s.run {
		return
	}
	d := s.current()
	w := &d.wiggle
	if r := w.Result; r == nil || r.Step != m.Step || r.Wiggle.K != m.Wiggle.K {
		w.Trail = nil
	}
	trail := slices.DeleteFunc(slices.Clone(w.Trail), func(x spec.Wiggle) bool { return x.H == m.Wiggle.H })
	trail = append(trail, m.Wiggle)
	slices.SortFunc(trail, func(a, b spec.Wiggle) int { return cmpFloat(a.H, b.H) })
	w.Result, w.Trail, w.Error = m, trail, ""
}

// cmpFloat orders a and b.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// weighed takes the weights of the current run and draws each unit's.
func (s *Store) weighed(m *msg.Weights) {
	if m.Run != s.run {
		return
	}
	pics := make([]string, m.Hidden)
	for j := range pics {
		if u := m.Unit(j); u != nil {
			pics[j] = tile.Diverging(u)
		}
	}
	s.current().weights = WeightsView{Step: m.Step, Size: m.Size, Scale: m.Scale, Pictures: pics}
}

// deriveFailed records why a wiggle failed; weights that fail leave the
// last picture.
func (s *Store) deriveFailed(m *msg.TaskFailed) {
	if m.Run == s.run && m.Task == msg.TaskWiggle {
		s.current().wiggle.Error = m.Text
	}
}

// setWiggleH sets the Wiggle view's h from v, written as in a link, brought
// into the range a link allows h; a value that is no number changes nothing.
func (s *Store) setWiggleH(v string) {
	h, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(h) {
		return
	}
	s.derive.h = min(max(h, spec.MinH), spec.MaxH)
	s.derive.force = true
}

// plantBug plants a bug drawn from those not planted now, unless the
// link locks bug (link.Keep, through change).
func (s *Store) plantBug() {
	others := slices.DeleteFunc(slices.Clone(spec.Bugs), func(b spec.Bug) bool { return b == s.Settings.Config.Bug })
	next := s.Settings
	next.Config.Bug = others[s.seeds.IntN(len(others))]
	s.change(next, nil)
}
