package engines

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"
)

// process is a program started in a process group of its own, so that
// stop ends it with every process it started (a browser's content
// processes, a driver's browser, xvfb-run's Xvfb).
type process struct {
	cmd    *exec.Cmd
	out    *tail
	exited chan struct{} // closed when the program has exited
	err    error         // how it exited; set before exited closes
}

// start starts exe with args, its output kept in a tail.
func start(exe string, args ...string) (*process, error) {
	p := &process{cmd: exec.Command(exe, args...), out: &tail{}, exited: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

// waitFor waits until the program's output matches re and returns the
// match and its groups. It fails when ctx ends or the program exits first,
// quoting the end of its output.
func (p *process) waitFor(ctx context.Context, re *regexp.Regexp) ([]string, error) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if m := re.FindStringSubmatch(p.out.String()); m != nil {
			return m, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %q in the output of %s: %w; it wrote:\n%s", re, p.cmd.Path, ctx.Err(), p.out)
		case <-p.exited:
			if m := re.FindStringSubmatch(p.out.String()); m != nil {
				return m, nil
			}
			return nil, fmt.Errorf("%s exited (%v) before writing %q; it wrote:\n%s", p.cmd.Path, p.err, re, p.out)
		case <-tick.C:
		}
	}
}

// stop asks the program's process group to end (SIGTERM), and after grace
// ends it (SIGKILL); it returns once the program has exited.
func (p *process) stop(grace time.Duration) {
	select {
	case <-p.exited:
	default:
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(grace):
		}
	}
	// The group's other processes may outlive the program itself.
	if err := syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		fmt.Printf("engines: ending the processes of %s: %v\n", p.cmd.Path, err)
	}
	<-p.exited
}

// tail keeps the last tailSize bytes written to it.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

const tailSize = 64 << 10

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - tailSize; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(b), nil
}

// last returns the last n bytes written, from a line's start where one
// begins within them.
func (t *tail) last(n int) string {
	s := t.String()
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return "…\n" + s
}

// gone returns nil while the program runs, and once it has exited an
// error wrapping ErrGone that quotes the end of its output.
func (p *process) gone() error {
	select {
	case <-p.exited:
		return fmt.Errorf("%w: %s exited (%v); it wrote:\n%s", ErrGone, filepath.Base(p.cmd.Path), p.err, p.out.last(goneQuote))
	default:
		return nil
	}
}

// goneQuote is how much of a program's output ErrGone's errors quote.
const goneQuote = 4 << 10

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
