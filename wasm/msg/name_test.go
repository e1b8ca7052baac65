package msg

import "testing"

func TestWorkerName(t *testing.T) {
	for i := range 9 {
		if got, ok := WorkerIndex(WorkerName(i)); !ok || got != i {
			t.Errorf("WorkerIndex(WorkerName(%d) = %q) = %d, %v", i, WorkerName(i), got, ok)
		}
	}
	for _, name := range []string{"", "<undefined>", "training worker ", "training worker x", "training worker -1",
		"training worker +1", "training worker 01", "worker 0", "training worker 0 "} {
		if i, ok := WorkerIndex(name); ok {
			t.Errorf("WorkerIndex(%q) = %d, true; want false", name, i)
		}
	}
}
