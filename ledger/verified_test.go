package ledger_test

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// memStore keeps verified states in memory; frozen, it forgets nothing
// and remembers nothing, as a process that died before closing.
type memStore struct {
	states map[string]ledger.FileState
	frozen bool
}

func newMemStore() *memStore { return &memStore{states: map[string]ledger.FileState{}} }

func (m *memStore) Verified(file string) (ledger.FileState, bool) {
	s, ok := m.states[file]
	return s, ok
}

func (m *memStore) Remember(s ledger.FileState) {
	if !m.frozen {
		m.states[s.File] = s
	}
}

func (m *memStore) Forget(file string) {
	if !m.frozen {
		delete(m.states, file)
	}
}

// verifiedFile is a residence with 300 entries, opened once with the store
// (full check) and closed cleanly, so that its state is remembered.
func verifiedFile(t *testing.T, store *memStore) string {
	t.Helper()
	db := mustCreate(t)
	postPayments(t, db, 0, 300)
	file := db.Path()
	db.Close()
	d, err := ledger.Options{Verified: store}.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	if d.QuickCheckSkipped() {
		t.Fatal("first opening skipped the quick check")
	}
	d.Close()
	if _, ok := store.Verified(file); !ok {
		t.Fatal("clean close remembered nothing")
	}
	return file
}

// header reads the change counter (bytes 24–27) and version-valid-for
// (92–95) of a file.
func header(t *testing.T, file string) (counter, validFor []byte) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte(nil), b[24:28]...), append([]byte(nil), b[92:96]...)
}

