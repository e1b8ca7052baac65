package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"bibun/nn"
	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/text"
	"bibun/wasm/cost"
	"bibun/wasm/link"
	"bibun/wasm/msg"
	"bibun/wasm/replica"
)

// pool is a Workers whose workers are replicas in this process. Messages
// wait in a queue, encoded as on the wire, until deliver hands them on.
// It also keeps what became of every message sent, to check Store.Pending
// at every delivery (pending_test.go).
type pool struct {
	t        *testing.T
	store    *Store
	replicas []*replica.Replica
	queue    []delivery
	starts   int
	sent     int
	weights  int // ShowWeights requests sent (derive_test.go)

	now      int        // the clock of the requests' fates: counts messages sent and delivered, Starts and kills
	requests []*request // every message sent to a replica
	handling *request   // the message a replica is handling
	shadow   bool       // a replica handles a message only to learn whether it answers
	checks   [][2]int   // the clock and Store.Pending at each delivery
	lost     bool       // a test dropped messages: Pending is not checked
}

// delivery is a message on its way to a replica, or from one to the store.
type delivery struct {
	worker int
	req    *request // the message sent, or the one handled when this was posted
	toPage bool
	do     func()
}

func (p *pool) Start(n int) {
	p.starts++
	p.now++
	p.end(func(delivery) bool { return true }) // a terminated worker says nothing more
	p.replicas = make([]*replica.Replica, n)
	for i := range n {
		p.replicas[i] = replica.New(i, func(m msg.Message) {
			req := p.handling
			req.posts++
			if p.shadow {
				return
			}
			m = p.wire(m)
			p.queue = append(p.queue, delivery{worker: i, req: req, toPage: true,
				do: func() { p.store.OnAction(&action.FromWorker{Worker: i, Msg: m}) }})
		})
	}
}

func (p *pool) Send(i int, m msg.Message) {
	p.sent++
	if _, ok := m.(*msg.ShowWeights); ok {
		p.weights++
	}
	p.now++
	m, r := p.wire(m), p.replicas[i]
	req := &request{worker: i, sent: p.now}
	p.requests = append(p.requests, req)
	p.queue = append(p.queue, delivery{worker: i, req: req, do: func() { r.Handle(m) }})
}

func (p *pool) SendAll(m msg.Message) {
	for i := range p.replicas {
		p.Send(i, m)
	}
}

// wire returns m after encoding and decoding.
func (p *pool) wire(m msg.Message) msg.Message {
	m, err := msg.Decode(msg.Encode(m))
	if err != nil {
		p.t.Fatal(err)
	}
	return m
}

// deliver hands on queued messages, at most n of them (n < 0: until none
// is left), noting Store.Pending before the first and after each.
func (p *pool) deliver(n int) {
	p.check()
	for ; n != 0 && len(p.queue) > 0; n-- {
		d := p.queue[0]
		p.queue = p.queue[1:]
		p.now++
		if d.toPage {
			d.req.answered(p.now)
			d.do()
		} else {
			p.handle(d)
		}
		p.check()
	}
}

// lose drops every message on its way, as a test that answers for the
// workers does; Pending is then not checked.
func (p *pool) lose() {
	p.queue, p.lost = nil, true
}

type address struct{ fragment string }

func (a *address) Show(f string) { a.fragment = f }
func (a *address) Copy()         {}

// newStore returns a store of the settings of a link whose workers are
// replicas in a pool; at the end of the test, Pending is checked at every
// delivery.
func newStore(t *testing.T, fragment string) (*Store, *pool, *address) {
	p, a := &pool{t: t, now: 1}, &address{}
	s := New(p, a, 2, 1, text.English)
	p.store = s
	s.OnAction(&action.ReadLink{Fragment: fragment})
	t.Cleanup(p.checkPending)
	return s, p, a
}

// reference returns the metrics of c's run on one goroutine, without workers.
func reference(t *testing.T, c spec.Config) []spec.Metrics {
	tr, err := nn.NewTrainer(c)
	if err != nil {
		t.Fatal(err)
	}
	var rows []spec.Metrics
	for range c.Steps {
		m, err := tr.Step(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, m)
	}
	return rows
}

// sameRows reports whether a and b agree in every reproducible figure.
func sameRows(a, b []spec.Metrics) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.GradMs, y.GradMs = 0, 0
		if x != y {
			return false
		}
	}
	return true
}

