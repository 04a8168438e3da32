package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// isolate keeps the backup log and Documents out of the real user folders.
func isolate(t *testing.T) { ledgertest.Isolate(t) }

func TestBackupKeepsLastAndRemembers(t *testing.T) {
	isolate(t)
	r := writeDemo(t)
	must(t, r.SetBackupSettings(BackupSettings{Keep: 2, RemindDays: 5}))
	usb := t.TempDir()
	if _, ok := LastBackup(r.Path()); ok {
		t.Fatal("a backup remembered before any")
	}
	st, err := r.BackupStatus(time.Now())
	must(t, err)
	if !st.Overdue {
		t.Error("never backed up, yet no reminder")
	}
	var last BackupResult
	for i := 0; i < 3; i++ {
		res, err := r.Backup(usb, BackupOptions{})
		must(t, err)
		last = res
		time.Sleep(10 * time.Millisecond)
	}
	if kept := ledger.ListArchives(usb, DemoName); len(kept) != 2 || last.Pruned != 1 || kept[0].Path != last.Path {
		t.Errorf("%+v archives kept, %d pruned", kept, last.Pruned)
	}
	if !strings.Contains(last.Summary(), "13 copropriétaires") || !strings.Contains(last.Summary(), "supprimée") {
		t.Errorf("summary %q", last.Summary())
	}
	rec, ok := LastBackup(r.Path())
	if !ok || rec.Archive != last.Path || LastBackupFolder() != usb {
		t.Errorf("remembered %+v / %s", rec, LastBackupFolder())
	}
	st, err = r.BackupStatus(time.Now())
	must(t, err)
	if st.Overdue || st.Days != 0 {
		t.Errorf("just backed up: %+v", st)
	}
	st, err = r.BackupStatus(time.Now().AddDate(0, 0, 6))
	must(t, err)
	if !st.Overdue || st.Days != 6 {
		t.Errorf("six days later: %+v", st)
	}
	m, err := ReadBackup(last.Path)
	must(t, err)
	if !strings.Contains(DescribeBackup(m), "Les Tilleuls") {
		t.Errorf("description %q", DescribeBackup(m))
	}
}

func TestFullBackupHasDocuments(t *testing.T) {
	isolate(t)
	r := writeDemo(t)
	docs, err := r.DocumentsFolder()
	must(t, err)
	must(t, os.MkdirAll(filepath.Join(docs, "Appels"), 0o755))
	must(t, os.WriteFile(filepath.Join(docs, "Appels", "a.pdf"), []byte("%PDF"), 0o644))
	res, err := r.Backup(t.TempDir(), BackupOptions{Documents: docs})
	must(t, err)
	if len(res.Manifest.Documents) != 1 || res.Manifest.Documents[0].Path != "Appels/a.pdf" {
		t.Errorf("documents %+v", res.Manifest.Documents)
	}
}

// A damaged residence is refused and the message names its latest backup.
func TestDamagedPointsToBackup(t *testing.T) {
	isolate(t)
	r := writeDemo(t)
	res, err := r.Backup(t.TempDir(), BackupOptions{})
	must(t, err)
	file := r.Path()
	r.Close()
	b, _ := os.ReadFile(file)
	for i := len(b) / 2; i < len(b); i++ {
		b[i] = byte(i)
	}
	must(t, os.WriteFile(file, b, 0o644))
	_, err = Open(file)
	if ledger.KindOf(err) != ledger.Damaged || !strings.Contains(ledger.Message(err), res.Path) {
		t.Errorf("damaged: %v", ledger.Message(err))
	}
	if found := LatestBackups(file); len(found) != 1 || found[0].Path != res.Path {
		t.Errorf("latest backups %+v", found)
	}
}
