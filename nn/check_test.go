package nn

import "testing"

func TestSampleParams(t *testing.T) {
	net := NewNetwork(256, 64)
	idx := SampleParams(net, 32)
	// 8 from W1, b1 and W2 each, both of b2.
	if len(idx) != 26 {
		t.Fatalf("%d indices: %v", len(idx), idx)
	}
	for q := 1; q < len(idx); q++ {
		if idx[q] <= idx[q-1] || idx[q] >= len(net.Theta) {
			t.Fatalf("indices not increasing within θ: %v", idx)
		}
	}
}