func TestRunMatchesTrainer(t *testing.T) {
	s, p, a := newStore(t, "")
	if a.fragment != link.Format(link.Default()) {
		t.Errorf("address shows %q, want the default link", a.fragment)
	}
	if len(s.Samples) != msg.Shown || s.Samples[0].Label != spec.Flat || s.Samples[1].Label != spec.Noise {
		t.Fatalf("samples: %d, labels %v %v", len(s.Samples), s.Samples[0].Label, s.Samples[1].Label)
	}
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if s.Status != Done {
		t.Fatalf("status %s (%+v), want done", s.Status, s.Stopped)
	}
	want := reference(t, s.Settings.Config)
	if !sameRows(s.Rows, want) {
		t.Errorf("rows differ from nn.Trainer.Step:\n got %v\nwant %v", s.Rows, want)
	}
	if last := s.Rows[len(s.Rows)-1]; last.TestAcc < 0.9 {
		t.Errorf("test accuracy after the article's run = %g, want ≥ 0.9", last.TestAcc)
	}
	if s.Samples[0].Pred == nil {
		t.Error("no prediction for the first sample after a run")
	}
}

func TestWorkersAgree(t *testing.T) {
	for _, grad := range []string{"numerical", "incremental", "backprop"} {
		var first []spec.Metrics
		for _, w := range []string{"1", "3"} {
			s, p, _ := newStore(t, "grad="+grad+"&size=16&hidden=8&lr=0.3&std=0.1&steps=6&workers="+w)
			s.OnAction(&action.Run{})
			p.deliver(-1)
			if s.Status != Done || len(s.Rows) != 6 {
				t.Fatalf("%s with %s workers: status %s, %d rows", grad, w, s.Status, len(s.Rows))
			}
			if first == nil {
				first = s.Rows
			} else if !sameRows(first, s.Rows) {
				t.Errorf("%s: 1 worker gives %v\n3 workers give %v", grad, first, s.Rows)
			}
		}
	}
}

func TestStepPauseReset(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8&steps=5")
	s.OnAction(&action.Step{})
	p.deliver(-1)
	if s.Status != Paused || len(s.Rows) != 1 {
		t.Fatalf("after Step: status %s, %d rows; want paused, 1", s.Status, len(s.Rows))
	}
	s.OnAction(&action.Run{})
	p.deliver(1) // the next step is under way
	s.OnAction(&action.Pause{})
	if s.Status != Running {
		t.Fatalf("Pause mid-step: status %s, want running until the step ends", s.Status)
	}
	p.deliver(-1)
	if s.Status != Paused || len(s.Rows) != 2 {
		t.Fatalf("after Pause: status %s, %d rows; want paused, 2", s.Status, len(s.Rows))
	}
	s.OnAction(&action.Run{})
	p.deliver(2)
	starts := p.starts
	s.OnAction(&action.Reset{})
	if p.starts != starts+1 {
		t.Error("Reset during a step did not start fresh workers")
	}
	if s.Status != Idle || len(s.Rows) != 0 || s.Samples[0].Pred != nil {
		t.Fatalf("after Reset: status %s, %d rows", s.Status, len(s.Rows))
	}
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if !sameRows(s.Rows, reference(t, s.Settings.Config)) {
		t.Error("the run after Reset differs from a fresh run")
	}
}

func TestSetClampsAndResets(t *testing.T) {
	s, p, a := newStore(t, "size=16&hidden=8")
	s.OnAction(&action.Step{})
	p.deliver(-1)
	s.OnAction(&action.Set{Key: "lr", Value: "0.1"}) // unchanged: the run goes on
	if len(s.Rows) != 1 {
		t.Fatal("setting a value to what it was reset the run")
	}
	s.OnAction(&action.Set{Key: "train", Value: "50"})
	if len(s.Rows) != 0 || s.Status != Idle {
		t.Fatal("a changed setting did not reset the run")
	}
	if c := s.Settings.Config; c.Train != 50 || c.Batch != 50 {
		t.Errorf("train=50: train %d batch %d, want 50 50", c.Train, c.Batch)
	}
	if len(s.Notices) != 1 || s.Notices[0].Key != "batch" {
		t.Errorf("notices %v, want one about batch", s.Notices)
	}
	if !strings.Contains(a.fragment, "&batch=50&") {
		t.Errorf("address %q does not hold batch=50", a.fragment)
	}
	s.OnAction(&action.Set{Key: "grad", Value: "backprop"})
	if s.Settings.Config.Method != spec.Backprop || len(s.Notices) != 0 {
		t.Errorf("grad=backprop: method %s, notices %v", s.Settings.Config.Method, s.Notices)
	}
}

