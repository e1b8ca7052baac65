package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
	"bibun/wasm/link"
)

// settingsText is every string SettingsPanel shows. Labels stay short: the
// panel is narrow.
var settingsText = text.Table[struct {
	Title, Article, QuickLook             string
	Network, Training, Data, Browser      string // the fieldsets' legends
	Size, SizeHint, Hidden, Std, StdHint  string
	Batch, LR, H, HHint, HBackprop, Steps string
	Train, Test, Workers, WorkersHint     string
}]{
	text.English: {
		Title: "Settings", Article: "Article", QuickLook: "Quick look",
		Network: "Network", Training: "Training", Data: "Data", Browser: "This browser",
		Size: "Input size S", SizeHint: "pixels per sample", Hidden: "Hidden units H",
		Std: "Init std", StdHint: "weights start as std·N(0, 1)",
		Batch: "Batch size", LR: "Learning rate", H: "Nudge h",
		HHint:     "the step of the central differences (f(θ+h) − f(θ−h)) / 2h",
		HBackprop: "the step of the central differences; backprop does not nudge",
		Steps:     "Steps", Train: "Training samples", Test: "Test samples",
		Workers: "Workers", WorkersHint: "Web Workers sharing the differences",
	},
	text.Japanese: {
		Title: "設定", Article: "記事の設定", QuickLook: "お試し",
		Network: "ネットワーク", Training: "学習", Data: "データ", Browser: "このブラウザ",
		Size: "入力サイズ S", SizeHint: "1 サンプルあたりの画素数", Hidden: "隠れ層のユニット数 H",
		Std: "初期重みの標準偏差", StdHint: "重みの初期値は std·N(0, 1)",
		Batch: "バッチサイズ", LR: "学習率", H: "刻み幅 h",
		HHint:     "中心差分 (f(θ+h) − f(θ−h)) / 2h の刻み幅",
		HBackprop: "中心差分の刻み幅（誤差逆伝播法では使いません）",
		Steps:     "ステップ数", Train: "訓練データ数", Test: "テストデータ数",
		Workers: "ワーカー数", WorkersHint: "差分の計算を分担する Web Worker の数",
	},
}

// SettingsPanel shows every setting of the run as a control named by its
// link key, and the presets.
type SettingsPanel struct {
	vecty.Core
	State   link.State `vecty:"prop"`
	Lang    text.Lang  `vecty:"prop"`
	Workers int        `vecty:"prop"` // workers the page runs, set or not
	Edits   int        `vecty:"prop"` // the store's count of settings changes
}

// Render implements vecty.Component.
func (p *SettingsPanel) Render() vecty.ComponentOrHTML {
	c, txt := p.State.Config, settingsText[p.Lang]
	fix := func(key string) string { return fixed(p.State.Locked, key, p.Lang) }
	hHint := txt.HHint
	if c.Method == spec.Backprop {
		hHint = txt.HBackprop
	}
	return elem.Div(vecty.Markup(vecty.Class("panel")),
		elem.Heading2(vecty.Text(txt.Title)),
		elem.Div(vecty.Markup(vecty.Class("presets")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), event.Click(p.onArticle)), vecty.Text(txt.Article)),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), event.Click(p.onQuickLook)), vecty.Text(txt.QuickLook)),
		),
		&MethodSelect{Method: c.Method, Lang: p.Lang, Fixed: fix("grad")},
		elem.FieldSet(
			elem.Legend(vecty.Text(txt.Network)),
			&Slider{Key: "size", Label: txt.Size, Hint: txt.SizeHint, Value: float64(c.Size), Min: spec.MinSize, Max: spec.MaxSize, Fixed: fix("size")},
			&Slider{Key: "hidden", Label: txt.Hidden, Value: float64(c.Hidden), Min: spec.MinHidden, Max: spec.MaxHidden, Fixed: fix("hidden")},
			&Slider{Key: "std", Label: txt.Std, Hint: txt.StdHint, Value: c.Std, Min: link.MinStd, Max: spec.MaxStd, Log: true, Fixed: fix("std")},
		),
		elem.FieldSet(
			elem.Legend(vecty.Text(txt.Training)),
			&Slider{Key: "batch", Label: txt.Batch, Value: float64(c.Batch), Min: spec.MinBatch, Max: float64(c.Train), Fixed: fix("batch")},
			&Slider{Key: "lr", Label: txt.LR, Value: c.LR, Min: link.MinLR, Max: spec.MaxLR, Log: true, Fixed: fix("lr")},
			&Slider{Key: "h", Label: txt.H, Hint: hHint, Value: c.H, Min: spec.MinH, Max: spec.MaxH, Log: true, Fixed: fix("h")},
			&NumberField{Key: "steps", Label: txt.Steps, Value: strconv.Itoa(c.Steps), Min: spec.MinSteps, Max: spec.MaxSteps, Edits: p.Edits, Fixed: fix("steps")},
		),
		elem.FieldSet(
			elem.Legend(vecty.Text(txt.Data)),
			&NumberField{Key: "train", Label: txt.Train, Value: strconv.Itoa(c.Train), Min: spec.MinSamples, Max: spec.MaxSamples, Edits: p.Edits, Fixed: fix("train")},
			&NumberField{Key: "test", Label: txt.Test, Value: strconv.Itoa(c.Test), Min: spec.MinSamples, Max: spec.MaxSamples, Edits: p.Edits, Fixed: fix("test")},
			&SeedField{Seed: c.Seed, Lang: p.Lang, Edits: p.Edits, Fixed: fix("seed")},
		),
		elem.FieldSet(
			elem.Legend(vecty.Text(txt.Browser)),
			&Slider{Key: "workers", Label: txt.Workers, Hint: txt.WorkersHint, Value: float64(p.Workers), Min: 1, Max: link.MaxWorkers, Fixed: fix("workers")},
		),
	)
}

func (p *SettingsPanel) onArticle(*vecty.Event) {
	dispatcher.Dispatch(&action.UsePreset{Preset: action.Article})
}

func (p *SettingsPanel) onQuickLook(*vecty.Event) {
	dispatcher.Dispatch(&action.UsePreset{Preset: action.QuickLook})
}

// SkipRender skips the panel while no setting changes, as during a run.
func (p *SettingsPanel) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*SettingsPanel)
	return ok && q.State == p.State && q.Lang == p.Lang && q.Workers == p.Workers && q.Edits == p.Edits
}
