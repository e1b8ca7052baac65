package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
)

// numpyLast matches the last line of article_numpy.sh.
var numpyLast = regexp.MustCompile(`article_numpy median_step_s=([0-9.]+) steps=(\d+)`)

// numpyStep matches the line of one step.
var numpyStep = regexp.MustCompile(`^step_s=([0-9.]+) `)

// runNumpy times the article's own numpy program with script (the shared
// article_numpy.sh) for steps steps, echoing its lines to progress, and
// returns its median step in milliseconds and each step's seconds.
func runNumpy(script string, steps int, progress func(string, ...any)) (float64, []string, error) {
	if _, err := os.Stat(script); err != nil {
		return 0, nil, fmt.Errorf("%s not found (no ../shared next to the repository?): %w", script, err)
	}
	cmd := exec.Command("bash", script, strconv.Itoa(steps))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, nil, err
	}
	if err := cmd.Start(); err != nil {
		return 0, nil, err
	}
	var ms float64
	var each []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		progress("numpy: %s", line)
		if m := numpyStep.FindStringSubmatch(line); m != nil {
			each = append(each, m[1])
		}
		if m := numpyLast.FindStringSubmatch(line); m != nil {
			s, _ := strconv.ParseFloat(m[1], 64)
			ms = s * 1000
		}
	}
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return 0, nil, fmt.Errorf("bash %s %d: %w", script, steps, err)
	}
	if ms <= 0 {
		return 0, nil, fmt.Errorf("bash %s %d printed no \"article_numpy median_step_s=…\" line", script, steps)
	}
	return ms, each, nil
}
