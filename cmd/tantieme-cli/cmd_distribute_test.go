package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

// distribute --json: the shape of CLI.md, the parts adding up to the
// amount; 100,00 € over key 002 (ascenseur, 500 tantièmes): lot 9's owner
// (450001, 128 tantièmes) gets 100 × 128 / 500 = 25,60 € exactly.
func TestDistributeJSON(t *testing.T) {
	f := demoFile(t)
	code, out, stderr := cli(t, "distribute", f, "--key", "002", "--amount", "100,00", "--date", "2025-09-01", "--json")
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	var d distributionJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d.Key != "002" || d.Amount != "100.00" || d.Date != "2025-09-01" || d.TotalShares != "500" {
		t.Errorf("head %+v", d)
	}
	var sum int
	for _, o := range d.Owners {
		var e, c int
		if _, err := fmt.Sscanf(o.Part, "%d.%d", &e, &c); err != nil {
			t.Fatal(err)
		}
		sum += e*100 + c
		if o.Account == "450001" && o.Part != "25.60" {
			t.Errorf("450001: %+v", o)
		}
	}
	if sum != 10000 {
		t.Errorf("parts add up to %d cents", sum)
	}
	if code, _, stderr := cli(t, "distribute", f, "--key", "999", "--amount", "1"); code != 1 || stderr == "" {
		t.Errorf("unknown key: %d %s", code, stderr)
	}
}
