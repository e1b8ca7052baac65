package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/chromedp"
)

// Memory is what a tab holds in memory.
type Memory struct {
	RSS, Peak int64 // resident bytes of the renderer process running the page and its workers: now, and at most so far
	JSHeap    int64 // bytes of the page's JavaScript heap in use
	Buffers   int64 // bytes of the page's array buffers, app.wasm's memory among them (not the workers')
}

// Memory returns the memory of the tab: its renderer process's, read from
// Linux's /proc (the renderer that runs dedicated workers, which must be
// the only one: open no other page with workers), and its JavaScript heap.
func (t *Tab) Memory() (Memory, error) {
	var m Memory
	procs, err := chromedp.CallBrowser(t.ctx, systeminfo.GetProcessInfo, cdp.Empty{})
	if err != nil {
		return m, fmt.Errorf("listing the browser's processes: %w", err)
	}
	renderer := 0
	for _, p := range procs.ProcessInfo {
		if p.Type == "renderer" && WorkerThreads(int(p.ID)) > 0 {
			if renderer != 0 {
				return m, fmt.Errorf("renderers %d and %d both run workers", renderer, p.ID)
			}
			renderer = int(p.ID)
		}
	}
	if renderer == 0 {
		return m, fmt.Errorf("no renderer process runs the page's workers")
	}
	if m.RSS, m.Peak, err = ProcessMemory(renderer); err != nil {
		return m, err
	}
	heap, err := chromedp.Call(t.ctx, runtime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return m, fmt.Errorf("reading the JavaScript heap: %w", err)
	}
	m.JSHeap, m.Buffers = int64(heap.UsedSize), int64(heap.BackingStorageSize)
	return m, nil
}

// ProcessMemory returns the current and peak resident memory of process
// pid, in bytes, from /proc/pid/status (VmRSS and VmHWM).
func ProcessMemory(pid int) (now, peak int64, err error) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, 0, fmt.Errorf("reading process %d's memory: %w", pid, err)
	}
	for line := range strings.Lines(string(b)) {
		f := strings.Fields(line)
		if len(f) != 3 || f[2] != "kB" {
			continue
		}
		kB, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			now = kB << 10
		case "VmHWM:":
			peak = kB << 10
		}
	}
	return now, peak, nil
}

// WorkerThreads returns how many threads of process pid run a dedicated
// worker, which Chromium names "DedicatedWorker thread".
func WorkerThreads(pid int) int {
	tasks, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "task", "*", "comm"))
	n := 0
	for _, task := range tasks {
		if name, err := os.ReadFile(task); err == nil && strings.HasPrefix(string(name), "DedicatedWorker") {
			n++
		}
	}
	return n
}
