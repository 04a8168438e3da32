package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// gridRow is the line of the shares grid for a lot (by key) or a key (by lot).
func gridRow(t *testing.T, k *keysScreen, id string) *shareRow {
	t.Helper()
	for _, r := range k.grid.rows {
		if r.id == id {
			return r
		}
	}
	t.Fatalf("no line %q in the grid", id)
	return nil
}

func shareOfLot(t *testing.T, s *Shell, lot, key string) string {
	t.Helper()
	var out decimal.Decimal
	if err := s.res.View(func(tx *ledger.Tx) error {
		list, err := tx.SharesOfKey(key)
		for _, sh := range list {
			if sh.Lot == lot {
				out = sh.Shares
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestKeysList(t *testing.T) {
	s, k := openScreen[*keysScreen](t, "keys")
	mustContain(t, "the screen", windowText(s), "Clés et tantièmes", "Total déclaré", "Somme des lots", "État",
		"Charges générales", "Ascenseur", "✓ Conforme", "✗ Écart : il manque 50", "1 clé en écart",
		"Conforme : somme des tantièmes 1 000 = total déclaré (clé 001)")
	if got := cellFill(t, k.table.Widget(), "Ascenseur"); got != attentionTint {
		t.Errorf("the key in error is not on red: %v", got)
	}
	if len(k.grid.rows) != 4 || k.key != "001" {
		t.Fatalf("grid of key %s with %d lines", k.key, len(k.grid.rows))
	}
	// Tapping a key shows its shares.
	k.table.Widget().Select(widget.TableCellID{Row: 1, Col: 1})
	if k.key != "002" {
		t.Fatalf("tapping key 002 shows %s", k.key)
	}
	mustContain(t, "the grid", windowText(s), "▸ 002", "Écart sur la clé 002 : somme des tantièmes 250, total déclaré 300 — il manque 50")
}

func TestEditSharesInPlace(t *testing.T) {
	s, k := openScreen[*keysScreen](t, "keys")
	k.showKey("002") // declared 300, lots 1 and 2: 100 + 150
	if k.state.Importance != widget.DangerImportance || !strings.HasPrefix(k.state.Text, "Écart sur la clé 002") {
		t.Fatalf("key 002 reads %q (%v)", k.state.Text, k.state.Importance)
	}
	three := gridRow(t, k, "3")
	s.win.Canvas().Focus(three.entry)
	test.Type(three.entry, "50")
	// The total follows what is typed, before anything is saved.
	if k.state.Importance != widget.SuccessImportance || !strings.HasPrefix(k.state.Text, "Conforme : somme des tantièmes 300 = total déclaré") {
		t.Errorf("after typing 50: %q (%v)", k.state.Text, k.state.Importance)
	}
	mustContain(t, "the totals", windowText(s), "3 lots dans la clé", "300")
	if got := shareOfLot(t, s, "3", "002"); got != "0" {
		t.Errorf("saved before leaving the cell: %s", got)
	}
	press(s, fyne.KeyReturn) // saves and goes down to lot 4
	if got := shareOfLot(t, s, "3", "002"); got != "50" {
		t.Errorf("lot 3 in key 002 = %s after Enter", got)
	}
	four := gridRow(t, k, "4")
	if s.win.Canvas().Focused() != four.entry {
		t.Errorf("Enter did not go to the next lot")
	}
	mustContain(t, "the status line", s.statusText.Text,
		"Lot 3, clé 002 « Ascenseur » : 50 tantièmes enregistrés — somme de la clé 300, total déclaré 300 : conforme")
	if got := keyState(*k.keyOf("002")); got != "✓ Conforme" {
		t.Errorf("the keys list says %q", got)
	}

	// A French comma; the key goes wrong again, in words and colour.
	test.Type(four.entry, "12,5")
	if k.state.Importance != widget.DangerImportance || !strings.Contains(k.state.Text, "12,5 de trop") {
		t.Errorf("after typing 12,5: %q", k.state.Text)
	}
	test.FocusNext(s.win.Canvas()) // Tab saves too
	if got := shareOfLot(t, s, "4", "002"); got != "12.5" {
		t.Errorf("lot 4 in key 002 = %s after Tab", got)
	}
	if four.entry.Text != "12,5" {
		t.Errorf("the cell shows %q", four.entry.Text)
	}

	// Something unreadable is not saved, and says why; Escape puts back.
	s.win.Canvas().Focus(four.entry)
	four.entry.SetText("")
	test.Type(four.entry, "douze")
	press(s, fyne.KeyReturn)
	mustContain(t, "the problem line", k.problem.Text, "Lot 4 : « douze » n'est pas un nombre de tantièmes")
	if got := shareOfLot(t, s, "4", "002"); got != "12.5" {
		t.Errorf("an unreadable value was saved: %s", got)
	}
	s.win.Canvas().Focus(four.entry)
	press(s, fyne.KeyEscape)
	if four.entry.Text != "12,5" || k.problem.Visible() {
		t.Errorf("Escape left %q and the problem line", four.entry.Text)
	}

	// By lot: one lot's shares in every key.
	k.showLot("4")
	if len(k.grid.rows) != 2 || !k.byLot {
		t.Fatalf("by lot: %d lines", len(k.grid.rows))
	}
	mustContain(t, "by lot", windowText(s), "Tantièmes du lot", "Somme de la clé", "✗ Écart : 12,5 de trop", "clé 002 en écart")
	two := gridRow(t, k, "002")
	s.win.Canvas().Focus(two.entry)
	two.entry.SetText("")
	press(s, fyne.KeyReturn)
	if got := shareOfLot(t, s, "4", "002"); got != "0" {
		t.Errorf("emptying the cell left %s", got)
	}
	mustContain(t, "by lot", windowText(s), "toutes les clés sont conformes")
}

func TestKeyFormAndDelete(t *testing.T) {
	s, k := openScreen[*keysScreen](t, "keys")
	k.create()
	mustContain(t, "the form", overlayText(s), "Nouvelle clé de répartition", "Code *", "Libellé *", "Total déclaré")
	code := dialogField(t, s, "1 à 3 caractères")
	if code.Text != "003" {
		t.Errorf("proposed code %q, want 003", code.Text)
	}
	dialogField(t, s, "par exemple : Ascenseur").SetText("Bâtiment B")
	total := dialogField(t, s, "selon le règlement")
	total.SetText("douze")
	s.win.Canvas().Focus(total)
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Total déclaré : « douze » n'est pas un nombre de tantièmes")
	total.SetText("1 000")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	if k.key != "003" || len(k.grid.rows) != 4 {
		t.Errorf("after creating: key %s shown", k.key)
	}
	mustContain(t, "the screen", windowText(s), "Clé 003 « Bâtiment B » créée, total déclaré 1 000", "il manque 1 000")

	// Generate for all lots: copied from key 001 for lots 3 and 4.
	test.Tap(k.fillKey)
	mustContain(t, "the generation", overlayText(s), "Générer les tantièmes de la clé 003 « Bâtiment B »",
		"Recopier les tantièmes de la clé 001 Charges générales", "Lot 3 — Appartement", "Retirer de la clé les lots non cochés")
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && (strings.HasPrefix(c.Text, "Lot 3 ") || strings.HasPrefix(c.Text, "Lot 4 ")) {
			c.SetChecked(true)
		}
	}
	mustContain(t, "the preview", overlayText(s), "2 lots recevront des tantièmes dans la clé 003 ; somme : 300. Total déclaré 1 000 : écart avec la somme 300.")
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && strings.HasPrefix(c.Text, "Mettre le total déclaré") {
			c.SetChecked(true)
		}
	}
	mustContain(t, "the preview", overlayText(s), "Total déclaré 300 : conforme.")
	test.Tap(dialogButton(t, s, "Générer"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the generation stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Clé 003 « Bâtiment B » : tantièmes générés pour 2 lots, somme 300 — conforme")
	if got := shareOfLot(t, s, "4", "003"); got != "100" {
		t.Errorf("lot 4 in key 003 = %s", got)
	}

	// A key in use cannot be deleted: the books say so in the dialog.
	test.Tap(k.delKey)
	mustContain(t, "the confirmation", overlayText(s), "Supprimer la clé 003 « Bâtiment B » ?", "2 lots y ont des tantièmes")
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "Une clé utilisée (tantièmes, budget ou écritures) ne peut pas être supprimée.")
	press(s, fyne.KeyEscape)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the confirmation")
	}

	// Generate for a lot: lot 1 gets its general shares in key 003.
	k.showLot("1")
	test.Tap(k.fillLot)
	mustContain(t, "the generation", overlayText(s), "Générer les tantièmes du lot 1 — Appartement",
		"Recopier ses tantièmes de la clé 001 Charges générales (400)", "003 Bâtiment B")
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && strings.HasPrefix(c.Text, "003 ") {
			c.SetChecked(true)
		}
	}
	mustContain(t, "the preview", overlayText(s), "Le lot 1 recevra 400 tantièmes dans la clé 003.")
	press(s, fyne.KeyReturn)
	if got := shareOfLot(t, s, "1", "003"); got != "400" {
		t.Errorf("lot 1 in key 003 = %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "Lot 1 : tantièmes générés dans la clé 003")
}
