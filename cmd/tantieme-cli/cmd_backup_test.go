package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	file := demoFile(t)
	_, before, _ := cli(t, "balance", file, "--json")
	_, owners, _ := cli(t, "owners", file, "--json")
	usb := t.TempDir()
	code, out, errs := cli(t, "backup", file, "--to", usb, "--json")
	if code != 0 {
		t.Fatalf("backup: %d %s", code, errs)
	}
	var b backupJSON
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if b.Owners != 13 || b.Entries != 139 || len(b.SHA256) != 64 || !strings.HasPrefix(filepath.Base(b.Archive), "Residence-Les-Tilleuls_") {
		t.Errorf("backup %+v", b)
	}
	if code, out, _ := cli(t, "restore", b.Archive, "--show"); code != 0 || !strings.Contains(out, "13 copropriétaires") || !strings.Contains(out, "vérifiée") {
		t.Errorf("show: %d %s", code, out)
	}
	if code, _, errs := cli(t, "pay", file, "--owner", "450001", "--amount", "10", "--date", "2025-06-01"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs = cli(t, "restore", b.Archive, "--to", file)
	if code != 0 || !strings.Contains(out, "gardé dans") {
		t.Fatalf("restore: %d %s %s", code, out, errs)
	}
	if _, after, _ := cli(t, "balance", file, "--json"); after != before {
		t.Error("restored trial balance differs")
	}
	if _, after, _ := cli(t, "owners", file, "--json"); after != owners {
		t.Error("restored owners differ")
	}
	if code, _, _ := cli(t, "check", file); code != 0 {
		t.Error("check after restore")
	}
	// A new file elsewhere.
	other := filepath.Join(t.TempDir(), "copie.copro")
	if code, _, errs := cli(t, "restore", b.Archive, "--to", other); code != 0 {
		t.Fatal(errs)
	}
	if _, after, _ := cli(t, "balance", other, "--json"); after != before {
		t.Error("trial balance of the new file differs")
	}
}

func TestRestoreRefusesDamagedArchive(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	file := demoFile(t)
	usb := t.TempDir()
	code, out, errs := cli(t, "backup", file, "--to", usb, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var b backupJSON
	json.Unmarshal([]byte(out), &b)
	good, _ := os.ReadFile(b.Archive)
	before, _ := os.ReadFile(file)
	for name, bad := range map[string][]byte{
		"tronquée":      good[:len(good)*2/3],
		"octet inversé": append(append(bytes.Clone(good[:4000]), good[4000]^1), good[4001:]...),
	} {
		p := filepath.Join(t.TempDir(), "s.copro.zip")
		os.WriteFile(p, bad, 0o644)
		code, _, errs := cli(t, "restore", p, "--to", file)
		if code != 1 || !strings.Contains(errs, "s.copro.zip") {
			t.Errorf("%s: %d %s", name, code, errs)
		}
		if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
			t.Errorf("%s: the residence changed", name)
		}
	}
	if code, _, _ := cli(t, "backup", file); code != 2 {
		t.Error("backup without --to is bad usage")
	}
}
