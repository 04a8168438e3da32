package desktop

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// When xdg-open finds no program for the file, it exits with an error after
// Open has returned: LaunchFailed is told, so that the window says the file
// was not opened instead of nothing.
func TestLaunchFailedIsTold(t *testing.T) {
	bin := t.TempDir()
	// A stand-in for xdg-open on a machine without a PDF viewer: exit 3,
	// « a required tool could not be found ».
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	failed := make(chan string, 1)
	LaunchFailed = func(target string, err error) { failed <- target }
	defer func() { LaunchFailed = nil }()
	file := filepath.Join(t.TempDir(), "bordereau.pdf")
	if err := Open(file); err != nil {
		t.Fatalf("Open returned at once with %v; the failure comes later", err)
	}
	select {
	case got := <-failed:
		if got != file {
			t.Errorf("LaunchFailed told of %q, want %q", got, file)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LaunchFailed was not told that xdg-open failed")
	}
}
