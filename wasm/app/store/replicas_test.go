package store

import (
	"fmt"
	"slices"
	"testing"

	"bibun/wasm/app/action"
	"bibun/wasm/app/text"
	"bibun/wasm/msg"
)

// recorder is a Workers that notes what each worker is sent.
type recorder struct {
	sent map[int][]string      // by worker, the kinds of message posted to it
	msgs map[int][]msg.Message // by worker, the messages
}

func (r *recorder) Start(n int) {
	r.sent, r.msgs = make(map[int][]string), make(map[int][]msg.Message)
}

func (r *recorder) Send(i int, m msg.Message) {
	r.sent[i] = append(r.sent[i], fmt.Sprintf("%T", m))
	r.msgs[i] = append(r.msgs[i], m)
}

func (r *recorder) SendAll(m msg.Message) {
	for i := range 3 {
		r.Send(i, m)
	}
}

// TestBackpropUsesWorkerZero checks that only worker 0 holds a replica of
// a backprop run, which applies its own gradient (no Part, no Apply), and
// that every worker holds one of an incremental run.
func TestBackpropUsesWorkerZero(t *testing.T) {
	for grad, want := range map[string]int{"backprop": 1, "incremental": 3} {
		r := &recorder{}
		s := New(r, &address{}, 4, 1, text.English)
		s.OnAction(&action.ReadLink{Fragment: "size=4&hidden=2&workers=3&grad=" + grad})
		s.OnAction(&action.Run{})
		for i := range want {
			lo, hi := split(s.Settings.Config, i, want)
			s.OnAction(&action.FromWorker{Worker: i, Msg: &msg.Part{Run: s.run, Step: 1, Lo: lo, Hi: hi, G: make(msg.Vector, hi-lo)}})
		}
		each := []string{"*msg.Init", "*msg.Differentiate", "*msg.Apply"}
		if want == 1 { // and asked for step 2 already (runAhead)
			each = []string{"*msg.Init", "*msg.Differentiate", "*msg.Differentiate"}
			if d := r.msgs[0][1].(*msg.Differentiate); !d.Apply {
				t.Errorf("%s: the only replica is not asked to apply its own gradient", grad)
			}
		}
		for i := range 3 {
			if got := r.sent[i]; i < want && !slices.Equal(got, each) || i >= want && len(got) > 0 {
				t.Errorf("%s, worker %d of 3 was sent %v", grad, i, got)
			}
		}
	}
}

// TestReplicasFitMemory checks that at the largest settings only as many
// workers hold a replica as fit in replicaBudget, and that the article's
// small run uses all it is given.
func TestReplicasFitMemory(t *testing.T) {
	for link, want := range map[string]int{
		"size=1024&hidden=512&train=5000&test=5000&workers=8&grad=incremental": 2,
		"workers=8&grad=incremental": 8,
	} {
		s := New(&recorder{}, &address{}, 8, 1, text.English)
		s.OnAction(&action.ReadLink{Fragment: link})
		if got := s.replicas(); got != want {
			t.Errorf("%s: %d replicas (%.2g bytes each), want %d", link, got, replicaBytes(s.Settings.Config), want)
		}
	}
}

