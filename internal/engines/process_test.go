package engines

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
)

var regexpPort = regexp.MustCompile(`port (\d+)`)

func TestProcess(t *testing.T) {
	p, err := start("sh", "-c", "echo listening on port 4242; sleep 60")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	m, err := p.waitFor(ctx, regexpPort)
	if err != nil || m[1] != "4242" {
		t.Errorf("waitFor = %q, %v", m, err)
	}
	t0 := time.Now()
	p.stop(10 * time.Second)
	if d := time.Since(t0); d > 9*time.Second {
		t.Errorf("stop took %v: the group did not end on SIGTERM", d)
	}

	q, err := start("sh", "-c", "echo no port here; exit 3")
	if err != nil {
		t.Fatal(err)
	}
	defer q.stop(time.Second)
	if _, err := q.waitFor(ctx, regexpPort); err == nil || !strings.Contains(err.Error(), "no port here") {
		t.Errorf("a program that exits first: %v, want an error quoting its output", err)
	}
}
