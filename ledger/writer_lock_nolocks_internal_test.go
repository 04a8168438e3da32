package ledger

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// On a share that refuses file locks, the lock file itself decides: its
// creator holds it, a holder of this machine that is gone is taken over,
// anything else is refused.
func TestWriterLockWithoutFileLocks(t *testing.T) {
	tryLock = func(*os.File) (bool, error) { return false, errors.New("ENOLCK: no locks on this share") }
	t.Cleanup(func() { tryLock = tryLockFile })
	host, _ := os.Hostname()
	holder := func(host string, pid int) string {
		return fmt.Sprintf(`{"host":%q,"pid":%d,"program":"Tantième","since":"2026-11-20T18:04:00+01:00"}`, host, pid)
	}
	for _, tc := range []struct {
		name    string
		lock    *string // the lock file found, nil when there is none
		acquire bool
	}{
		{"no lock file: created, so held", nil, true},
		{"an empty lock file: another program has just created it", ptr(""), false},
		{"a holder of this machine that is gone", ptr(holder(host, 999999)), true},
		{"a holder of this machine still running", ptr(holder(host, os.Getpid())), false},
		{"a holder of another machine", ptr(holder("autre-poste", 1234)), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "Les Tilleuls.copro")
			if tc.lock != nil {
				if err := os.WriteFile(LockPath(file), []byte(*tc.lock), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			l, err := acquireWriterLock(file)
			if got := err == nil; got != tc.acquire {
				t.Fatalf("acquired %v (%v), want %v", got, err, tc.acquire)
			}
			if err != nil {
				if _, ok := Busy(err); !ok {
					t.Errorf("refusal does not name a holder: %v", err)
				}
				return
			}
			// A second program, while the first holds it, is refused.
			if _, err := acquireWriterLock(file); err == nil {
				t.Error("a second writer got the lock too")
			}
			l.release()
			if _, err := os.Stat(LockPath(file)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("lock file left after release: %v", err)
			}
		})
	}
}

func ptr(s string) *string { return &s }
