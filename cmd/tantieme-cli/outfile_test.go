package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger/ledgertest"
)

// TestOutputNeverReplacesResidence: an --out or --pdf naming the residence,
// its lock or its backup is refused (exit 1, French sentence naming the
// file) and the residence stays byte-identical, also while another process
// holds the writer lock (issue 12, item 1).
func TestOutputNeverReplacesResidence(t *testing.T) {
	f := demoFile(t)
	lock := f + ".lock"
	backups := t.TempDir()
	if code, _, stderr := cli(t, "backup", f, "--to", backups); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	archives, _ := filepath.Glob(filepath.Join(backups, "*.copro.zip"))
	if len(archives) != 1 {
		t.Fatalf("archives: %v", archives)
	}
	archive := archives[0]
	other := filepath.Join(t.TempDir(), "Autre résidence.copro")
	ledgertest.CopyFile(t, f, other)

	h := startHolder(t, f)
	defer h.close(t)
	tests := []struct {
		name   string
		target string
		args   []string // the target is appended
	}{
		{"export xlsx", f, []string{"export", f, "xlsx", "--year", "2025", "--out"}},
		{"export fec", f, []string{"export", f, "fec", "--year", "2025", "--out"}},
		{"export hledger", f, []string{"export", f, "hledger", "--year", "2025", "--out"}},
		{"report journal", f, []string{"report", f, "journal", "--year", "2025", "--out"}},
		{"report annexes", f, []string{"report", f, "annexes", "--year", "2025", "--out"}},
		{"report balance", f, []string{"report", f, "balance", "--year", "2025", "--out"}},
		{"export onto the lock", lock, []string{"export", f, "fec", "--year", "2025", "--out"}},
		{"report onto the lock", lock, []string{"report", f, "grand-livre", "--year", "2025", "--out"}},
		{"export onto a backup", archive, []string{"export", f, "xlsx", "--year", "2025", "--out"}},
		{"export onto another residence", other, []string{"export", f, "xlsx", "--year", "2025", "--out"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			target, err := os.ReadFile(tt.target)
			if err != nil {
				t.Fatal(err)
			}
			code, out, stderr := cli(t, append(tt.args, tt.target)...)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s%s", code, out, stderr)
			}
			if !strings.Contains(stderr, "« "+tt.target+" »") || !strings.Contains(stderr, "ne l'écrase pas") {
				t.Errorf("refusal does not name %s: %q", tt.target, stderr)
			}
			if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
				t.Fatal("the residence changed")
			}
			if after, _ := os.ReadFile(tt.target); !bytes.Equal(target, after) {
				t.Fatalf("%s changed", tt.target)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(tt.target), ".tantieme-*")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestCallsNoticesNeverIntoResidence: calls --pdf naming the residence or
// a safety copies folder is refused before any call is posted.
func TestCallsNoticesNeverIntoResidence(t *testing.T) {
	f := demoFile(t)
	before, _ := os.ReadFile(f)
	for _, dir := range []string{f, filepath.Join(filepath.Dir(f), "Copies de sécurité")} {
		code, _, stderr := cli(t, "calls", f, "--year", "2026", "--pdf", dir)
		if code != 1 || !strings.Contains(stderr, "« "+dir+" »") {
			t.Errorf("calls --pdf %s: exit %d: %s", dir, code, stderr)
		}
		if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
			t.Fatal("the residence changed")
		}
	}
}

// TestOutputRefusedBeforeDeposit: a deposit whose --pdf names the residence
// is refused before the deposit is recorded.
func TestOutputRefusedBeforeDeposit(t *testing.T) {
	f := demoFile(t)
	if code, _, stderr := cli(t, "pay", f, "--owner", "450002", "--amount", "100", "--date", "2025-12-21", "--cheque", "0002222"); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(f)
	code, _, stderr := cli(t, "deposit", f, "--date", "2025-12-31", "--all", "--pdf", f)
	if code != 1 || !strings.Contains(stderr, "est une résidence Tantième") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Fatal("the residence changed")
	}
}

// TestOutputMode: an export gets the mode any program gives a new file
// (0666 less the umask), not the 0600 of a temporary file.
func TestOutputMode(t *testing.T) {
	f := demoFile(t)
	dir := t.TempDir()
	ref := filepath.Join(dir, "ref")
	rf, err := os.OpenFile(ref, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	rf.Close()
	st, _ := os.Stat(ref)
	usual := st.Mode().Perm()
	if usual == 0o600 {
		t.Skip("umask 077")
	}
	for _, kind := range []string{"fec", "xlsx"} {
		out := filepath.Join(dir, "export."+kind)
		if code, _, stderr := cli(t, "export", f, kind, "--year", "2025", "--out", out); code != 0 {
			t.Fatalf("export %s: %s", kind, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Mode().Perm() != usual {
			t.Errorf("export %s: mode %v, want %o (%v)", kind, st.Mode().Perm(), usual, err)
		}
	}
}
