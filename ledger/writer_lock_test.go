package ledger_test

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// A second opening for writing is refused and names the holder; a
// read-only opening still reads; once closed, the file opens again.
func TestSecondWriterRefused(t *testing.T) {
	db := mustCreate(t)
	file := db.Path()
	if _, err := os.Stat(ledger.LockPath(file)); err != nil {
		t.Fatalf("no lock file while open: %v", err)
	}
	before, _ := os.ReadFile(file)
	_, err := ledger.Open(file)
	busy, ok := ledger.Busy(err)
	if !ok {
		t.Fatalf("second open: %v", err)
	}
	host, _ := os.Hostname()
	if busy.Holder.PID != os.Getpid() || busy.Holder.Host != host || busy.Holder.Since.IsZero() {
		t.Errorf("holder %+v", busy.Holder)
	}
	msg := ledger.Message(err)
	for _, want := range []string{"déjà ouverte", host, "processus", "depuis le", "lecture seule"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("the refused opening changed the file")
	}
	ro, err := ledger.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	if books(t, ro) != books(t, db) {
		t.Error("read-only opening reads other books")
	}
	if err := ro.Update(func(tx *ledger.Tx) error { return nil }); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("write through a read-only opening: %v", err)
	}
	ro.Close()
	db.Close()
	if _, err := os.Stat(ledger.LockPath(file)); err == nil {
		t.Error("lock file left after closing")
	}
	again, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	if again.Crashed() != nil {
		t.Errorf("a clean close seen as a crash: %+v", again.Crashed())
	}
	again.Close()
}

// A lock file left by a program that died is taken over, and the opening
// says who had crashed.
func TestStaleLockCleared(t *testing.T) {
	db := mustCreate(t)
	file := db.Path()
	db.Close()
	stale := `{"host":"bureau","pid":999999,"program":"Tantième","since":"2026-11-20T18:04:00+01:00"}`
	if err := os.WriteFile(ledger.LockPath(file), []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := ledger.Open(file)
	if err != nil {
		t.Fatalf("stale lock not cleared: %v", err)
	}
	if c := d.Crashed(); c == nil || c.PID != 999999 || c.Host != "bureau" {
		t.Errorf("crashed holder %+v", c)
	}
	body, _ := os.ReadFile(ledger.LockPath(file))
	if !strings.Contains(string(body), `"pid":`) || strings.Contains(string(body), "999999") {
		t.Errorf("lock file not rewritten: %s", body)
	}
	d.Close()
}

// A damaged file is refused for writing and left as it is; check can still
// say what is wrong when the damage spares the schema.
func TestDamagedFileNeverWritten(t *testing.T) {
	for _, where := range []string{"lines", "half"} {
		t.Run(where, func(t *testing.T) {
			db := mustCreate(t)
			postPayments(t, db, 0, 300)
			file := db.Path()
			db.Close()
			b, _ := os.ReadFile(file)
			const page = 4096
			spoil := func(off int) {
				for i := 0; i < page; i++ {
					b[off+i] = byte(i*7 + 3)
				}
			}
			if where == "lines" {
				spoil((rootPage(t, file, "lines") - 1) * page)
			} else {
				for off := len(b) / 2 / page * page; off+page <= len(b); off += 2 * page {
					spoil(off)
				}
			}
			os.WriteFile(file, b, 0o644)
			_, err := ledger.Open(file)
			if ledger.KindOf(err) != ledger.Damaged {
				t.Fatalf("open of a damaged file: %v", err)
			}
			if _, ok := ledger.Damage(err); !ok || !strings.Contains(ledger.Message(err), "Restaurez la dernière sauvegarde") {
				t.Errorf("message %q", ledger.Message(err))
			}
			if _, err := ledger.OpenReadOnly(file); ledger.KindOf(err) != ledger.Damaged {
				t.Errorf("read-only open of a damaged file: %v", err)
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(b, after) {
				t.Error("the damaged file was written")
			}
			if entries, _ := os.ReadDir(filepath.Dir(file)); len(entries) != 1 {
				t.Errorf("files beside the damaged residence: %d", len(entries))
			}
			if where != "lines" {
				return
			}
			d, err := ledger.OpenInspect(file)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if len(d.Damage()) == 0 {
				t.Error("inspect sees no damage")
			}
			if p, err := d.Check(true); err != nil || len(p) == 0 {
				t.Errorf("check of a damaged file: %v %v", p, err)
			}
		})
	}
}

// rootPage is the first page of a table, read with plain SQLite.
func rootPage(t *testing.T, file, table string) int {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A file whose protections were removed (with the sqlite3 shell) is damaged.
func TestRemovedTriggerIsDamage(t *testing.T) {
	db := mustCreate(t)
	file := db.Path()
	if err := db.Exec("DROP TRIGGER entries_lock_update"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := ledger.Open(file)
	if ledger.KindOf(err) != ledger.Damaged || !strings.Contains(ledger.Message(err), "entries_lock_update") {
		t.Errorf("open without a protection: %v", err)
	}
}

// Books changed behind the schema's back (totals no longer balanced) are
// damage too.
func TestUnbalancedTotalsAreDamage(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 2)
	file := db.Path()
	if err := db.Exec("UPDATE day_totals SET debit = debit + 1 WHERE account = '512001'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := ledger.Open(file)
	if ledger.KindOf(err) != ledger.Damaged || !strings.Contains(ledger.Message(err), "équilibrés") {
		t.Errorf("open of unbalanced books: %v", err)
	}
}
