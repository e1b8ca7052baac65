package spec

import (
	"slices"
	"testing"
)

// Every bug a link may plant passes Validate, names the tensors it breaks
// and a line of the chain rule that it changes.
func TestBugs(t *testing.T) {
	for _, b := range Bugs {
		c := Article()
		c.Bug = b
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", b, err)
		}
		if len(b.Breaks()) == 0 {
			t.Errorf("%s breaks no tensor", b)
		}
		right, planted := b.Line()
		if right == "" || planted == "" || right == planted {
			t.Errorf("%s: line %q planted as %q", b, right, planted)
		}
		if !slices.Contains(ChainRule, right) {
			t.Errorf("%s breaks %q, which is not a line of ChainRule", b, right)
		}
	}
	if NoBug.Breaks() != nil {
		t.Errorf("no bug breaks %v", NoBug.Breaks())
	}
}
