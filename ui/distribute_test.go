package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

// Outils › Répartir un montant… on the test residence: 100,01 € over key
// 001 (400, 300 and 300 of 1 000 tantièmes). By hand: 4 000,4, 3 000,3 and
// 3 000,3 cents; the cent left goes to the largest remainder, 450001:
// 40,01 €, 30,00 €, 30,00 €. Refused in place (the dialog keeps its size),
// then computed, then charged to the owners after a confirmation naming
// the total and the account.
func TestDistributeForm(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	before := owedBy(t, s, "450001")
	s.distributeForm()
	mustContain(t, "the form", overlayText(s), "Répartir un montant", "Clé de répartition", "001 – Charges générales", "Calculer",
		"Choisissez la clé, le montant et la date, puis « Calculer ».")
	size := s.win.Canvas().Overlays().Top().Size()
	test.Tap(dialogButton(t, s, "Calculer"))
	mustContain(t, "the refusal", overlayText(s), "Montant :")
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the dialog went from %v to %v with its error", size, got)
	}
	dialogField(t, s, "par exemple 1 000,00").SetText("100,01")
	test.Tap(dialogButton(t, s, "Calculer"))
	text := overlayText(s)
	mustContain(t, "the result", text, "100,01 € sur la clé 001 « Charges générales » entre 3 copropriétaires au 30/06/2025.",
		"Dupont Zoé", "40,01 €", "30,00 €", "3 copropriétaires", "1 000", "100,01 €")
	mustNotContain(t, "the result", text, "Choisissez la clé")

	test.Tap(dialogButton(t, s, "Comptabiliser…"))
	dialogChoice(t, s, 0).SetSelected(accountOption(t, s, "671"))
	dialogField(t, s, "par exemple Remise en état").SetText("Remise en état du portail")
	test.Tap(dialogButton(t, s, "Comptabiliser…"))
	mustContain(t, "the confirmation", overlayText(s), "Imputer 100,01 € aux copropriétaires ?", "3 copropriétaires", "créditera le compte 671")
	if got := owedBy(t, s, "450001"); got != before {
		t.Fatalf("written before the confirmation: %s", got)
	}
	test.Tap(dialogButton(t, s, "Comptabiliser"))
	mustContain(t, "the answer", overlayText(s), "Répartition comptabilisée", "100,01 € imputés à 3 copropriétaires")
	if got := owedBy(t, s, "450001"); got != before+4001 {
		t.Errorf("450001 owes %s, want %s", got, before+4001)
	}
}

// The calculator fits a small screen.
func TestDistributeFormSmall(t *testing.T) {
	s := newTestShell(t)
	s.win.Resize(fyne.NewSize(1024, 700))
	openTest(t, s, testResidence(t))
	s.distributeForm()
	dialogField(t, s, "par exemple 1 000,00").SetText("100,01")
	test.Tap(dialogButton(t, s, "Calculer"))
	top := s.win.Canvas().Overlays().Top()
	if sz := top.Size(); sz.Width > 1024 || sz.Height > 700 {
		t.Errorf("the dialog is %v in a 1024×700 window", sz)
	}
}

func owedBy(t *testing.T, s *Shell, account string) ledger.Amount {
	t.Helper()
	list, err := s.res.OwnerSummaries(ledger.Date(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range list {
		if o.Account == account {
			return o.Balance
		}
	}
	t.Fatalf("no owner %s", account)
	return 0
}

// accountOption is the first option of the dialog's first list that starts
// with prefix.
func accountOption(t *testing.T, s *Shell, prefix string) string {
	t.Helper()
	for _, o := range dialogChoice(t, s, 0).Options {
		if len(o) >= len(prefix) && o[:len(prefix)] == prefix {
			return o
		}
	}
	t.Fatalf("no account %s offered", prefix)
	return ""
}
