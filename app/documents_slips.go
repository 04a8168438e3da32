package app

import (
	"fmt"
	"path/filepath"
	"time"

	"tantieme/ledger"
)

// The slips and reports of the bank, written and registered in one call
// so that the window and the CLI do the same (issue 19).

// ExerciseIDAt is the id of the exercise holding day, 0 when none does.
func (r *Residence) ExerciseIDAt(day time.Time) int64 {
	var id int64
	r.View(func(tx *ledger.Tx) error {
		id = exerciseIDAt(tx, day)
		return nil
	})
	return id
}

// DepositSlipName is the file name of deposit n°id's slip.
func DepositSlipName(dep ledger.Deposit) string {
	return fmt.Sprintf("Bordereau de remise n° %d du %s.pdf", dep.ID, dep.Date.Format("2006-01-02"))
}

// WriteDepositSlip writes the slip of dep at path and registers it
// (binder « Bordereaux »: it lists other owners' cheques, so only the
// council sees it by default).
func (r *Residence) WriteDepositSlip(path string, dep ledger.Deposit, printed time.Time) error {
	pdf, err := r.DepositSlipPDF(dep.ID, printed)
	if err != nil {
		return err
	}
	return r.WriteDocument(pdf, Produced{Path: path, Kind: "deposit_slip", Date: dep.Date, Exercise: r.ExerciseIDAt(dep.Date),
		Title: fmt.Sprintf("Bordereau de remise n° %d du %s (compte %s)", dep.ID, ledger.FrenchDate(dep.Date), dep.BankAccount)})
}

// ReconciliationName is the file name of a reconciliation report.
func ReconciliationName(account string, day time.Time) string {
	return fmt.Sprintf("Rapprochement %s du %s.pdf", account, day.Format("2006-01-02"))
}

// WriteReconciliation writes the reconciliation of account's statement of
// day into dir and registers it; it returns the file's path.
func (r *Residence) WriteReconciliation(dir, account string, day, printed time.Time) (string, error) {
	pdf, err := r.ReconciliationPDF(account, day, printed)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, ReconciliationName(account, day))
	return path, r.WriteDocument(pdf, Produced{Path: path, Kind: "reconciliation", Date: day, Exercise: r.ExerciseIDAt(day),
		Title: fmt.Sprintf("État de rapprochement du compte %s au %s", account, ledger.FrenchDate(day))})
}
