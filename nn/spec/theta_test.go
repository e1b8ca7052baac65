package spec

import "testing"

// TestParam walks θ of a 4-input, 3-unit network: W1 is 4×3 (0–11), b1 3
// (12–14), W2 3×2 (15–20), b2 2 (21–22).
func TestParam(t *testing.T) {
	c := Config{Size: 4, Hidden: 3}
	for k, want := range map[int]string{0: "W1[0][0]", 5: "W1[1][2]", 11: "W1[3][2]", 12: "b1[0]", 14: "b1[2]",
		15: "W2[0][0]", 18: "W2[1][1]", 20: "W2[2][1]", 21: "b2[0]", 22: "b2[1]", 99: "b2[1]", -3: "W1[0][0]"} {
		if got := c.Param(k).String(); got != want {
			t.Errorf("θ_%d is %s, want %s", k, got, want)
		}
	}
	if p := c.Param(18); p.Lo != 15 || p.Size != 6 || p.Index() != 3 || p.K != 18 {
		t.Errorf("θ_18: %+v", p)
	}
	if p := c.ParamOf("W2", 4); p.K != 19 {
		t.Errorf("W2 entry 4 is θ_%d, want 19", p.K)
	}
	if p := c.ParamOf("b1", 9); p.K != 14 {
		t.Errorf("b1 entry 9 is θ_%d, want the last of b1, 14", p.K)
	}
	a := Article()
	if p := a.Param(a.Params() - 1); p.String() != "b2[1]" || p.K != 16577 {
		t.Errorf("the article's last parameter: %+v", p)
	}
}
