//go:build linux

package ledger_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"tantieme/ledger"
)

// smallDisk mounts a tmpfs of size (e.g. "3m") in a temporary folder, so
// that a full disk is real (SQLite and Go get ENOSPC), and unmounts it at
// the end. It skips where that is impossible (not Linux, not root).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	// Registered after TempDir's removal, so it runs before it; cleanups
	// registered later (closing the residence) run before this one.
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s (a file left open?)", dir, err, out)
			exec.Command("umount", "-l", dir).Run()
		}
	})
	return dir
}

// available is what statfs says is left in dir (read directly, not
// through the code under test).
func available(t *testing.T, dir string) int64 {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

// fillDisk writes a filler file in dir so that about leave bytes remain,
// and returns it (remove it to free the space).
func fillDisk(t *testing.T, dir string, leave int64) string {
	t.Helper()
	filler := filepath.Join(dir, "filler")
	n := available(t, dir) - leave
	if n <= 0 {
		t.Fatalf("%s has only %d bytes left, %d wanted", dir, available(t, dir), leave)
	}
	if err := os.WriteFile(filler, make([]byte, n), 0o644); err != nil {
		t.Fatal(err)
	}
	return filler
}

// createOn makes a small residence in dir (bank 512001, key 001).
func createOn(t *testing.T, dir string) *ledger.DB {
	t.Helper()
	db, err := ledger.Create(filepath.Join(dir, "r.copro"), ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence du Disque Plein", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189"},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// postMany posts n two-line entries with long labels in one transaction.
func postMany(n int) func(tx *ledger.Tx) error {
	return func(tx *ledger.Tx) error {
		for i := 0; i < n; i++ {
			e := entry(fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28), "BQ", fmt.Sprintf("X%05d", i),
				dr("614000", "001", "12,34"), cr("512001", "", "12,34"))
			e.Label = fmt.Sprintf("Entretien %d ", i) + strings.Repeat("de l'ascenseur ", 12)
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	}
}

func hotJournal(file string) bool {
	data, err := os.ReadFile(file + "-journal")
	return err == nil && len(data) >= 8 && bytes.Equal(data[:8], []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7})
}

// TestUpdateOnFullDiskLeavesFileAsItWas fills the disk of a residence and
// runs writes that cannot fit: the error names the full disk, and the file
// is byte for byte what it was, with no journal beside it (a copy of the
// .copro alone is the whole residence), and the residence still works
// once room is made.
func TestUpdateOnFullDiskLeavesFileAsItWas(t *testing.T) {
	cases := []struct {
		name    string
		leave   int64 // bytes left on the disk
		entries int
	}{
		// Bigger than SQLite's page cache (2 MB): pages spill into the file
		// during the transaction, before the disk is full.
		{"spilled into the file", 1 << 20, 12000},
		{"half the cache", 512 << 10, 3000},
		// Fits in the cache: the disk is full at COMMIT.
		{"at commit", 16 << 10, 200},
		{"no room at all", 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			disk := smallDisk(t, "6m")
			db := createOn(t, disk)
			file := db.Path()
			before, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			filler := fillDisk(t, disk, c.leave)

			err = db.Update(postMany(c.entries))
			full, ok := ledger.DiskFull(err)
			if !ok {
				t.Fatalf("want a full-disk error, got %v", err)
			}
			msg := ledger.Message(err)
			for _, want := range []string{"est plein", disk, "r.copro", "n'a pas été modifiée"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if full.Unfinished || full.Need != 0 {
				t.Errorf("unfinished %v need %d, want a failed write fully undone", full.Unfinished, full.Need)
			}
			if hotJournal(file) {
				t.Fatal("a hot journal is left beside the residence")
			}
			if _, err := os.Stat(file + "-journal"); err == nil {
				t.Error("a journal is left beside the residence")
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
				t.Fatalf("the residence changed (%d bytes before, %d after)", len(before), len(after))
			}

			// Room made, the same opening writes again.
			os.Remove(filler)
			mustUpdate(t, db, postMany(1))
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			db, err = ledger.Open(file)
			if err != nil {
				t.Fatalf("reopening: %v", err)
			}
			defer db.Close()
			if d := db.Damage(); len(d) > 0 {
				t.Fatalf("damaged after the failure: %v", d)
			}
		})
	}
}

// TestEnsureSpace refuses a write announced too big for the disk before
// anything is written, naming the folder, what is needed and what is left.
func TestEnsureSpace(t *testing.T) {
	cases := []struct {
		name   string
		leave  int64
		extra  int64
		refuse bool
	}{
		{"room enough", 2 << 20, 100 << 10, false},
		{"journal and margin do not fit", 1 << 20, 0, true},
		{"growth does not fit", 2 << 20, 3 << 20, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			disk := smallDisk(t, "6m")
			db := createOn(t, disk)
			before, _ := os.ReadFile(db.Path())
			fillDisk(t, disk, c.leave)
			err := db.EnsureSpace(c.extra)
			if !c.refuse {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			full, ok := ledger.DiskFull(err)
			if !ok {
				t.Fatalf("want a refusal for lack of space, got %v", err)
			}
			if full.Need <= full.Free || full.Need < db.FileSize()+c.extra {
				t.Errorf("need %d, free %d, file %d, extra %d", full.Need, full.Free, db.FileSize(), c.extra)
			}
			msg := ledger.Message(err)
			for _, want := range []string{"pas assez de place", disk, "r.copro", "il faut environ", "il en reste", "rien n'a été modifié"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if after, _ := os.ReadFile(db.Path()); !bytes.Equal(before, after) {
				t.Error("the residence changed")
			}
		})
	}
}

// TestFreeSpace follows what a write takes from a disk.
func TestFreeSpace(t *testing.T) {
	disk := smallDisk(t, "4m")
	free, ok := ledger.FreeSpace(disk)
	if !ok || free != available(t, disk) || free < 3<<20 {
		t.Fatalf("FreeSpace = %d, %v; statfs says %d", free, ok, available(t, disk))
	}
	if err := os.WriteFile(filepath.Join(disk, "f"), make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{disk, filepath.Join(disk, "f"), filepath.Join(disk, "not yet written.copro")} {
		after, ok := ledger.FreeSpace(p)
		if !ok || free-after != 1<<20 {
			t.Errorf("FreeSpace(%s) = %d, %v after writing 1 MiB, %d before", p, after, ok, free)
		}
	}
}

// TestBackupOnFullDisk: a backup or a snapshot to a full disk is refused
// (or fails) naming that disk, and leaves nothing there.
func TestBackupOnFullDisk(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, postMany(300))
	before := fileBytes(t, db.Path())
	disk := smallDisk(t, "3m")
	fillDisk(t, disk, 64<<10)

	_, _, err := db.WriteArchive(filepath.Join(disk, "Sauvegardes"), ledger.ArchiveOptions{})
	if full, ok := ledger.DiskFull(err); !ok || full.Need == 0 || !strings.Contains(ledger.Message(err), "la sauvegarde de « Les Tests.copro »") {
		t.Errorf("backup: want a refusal naming the backup, got %v", err)
	}
	// The snapshot alone is not checked beforehand: it fails on the way.
	err = db.Snapshot(filepath.Join(disk, "copie.copro"))
	if _, ok := ledger.DiskFull(err); !ok || !strings.Contains(ledger.Message(err), "est plein") {
		t.Errorf("snapshot: want a full-disk error, got %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(disk, "*"))
	left2, _ := filepath.Glob(filepath.Join(disk, "Sauvegardes", "*"))
	if len(left) != 2 || len(left2) != 0 { // the filler and the empty folder
		t.Errorf("left on the disk: %v %v", left, left2)
	}
	if !bytes.Equal(before, fileBytes(t, db.Path())) {
		t.Error("the residence changed")
	}
}

// TestRestoreOnFullDisk: a restore onto a full disk is refused before the
// residence there is touched.
func TestRestoreOnFullDisk(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, postMany(300))
	archive, _, err := db.WriteArchive(t.TempDir(), ledger.ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	disk := smallDisk(t, "3m")
	target := createOn(t, disk)
	file := target.Path()
	target.Close()
	before := fileBytes(t, file)
	fillDisk(t, disk, 64<<10)

	_, err = ledger.Restore(archive, file, ledger.RestoreOptions{})
	if full, ok := ledger.DiskFull(err); !ok || full.Need == 0 || !strings.Contains(ledger.Message(err), disk) {
		t.Fatalf("want a refusal for lack of space naming %s, got %v", disk, err)
	}
	if !bytes.Equal(before, fileBytes(t, file)) {
		t.Error("the residence changed")
	}
	// Extracting alone is not checked beforehand: it fails on the way.
	a, err := ledger.OpenArchive(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Extract(disk); !strings.Contains(ledger.Message(err), "est plein") {
		t.Errorf("extract: want a full-disk error, got %v", err)
	} else if _, ok := ledger.DiskFull(err); !ok {
		t.Errorf("extract: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(disk, "*"))
	if len(left) != 2 { // filler, r.copro
		t.Errorf("left on the disk: %v", left)
	}
}
