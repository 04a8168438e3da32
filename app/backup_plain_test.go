package app

import (
	"os"
	"path/filepath"
	"testing"

	"tantieme/ledger"
)

// Issue 22: a safety copy left plain by a crash (its archive never
// written) is offered for a damaged residence like the archives.
func TestDamagedOffersPlainSafetyCopy(t *testing.T) {
	isolate(t)
	r := writeDemo(t)
	file := r.Path()
	dir := ledger.SafetyDir(file)
	must(t, os.MkdirAll(dir, 0o755))
	snap := filepath.Join(t.TempDir(), "snap.copro")
	must(t, r.db.Snapshot(snap))
	r.Close()
	b, err := os.ReadFile(snap)
	must(t, err)
	plain := filepath.Join(dir, ledger.ArchiveSlug(DemoName)+"_20260301-101500_"+ledger.ReasonClosing+ledger.PlainCopyExt)
	must(t, os.WriteFile(plain, b, 0o644))
	found := LatestBackups(file)
	if len(found) != 1 || found[0].Path != plain || found[0].Manifest.Reason != ledger.ReasonClosing || found[0].Manifest.Residence != DemoName {
		t.Fatalf("latest backups %+v", found)
	}
	// Once zipped, the archive alone is offered.
	must(t, os.WriteFile(plain+".zip", []byte("not read: the plain copy is skipped"), 0o644))
	if found := LatestBackups(file); len(found) != 0 {
		t.Errorf("a plain copy beside its archive is offered: %+v", found)
	}
}
