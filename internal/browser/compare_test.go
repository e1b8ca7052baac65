package browser

import (
	"slices"
	"testing"
)

func TestDifferences(t *testing.T) {
	row := func(step int, loss, ms string) Row {
		return Row{Step: step, Values: map[string]string{ColLoss: loss, ColTrainAcc: "0.5", ColTestAcc: "0.5", ColEvals: "1", ColGradMs: ms}}
	}
	a := []Row{row(1, "0.69", "12"), row(2, "0.68", "11")}
	for _, c := range []struct {
		name string
		b    []Row
		skip []string
		want []string
	}{
		{"same but the time, skipped", []Row{row(1, "0.69", "30"), row(2, "0.68", "31")}, []string{ColGradMs}, nil},
		{"the time, compared", []Row{row(1, "0.69", "12"), row(2, "0.68", "31")}, nil,
			[]string{`step 2, grad-ms: A gives "11", B gives "31"`}},
		{"a loss", []Row{row(1, "0.69", "12"), row(2, "0.67", "11")}, []string{ColGradMs},
			[]string{`step 2, loss: A gives "0.68", B gives "0.67"`}},
		{"a row fewer", []Row{row(1, "0.69", "12")}, nil, []string{"A has 2 rows, B has 1"}},
		{"a step", []Row{row(1, "0.69", "12"), row(3, "0.68", "11")}, nil, []string{"row 2: A has step 2, B step 3"}},
		{"a column more", []Row{row(1, "0.69", "12"), {Step: 2, Values: map[string]string{
			ColLoss: "0.68", ColTrainAcc: "0.5", ColTestAcc: "0.5", ColEvals: "1", ColGradMs: "11", "extra": "1"}}}, nil,
			[]string{`step 2, extra: A gives no such cell, B gives "1"`}},
	} {
		if got := Differences("A", a, "B", c.b, c.skip...); !slices.Equal(got, c.want) {
			t.Errorf("%s: Differences = %q, want %q", c.name, got, c.want)
		}
	}
	// Two tables that both lack a column are not the same.
	bare := []Row{{Step: 1, Values: map[string]string{ColLoss: "0.69"}}}
	if got := Differences("A", bare, "B", bare, ColGradMs); len(got) != 3 {
		t.Errorf("tables without train-acc, test-acc and evals: Differences = %q, want one line for each", got)
	}
}

func TestSameNumber(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"0.1", "0.1", true},
		{"1e-4", "0.0001", true},
		{"0.10000000001", "0.1", true}, // 1e-10 relatively: a slider's last digit
		{"0.1000001", "0.1", false},
		{"64", "64.5", false},
		{"0", "0", true},
		{"0", "1e-300", false},
		{"incremental", "incremental", true},
		{"incremental", "backprop", false},
		{"", "0", false},
		{"NaN", "NaN", true},
	} {
		if got := SameNumber(c.a, c.b); got != c.want {
			t.Errorf("SameNumber(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
