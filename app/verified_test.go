package app_test

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The window and the CLI open through app, which remembers the verified
// states in the settings folder: an unchanged file skips the quick check,
// whatever the list holds otherwise; a changed one, or a list that is not
// Tantième's, costs a full check.
func TestOpenRemembersVerifiedFiles(t *testing.T) {
	tests := []struct {
		name     string
		noConfig bool
		list     func(t *testing.T, list, file string) // spoils the list before the second opening
		change   func(t *testing.T, file string)       // changes the file before the second opening
		skipped  bool                                  // at the second opening
	}{
		{name: "unchanged", skipped: true},
		{name: "changed with the sqlite3 shell", change: func(t *testing.T, file string) {
			raw, err := sql.Open("sqlite", file)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			if _, err := raw.Exec("CREATE TABLE scratch (a); DROP TABLE scratch"); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "list not JSON", list: func(t *testing.T, list, _ string) {
			os.WriteFile(list, []byte("\x00\xffpas du JSON"), 0o644)
		}},
		{name: "list too big to be Tantième's", list: func(t *testing.T, list, _ string) {
			b, _ := os.ReadFile(list)
			os.WriteFile(list, append(b, strings.Repeat(" ", 1<<20)...), 0o644)
		}},
		{name: "state forged with another CRC", list: func(t *testing.T, list, _ string) {
			var all []ledger.FileState
			b, _ := os.ReadFile(list)
			if err := json.Unmarshal(b, &all); err != nil || len(all) != 1 {
				t.Fatalf("list %s: %v", b, err)
			}
			all[0].CRC++
			b, _ = json.Marshal(all)
			os.WriteFile(list, b, 0o644)
		}},
		{name: "state under another name", list: func(t *testing.T, list, file string) {
			b, _ := os.ReadFile(list)
			b = []byte(strings.ReplaceAll(string(b), filepath.Base(file), "Autre.copro"))
			os.WriteFile(list, b, 0o644)
		}},
		{name: "no settings folder", noConfig: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			config := t.TempDir()
			if tc.noConfig {
				t.Setenv("XDG_CONFIG_HOME", "relative")
				t.Setenv("HOME", "")
			} else {
				t.Setenv("XDG_CONFIG_HOME", config)
				t.Setenv("HOME", t.TempDir())
			}
			list := filepath.Join(config, "Tantieme", "verifications.json")
			file := ledgertest.Create(t, ledgertest.TestsSetup(), ledgertest.TestsFill)
			r, err := app.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			if r.QuickCheckSkipped() {
				t.Error("first opening skipped the check")
			}
			r.Close()
			if tc.noConfig {
				if _, err := os.Stat(list); err == nil {
					t.Error("a list written without a settings folder")
				}
			} else if b, err := os.ReadFile(list); err != nil || !strings.Contains(string(b), filepath.Base(file)) {
				t.Fatalf("list after a clean close: %s %v", b, err)
			}
			if tc.list != nil {
				tc.list(t, list, file)
			}
			if tc.change != nil {
				tc.change(t, file)
			}
			for i, open := range []func(string) (*app.Residence, error){app.OpenReadOnly, app.Open} {
				r, err := open(file)
				if err != nil {
					t.Fatal(err)
				}
				want := tc.skipped || (i > 0 && !tc.noConfig) // the first of these checked it in full
				if r.QuickCheckSkipped() != want {
					t.Errorf("opening %d: quick check skipped = %v, want %v", i+2, r.QuickCheckSkipped(), want)
				}
				r.Close()
			}
		})
	}
}
