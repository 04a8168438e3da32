package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// Issue 20: VAT and recoverable charges in the window.

// checkByText finds a check box of the topmost dialog by its text.
func checkByText(t *testing.T, s *Shell, text string) *widgets.CheckField {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && c.Text == text {
			return c
		}
	}
	t.Fatalf("no check box %q in the dialog:\n%s", text, overlayText(s))
	return nil
}

// The owner form has the flags « Assujetti à la TVA » and « Bailleur ».
func TestOwnerFormVATAndLandlord(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	o.card.editOwner()
	mustContain(t, "the owner form", overlayText(s), "Assujetti à la TVA", "Bailleur")
	test.Tap(checkByText(t, s, "Assujetti à la TVA"))
	test.Tap(checkByText(t, s, "Bailleur"))
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	var ow ledger.Owner
	if err := s.res.View(func(tx *ledger.Tx) (err error) { ow, err = tx.Owner("450002"); return err }); err != nil {
		t.Fatal(err)
	}
	if !ow.VATRegistered || !ow.Landlord {
		t.Errorf("flags not saved: %+v", ow)
	}
}

// The invoice form proposes the VAT at the rate chosen (editable) and
// ticks R as the expense account says, with its share.
func TestInvoiceVATRateAndRecoverable(t *testing.T) {
	s, _ := openSupplierCard(t)
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.SetAccountRecoverable("614000", 75) }); err != nil {
		t.Fatal(err)
	}
	form := s.invoiceForm("401001")
	form.chooseExpense("614000")
	if !form.recover.Checked || form.recover.Text != "Charge récupérable sur les locataires (75 %)" {
		t.Errorf("R not defaulted from the account: %v %q", form.recover.Checked, form.recover.Text)
	}
	form.total.SetText("1200")
	form.rate.SetSelected("20 %")
	if form.vat.Text != "200,00" { // 1 200 × 0,2 / 1,2
		t.Errorf("VAT at 20 %%: %q", form.vat.Text)
	}
	form.rate.SetSelected("5,5 %")
	if form.vat.Text != "62,56" { // 1 200 × 0,055 / 1,055 = 62,559…
		t.Errorf("VAT at 5,5 %%: %q", form.vat.Text)
	}
	// A VAT above the total keeps the form open with the books' message.
	form.vat.SetText("1300")
	s.win.Canvas().Focus(form.number)
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "la TVA (1 300,00 €) doit être positive et inférieure au montant TTC")
	form.vat.SetText("62,56")
	s.win.Canvas().Focus(form.number)
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	list := booked(t, s, "AC")
	if len(list) != 1 {
		t.Fatalf("%d invoices", len(list))
	}
	if l := list[0].Lines[0]; l.Account != "614000" || l.VAT != 6256 || l.Recoverable != 75 {
		t.Errorf("invoice line %+v", l)
	}
}

// The chart shows and edits a charge account's recoverable share.
func TestChartRecoverableShare(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if !s.showScreen("accounts") {
		t.Fatal("no Plan comptable screen")
	}
	a := s.currentScreen().(*accounts)
	mustContain(t, "the chart", windowText(s), "Récupérable")
	for _, r := range a.table.Rows() {
		if r.Code == "614000" {
			a.edit(r)
		}
	}
	mustContain(t, "the account form", overlayText(s), "Compte 614000", "Récupérable (%)")
	var share *widgets.Field
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && f.PlaceHolder == "0 à 100 ; vide : non récupérable" {
			share = f
		}
	}
	if share == nil {
		t.Fatal("no share field")
	}
	share.SetText("150")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "the refusal", overlayText(s), "Part récupérable « 150 » : tapez un nombre de 0 à 100")
	share.SetText("75 %")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status", s.statusText.Text, "Compte 614000 : récupérable : 75 %")
	var acc ledger.Account
	s.res.View(func(tx *ledger.Tx) (err error) { acc, err = tx.Account("614000"); return err })
	if acc.Recoverable != 75 {
		t.Errorf("share saved: %d", acc.Recoverable)
	}
}

// The landlords' statements: from the owner card (tab Documents) for one
// owner, from Documents › Imprimer for every landlord; each registered.
func TestRecoverableStatementsFromTheWindow(t *testing.T) {
	opened := catchOpened(t)
	s, o := openOwners(t)
	dir := filepath.Join(t.TempDir(), "Documents")
	if err := s.res.SetDocumentsFolder(dir); err != nil {
		t.Fatal(err)
	}
	err := s.res.Update(func(tx *ledger.Tx) error {
		for _, acc := range []string{"450001", "450003"} {
			ow, err := tx.Owner(acc)
			if err != nil {
				return err
			}
			ow.Landlord = true
			if err := tx.UpdateOwner(ow); err != nil {
				return err
			}
		}
		return tx.PostEntry(&ledger.Entry{Journal: "AC", Date: ledger.Date(2025, 3, 1), Label: "Entretien", Lines: []ledger.Line{
			{Account: "615000", Key: "001", Debit: 10000, Recoverable: 100}, {Account: "401000", Credit: 10000}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	o.openCard("450001")
	for _, tab := range o.card.tabs.Items {
		if tab.Text == "Documents" {
			o.card.tabs.Select(tab)
		}
	}
	var button *widget.Button
	for _, obj := range visible(o.card.root) {
		if b, ok := obj.(*widget.Button); ok && b.Text == "Charges récupérables…" {
			button = b
		}
	}
	if button == nil {
		t.Fatalf("no button on the card's Documents tab:\n%s", windowText(s))
	}
	test.Tap(button)
	s.jobs.Wait()
	mustContain(t, "written", overlayText(s), "Relevé des charges récupérables de Dupont Zoé pour l'exercice 2025")
	one := filepath.Join(dir, "Charges récupérables", "RECUPERABLES_2025_450001_DUPONT_ZOE.pdf")
	if len(*opened) != 1 || (*opened)[0] != one {
		t.Errorf("opened %v, want %s", *opened, one)
	}
	test.Tap(dialogButton(t, s, "Fermer"))

	if !s.showScreen("documents") {
		t.Fatal("no Documents screen")
	}
	d := s.currentScreen().(*documentsScreen)
	d.tabs.SelectIndex(1)
	mustContain(t, "Imprimer", windowText(s), "Charges récupérables des bailleurs")
	d.recoverable()
	s.jobs.Wait()
	mustContain(t, "written", overlayText(s), "2 relevés écrits de charges récupérables du 01/01/2025 au 31/12/2025")
	entries, _ := os.ReadDir(filepath.Join(dir, "Charges récupérables"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); !strings.Contains(got, "_TOUS.pdf") || !strings.Contains(got, "450003") {
		t.Errorf("files: %s", got)
	}
	lines, err := s.res.DocumentRegister(ledger.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range lines {
		if l.Kind == "recoverable" {
			n++
		}
	}
	if n != 3 { // his own from the card, then one per landlord
		t.Errorf("%d statements registered, want 3", n)
	}
}
