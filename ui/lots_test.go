package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// openScreen opens the test residence on the screen with that id.
func openScreen[T screen](t *testing.T, id string) (*Shell, T) {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if !s.showScreen(id) {
		t.Fatalf("no screen %q", id)
	}
	sc, ok := s.currentScreen().(T)
	if !ok {
		t.Fatalf("screen %q is a %T", id, s.currentScreen())
	}
	return s, sc
}

// dialogField is the field of the open dialog whose placeholder starts so.
func dialogField(t *testing.T, s *Shell, placeholder string) *widgets.Field {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && strings.HasPrefix(f.PlaceHolder, placeholder) {
			return f
		}
	}
	t.Fatalf("no field %q in the dialog:\n%s", placeholder, overlayText(s))
	return nil
}

// dialogChoice is the n-th drop-down list of the open dialog.
func dialogChoice(t *testing.T, s *Shell, n int) *choiceField {
	t.Helper()
	i := 0
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*choiceField); ok {
			if i == n {
				return c
			}
			i++
		}
	}
	t.Fatalf("no drop-down list number %d in the dialog:\n%s", n, overlayText(s))
	return nil
}

func lotNumbers(l *lots) string {
	var out []string
	for _, r := range l.table.Rows() {
		out = append(out, r.Number)
	}
	return strings.Join(out, " ")
}

func TestLotList(t *testing.T) {
	s, l := openScreen[*lots](t, "lots")
	mustContain(t, "the list", windowText(s), "Lots", "Désignation", "Propriétaire", "Tantièmes généraux",
		"450002 Garçon Loïc", "Propriétaires au 30/06/2025", "Total", "4 lots", "3 propriétaires", "1 000")
	if got := lotNumbers(l); got != "1 2 3 4" {
		t.Errorf("rows = %s", got)
	}
	test.Tap(headerButton(t, l.table.Widget(), "Tantièmes généraux"))
	if got := lotNumbers(l); got != "4 3 2 1" {
		t.Errorf("by general shares: %s", got)
	}
	test.Type(l.search, "martin")
	if got := lotNumbers(l); got != "4 3" { // still by shares
		t.Errorf("search martin: %s", got)
	}
	l.search.SetText("")
	test.Type(l.search, "2")
	if got := lotNumbers(l); got != "2" {
		t.Errorf("search 2: %s", got)
	}
}

func TestCreateLot(t *testing.T) {
	s, l := openScreen[*lots](t, "lots")
	test.Tap(l.add)
	mustContain(t, "the form", overlayText(s), "Nouveau lot", "Numéro *", "Désignation", "Bâtiment", "Propriétaire", "Aucun pour l'instant")
	number, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok || !strings.HasPrefix(number.PlaceHolder, "1 à 5 caractères") {
		t.Fatalf("the cursor is not in the number: %#v", s.win.Canvas().Focused())
	}
	// A number already used is refused, the dialog stays with what was typed.
	test.Type(number, "2")
	test.Type(dialogField(t, s, "par exemple : Appartement"), "Cave n° 6")
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Le lot 2 existe déjà")
	number.SetText("23")
	dialogField(t, s, "Appartement, Cave").SetText("Cave")
	dialogField(t, s, "RDC").SetText("-1")
	dialogChoice(t, s, 0).SetSelected("450003 Martin Anaïs")
	s.win.Canvas().Focus(number)
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Lot 23 créé, propriétaire 450003 Martin Anaïs")
	if l.card == nil || l.card.number != "23" {
		t.Fatal("the new lot's card is not shown")
	}
	mustContain(t, "the card", windowText(s), "Lot 23 — Cave n° 6", "Propriétaire au 30/06/2025 : 450003 Martin Anaïs, depuis l'origine des comptes.")
	if l.card.del.Disabled() {
		t.Errorf("a lot without shares cannot be deleted")
	}
	l.back()
	if got := lotNumbers(l); got != "1 2 3 4 23" {
		t.Errorf("rows after creating = %s", got)
	}
}