func TestPresets(t *testing.T) {
	s, _, _ := newStore(t, "grad=numerical&seed=7&workers=3&lr=2")
	s.OnAction(&action.UsePreset{Preset: action.QuickLook})
	c := s.Settings.Config
	if c.Size != 16 || c.Hidden != 8 || c.LR != 0.3 || c.Std != 0.1 || c.Method != spec.Numerical || c.Seed != 7 || s.Workers() != 3 {
		t.Errorf("quick look: %+v, %d workers", c, s.Workers())
	}
	s.OnAction(&action.UsePreset{Preset: action.Article})
	want := spec.Article()
	want.Method, want.Seed = spec.Numerical, 7
	if s.Settings.Config != want {
		t.Errorf("article preset: %+v, want %+v", s.Settings.Config, want)
	}
}

func TestDiverged(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8")
	s.OnAction(&action.Run{})
	p.lose() // the workers' answers are lost; one reports a diverged gradient instead
	s.OnAction(&action.FromWorker{Worker: 1, Msg: &msg.Failed{Run: s.run, Step: 1, Diverged: true, What: "gradient"}})
	if s.Status != Diverged || s.Stopped.Step != 1 || s.Stopped.What != "gradient" || s.Stopped.LR != s.Settings.Config.LR {
		t.Fatalf("status %s, problem %+v", s.Status, s.Stopped)
	}
	starts := p.starts
	s.OnAction(&action.Reset{})
	if p.starts != starts+1 || s.Status != Idle {
		t.Errorf("Reset after divergence: %d starts, status %s", p.starts-starts, s.Status)
	}
}

func TestEstimate(t *testing.T) {
	s, p, _ := newStore(t, "grad=numerical&workers=2")
	if s.Estimate() != 0 {
		t.Fatal("an estimate before any speed is known")
	}
	s.OnAction(&action.FromWorker{Worker: 1, Msg: &msg.Loaded{Speeds: map[spec.Method]float64{spec.Numerical: 1e6, spec.Backprop: 5e5}}})
	c := s.Settings.Config
	if got, want := s.Estimate(), cost.Time(c, 1e6, 2, 2); got != want || got == 0 {
		t.Errorf("estimate at the measured speed: %v, want %v", got, want)
	}
	// The workers measure again as the browser optimises their code: the
	// estimate follows the fastest measurement of any worker.
	for _, m := range []struct {
		worker int
		speed  float64
	}{{0, 4e6}, {1, 3e6}, {0, 2e6}} {
		s.OnAction(&action.FromWorker{Worker: m.worker, Msg: &msg.Loaded{Speeds: map[spec.Method]float64{spec.Numerical: m.speed}}})
	}
	if got, want := s.Estimate(), cost.Time(c, 4e6, 2, 2); got != want {
		t.Errorf("estimate after measurements of 1e6, 4e6, 3e6, 2e6: %v, want %v (at 4e6)", got, want)
	}
	s.OnAction(&action.Set{Key: "size", Value: "16"})
	s.OnAction(&action.Set{Key: "hidden", Value: "8"})
	s.OnAction(&action.Step{})
	p.deliver(-1)
	c = s.Settings.Config
	if got, want := s.Estimate(), cost.Time(c, s.speed[spec.Numerical], 2, 2); s.speed[spec.Numerical] != 0 && got != want {
		t.Errorf("estimate after a step: %v, want %v from the step's speed", got, want)
	}
}

