package spec

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestArticleConfig(t *testing.T) {
	c := Article()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Params() != 16578 {
		t.Errorf("P = %d, want 16578", c.Params())
	}
}

func TestValidateNamesTheField(t *testing.T) {
	cases := []struct {
		field string
		mod   func(*Config)
	}{
		{"Size", func(c *Config) { c.Size = 0 }},
		{"Size", func(c *Config) { c.Size = 1025 }},
		{"Hidden", func(c *Config) { c.Hidden = 0 }},
		{"Hidden", func(c *Config) { c.Hidden = 513 }},
		{"Batch", func(c *Config) { c.Batch = 0 }},
		{"Batch", func(c *Config) { c.Batch = 301 }}, // more than Train
		{"LR", func(c *Config) { c.LR = 0 }},
		{"LR", func(c *Config) { c.LR = 100.5 }},
		{"LR", func(c *Config) { c.LR = math.NaN() }},
		{"H", func(c *Config) { c.H = 1e-13 }},
		{"H", func(c *Config) { c.H = 2 }},
		{"Steps", func(c *Config) { c.Steps = 0 }},
		{"Steps", func(c *Config) { c.Steps = 10001 }},
		{"Train", func(c *Config) { c.Train = 1 }},
		{"Train", func(c *Config) { c.Train = 5001 }},
		{"Test", func(c *Config) { c.Test = 1 }},
		{"Test", func(c *Config) { c.Test = 5001 }},
		{"Std", func(c *Config) { c.Std = -1 }},
		{"Std", func(c *Config) { c.Std = math.Inf(1) }},
		{"Method", func(c *Config) { c.Method = "magic" }},
		{"Bug", func(c *Config) { c.Bug = "<script>" }},
	}
	for _, tc := range cases {
		c := Article()
		tc.mod(&c)
		err := c.Validate()
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%+v: err = %v, want one naming %s", c, err, tc.field)
			continue
		}
		if !strings.Contains(err.Error(), tc.field) || fe.Range == "" || fe.Value == "" {
			t.Errorf("message %q lacks field, range or value", err)
		}
	}
	// The edges themselves are allowed.
	c := Config{Size: 1024, Hidden: 512, Batch: 5000, LR: 100, H: 1e-12, Steps: 10000, Train: 5000, Test: 2, Std: 10, Seed: math.MaxUint64, Method: Numerical}
	if err := c.Validate(); err != nil {
		t.Errorf("largest settings rejected: %v", err)
	}
	c = Config{Size: 1, Hidden: 1, Batch: 1, LR: 1e-300, H: 1, Steps: 1, Train: 2, Test: 2, Std: 1e-300, Seed: 0, Method: Backprop}
	if err := c.Validate(); err != nil {
		t.Errorf("smallest settings rejected: %v", err)
	}
}

func TestArticleLogMatchesSpec(t *testing.T) {
	// SPEC.md: step 1 loss 0.612, 0.50/0.50; step 5 0.476, 0.95/0.95; step 15 0.196, 0.96/0.96.
	if len(ArticleLog) != Article().Steps {
		t.Fatalf("%d log lines, want %d", len(ArticleLog), Article().Steps)
	}
	for _, c := range []struct {
		step                 int
		loss, train, testAcc float64
	}{{1, 0.612, 0.5, 0.5}, {5, 0.476, 0.95, 0.95}, {15, 0.196, 0.96, 0.96}} {
		l := ArticleLog[c.step-1]
		if math.Abs(l.Loss-c.loss) > 5e-4 || l.TrainAcc != c.train || l.TestAcc != c.testAcc {
			t.Errorf("step %d: %+v", c.step, l)
		}
	}
}
