package view

import (
	"time"

	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
)

// durationUnits writes durations' units: international symbols in English,
// 秒, 分 and 時間 close up in Japanese (milliseconds keep ms, as Japanese
// tables of timings do).
var durationUnits = text.Table[format.Units]{
	text.English: {Ms: " ms", S: " s",
		MinSec:  func(min, s string) string { return min + " min " + s + " s" },
		HourMin: func(h, min string) string { return h + " h " + min + " min" }},
	text.Japanese: {Ms: " ms", S: "秒",
		MinSec:  func(min, s string) string { return min + "分" + s + "秒" },
		HourMin: func(h, min string) string { return h + "時間" + min + "分" }},
}

// duration formats d for reading in language l: 2 min 10 s, 2分10秒.
func duration(l text.Lang, d time.Duration) string {
	return format.Duration(d, durationUnits[l])
}
