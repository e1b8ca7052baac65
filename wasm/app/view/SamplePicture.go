package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/prop"
)

// SamplePicture is the part of a SampleTile that a step leaves alone: the
// sample's picture and its class in words.
type SamplePicture struct {
	vecty.Core
	Picture string `vecty:"prop"` // a data URI
	Alt     string `vecty:"prop"` // the picture in words
	Caption string `vecty:"prop"` // the sample's class
}

// Render implements vecty.Component.
func (p *SamplePicture) Render() vecty.ComponentOrHTML {
	return elem.Span(vecty.Markup(vecty.Class("picture")),
		elem.Image(vecty.Markup(prop.Src(p.Picture), vecty.Property("alt", p.Alt))),
		elem.Span(vecty.Markup(vecty.Class("label")), vecty.Text(p.Caption)),
	)
}

// SkipRender keeps the picture while it and its words stay the same.
func (p *SamplePicture) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*SamplePicture)
	return ok && q.Picture == p.Picture && q.Alt == p.Alt && q.Caption == p.Caption
}
