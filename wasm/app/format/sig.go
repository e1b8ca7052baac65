package format

import (
	"math"
	"strconv"
	"strings"
)

// Sig17 writes x with 17 significant digits, trailing zeros kept, so that
// two numbers' digits line up: plain decimals for 1e-4 ≤ |x| < 1e5
// (0.69309718180994528, 0.50000000000000000), d.dddddddddddddddde±xx
// otherwise (1.0000000000000001e-08). 17 digits read back every float64.
func Sig17(x float64) string {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	e := strconv.FormatFloat(x, 'e', 16, 64)
	mant, exp, _ := strings.Cut(e, "e")
	n, _ := strconv.Atoi(exp)
	if n < -4 || n > 4 {
		return e
	}
	sign := ""
	if mant[0] == '-' {
		sign, mant = "-", mant[1:]
	}
	digits := mant[:1] + mant[2:] // 17 digits, the point taken out
	if n >= 0 {
		return sign + digits[:n+1] + "." + digits[n+1:]
	}
	return sign + "0." + strings.Repeat("0", -n-1) + digits
}

// Lead splits s, a number as Sig17 writes it, after its first n
// significant digits: head is the sign, any leading zeros and point, and
// those digits; tail the rest. For n ≤ 0 head holds no digit.
func Lead(s string, n int) (head, tail string) {
	seen, started := 0, false
	for i := range len(s) {
		c := s[i]
		if c < '0' || c > '9' {
			if c == 'e' || c == 'E' { // the exponent is no significant digit
				return s[:i], s[i:]
			}
			continue
		}
		if c != '0' {
			started = true
		}
		if !started {
			continue
		}
		if seen == n {
			return s[:i], s[i:]
		}
		seen++
	}
	return s, ""
}
