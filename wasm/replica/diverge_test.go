package replica

import (
	"testing"

	"bibun/nn"
	"bibun/wasm/msg"
)

// TestDivergedLoss checks that a loss above nn.MaxLoss is reported with its
// value, and that the report survives the wire.
func TestDivergedLoss(t *testing.T) {
	c := nn.Article()
	c.Method, c.LR, c.Std = nn.Backprop, 100, 5 // the loss reaches 728 at step 1
	var got answers
	r := New(0, got.post)
	r.Handle(&msg.Init{Run: 1, Config: c})
	r.Handle(&msg.Differentiate{Run: 1, Step: 1, Lo: 0, Hi: c.Params()})
	part := got[len(got)-1].(*msg.Part)
	got = got[:0]
	r.Handle(&msg.Apply{Run: 1, Step: 1, G: part.G, Evals: part.Evals})
	f, ok := got[0].(*msg.Failed)
	if !ok || !f.Diverged || f.What != "loss" || f.Step != 1 || !(f.Loss > nn.MaxLoss) {
		t.Fatalf("a step to a loss above %d answered %#v", nn.MaxLoss, got[0])
	}
	back, err := msg.Decode(msg.Encode(f))
	if err != nil || *back.(*msg.Failed) != *f {
		t.Errorf("the Failed came back from the wire as %#v, %v", back, err)
	}
}
