package ledger_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// Issue 22: SafetyCopy returns once a checked plain copy is in the safety
// folder; the archive is made in the background, and Close waits for it.
func TestSafetyCopyPlainThenZipped(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 7)
	want := books(t, db)
	dir := ledger.SafetyDir(db.Path())
	path, err := db.SafetyCopy(ledger.ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, "_"+ledger.ReasonImport+ledger.ArchiveExt) || filepath.Dir(path) != dir {
		t.Fatalf("safety copy %q", path)
	}
	// At every instant the copy is there: plain, or zipped.
	if _, errZip := os.Stat(path); errZip != nil {
		if _, err := os.Stat(ledger.PlainCopyPath(path)); err != nil {
			t.Fatalf("neither the archive nor the plain copy exists: %v %v", errZip, err)
		}
	}
	// Readable at once by the name it returned, whichever exists.
	a, err := ledger.OpenArchive(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Verify(); err != nil || a.Manifest.Entries != 7 || a.Manifest.Reason != ledger.ReasonImport {
		t.Errorf("verify at once: %v %+v", err, a.Manifest)
	}
	a.Close()
	postPayments(t, db, 7, 2) // the residence goes on being written meanwhile
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// Close waited: the archive is written and the plain copy gone.
	if _, err := os.Stat(ledger.PlainCopyPath(path)); err == nil {
		t.Error("the plain copy is left after Close")
	}
	list := ledger.ListArchives(dir, "Résidence des Tests")
	if len(list) != 1 || list[0].Path != path || list[0].Plain || list[0].Reason != ledger.ReasonImport {
		t.Fatalf("archives %+v", list)
	}
	a, err = ledger.OpenArchive(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Verify(); err != nil || a.Manifest.Entries != 7 || a.Manifest.File != "Les Tests.copro" || a.Manifest.Reason != ledger.ReasonImport || len(a.Manifest.Fingerprints) == 0 {
		t.Errorf("archive: %v %+v", err, a.Manifest)
	}
	target := filepath.Join(t.TempDir(), "r.copro")
	if _, err := ledger.Restore(path, target, ledger.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	r, err := ledger.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := books(t, r); got != want {
		t.Errorf("restored books differ:\n%s\n%s", got, want)
	}
}

// A plain copy left by a crash (the program killed before its archive was
// written) is listed, verified and restored as it is; the next safety copy
// zips it when it is old enough; a plain copy beside its archive is only a
// leftover.
func TestSafetyCopyLeftPlainByACrash(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 4)
	want := books(t, db)
	dir := ledger.SafetyDir(db.Path())
	os.MkdirAll(dir, 0o755)
	// What a crash after SafetyCopy returned leaves: the plain copy alone.
	snap := filepath.Join(t.TempDir(), "snap.copro")
	if err := db.Snapshot(snap); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "Residence-des-Tests_20260301-101500_"+ledger.ReasonClosing+ledger.PlainCopyExt)
	ledgertest.CopyFile(t, snap, plain)

	list := ledger.ListArchives(dir, "Résidence des Tests")
	if len(list) != 1 || !list[0].Plain || list[0].Path != plain || list[0].Reason != ledger.ReasonClosing {
		t.Fatalf("list %+v", list)
	}
	for _, name := range []string{plain, plain + ".zip"} { // by either name
		a, err := ledger.OpenArchive(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		err = a.Verify()
		m := a.Manifest
		a.Close()
		if err != nil || m.Entries != 4 || m.Reason != ledger.ReasonClosing || len(m.SHA256) != 64 ||
			!m.Created.Equal(time.Date(2026, 3, 1, 10, 15, 0, 0, time.Local)) {
			t.Errorf("%s: %v %+v", name, err, m)
		}
	}
	target := filepath.Join(t.TempDir(), "r.copro")
	res, err := ledger.Restore(plain, target, ledger.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Manifest.Entries != 4 {
		t.Errorf("restore %+v", res)
	}
	r, err := ledger.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	if got := books(t, r); got != want {
		t.Errorf("restored books differ")
	}
	r.Close()

	// Younger than an hour: another program might be zipping it; left.
	if _, err := db.SafetyCopy(ledger.ReasonImport); err != nil {
		t.Fatal(err)
	}
	db.WaitSafetyCopiesForTest()
	if _, err := os.Stat(plain); err != nil {
		t.Fatalf("a young plain copy was touched: %v", err)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(plain, old, old)
	if _, err := db.SafetyCopy(ledger.ReasonImport); err != nil {
		t.Fatal(err)
	}
	db.WaitSafetyCopiesForTest()
	if _, err := os.Stat(plain); err == nil {
		t.Error("the old plain copy was not zipped")
	}
	a, err := ledger.OpenArchive(plain + ".zip")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Verify(); err != nil || a.Manifest.Entries != 4 || a.Manifest.Reason != ledger.ReasonClosing {
		t.Errorf("zipped leftover: %v %+v", err, a.Manifest)
	}
	a.Close()
	list = ledger.ListArchives(dir, "Résidence des Tests")
	if len(list) != 3 {
		t.Fatalf("list %+v", list)
	}
	for _, l := range list {
		if l.Plain {
			t.Errorf("still plain: %+v", l)
		}
	}

	// A plain copy beside its archive (a crash between the two): not
	// listed, and deleted by the pruning.
	ledgertest.CopyFile(t, snap, plain)
	if list := ledger.ListArchives(dir, "Résidence des Tests"); len(list) != 3 {
		t.Errorf("the plain copy beside its archive is listed: %+v", list)
	}
	ledger.PruneArchives(dir, "Résidence des Tests", ledger.SafetyKeep)
	if _, err := os.Stat(plain); err == nil {
		t.Error("the plain copy beside its archive was kept")
	}
	db.Close()
}

// A residence file named like a plain copy but without a safety copy's
// reason (a user's file in a backup folder) is neither listed nor pruned.
func TestPlainCopyNeedsASafetyReason(t *testing.T) {
	db := mustCreate(t)
	defer db.Close()
	dir := t.TempDir()
	snap := filepath.Join(t.TempDir(), "snap.copro")
	if err := db.Snapshot(snap); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "Residence-des-Tests_20260101-100000.copro")
	ledgertest.CopyFile(t, snap, mine)
	ledgertest.CopyFile(t, snap, filepath.Join(dir, "Residence-des-Tests_20260101-110000_"+ledger.ReasonQuit+ledger.PlainCopyExt))
	if list := ledger.ListArchives(dir, "Résidence des Tests"); len(list) != 1 || list[0].Reason != ledger.ReasonQuit {
		t.Errorf("list %+v", list)
	}
	// Nor deleted as a plain copy beside its archive, with or without a
	// copy's name.
	other := filepath.Join(dir, "Les Tilleuls.copro")
	ledgertest.CopyFile(t, snap, other)
	for _, f := range []string{mine, other} {
		os.WriteFile(f+".zip", []byte("an archive of the user's"), 0o644)
	}
	ledger.PruneArchives(dir, "Résidence des Tests", 1)
	for _, f := range []string{mine, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the user's residence file was pruned: %v", err)
		}
	}
}

// Pruning counts plain copies and archives together: SafetyKeep in all.
func TestSafetyCopyPruning(t *testing.T) {
	db := mustCreate(t)
	defer db.Close()
	dir := ledger.SafetyDir(db.Path())
	os.MkdirAll(dir, 0o755)
	snap := filepath.Join(t.TempDir(), "snap.copro")
	if err := db.Snapshot(snap); err != nil {
		t.Fatal(err)
	}
	// SafetyKeep plain copies of the past (young: not zipped).
	for i := 0; i < ledger.SafetyKeep; i++ {
		ledgertest.CopyFile(t, snap, filepath.Join(dir, "Residence-des-Tests_2026010"+string(rune('1'+i%9))+"-1"+string(rune('0'+i/9))+"0000_"+ledger.ReasonImport+ledger.PlainCopyExt))
	}
	if n := len(ledger.ListArchives(dir, "Résidence des Tests")); n != ledger.SafetyKeep {
		t.Fatalf("%d copies made", n)
	}
	path, err := db.SafetyCopy(ledger.ReasonClosing)
	if err != nil {
		t.Fatal(err)
	}
	db.WaitSafetyCopiesForTest()
	list := ledger.ListArchives(dir, "Résidence des Tests")
	if len(list) != ledger.SafetyKeep || list[0].Path != path || list[0].Plain {
		t.Errorf("after pruning: %d copies, newest %+v", len(list), list[0])
	}
	if _, err := os.Stat(filepath.Join(dir, "Residence-des-Tests_20260101-100000_"+ledger.ReasonImport+ledger.PlainCopyExt)); err == nil {
		t.Error("the oldest copy was kept")
	}
}

// Archives written before issue 22 (VACUUM INTO copy, default deflate
// level) restore unchanged: testdata holds one written by that writer, of
// mustCreate's residence with 25 payments.
func TestArchiveOfTheOldWriterRestores(t *testing.T) {
	src := filepath.Join("testdata", "archives", "Residence-des-Tests_20261207-100000.copro.zip")
	a, err := ledger.OpenArchive(src)
	if err != nil {
		t.Fatal(err)
	}
	err = a.Verify()
	m := a.Manifest
	a.Close()
	if err != nil || m.Entries != 25 || m.Owners != 3 || m.Lots != 4 || m.Size != 614400 ||
		m.SHA256 != "6f56d285e5dc80ef2684ebd05ce95231930f5f85723b7bbd4d4b634aadf49ede" {
		t.Fatalf("old archive: %v %+v", err, m)
	}
	target := filepath.Join(t.TempDir(), "r.copro")
	if _, err := ledger.Restore(src, target, ledger.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	r, err := ledger.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	db := mustCreate(t)
	postPayments(t, db, 0, 25)
	if got, want := books(t, r), books(t, db); got != want {
		t.Errorf("restored books differ:\n%s\n%s", got, want)
	}
}
