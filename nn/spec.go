package nn

import "bibun/nn/spec"

// The description of a run lives in package spec, which the page's UI
// imports without the matrix library; these names make it nn's too.
type (
	Config      = spec.Config
	Method      = spec.Method
	FieldError  = spec.FieldError
	Metrics     = spec.Metrics
	ArticleStep = spec.ArticleStep
)

const (
	Numerical   = spec.Numerical
	Incremental = spec.Incremental
	Backprop    = spec.Backprop
	Outputs     = spec.Outputs
	Noise       = spec.Noise
	Flat        = spec.Flat
)

// Methods lists every gradient method, in the order the page offers them.
var Methods = spec.Methods

// ArticleLog is the article's own training log (see spec.ArticleLog).
var ArticleLog = spec.ArticleLog

// Article returns the article's settings (see spec.Article).
func Article() Config { return spec.Article() }
