//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"tantieme/ledger/ledgertest"
)

// TestFullDiskLeavesResidenceAsItWas runs the long writes on a residence
// whose disk (a small tmpfs) has too little room left: each is refused
// with a message naming the full disk, and the residence is byte for byte
// what it was, with no journal beside it, and passes check. With room
// enough the same commands work.
func TestFullDiskLeavesResidenceAsItWas(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	base := demoFile(t)
	work := t.TempDir()
	entries := filepath.Join(work, "ecritures.csv")
	if err := os.WriteFile(entries, crashEntriesCSV(10000), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(t, "backup", base, "--to", work); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	archives, _ := filepath.Glob(filepath.Join(work, "*.copro.zip"))
	if len(archives) != 1 {
		t.Fatalf("archives: %v", archives)
	}

	cases := []struct {
		name  string
		leave int64 // bytes left on the disk
		args  func(file, disk string) []string
		ok    bool
	}{
		// 10,000 entries need about 3 MB: with 1.1 MB left, this import
		// used to fail half way, leaving r.copro changed beside a hot journal.
		{"import", 1100 << 10, func(f, _ string) []string { return []string{"import", "entries", f, entries} }, false},
		{"import, little left", 200 << 10, func(f, _ string) []string { return []string{"import", "entries", f, entries} }, false},
		{"closing", 600 << 10, func(f, _ string) []string { return []string{"close", f, "--year", "2025"} }, false},
		{"calls", 600 << 10, func(f, _ string) []string { return []string{"calls", f, "--year", "2026"} }, false},
		{"backup", 300 << 10, func(f, d string) []string { return []string{"backup", f, "--to", filepath.Join(d, "Sauvegardes")} }, false},
		{"restore", 300 << 10, func(f, _ string) []string { return []string{"restore", archives[0], "--to", f} }, false},
		{"calls, room enough", 3 << 20, func(f, _ string) []string { return []string{"calls", f, "--year", "2026"} }, true},
		// Also proves every file is closed: the disk is unmounted after.
		{"closing, room enough", 3 << 20, func(f, _ string) []string { return []string{"close", f, "--year", "2025"} }, true},
		{"backup, room enough", 3 << 20, func(f, d string) []string { return []string{"backup", f, "--to", filepath.Join(d, "Sauvegardes")} }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			disk := mountSmallDisk(t, "8m")
			file := filepath.Join(disk, "r.copro")
			ledgertest.CopyFile(t, base, file)
			fill(t, disk, c.leave)
			before, _ := os.ReadFile(file)

			code, _, stderr := cli(t, c.args(file, disk)...)
			if c.ok {
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
			} else {
				if code != 1 {
					t.Fatalf("exit %d, want 1: %s", code, stderr)
				}
				if !strings.Contains(stderr, disk) || !strings.Contains(stderr, "place") {
					t.Errorf("the message does not name the full disk %s: %s", disk, stderr)
				}
				if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
					t.Errorf("r.copro changed (%d bytes before, %d after)", len(before), len(after))
				}
			}
			if _, err := os.Stat(file + "-journal"); err == nil {
				t.Error("a journal is left beside r.copro")
			}
			if code, out, stderr := cli(t, "check", file); code != 0 {
				t.Errorf("check: exit %d: %s%s", code, out, stderr)
			}
		})
	}
}

// mountSmallDisk mounts a tmpfs of size in a temporary folder and unmounts
// it at the end of the test; it skips where mounting is impossible.
func mountSmallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s (a file left open?)", dir, err, out)
			exec.Command("umount", "-l", dir).Run()
		}
	})
	return dir
}

// fill writes a filler file in dir so that about leave bytes remain.
func fill(t *testing.T, dir string, leave int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	n := int64(st.Bavail)*int64(st.Bsize) - leave
	if n <= 0 {
		t.Fatalf("%s has less than %d bytes left", dir, leave)
	}
	if err := os.WriteFile(filepath.Join(dir, "filler"), make([]byte, n), 0o644); err != nil {
		t.Fatal(err)
	}
}
