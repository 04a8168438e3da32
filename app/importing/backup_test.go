package importing

import (
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/closing"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// An import and a closing each leave a safety copy of the residence as it
// was just before, in the residence's folder.
func TestSafetyCopiesBeforeImportAndClosing(t *testing.T) {
	ledgertest.Isolate(t)
	r := apptest.Demo(t)
	rep, err := Run(r, impOpen(t, "ecritures.csv"), Options{Kind: Entries})
	impMust(t, err)
	if !strings.Contains(rep.SafetyCopy, ledger.ReasonImport) {
		t.Fatalf("import safety copy %q", rep.SafetyCopy)
	}
	if m, err := app.ReadBackup(rep.SafetyCopy); err != nil || m.Entries != 139 || m.Reason != ledger.ReasonImport {
		t.Errorf("copy before import: %+v %v", m, err)
	}
	ex := apptest.Year(t, r, 2025)
	p, err := closing.Prepare(r, ex, closing.Options{OwnersAt: ledger.Date(2026, 3, 1)})
	impMust(t, err)
	res, err := closing.Post(r, p)
	impMust(t, err)
	if !strings.Contains(res.SafetyCopy, ledger.ReasonClosing) {
		t.Fatalf("closing safety copy %q", res.SafetyCopy)
	}
	m, err := app.ReadBackup(res.SafetyCopy)
	impMust(t, err)
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
	impMust(t, err)
	if !strings.Contains(q, ledger.ReasonQuit) {
		t.Errorf("quit copy %q", q)
	}
}