func TestDeleteLot(t *testing.T) {
	s, l := openScreen[*lots](t, "lots")
	// Lot 1 has shares: the button is off and says why; the books refuse too.
	l.openCard("1")
	c := l.card
	if !c.del.Disabled() {
		t.Errorf("a lot with shares may be deleted")
	}
	mustContain(t, "the card", c.delNote.Text, "Suppression impossible : le lot a des tantièmes (clés 001, 002)")
	c.deleteLot()
	mustContain(t, "the confirmation", overlayText(s), "Supprimer le lot 1 — Appartement ?")
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "Supprimer un lot", "Le lot 1 a des tantièmes : mettez-les à zéro avant de le supprimer")
	press(s, fyne.KeyEscape)

	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.AddLot(ledger.Lot{Number: "30", Label: "Parking"}) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	l.back()
	l.openCard("30")
	mustContain(t, "the card", windowText(s), "Aucun propriétaire au 30/06/2025", "Indiquer le propriétaire…")
	test.Tap(l.card.del)
	mustContain(t, "the confirmation", overlayText(s), "Supprimer le lot 30 — Parking ?")
	press(s, fyne.KeyReturn)
	if l.card != nil {
		t.Errorf("still on the card after deleting")
	}
	if got := lotNumbers(l); got != "1 2 3 4" {
		t.Errorf("rows after deleting = %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "Lot 30 supprimé")
}

func TestSellLotToNewOwner(t *testing.T) {
	s, l := openScreen[*lots](t, "lots")
	l.openCard("3") // Martin Anaïs owns lots 3 and 4
	test.Tap(l.card.sell)
	mustContain(t, "the sale", overlayText(s), "Vente du lot 3", "Vendeur : 450003 Martin Anaïs", "Lot 3 — Appartement", "Lot 4 — Appartement",
		"Un nouveau copropriétaire (à créer)", "Le vendeur quitte la résidence")
	date, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok || date.PlaceHolder != "JJ/MM/AAAA" {
		t.Fatalf("the cursor is not in the date: %#v", s.win.Canvas().Focused())
	}
	var leaves *widgets.CheckField
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && strings.HasPrefix(c.Text, "Le vendeur quitte") {
			leaves = c
		}
	}
	if leaves == nil || leaves.Checked {
		t.Fatalf("the seller keeps lot 4: he should not leave by default")
	}

	// Without a name for the buyer, nothing is written.
	test.Type(date, "01/07/2025")
	press(s, fyne.KeyReturn)
	mustContain(t, "the sale", overlayText(s), "Le nom du copropriétaire est obligatoire")
	if n := ownerCount(t, s); n != 3 {
		t.Fatalf("%d owners after a refused sale", n)
	}
	name := dialogField(t, s, "Nom et prénom")
	test.Type(name, "Nouveau Paul")
	dialogField(t, s, "M., Mme").SetText("M.")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the sale was refused:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text,
		"Lot 3 vendu le 01/07/2025 à 450004 M. Nouveau Paul (nouveau copropriétaire) ; 450003 Martin Anaïs reste dans l'historique")

	// The seller is still there, unchanged; the lot's history has both.
	var seller ledger.Owner
	var hist []ledger.Ownership
	if err := s.res.View(func(tx *ledger.Tx) (err error) {
		if seller, err = tx.Owner("450003"); err != nil {
			return err
		}
		hist, err = tx.LotHistory("3")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if seller.Name != "Martin Anaïs" || !seller.ExitDate.IsZero() {
		t.Errorf("seller after the sale = %+v", seller)
	}
	if len(hist) != 2 || hist[0].Owner != "450003" || hist[1].Owner != "450004" || !hist[1].From.Equal(ledger.Date(2025, 7, 1)) {
		t.Errorf("history = %+v", hist)
	}
	// On 30/06/2025 the lot is still the seller's, sold from 01/07.
	c := l.card
	mustContain(t, "the card", windowText(s), "Propriétaire au 30/06/2025 : 450003 Martin Anaïs", "Vendu à 450004 M. Nouveau Paul à compter du 01/07/2025.")
	c.tabs.SelectIndex(1)
	mustContain(t, "the history", windowText(s), "l'origine", "30/06/2025", "Martin Anaïs", "Propriétaire actuel",
		"01/07/2025", "M. Nouveau Paul", "Vente à venir")
	l.back()
	mustContain(t, "the list", windowText(s), "450003 Martin Anaïs (→ M. Nouveau Paul le 01/07/2025)")
}

func TestLotSharesFromCard(t *testing.T) {
	s, l := openScreen[*lots](t, "lots")
	l.openCard("2")
	test.Tap(l.card.shares)
	k, ok := s.currentScreen().(*keysScreen)
	if !ok || !k.byLot || k.lot != "2" {
		t.Fatalf("« Modifier les tantièmes… » did not open lot 2 in Clés et tantièmes")
	}
	mustContain(t, "the grid", windowText(s), "Lot 2 — Appartement : clé 002 en écart avec le total déclaré")
}

// A closed exercise is read-only: no screen of reference data writes.
func TestReferenceScreensReadOnly(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.CloseExercise(s.working.ID) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	closed := s.exercises[0]
	s.setExercise(closed)
	if !s.readOnly() {
		t.Fatal("the closed exercise is not read-only")
	}
	s.showScreen("lots")
	l := s.currentScreen().(*lots)
	l.openCard("1")
	for name, b := range map[string]fyne.Disableable{"Nouveau lot": l.add, "Modifier": l.card.edit, "Vendre": l.card.sell, "Tantièmes": l.card.shares} {
		if !b.Disabled() {
			t.Errorf("lots: %s is on in a closed exercise", name)
		}
	}
	s.showScreen("keys")
	k := s.currentScreen().(*keysScreen)
	for name, b := range map[string]fyne.Disableable{"Nouvelle clé": k.addKey, "Modifier": k.editKey, "Supprimer": k.delKey, "Générer": k.fillKey} {
		if !b.Disabled() {
			t.Errorf("keys: %s is on in a closed exercise", name)
		}
	}
	for _, r := range k.grid.rows {
		if !r.entry.Disabled() {
			t.Errorf("keys: the shares of lot %s can be typed in a closed exercise", r.id)
		}
	}
	s.showScreen("suppliers")
	if p := s.currentScreen().(*suppliers); !p.add.Disabled() {
		t.Errorf("suppliers: Nouveau fournisseur is on in a closed exercise")
	}
	s.showScreen("accounts")
	if a := s.currentScreen().(*accounts); !a.add.Disabled() {
		t.Errorf("accounts: Nouveau sous-compte is on in a closed exercise")
	}
	s.showScreen("settings")
	p := s.currentScreen().(*settings)
	if !p.name.Disabled() || !p.addBank.Disabled() || !p.addEx.Disabled() {
		t.Errorf("settings: writing is on in a closed exercise")
	}
	// Back in the open exercise, writing comes back.
	s.setExercise(s.working)
	if p.name.Disabled() || p.addBank.Disabled() {
		t.Errorf("settings: still read-only in the open exercise")
	}
}
