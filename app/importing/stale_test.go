package importing

import (
	"bytes"
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
)

// The books changed between the preview and the import so that the import
// would write something else (another owner took an account, so the
// accounts given by sequence move): nothing is written, the preview must be
// made again, and the new one imports.
func TestImportStalePlanRefused(t *testing.T) {
	r := apptest.Empty(t)
	wb := impOpen(t, "proprietaires.xlsx")
	p, err := Prepare(r, wb, Options{Kind: Owners})
	impMust(t, err)
	impMust(t, p.Err())
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		return tx.AddOwner(&ledger.Owner{Account: "450900", Name: "Nouveau Propriétaire"})
	})
	before := impFileBytes(t, r.Path())
	_, err = Apply(r, p)
	if ledger.KindOf(err) != ledger.Conflict || ledger.Message(err) != "Les comptes ont changé depuis l'aperçu de l'import : refaites l'aperçu avant d'importer" {
		t.Errorf("stale plan: %v", err)
	}
	if !bytes.Equal(before, impFileBytes(t, r.Path())) {
		t.Error("a refused import changed the residence")
	}
	p, err = Prepare(r, wb, Options{Kind: Owners})
	impMust(t, err)
	rep, err := Apply(r, p)
	impMust(t, err)
	if rep.Owners != 4 || !strings.Contains(strings.Join(rep.Notes, " "), "450901") {
		t.Errorf("import after a new preview: %+v", rep)
	}
}

// A plan applies when nothing it would write changed, even if the books
// changed elsewhere meanwhile (an account added to the chart).
func TestImportFreshPlanApplies(t *testing.T) {
	r := apptest.Empty(t)
	p, err := Prepare(r, impOpen(t, "proprietaires.xlsx"), Options{Kind: Owners})
	impMust(t, err)
	impMust(t, p.Err())
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		return tx.AddAccount(ledger.Account{Code: "606100", Label: "Fournitures"})
	})
	rep, err := Apply(r, p)
	impMust(t, err)
	if rep.Owners != p.Report.Owners || rep.Lots != p.Report.Lots || rep.Owners == 0 {
		t.Errorf("report %+v, previewed %+v", rep, p.Report)
	}
}