// TestNumericalChunks: the numerical gradient goes out in parts, at most
// two at a time per worker, the next to whichever worker sends one; a
// worker three times as fast takes about three times as many, every
// parameter is asked for once, and the step's time is the busiest
// worker's.
func TestNumericalChunks(t *testing.T) {
	r := &recorder{}
	s := New(r, &address{}, 2, 1, text.English)
	s.OnAction(&action.ReadLink{Fragment: "size=16&hidden=8&workers=2&grad=numerical&steps=1"})
	s.OnAction(&action.Run{})
	p := s.Settings.Config.Params()
	asked := make([]int, p)
	answered := []int{0, 0}
	busy := []float64{0, 0}
	next := []int{0, 0} // the next message of each worker to answer
	for tick := 0; s.step != nil && tick < 10000; tick++ {
		i := 0
		if tick%4 == 3 { // worker 1 answers a quarter of the time
			i = 1
		}
		var d *msg.Differentiate
		for next[i] < len(r.msgs[i]) && d == nil {
			d, _ = r.msgs[i][next[i]].(*msg.Differentiate)
			next[i]++
		}
		if d == nil {
			continue
		}
		if out := countDifferentiate(r.msgs[i]) - answered[i]; out > 2 {
			t.Fatalf("worker %d holds %d parts at once, want at most 2", i, out)
		}
		for k := d.Lo; k < d.Hi; k++ {
			asked[k]++
		}
		answered[i]++
		ms := float64(d.Hi-d.Lo) * float64(1+2*i) // worker 1 is 3 times slower
		busy[i] += ms
		s.OnAction(&action.FromWorker{Worker: i, Msg: &msg.Part{Run: s.run, Step: 1, Lo: d.Lo, Hi: d.Hi, G: make(msg.Vector, d.Hi-d.Lo), Evals: 2 * (d.Hi - d.Lo), Ms: ms}})
	}
	for k, n := range asked {
		if n != 1 {
			t.Fatalf("parameter %d was asked for %d times", k, n)
		}
	}
	if answered[0] < 2*answered[1] {
		t.Errorf("parts: fast worker %d, slow worker %d; want the fast one to take most", answered[0], answered[1])
	}
	var apply *msg.Apply
	for _, m := range r.msgs[0] {
		if a, ok := m.(*msg.Apply); ok {
			apply = a
		}
	}
	if apply == nil || apply.Evals != 2*p || apply.GradMs != max(busy[0], busy[1]) {
		t.Fatalf("apply %+v; want %d evals and the busiest worker's %v ms", apply, 2*p, max(busy[0], busy[1]))
	}
}

func countDifferentiate(ms []msg.Message) int {
	n := 0
	for _, m := range ms {
		if _, ok := m.(*msg.Differentiate); ok {
			n++
		}
	}
	return n
}

// TestRunAhead: a replica that applies its own gradient is asked for the
// next step before the page hears of the one under way, so it never waits
// for the page; a Pause stops after that next step, and the run, paused
// and run again, gives the same figures as nn.Trainer. A single Step asks
// for that step alone.
func TestRunAhead(t *testing.T) {
	const link = "grad=backprop&size=16&hidden=8&lr=0.3&std=0.1&steps=8"
	asked := func(a any) []int {
		r := &recorder{}
		s := New(r, &address{}, 2, 1, text.English)
		s.OnAction(&action.ReadLink{Fragment: link})
		s.OnAction(a)
		var steps []int
		for _, m := range r.msgs[0] {
			if d, ok := m.(*msg.Differentiate); ok {
				steps = append(steps, d.Step)
			}
		}
		return steps
	}
	if got := asked(&action.Run{}); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("Run asks worker 0 for steps %v, want 1 and 2", got)
	}
	if got := asked(&action.Step{}); !slices.Equal(got, []int{1}) {
		t.Errorf("Step asks worker 0 for steps %v, want 1", got)
	}

	s, p, _ := newStore(t, link)
	s.OnAction(&action.Run{})
	for len(s.Rows) < 2 {
		p.deliver(1)
	}
	s.OnAction(&action.Pause{})
	p.deliver(-1)
	if s.Status != Paused || len(s.Rows) != 4 {
		t.Errorf("paused with steps 3 and 4 asked for: status %s after %d steps, want paused after 4", s.Status, len(s.Rows))
	}
	s.OnAction(&action.Run{})
	p.deliver(-1)
	if want := reference(t, s.Settings.Config); s.Status != Done || !sameRows(s.Rows, want) {
		t.Errorf("status %s, rows differ from nn.Trainer.Step:\n got %v\nwant %v", s.Status, s.Rows, want)
	}
}
