package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

// isolate keeps the backup log and Documents out of the real user folders.
func isolate(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
}

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
	docs := DocumentsFolder(DemoName)
	must(t, os.MkdirAll(filepath.Join(docs, "Appels"), 0o755))
	must(t, os.WriteFile(filepath.Join(docs, "Appels", "a.pdf"), []byte("%PDF"), 0o644))
	res, err := r.Backup(t.TempDir(), BackupOptions{Documents: docs})
	must(t, err)
	if len(res.Manifest.Documents) != 1 || res.Manifest.Documents[0].Path != "Appels/a.pdf" {
		t.Errorf("documents %+v", res.Manifest.Documents)
	}
}

// An import and a closing each leave a safety copy of the residence as it
// was just before, in the residence's folder.
func TestSafetyCopiesBeforeImportAndClosing(t *testing.T) {
	isolate(t)
	r := writeDemo(t)
	rep, err := r.Import(impOpen(t, "ecritures.csv"), ImportOptions{Kind: ImportEntries})
	must(t, err)
	if !strings.Contains(rep.SafetyCopy, ledger.ReasonImport) {
		t.Fatalf("import safety copy %q", rep.SafetyCopy)
	}
	if m, err := ReadBackup(rep.SafetyCopy); err != nil || m.Entries != 139 || m.Reason != ledger.ReasonImport {
		t.Errorf("copy before import: %+v %v", m, err)
	}
	ex := year(t, r, 2025)
	p, err := r.PlanClosing(ex, ClosingOptions{OwnersAt: ledger.Date(2026, 3, 1)})
	must(t, err)
	res, err := r.PostClosing(p)
	must(t, err)
	if !strings.Contains(res.SafetyCopy, ledger.ReasonClosing) {
		t.Fatalf("closing safety copy %q", res.SafetyCopy)
	}
	m, err := ReadBackup(res.SafetyCopy)
	must(t, err)
	if m.Entries != 139+rep.Entries || m.Reason != ledger.ReasonClosing {
		t.Errorf("copy before closing: %+v", m)
	}
	if filepath.Dir(res.SafetyCopy) != ledger.SafetyDir(r.Path()) {
		t.Errorf("copy in %s", res.SafetyCopy)
	}
	if r.Changed() == false {
		t.Error("a closing is a change")
	}
	q, err := r.QuitCopy()
	must(t, err)
	if !strings.Contains(q, ledger.ReasonQuit) {
		t.Errorf("quit copy %q", q)
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
