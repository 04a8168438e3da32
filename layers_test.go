package tantieme

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// One home for every rule (issue 15): the chart's semantics and the
// journal codes are written in ledger only, and the window and the CLI
// never open a transaction of their own (every write is a named method of
// app, the same for both). This test reads the sources, so that a new
// shortcut fails here rather than in a review.
func TestOneHomeForEveryRule(t *testing.T) {
	prefix := regexp.MustCompile(`HasPrefix\([^,()]+(\([^()]*\))?, "[0-9]+"\)`)
	journal := regexp.MustCompile(`[^\w]"(AC|BQ|OD|AN)"`)
	// "702" + code: an account of the chart built by hand (ledger.WorksProvisionAccount…).
	built := regexp.MustCompile(`"[1-7][0-9]{2,5}" *\+ *[A-Za-z]`)
	origin := regexp.MustCompile(`HasPrefix\([^,]*Origin, "closing`)
	for _, c := range []struct {
		what  string
		dirs  []string
		match func(string) bool
	}{
		{"a test of an account's number (use ledger's chart_roles.go)", []string{"app", "ui", "cmd", "reports", "sheet", "templates"},
			func(line string) bool { return prefix.MatchString(line) }},
		{"a journal code written out (use ledger.JournalBank…)", []string{"app", "ui", "cmd", "reports", "sheet", "templates"},
			func(line string) bool {
				return journal.MatchString(line) && !strings.HasPrefix(strings.TrimSpace(line), "//")
			}},
		{"an account number built by hand (use ledger's works accounts…)", []string{"app", "ui", "cmd", "reports", "sheet", "templates"},
			func(line string) bool { return built.MatchString(line) }},
		{"a closing entry told by its origin (use ledger.IsClosingOrigin)", []string{"app", "ui", "cmd", "reports"},
			func(line string) bool { return origin.MatchString(line) }},
		{"a transaction opened outside app (add a named method to app)", []string{"ui", "cmd"},
			func(line string) bool { return strings.Contains(line, "ledger.Tx") }},
	} {
		for _, dir := range c.dirs {
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
					return err
				}
				b, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				for i, line := range strings.Split(string(b), "\n") {
					if c.match(line) {
						t.Errorf("%s:%d: %s: %s", path, i+1, c.what, strings.TrimSpace(line))
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
