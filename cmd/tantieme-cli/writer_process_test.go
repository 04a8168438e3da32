package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestSecondProcessRefused: while another process has a residence open for
// writing, a second writer is refused with the holder's name and leaves the
// file as it is, readers still work; once the holder closes — or dies — the
// second writer gets in.
func TestSecondProcessRefused(t *testing.T) {
	f := demoFile(t)
	host, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	payArgs := []string{"pay", f, "--owner", "450001", "--amount", "10", "--date", "2025-06-01"}

	a := startHolder(t, f)
	pid := a.cmd.Process.Pid
	before, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := cli(t, payArgs...)
	if code != 1 {
		t.Fatalf("pay while another process writes: exit %d, want 1\n%s%s", code, out, stderr)
	}
	for _, want := range []string{"déjà ouverte", host, "processus", fmt.Sprint(pid), "depuis le"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("refusal lacks %q: %s", want, stderr)
		}
	}
	if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
		t.Errorf("refusal is not one sentence on one line: %q", stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("the refused pay changed the residence")
	}
	// Readers are not held up by the writer.
	if code, out, stderr := cli(t, "balance", f, "--json"); code != 0 || !strings.HasPrefix(strings.TrimSpace(out), "{") {
		t.Errorf("balance while another process writes: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "owners", f, "--json"); code != 0 {
		t.Errorf("owners while another process writes: exit %d: %s", code, stderr)
	}
	if code, out, stderr := cli(t, "check", f); code != 0 || !strings.Contains(out, "aucun problème") {
		t.Errorf("check while another process writes: exit %d: %s%s", code, out, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("the readers changed the residence")
	}

	// A closes: the residence is free, the lock file gone.
	a.close(t)
	if _, err := os.Stat(ledger.LockPath(f)); !os.IsNotExist(err) {
		t.Errorf("lock file after a clean close: %v", err)
	}
	if code, out, stderr := cli(t, payArgs...); code != 0 || !strings.Contains(out, "enregistré") {
		t.Fatalf("pay after the holder closed: exit %d: %s%s", code, out, stderr)
	}

	// A dies holding the lock: its lock file stays, naming it, and is taken over.
	a = startHolder(t, f)
	pid = a.cmd.Process.Pid
	a.kill(t)
	lock, err := os.ReadFile(ledger.LockPath(f))
	if err != nil {
		t.Fatalf("the killed holder left no lock file: %v", err)
	}
	if !strings.Contains(string(lock), fmt.Sprintf(`"pid":%d`, pid)) {
		t.Errorf("lock file left by the killed holder does not name process %d: %s", pid, lock)
	}
	if code, out, stderr := cli(t, payArgs...); code != 0 || !strings.Contains(out, "enregistré") {
		t.Fatalf("pay after the holder was killed (stale lock): exit %d: %s%s", code, out, stderr)
	}
	if code, out, stderr := cli(t, "check", f); code != 0 || !strings.Contains(out, "aucun problème") {
		t.Errorf("check after the stale lock: exit %d: %s%s", code, out, stderr)
	}
	if _, err := os.Stat(ledger.LockPath(f)); !os.IsNotExist(err) {
		t.Errorf("lock file after the second writer closed: %v", err)
	}
}
