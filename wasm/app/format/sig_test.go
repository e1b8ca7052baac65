package format

import (
	"strconv"
	"testing"
)

func TestSig17(t *testing.T) {
	for x, want := range map[float64]string{
		0.69309718180994528: "0.69309718180994528",
		0.5:                 "0.50000000000000000",
		-0.0123:             "-0.012300000000000000",
		12345.678:           "12345.678000000000",
		1e-8:                "1.0000000000000000e-08",
		-4.2e-5:             "-4.1999999999999998e-05",
		0:                   "0",
	} {
		got := Sig17(x)
		if got != want {
			t.Errorf("Sig17(%v) = %q, want %q", x, got, want)
		}
		if back, err := strconv.ParseFloat(got, 64); err != nil || back != x {
			t.Errorf("Sig17(%v) = %q reads back as %v", x, got, back)
		}
	}
}

func TestLead(t *testing.T) {
	for _, c := range []struct {
		s          string
		n          int
		head, tail string
	}{
		{"0.69309718180994528", 3, "0.693", "09718180994528"},
		{"0.69309718180994528", 0, "0.", "69309718180994528"},
		{"-0.012300000000000000", 2, "-0.012", "300000000000000"},
		{"12345.678000000000", 6, "12345.6", "78000000000"},
		{"1.0000000000000000e-08", 1, "1.", "0000000000000000e-08"},
		{"1.0000000000000000e-08", 17, "1.0000000000000000", "e-08"},
		{"0.69309718180994528", 17, "0.69309718180994528", ""},
	} {
		if h, tl := Lead(c.s, c.n); h != c.head || tl != c.tail {
			t.Errorf("Lead(%q, %d) = %q, %q; want %q, %q", c.s, c.n, h, tl, c.head, c.tail)
		}
	}
}