// putBack writes counter and version-valid-for back into the header and the
// modification time back, as a tool hiding its change would.
func putBack(t *testing.T, file string, counter, validFor []byte, mtime time.Time) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(counter, 24)
	f.WriteAt(validFor, 92)
	f.Close()
	if err := os.Chtimes(file, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// sqliteExec writes through a plain SQLite connection, as the sqlite3 shell
// or another program would.
func sqliteExec(t *testing.T, file string, queries ...string) {
	t.Helper()
	raw, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range queries {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func modTime(t *testing.T, file string) time.Time {
	t.Helper()
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	return st.ModTime()
}

// An unchanged file skips the quick check; every ordinary way of changing
// it outside Tantième gets the full check at the next opening, and a
// damaged one is refused.
func TestVerifiedStateDecidesTheCheck(t *testing.T) {
	const page = 4096
	tests := []struct {
		name    string
		change  func(t *testing.T, file string)
		skipped bool
		damaged string // a finding the opening must report, "" when none
		mayBe   bool   // the change may or may not be damage: either way never skipped
	}{
		{name: "unchanged", change: func(*testing.T, string) {}, skipped: true},
		{name: "sqlite3 shell", change: func(t *testing.T, file string) {
			sqliteExec(t, file, "CREATE TABLE scratch (a)", "DROP TABLE scratch")
		}},
		{name: "another program, counter and time put back", change: func(t *testing.T, file string) {
			c, v := header(t, file)
			m := modTime(t, file)
			sqliteExec(t, file, "CREATE TABLE scratch (a)", "DROP TABLE scratch")
			putBack(t, file, c, v, m)
		}},
		{name: "protection dropped, counter and time put back", change: func(t *testing.T, file string) {
			c, v := header(t, file)
			m := modTime(t, file)
			sqliteExec(t, file, "DROP TRIGGER entries_lock_update")
			putBack(t, file, c, v, m)
		}, damaged: "entries_lock_update"},
		{name: "copy of another residence over it", change: func(t *testing.T, file string) {
			other := ledgertest.CreateFile(t, "Autre.copro", ledgertest.TestsSetup(), ledgertest.TestsFill)
			b, _ := os.ReadFile(other)
			os.WriteFile(file, b, 0o644)
		}},
		{name: "copy of another residence, counter, size and time as before", change: func(t *testing.T, file string) {
			// Same size: the other file is the same residence with 300
			// payments of another amount.
			c, v := header(t, file)
			m := modTime(t, file)
			db, err := ledger.Open(ledgertest.CreateFile(t, "Autre.copro", ledgertest.TestsSetup(), ledgertest.TestsFill))
			if err != nil {
				t.Fatal(err)
			}
			mustUpdate(t, db, func(tx *ledger.Tx) error {
				for i := range 300 {
					e := entry("2025-03-15", "BQ", fmt.Sprintf("R%05d", i), dr("512001", "", "11.00"), cr("450001", "", "11.00"))
					if err := tx.PostEntry(e); err != nil {
						return err
					}
				}
				return nil
			})
			other := db.Path()
			db.Close()
			b, _ := os.ReadFile(other)
			mine, _ := os.ReadFile(file)
			if len(b) != len(mine) {
				t.Logf("sizes differ (%d, %d): the size alone catches it", len(b), len(mine))
			}
			os.WriteFile(file, b, 0o644)
			putBack(t, file, c, v, m)
		}},
		{name: "truncated by one page", change: func(t *testing.T, file string) {
			st, _ := os.Stat(file)
			os.Truncate(file, st.Size()-page)
		}, damaged: "structure"},
		{name: "one byte flipped by the disk, time kept", change: func(t *testing.T, file string) {
			m := modTime(t, file)
			b, _ := os.ReadFile(file)
			b[len(b)/2] ^= 0x10
			os.WriteFile(file, b, 0o644)
			os.Chtimes(file, m, m)
		}, damaged: "structure", mayBe: true},
		{name: "lines page spoilt, counter and time put back", change: func(t *testing.T, file string) {
			c, v := header(t, file)
			m := modTime(t, file)
			b, _ := os.ReadFile(file)
			off := (rootPage(t, file, "lines") - 1) * page
			for i := 0; i < page; i++ {
				b[off+i] = byte(i*7 + 3)
			}
			os.WriteFile(file, b, 0o644)
			putBack(t, file, c, v, m)
		}, damaged: "structure"},
		{name: "touched (time only)", change: func(t *testing.T, file string) {
			later := modTime(t, file).Add(time.Minute)
			os.Chtimes(file, later, later)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := newMemStore()
			file := verifiedFile(t, store)
			tc.change(t, file)
			for _, mode := range []string{"read-only", "write"} {
				o := ledger.Options{Verified: store}
				open := o.Open
				if mode == "read-only" {
					open = o.OpenReadOnly
				}
				d, err := open(file)
				if tc.mayBe && err == nil {
					tc.damaged = ""
				}
				if tc.damaged != "" {
					if ledger.KindOf(err) != ledger.Damaged || !strings.Contains(ledger.Message(err), tc.damaged) {
						t.Fatalf("%s opening: %v, want damage %q", mode, err, tc.damaged)
					}
					if _, ok := store.Verified(file); ok {
						t.Errorf("%s opening: a damaged file's state is remembered", mode)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s opening: %v", mode, err)
				}
				if d.QuickCheckSkipped() != tc.skipped {
					t.Errorf("%s opening: quick check skipped = %v, want %v", mode, d.QuickCheckSkipped(), tc.skipped)
				}
				d.Close()
				// Checked in full, the file is remembered: the next
				// opening of the same bytes skips the check.
				tc.skipped = true
			}
		})
	}
}

// Tantième's own writes refresh the remembered state at a clean close; a
// write by another program during the session, or a crash, leaves nothing
// remembered.
func TestVerifiedStateAcrossSessions(t *testing.T) {
	tests := []struct {
		name    string
		session func(t *testing.T, d *ledger.DB, store *memStore)
		skipped bool // at the opening after the session
	}{
		{name: "own writes, clean close", session: func(t *testing.T, d *ledger.DB, _ *memStore) {
			postPayments(t, d, 1000, 5)
			postPayments(t, d, 2000, 5)
		}, skipped: true},
		{name: "nothing written", session: func(*testing.T, *ledger.DB, *memStore) {}, skipped: true},
		{name: "another program writes during the session", session: func(t *testing.T, d *ledger.DB, _ *memStore) {
			postPayments(t, d, 1000, 5)
			sqliteExec(t, d.Path(), "CREATE TABLE scratch (a)", "DROP TABLE scratch")
		}},
		{name: "another program writes, then Tantième", session: func(t *testing.T, d *ledger.DB, _ *memStore) {
			sqliteExec(t, d.Path(), "CREATE TABLE scratch (a)", "DROP TABLE scratch")
			postPayments(t, d, 1000, 5)
		}},
		{name: "crash after writing", session: func(t *testing.T, d *ledger.DB, store *memStore) {
			postPayments(t, d, 1000, 5)
			if _, ok := store.Verified(d.Path()); ok {
				t.Error("the state is still remembered while the file is open for writing")
			}
			// The process dies: nothing more reaches the store, and the
			// lock file stays behind.
			store.frozen = true
			file := d.Path()
			d.Close()
			stale := `{"host":"bureau","pid":999999,"program":"Tantième","since":"2026-11-20T18:04:00+01:00"}`
			os.WriteFile(ledger.LockPath(file), []byte(stale), 0o644)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := newMemStore()
			file := verifiedFile(t, store)
			d, err := ledger.Options{Verified: store}.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			if !d.QuickCheckSkipped() {
				t.Error("an unchanged file was checked in full")
			}
			tc.session(t, d, store)
			d.Close()
			store.frozen = false
			again, err := ledger.Options{Verified: store}.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if again.QuickCheckSkipped() != tc.skipped {
				t.Errorf("next opening: quick check skipped = %v, want %v", again.QuickCheckSkipped(), tc.skipped)
			}
		})
	}
}

// A read-only opening remembers a file it checked in full at once (it
// never writes), and skips the check of a file as remembered.
func TestVerifiedStateReadOnly(t *testing.T) {
	store := newMemStore()
	db := mustCreate(t)
	postPayments(t, db, 0, 10)
	file := db.Path()
	db.Close()
	first, err := ledger.Options{Verified: store}.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	if first.QuickCheckSkipped() {
		t.Error("first read-only opening skipped the check")
	}
	s, ok := store.Verified(file)
	if !ok {
		t.Fatal("a read-only opening checked in full remembered nothing")
	}
	c, _ := header(t, file)
	st, _ := os.Stat(file)
	if s.Counter != binary.BigEndian.Uint32(c) || s.Size != st.Size() || s.File != file {
		t.Errorf("remembered %+v; counter %d, size %d", s, binary.BigEndian.Uint32(c), st.Size())
	}
	second, err := ledger.Options{Verified: store}.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	if !second.QuickCheckSkipped() {
		t.Error("second read-only opening checked in full")
	}
	second.Close()
	first.Close()
	// Without a store, every opening is a full check.
	plain, err := ledger.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if plain.QuickCheckSkipped() {
		t.Error("an opening without a store skipped the check")
	}
	// A relative name is remembered under the absolute one.
	if s.File != filepath.Clean(s.File) || !filepath.IsAbs(s.File) {
		t.Errorf("remembered under %q", s.File)
	}
}
