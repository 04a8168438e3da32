package ui

import (
	"net/url"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// dialogSelects lists the drop-down lists of the topmost dialog.
func dialogSelects(s *Shell) []*widget.Select {
	var out []*widget.Select
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if x, ok := o.(*widget.Select); ok {
			out = append(out, x)
		}
	}
	return out
}

// openDialogRow taps a row of the table of the topmost dialog.
func openDialogRow(t *testing.T, s *Shell, row int) {
	t.Helper()
	for _, ob := range visible(s.win.Canvas().Overlays().Top()) {
		if tb, ok := ob.(*widgets.HoverTable); ok {
			tb.Select(widget.TableCellID{Row: row, Col: 0})
			return
		}
	}
	t.Fatalf("no table in the dialog:\n%s", overlayText(s))
}

// TestOwnerChequesInAdvance: the cheques an owner handed in advance, from
// his card — a series typed, listed with their state, one corrected, one
// deleted, the list following; a wrong count is said inside the form,
// which keeps its size.
func TestOwnerChequesInAdvance(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	o.card.tabs.SelectIndex(4)
	mustContain(t, "the receipts tab", windowText(s), "Aucun chèque remis d'avance en attente.", "Chèques remis d'avance…")
	test.Tap(windowButton(t, s, "Chèques remis d'avance…"))
	mustContain(t, "the empty list", overlayText(s), "Chèques remis d'avance par Garçon Loïc", "Aucun chèque remis d'avance", "Nouvelle série…")
	test.Tap(dialogButton(t, s, "Nouvelle série…"))
	mustContain(t, "the series form", overlayText(s), "Montant de chaque chèque (€)",
		"Date du 1er chèque", "N° du 1er chèque", "Nombre de chèques", "Enregistrer la série")
	fields := dialogFields(t, s, "")
	fields[0].SetText("150")
	fields[1].SetText("05/07/2025")
	fields[2].SetText("1234567")
	fields[3].SetText("trois")
	size := s.win.Canvas().Overlays().Top().Size()
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", texts(s.win.Canvas().Overlays().Top()), "Nombre de chèques : tapez un nombre entier (« trois » n'en est pas un)")
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the form changed size with its message: %v, was %v", got, size)
	}
	fields[3].SetText("3")
	press(s, fyne.KeyReturn)
	mustContain(t, "the status", s.statusText.Text, "3 chèques de 150,00 € remis d'avance par Garçon Loïc enregistrés, du 05/07/2025 au 05/09/2025")
	top := texts(s.win.Canvas().Overlays().Top())
	mustContain(t, "the list after the series", top, "Chèques remis d'avance par Garçon Loïc", "n° 1234567", "n° 1234569", "05/09/2025", "Gardé jusqu'à sa date", "3 non encaissés", "450,00 €")
	mustContain(t, "the card behind", windowText(s), "3 chèques remis d'avance en attente (450,00 €).")

	openDialogRow(t, s, 1)
	mustContain(t, "the edit form", texts(s.win.Canvas().Overlays().Top()), "Chèque remis d'avance par Garçon Loïc", "Série n° 1", "Supprimer…", "05/08/2025")
	dialogFields(t, s, "")[2].SetText("160")
	press(s, fyne.KeyReturn)
	mustContain(t, "the status", s.statusText.Text, "corrigé : chèque n° 1234568 du 05/08/2025 (160,00 €)")
	mustContain(t, "the list after the change", texts(s.win.Canvas().Overlays().Top()), "160,00 €", "460,00 €")

	openDialogRow(t, s, 2)
	test.Tap(dialogButton(t, s, "Supprimer…"))
	mustContain(t, "the question", texts(s.win.Canvas().Overlays().Top()), "Supprimer le chèque n° 1234569 du 05/09/2025 (150,00 €) remis d'avance par Garçon Loïc ?")
	press(s, fyne.KeyReturn)
	mustContain(t, "the status", s.statusText.Text, "supprimé : chèque n° 1234569")
	top = texts(s.win.Canvas().Overlays().Top())
	mustContain(t, "the list after the deletion", top, "n° 1234567", "2 non encaissés", "310,00 €")
	mustNotContain(t, "the list after the deletion", top, "1234569")
	if left, _ := s.res.ExpectedCheques(ledger.ExpectedChequeFilter{Owner: "450002"}); len(left) != 2 || left[1].Amount != ledger.MustAmount("160") {
		t.Errorf("after the change and the deletion: %+v", left)
	}
}

