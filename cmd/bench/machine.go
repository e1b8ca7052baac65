package main

import (
	"bufio"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// Machine describes where the figures were measured.
type Machine struct {
	CPU      string // model name from /proc/cpuinfo
	Cores    int
	Go       string // the go command's version
	Node     string
	Chromium string // filled in once the browser runs
	Load     string // the 1-minute load average when the run began
	LoadEnd  string // and when it ended
}

// describeMachine reads what it can; a missing part reads "unknown".
func describeMachine(goCmd string) Machine {
	m := Machine{CPU: "unknown", Cores: runtime.NumCPU(), Go: "unknown", Node: "unknown", Chromium: "unknown",
		Load: loadAverage(), LoadEnd: "unknown"}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if out, err := exec.Command(goCmd, "env", "GOVERSION").Output(); err == nil {
		m.Go = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m.Node = strings.TrimSpace(string(out))
	}
	return m
}

// loadAverage returns the 1-minute load average, or "unknown". Other work
// on the machine slows every figure; this says how much there was.
func loadAverage() string {
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 0 {
			return f[0]
		}
	}
	return "unknown"
}

func (m Machine) String() string {
	return m.CPU + ", " + strconv.Itoa(m.Cores) + " cores; " + m.Chromium + " (headless); " + m.Go +
		"; node " + m.Node + "; load average " + m.Load + " at the start, " + m.LoadEnd + " at the end"
}

// busy reports whether, when the run began or ended, half as much work
// again as there are cores was waiting (the run's own browser accounts for
// up to about one core).
func (m Machine) busy() bool {
	for _, l := range []string{m.Load, m.LoadEnd} {
		if x, err := strconv.ParseFloat(l, 64); err == nil && x > 1.5*float64(m.Cores) {
			return true
		}
	}
	return false
}
