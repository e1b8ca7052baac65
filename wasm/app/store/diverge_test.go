package store

import (
	"strings"
	"testing"

	"bibun/wasm/app/action"
	"bibun/wasm/msg"
)

// TestDivergedRun runs the replicas through the article's network with lr
// 100 and std 5, whose loss passes the trainer's limit at step 1 (728
// nats), then recovers.
func TestDivergedRun(t *testing.T) {
	for _, grad := range []string{"backprop", "incremental"} {
		t.Run(grad, func(t *testing.T) {
			s, p, _ := newStore(t, "lr=100&std=5&steps=5&workers=2&grad="+grad)
			s.OnAction(&action.Run{})
			p.deliver(-1)
			if s.Status != Diverged {
				t.Fatalf("status %s, message %q; want diverged", s.Status, s.Message)
			}
			t.Logf("message: %s", s.Message)
			for _, want := range []string{"step 1", "the loss reached 728.4", "learning rate (now 100)", "init std (now 5)", "not in the table"} {
				if !strings.Contains(s.Message, want) {
					t.Errorf("message %q lacks %q", s.Message, want)
				}
			}
			if strings.Contains(s.Message, "finite") || strings.Contains(s.Message, "NaN") {
				t.Errorf("message %q calls a finite loss not finite", s.Message)
			}
			if len(s.Rows) != 0 || s.step != nil {
				t.Errorf("after divergence at step 1: %d rows, step under way %v", len(s.Rows), s.step)
			}

			s.OnAction(&action.Reset{})
			if s.Status != Idle || len(s.Rows) != 0 || s.Message != "" || s.Progress != (Progress{}) {
				t.Fatalf("after Reset: status %s, %d rows, message %q, progress %+v", s.Status, len(s.Rows), s.Message, s.Progress)
			}
			s.OnAction(&action.Set{Key: "lr", Value: "0.1"})
			s.OnAction(&action.Run{})
			p.deliver(-1)
			if s.Status != Done || len(s.Rows) != 5 {
				t.Errorf("a sane run after the diverged one: status %s, %d rows, message %q", s.Status, len(s.Rows), s.Message)
			}
		})
	}
}

// TestDivergedNotFinite checks that a loss that is not a finite number,
// which travels as Loss 0, is called so.
func TestDivergedNotFinite(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8")
	s.OnAction(&action.Run{})
	p.queue = nil // the workers' answers are lost; worker 0 reports a NaN loss instead
	s.OnAction(&action.FromWorker{Worker: 0, Msg: &msg.Failed{Run: s.run, Step: 1, Diverged: true, What: "loss"}})
	if s.Status != Diverged || !strings.Contains(s.Message, "the loss is not a finite number") {
		t.Errorf("status %s, message %q", s.Status, s.Message)
	}
}
