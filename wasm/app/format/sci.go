package format

import (
	"math"
	"strconv"
	"strings"
)

// superscript maps the characters of an exponent to their superscripts.
var superscript = strings.NewReplacer(
	"-", "⁻", "0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴",
	"5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹",
)

// Pow10 writes 10 to the power n as a person would: 10⁻⁶, 10¹¹.
func Pow10(n int) string {
	return "10" + superscript.Replace(strconv.Itoa(n))
}

// Sci formats x in scientific notation rounded to n significant digits,
// as a person would write it: 1.09·10¹¹, 6·10⁻⁶, 2.3·10⁻⁸. Numbers from
// 0.001 up to 10,000 are written plainly (0.25, 420).
func Sci(x float64, n int) string {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', n, 64)
	}
	if a := math.Abs(x); a >= 1e-3 && a < 1e4 {
		return strconv.FormatFloat(x, 'g', n, 64)
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(x, 'e', n-1, 64), "e")
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	e, _ := strconv.Atoi(exp)
	if mant == "1" {
		return Pow10(e)
	}
	if mant == "-1" {
		return "-" + Pow10(e)
	}
	return mant + "·" + Pow10(e)
}
