package debits_test

import (
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/debits"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// TestPrenotification: the call notice of an owner with a mandate says
// the amount and date of his debit, the others' do not; the batch warns
// when it comes less than the notice period after the notices.
func TestPrenotification(t *testing.T) {
	r := apptest.Demo(t)
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		for _, b := range banks {
			if b.Account == "512001" {
				b.ICS = "FR72ZZZ123456"
				if err := tx.SaveBankAccount(b); err != nil {
					return err
				}
			}
		}
		return tx.AddMandate(&ledger.Mandate{Owner: "450004", RUM: "RUM-1", IBAN: ibanFR, Signed: ledger.Date(2025, 1, 10)})
	})
	due := ledger.Date(2025, 10, 1)
	files, err := r.WriteNotices(t.TempDir(), due, app.NoticeOptions{Printed: ledger.Date(2025, 9, 20)})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files.Owners {
		text := ledgertest.Flat(ledgertest.PDFFile(t, path))
		has := strings.Contains(text, "Montant prélevé le 01/10/2025 :")
		// 450004's mandate, and the demo's own three.
		mine := false
		for _, o := range []string{"_450004_", "_450005_", "_450009_", "_450011_"} {
			mine = mine || strings.Contains(filepath.Base(path), o)
		}
		if has != mine {
			t.Errorf("%s: debit line %v, want %v:\n%s", filepath.Base(path), has, mine, text)
		}
		// The owner paying by direct debit is not asked for a transfer
		// or a cheque; the others are.
		asked := strings.Contains(text, "Par virement : IBAN") || strings.Contains(text, "libeller les chèques")
		if asked == mine || mine != strings.Contains(text, "ne réglez ce montant ni par virement ni par chèque") ||
			mine != strings.Contains(text, "Montant prélevé le 01/10/2025 ") || mine == strings.Contains(text, "exigible le") ||
			mine == strings.Contains(text, "sur votre virement ou au dos de votre chèque") {
			t.Errorf("%s: Règlement box (debit %v):\n%s", filepath.Base(path), mine, text)
		}
	}
	b, err := debits.Plan(r, due, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Lines) != 1 || !strings.Contains(strings.Join(b.Warnings, "\n"), "les avis ont été produits le 20/09/2025, moins de 14 jours avant le prélèvement du 01/10/2025") {
		t.Errorf("batch %+v", b)
	}
	if err := r.SetDebitNoticeDays(10); err != nil {
		t.Fatal(err)
	}
	if b, _ = debits.Plan(r, due, ""); len(b.Warnings) != 0 {
		t.Errorf("warnings with 10 days of notice: %q", b.Warnings)
	}
}
