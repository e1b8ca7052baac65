package inbox

import "testing"

func TestOrder(t *testing.T) {
	b := New[int]()
	for i := range 100 {
		b.Put(i)
	}
	for i := range 100 {
		if n := b.Len(); n != 100-i {
			t.Fatalf("Len before Take #%d = %d, want %d", i, n, 100-i)
		}
		if got := b.Take(); got != i {
			t.Fatalf("Take #%d = %d", i, got)
		}
	}
	if n := b.Len(); n != 0 {
		t.Fatalf("Len of an emptied inbox = %d", n)
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
