package format

import "testing"

func TestSci(t *testing.T) {
	for _, c := range []struct {
		x    float64
		n    int
		want string
	}{
		{1.0949e11, 3, "1.09·10¹¹"},
		{6.055454e-6, 1, "6·10⁻⁶"},
		{2.2959e-8, 2, "2.3·10⁻⁸"},
		{1e-4, 2, "10⁻⁴"},
		{-3e-12, 1, "-3·10⁻¹²"},
		{0.25, 3, "0.25"},
		{420, 3, "420"},
		{0, 3, "0"},
	} {
		if got := Sci(c.x, c.n); got != c.want {
			t.Errorf("Sci(%g, %d) = %q, want %q", c.x, c.n, got, c.want)
		}
	}
	if got := Pow10(-12); got != "10⁻¹²" {
		t.Errorf("Pow10(-12) = %q", got)
	}
}
