package version

import (
	"regexp"
	"testing"
)

func TestNumberIsSemver(t *testing.T) {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(Number()) {
		t.Fatalf("VERSION holds %q, want MAJOR.MINOR.PATCH (the installer and FyneApp.toml need it)", Number())
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct{ commit, want string }{
		{"", "Tantième " + Number()},
		{"0123456789abcdef", "Tantième " + Number() + " (0123456)"},
		{"abc", "Tantième " + Number() + " (abc)"},
	} {
		Commit = tc.commit
		if got := String(); got != tc.want {
			t.Errorf("Commit %q: String() = %q, want %q", tc.commit, got, tc.want)
		}
	}
	Commit = ""
}