// TestLanguageKeepsTheRun: lang is the only setting whose change keeps the
// run, its table and its notices; the page follows the browser until the
// link sets it.
func TestLanguageKeepsTheRun(t *testing.T) {
	s, p, a := newStore(t, "size=16&hidden=8&lr=1e9")
	if s.Lang() != text.English || len(s.Notices) != 1 {
		t.Fatalf("lang %s, notices %v; want en and one about lr", s.Lang(), s.Notices)
	}
	s.OnAction(&action.Step{})
	p.deliver(-1)
	s.OnAction(&action.Step{})
	p.deliver(-1)
	rows := slices.Clone(s.Rows)
	s.OnAction(&action.Set{Key: "lang", Value: "ja"})
	if s.Lang() != text.Japanese || !strings.Contains(a.fragment, "lang=ja") {
		t.Errorf("after lang=ja: lang %s, address %q", s.Lang(), a.fragment)
	}
	if s.Status != Paused || !sameRows(s.Rows, rows) || len(s.Rows) != 2 || len(s.Notices) != 1 {
		t.Errorf("lang=ja changed the run: status %s, %d rows, notices %v", s.Status, len(s.Rows), s.Notices)
	}
	s.OnAction(&action.Step{})
	p.deliver(-1)
	if len(s.Rows) != 3 {
		t.Errorf("a step after lang=ja: %d rows, want 3", len(s.Rows))
	}
	s.OnAction(&action.Set{Key: "lr", Value: "0.5"})
	if len(s.Rows) != 0 || s.Lang() != text.Japanese {
		t.Errorf("lr=0.5 after lang=ja: %d rows, lang %s; want a new run in Japanese", len(s.Rows), s.Lang())
	}

	j := New(p, a, 2, 1, text.Japanese)
	j.OnAction(&action.ReadLink{Fragment: "size=16"})
	if j.Lang() != text.Japanese {
		t.Errorf("a Japanese browser with no lang in the link: %s", j.Lang())
	}
	j.OnAction(&action.ReadLink{Fragment: "size=16&lang=en"})
	if j.Lang() != text.English {
		t.Errorf("a Japanese browser with lang=en: %s", j.Lang())
	}
}

// TestDrawBetweenSteps: with every core taken (workers=2 on 2 cores) a run
// waits for a Drawn before its first step and after each step, a Pause
// while held stops there, and the rows equal an unheld run's; with a core
// free nothing waits.
func TestDrawBetweenSteps(t *testing.T) {
	const frag = "size=16&hidden=8&steps=4&workers=2"
	s, p, _ := newStore(t, frag)
	s.DrawBetweenSteps(time.Nanosecond)
	s.OnAction(&action.Run{})
	if !s.Held() || s.Status != Running || len(p.queue) != 0 {
		t.Fatalf("Run: held %v, status %s, %d queued; want held before the first step", s.Held(), s.Status, len(p.queue))
	}
	s.OnAction(&action.Drawn{})
	for k := 1; k <= 3; k++ {
		p.deliver(-1)
		if !s.Held() || s.Status != Running || len(s.Rows) != k || len(p.queue) != 0 {
			t.Fatalf("step %d: held %v, status %s, %d rows, %d queued; want held after each step", k, s.Held(), s.Status, len(s.Rows), len(p.queue))
		}
		if k == 2 {
			s.OnAction(&action.Pause{})
			s.OnAction(&action.Drawn{})
			if s.Held() || s.Status != Paused || len(p.queue) != 0 {
				t.Fatalf("Pause while held: held %v, status %s, %d queued; want paused, nothing sent", s.Held(), s.Status, len(p.queue))
			}
			s.OnAction(&action.Run{})
			s.OnAction(&action.Drawn{})
			continue
		}
		s.OnAction(&action.Drawn{})
		s.OnAction(&action.Drawn{}) // a second one changes nothing
		if s.Held() || len(p.queue) != 2 {
			t.Fatalf("step %d drawn: held %v, %d queued; want the next step sent to 2 workers", k, s.Held(), len(p.queue))
		}
	}
	p.deliver(-1)
	if s.Held() || s.Status != Done || !sameRows(s.Rows, reference(t, s.Settings.Config)) {
		t.Fatalf("the last step: held %v, status %s; rows %v", s.Held(), s.Status, s.Rows)
	}

	s, p, _ = newStore(t, "size=16&hidden=8&steps=4&workers=1") // one core free
	s.DrawBetweenSteps(time.Nanosecond)
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if s.Held() || s.Status != Done {
		t.Fatalf("with a core free: held %v, status %s; want done without waiting", s.Held(), s.Status)
	}
}
