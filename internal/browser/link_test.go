package browser

import "testing"

func TestWith(t *testing.T) {
	if Article != "v=1&grad=incremental&size=256&hidden=64&batch=100&lr=0.1&h=0.0001&steps=15&train=300&test=200&std=0.01&seed=1" {
		t.Errorf("Article = %q", Article)
	}
	got := With("v=1&grad=incremental&steps=15", "steps=3", "workers=2", "grad=backprop")
	if want := "v=1&grad=backprop&steps=3&workers=2"; got != want {
		t.Errorf("With = %q, want %q", got, want)
	}
}
