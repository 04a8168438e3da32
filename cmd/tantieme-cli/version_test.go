package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/internal/version"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		code, stdout, stderr := cli(t, args...)
		if code != 0 || stdout != version.String()+"\n" || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0 and %q", args, code, stdout, stderr, version.String())
		}
	}
	// The usage names it.
	if _, _, stderr := cli(t, "--help"); !strings.Contains(stderr, "version (ou --version)") {
		t.Errorf("the usage does not name version:\n%s", stderr)
	}
	// Only alone: "version" is not a residence's command.
	if code, _, _ := cli(t, "version", "x.copro"); code != 2 {
		t.Errorf("version x.copro: exit %d, want 2", code)
	}
}

// The binary as packaging builds it: the commit given with -ldflags shows
// in what --version prints, and the process exits 0.
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	bin := filepath.Join(t.TempDir(), "tantieme-cli")
	build := exec.Command(gobin, "build", "-ldflags", "-X tantieme/internal/version.Commit=0123456789abcdef", "-o", bin, ".")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, arg := range []string{"--version", "version"} {
		out, err := exec.Command(bin, arg).Output()
		if err != nil {
			t.Fatalf("%s: %v", arg, err)
		}
		if want := "Tantième " + version.Number() + " (0123456)\n"; string(out) != want {
			t.Errorf("%s printed %q, want %q", arg, out, want)
		}
	}
}
