package record

import (
	"testing"
	"time"
)

func TestStamp(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2026, 11, 28, 14, 32, 5, 0, time.FixedZone("JST", 9*3600)),
		time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		time.Date(999, 12, 31, 23, 59, 59, 0, time.FixedZone("", -(3*3600+30*60))),
	} {
		s := Stamp(at)
		if want := at.Format(time.RFC3339); s != want {
			t.Errorf("Stamp = %q, want %q", s, want)
		}
		got, ok := ParseStamp(s)
		if !ok || !got.Equal(at) || Stamp(got) != s {
			t.Errorf("ParseStamp(%q) = %v, %v", s, got, ok)
		}
		if d := Date(at); d != at.Format("2006-01-02 15:04") {
			t.Errorf("Date = %q", d)
		}
	}
	for _, bad := range []string{"", "2026-11-28", "2026-11-28T14:32:05", "2026-02-31T00:00:00Z", "2026-13-01T00:00:00Z",
		"2026-11-28T14:32:05+9:00", "2026-11-28T14:32:05.5Z", "x026-11-28T14:32:05Z", "2026-11-28T24:00:00Z"} {
		if _, ok := ParseStamp(bad); ok {
			t.Errorf("ParseStamp(%q) accepted", bad)
		}
	}
}
