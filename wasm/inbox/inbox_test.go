package inbox

import "testing"

func TestOrder(t *testing.T) {
	b := New[int]()
	for i := range 100 {
		b.Put(i)
	}
	for i := range 100 {
		if got := b.Take(); got != i {
			t.Fatalf("Take #%d = %d", i, got)
		}
	}
}

func TestTakeWaits(t *testing.T) {
	b := New[string]()
	done := make(chan string)
	go func() { done <- b.Take() }()
	b.Put("a")
	if got := <-done; got != "a" {
		t.Fatalf("Take = %q, want a", got)
	}
}
