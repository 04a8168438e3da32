// Package version says which Tantième this is: the number printed by
// --version, shown in « À propos », written into the packages' metadata and
// the installer's name.
package version

import (
	_ "embed"
	"strings"
)

// number is the release number; packaging reads the same file, so the
// installer, the programs and the About box never disagree.
//
//go:embed VERSION
var number string

// Commit is the git commit the binaries were built from, set by the
// packaging build with -ldflags "-X tantieme/internal/version.Commit=…";
// empty in a plain `go build`.
var Commit string

// Number is the release number, like "0.14.0".
func Number() string { return strings.TrimSpace(number) }

// String is what --version prints: « Tantième 0.14.0 (abc1234) ».
func String() string {
	s := "Tantième " + Number()
	if c := strings.TrimSpace(Commit); c != "" {
		if len(c) > 7 {
			c = c[:7]
		}
		s += " (" + c + ")"
	}
	return s
}
