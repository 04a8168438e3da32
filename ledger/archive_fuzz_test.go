package ledger_test

import (
	"os"
	"path/filepath"
	"testing"

	"tantieme/ledger"
)

// FuzzReadArchive feeds damaged and made-up archives to the restore path:
// it must never panic, never accept an archive whose residence differs from
// its manifest, and whatever it accepts must open and pass the full check.
func FuzzReadArchive(f *testing.F) {
	db := mustCreate(f)
	postPayments(f, db, 0, 20)
	path, _, err := db.WriteArchive(f.TempDir(), ledger.ArchiveOptions{})
	if err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		archive := filepath.Join(dir, "x.copro.zip")
		if err := os.WriteFile(archive, data, 0o644); err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, "r.copro")
		res, err := ledger.Restore(archive, target, ledger.RestoreOptions{Documents: filepath.Join(dir, "docs")})
		if err != nil {
			if k := ledger.KindOf(err); k == ledger.Internal {
				t.Fatalf("not a user's message: %v", err)
			}
			if _, err := os.Stat(target); err == nil {
				t.Fatal("a refused archive left a residence behind")
			}
			return
		}
		d, err := ledger.Open(target)
		if err != nil {
			t.Fatalf("restored file does not open: %v", err)
		}
		defer d.Close()
		if p, err := d.Check(true); err != nil || len(p) != 0 {
			t.Fatalf("restored file fails check: %v %v", p, err)
		}
		if res.Manifest.SHA256 == "" {
			t.Fatal("accepted without a hash")
		}
	})
}