// TestDepositWithChequesInAdvance: the deposit tab offers the cheques
// handed in advance dated by its date, takes a forgotten cheque and a
// split, counts them all, and records them as receipts with the deposit.
func TestDepositWithChequesInAdvance(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	series, err := s.res.AddChequeSeries(ledger.ChequeSeries{Owner: "450002", Amount: ledger.MustAmount("100"), First: ledger.Date(2025, 6, 1), Number: "42", Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error { return nil }
	t.Cleanup(func() { openDocument = old })
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	mustContain(t, "the deposit tab", windowText(s), "Type :", "Chèques", "Ajouter un chèque oublié…", "chèque n° 42 — Garçon Loïc — remis d'avance", "100,00 €", "0 chèque, 0,00 €", "En attente de remise : 1 chèque — 100,00 € (dont 1 remis d'avance)")
	mustNotContain(t, "the deposit tab", windowText(s), "n° 43")
	test.Tap(b.all)
	mustContain(t, "the counter", b.counter.Text, "1 chèque, 100,00 €")

	test.Tap(b.forgot)
	dialogSelects(s)[0].SetSelectedIndex(0) // 450001 Dupont Zoé
	fields := dialogFields(t, s, "")
	fields[0].SetText("25")
	fields[1].SetText("999")
	press(s, fyne.KeyReturn)
	mustContain(t, "the forgotten cheque", windowText(s), "chèque n° 999 — Dupont Zoé — ajouté à cette remise", "25,00 €")
	mustContain(t, "the counter", b.counter.Text, "2 chèques, 125,00 €")

	b.splitForm(dueKey(series[0].ID), ledger.MustAmount("100"), "Garçon Loïc")
	mustContain(t, "the split form", overlayText(s), "Répartir sur un autre compte — chèque de Garçon Loïc (100,00 €)", "Autre compte", "Clé")
	sel := dialogSelects(s)
	for i, opt := range sel[0].Options {
		if len(opt) > 6 && opt[:6] == "713000" {
			sel[0].SetSelectedIndex(i)
		}
	}
	dialogFields(t, s, "0,00")[0].SetText("30")
	size := s.win.Canvas().Overlays().Top().Size()
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "le compte 713000 (classe 7) doit porter une clé de répartition")
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the split form changed size with its message: %v, was %v", got, size)
	}
	sel[1].SetSelectedIndex(1) // 001
	press(s, fyne.KeyReturn)
	mustContain(t, "the split line", windowText(s), "dont 70,00 € au compte de Garçon Loïc, 30,00 € sur 713000")

	b.date.SetText("31/07/2025")
	mustContain(t, "a later date", windowText(s), "chèque n° 43")
	b.date.SetText("30/06/2025")
	mustContain(t, "the counter kept", b.counter.Text, "2 chèques, 125,00 €")
	test.Tap(b.deposit)
	mustContain(t, "the question", overlayText(s), "Remettre 2 chèques (125,00 €) sur le compte 512001 le 30/06/2025 ?")
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	mustContain(t, "the status", s.statusText.Text, "Bordereau de la remise n° 1")
	rs, _ := s.res.OwnerReceipts("450002")
	if len(rs) != 1 || rs[0].Cheque != "42" || rs[0].Amount != ledger.MustAmount("100") || !rs[0].Deposited() {
		t.Fatalf("receipts of 450002: %+v", rs)
	}
	var e ledger.Entry
	if err := s.res.View(func(tx *ledger.Tx) (err error) { e, err = tx.Entry(rs[0].EntryID); return err }); err != nil {
		t.Fatal(err)
	}
	if len(e.Lines) != 3 || e.Lines[2].Account != "713000" || e.Lines[2].Key != "001" || e.Lines[2].Credit != ledger.MustAmount("30") {
		t.Errorf("the split receipt's entry %+v", e.Lines)
	}
	mustContain(t, "the slips tab", texts(s.currentScreen().(*bank).done), "Remise n° 1 du 30/06/2025", "Chèques — 2 chèques", "125,00 €")
	mustNotContain(t, "the tab after", windowText(s), "ajouté à cette remise", "n° 42 —")

	b.kind.SetSelectedIndex(1)
	mustContain(t, "the debit kind", windowText(s), "comptabilisés par leur lot")
	if !b.forgot.Disabled() {
		t.Error("a forgotten cheque can be added to a deposit of debits")
	}
}
