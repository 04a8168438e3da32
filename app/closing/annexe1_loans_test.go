package closing

import (
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// Loans remaining are typed per exercise and print under annexe 1's
// totals (the demo's first exercise has no N-1), without changing them (ANNEXES §2.6: « hors
// totaux »; arrêté du 14 mars 2005 art. 10).
func TestAnnexe1Loans(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	before, err := Annexes(r, ex)
	must(t, err)
	if before.A1.Loans != [2]ledger.Amount{} {
		t.Fatalf("loans before any was typed: %v", before.A1.Loans)
	}
	must(t, SetLoansRemaining(r, 2025, ledger.MustAmount("41234,56")))
	if err := SetLoansRemaining(r, 2040, 100); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("a year without exercise accepted: %v", err)
	}
	if err := SetLoansRemaining(r, 2025, -1); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("a negative amount accepted: %v", err)
	}
	must(t, SetLoansLabel(r, 2025, "  Crédit Foncier,\n ravalement 2024 "))
	if err := SetLoansLabel(r, 2025, "abc\x01"); ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), "invisible") {
		t.Errorf("a control character accepted: %v", err)
	}
	if err := SetLoansLabel(r, 2025, strings.Repeat("é", MaxLoansLabel+1)); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("a label too long accepted: %v", err)
	}
	pdf, d, err := AnnexesPDF(r, ex, []int{1}, ledger.Date(2026, 3, 1))
	must(t, err)
	if d.A1.Loans != [2]ledger.Amount{0, ledger.MustAmount("41234,56")} {
		t.Errorf("loans %v", d.A1.Loans)
	}
	// Outside the totals: they are the ones before the loans were typed.
	if d.A1.TotalLeft != before.A1.TotalLeft || d.A1.TotalRight != before.A1.TotalRight {
		t.Errorf("totals moved: %v/%v, were %v/%v", d.A1.TotalLeft, d.A1.TotalRight, before.A1.TotalLeft, before.A1.TotalRight)
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf))
	if !strings.Contains(text, "Emprunts : montant restant dû") || !strings.Contains(text, "41 234,56") ||
		!strings.Contains(text, "Emprunts : Crédit Foncier, ravalement 2024.") {
		t.Errorf("annexe 1 without its loans row: %s", text)
	}
}
