package engines

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"bibun/internal/webdriver"
)

// TestGone: a browser whose process exits, or whose driver says its
// session is gone, is gone, with what it wrote; any other failure is not.
func TestGone(t *testing.T) {
	crashed, err := start("sh", "-c", "echo 'WebProcess CRASHED'; sleep 0.1; exit 3")
	if err != nil {
		t.Fatal(err)
	}
	<-crashed.exited
	if err := crashed.gone(); !errors.Is(err, ErrGone) || !strings.Contains(err.Error(), "WebProcess CRASHED") {
		t.Errorf("a program that exited: %v, want ErrGone quoting its output", err)
	}

	running, err := start("sh", "-c", "echo 'session started'; sleep 60")
	if err != nil {
		t.Fatal(err)
	}
	defer running.stop(time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := running.waitFor(ctx, regexp.MustCompile("session started")); err != nil {
		t.Fatal(err)
	}
	b := &webkit{proc: running}
	if err := b.Gone(); err != nil {
		t.Fatalf("a running driver: %v, want nil", err)
	}
	thrown := &webdriver.Error{Code: webdriver.JavaScriptError, Message: "boom"}
	if err := b.check(thrown); errors.Is(err, ErrGone) || !errors.Is(err, thrown) {
		t.Errorf("a script that threw: %v, want that error, not ErrGone", err)
	}
	for _, code := range sessionGone {
		b := &webkit{proc: running}
		lost := fmt.Errorf("evaluating x: %w", &webdriver.Error{Code: code})
		if err := b.check(lost); !errors.Is(err, ErrGone) || !strings.Contains(err.Error(), code) {
			t.Errorf("answered %q: %v, want ErrGone quoting it", code, err)
		}
		if err := b.Gone(); !errors.Is(err, ErrGone) || !strings.Contains(err.Error(), "session started") {
			t.Errorf("after %q, Gone() = %v, want ErrGone quoting the driver", code, err)
		}
	}
}

// gonePage is a page whose browser has ended: every call fails with
// ErrGone.
type gonePage struct{ *fakePage }

func (gonePage) EvalString(context.Context, string) (string, error) {
	return "", fmt.Errorf("%w: test", ErrGone)
}

// TestWaitsStopWhenGone: the waits give up at once on a gone browser,
// not at their deadline.
func TestWaitsStopWhenGone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for name, wait := range map[string]func() error{
		"WaitState": func() error { return WaitState(ctx, gonePage{&fakePage{}}, "done") },
		"WaitTrue":  func() error { return WaitTrue(ctx, gonePage{&fakePage{}}, "true", "truth") },
	} {
		t0 := time.Now()
		err := wait()
		if !errors.Is(err, ErrGone) {
			t.Errorf("%s: %v, want ErrGone", name, err)
		}
		if d := time.Since(t0); d > 10*time.Second {
			t.Errorf("%s took %v: it polled a gone browser", name, d)
		}
	}
}
