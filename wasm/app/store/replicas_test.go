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
	sent map[int][]string // by worker, the kinds of message posted to it
}

func (r *recorder) Start(n int) { r.sent = make(map[int][]string) }

func (r *recorder) Send(i int, m msg.Message) { r.sent[i] = append(r.sent[i], fmt.Sprintf("%T", m)) }

func (r *recorder) SendAll(m msg.Message) {
	for i := range 3 {
		r.Send(i, m)
	}
}

// TestBackpropUsesWorkerZero checks that only worker 0 holds a replica of
// a backprop run, and that every worker holds one of a numerical run.
func TestBackpropUsesWorkerZero(t *testing.T) {
	for grad, want := range map[string]int{"backprop": 1, "numerical": 3} {
		r := &recorder{}
		s := New(r, &address{}, 4, 1, text.English)
		s.OnAction(&action.ReadLink{Fragment: "size=4&hidden=2&workers=3&grad=" + grad})
		s.OnAction(&action.Run{})
		for i := range want {
			lo, hi := split(s.Settings.Config, i, want)
			s.OnAction(&action.FromWorker{Worker: i, Msg: &msg.Part{Run: s.run, Step: 1, Lo: lo, Hi: hi, G: make(msg.Vector, hi-lo)}})
		}
		each := []string{"*msg.Init", "*msg.Differentiate", "*msg.Apply"}
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
