package record

import (
	"strconv"
	"time"
)

// Times are written by hand rather than with time.Format and time.Parse,
// whose layouts would add 45 kB to the page's wasm for three formats.

// Stamp writes t as a saved run's "saved" field holds it: RFC 3339 to the
// second, with t's offset from UTC, 2026-11-28T14:32:05+09:00.
func Stamp(t time.Time) string {
	_, offset := t.Zone()
	zone := "Z"
	if offset != 0 {
		sign := "+"
		if offset < 0 {
			sign, offset = "-", -offset
		}
		zone = sign + pad(offset/3600, 2) + ":" + pad(offset%3600/60, 2)
	}
	return date(t, "-") + "T" + pad(t.Hour(), 2) + ":" + pad(t.Minute(), 2) + ":" + pad(t.Second(), 2) + zone
}

// ParseStamp reads a time written as Stamp writes it (Z or an offset,
// seconds with no fraction), in its own offset; false if s is not one.
func ParseStamp(s string) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v, err := strconv.Atoi(s[i : i+n])
		if err != nil || v < 0 {
			return -1
		}
		return v
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	offset := 0
	switch zone := s[19:]; {
	case zone == "Z":
	case len(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':':
		zh, zm := num(20, 2), num(23, 2)
		if zh < 0 || zm < 0 || zh > 23 || zm > 59 {
			return time.Time{}, false
		}
		offset = zh*3600 + zm*60
		if zone[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.FixedZone("", offset))
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t, true
}

// Date writes t for reading: 2026-11-28 14:32.
func Date(t time.Time) string {
	return date(t, "-") + " " + pad(t.Hour(), 2) + ":" + pad(t.Minute(), 2)
}

// date writes t's date with sep between year, month and day.
func date(t time.Time, sep string) string {
	return pad(t.Year(), 4) + sep + pad(int(t.Month()), 2) + sep + pad(t.Day(), 2)
}

// pad writes n with at least width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
