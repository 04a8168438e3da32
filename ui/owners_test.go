package ui

import (
	"image/color"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// openOwners opens the test residence on the Copropriétaires screen.
func openOwners(t *testing.T) (*Shell, *owners) {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if !s.showScreen("owners") {
		t.Fatal("no Copropriétaires screen")
	}
	return s, s.currentScreen().(*owners)
}

// names lists the names in the rows shown, in order.
func names(o *owners) string {
	var out []string
	for _, r := range o.table.Rows() {
		out = append(out, r.Name)
	}
	return strings.Join(out, ", ")
}

// headerButton is the title of a column of a table as shown.
func headerButton(t *testing.T, table *widgets.HoverTable, title string) *widget.Button {
	t.Helper()
	for _, o := range visible(table) {
		if b, ok := o.(*widget.Button); ok && b.Text == title {
			return b
		}
	}
	t.Fatalf("no column %q shown", title)
	return nil
}

// cellFill is the background of the cell showing text.
func cellFill(t *testing.T, table *widgets.HoverTable, text string) color.Color {
	t.Helper()
	for _, o := range visible(table) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
			bg, isRect := c.Objects[0].(*canvas.Rectangle)
			l, isLabel := c.Objects[1].(*widget.Label)
			if isRect && isLabel && l.Text == text {
				return bg.FillColor
			}
		}
	}
	t.Fatalf("no cell %q shown", text)
	return nil
}

func TestOwnerList(t *testing.T) {
	s, o := openOwners(t)
	if got := names(o); got != "Dupont Zoé, Garçon Loïc, Martin Anaïs" {
		t.Errorf("rows = %s", got)
	}
	text := windowText(s)
	mustContain(t, "the list", text, "Compte", "Nom", "Lots", "Tantièmes généraux", "Solde", "Situation",
		"450002", "Garçon Loïc", "3, 4", "400", "300,00 €", "-50,00 €", "Débiteur", "Créditeur", "Soldé",
		"Soldes au 30/06/2025 · 1 débiteur", "Total", "3 copropriétaires", "4 lots", "1 000", "250,00 €")
	if got := s.win.Title(); got != "Résidence des Tests – Exercice 2025 (en cours) – Copropriétaires – Tantième" {
		t.Errorf("title = %q", got)
	}

	// Debtors on red, the others plain until asked for green.
	if got := cellFill(t, o.table.Widget(), "Garçon Loïc"); got != attentionTint {
		t.Errorf("debtor's row is %v, want the attention tint", got)
	}
	if got := cellFill(t, o.table.Widget(), "Martin Anaïs"); got != color.Transparent {
		t.Errorf("settled row is %v, want no colour", got)
	}
	test.Tap(o.green)
	if got := cellFill(t, o.table.Widget(), "Martin Anaïs"); got != orderTint {
		t.Errorf("settled row with the option is %v, want the in-order tint", got)
	}
	if got := cellFill(t, o.table.Widget(), "450002"); got != attentionTint {
		t.Errorf("the debtor turned %v with the option", got)
	}
	if !s.app.Preferences().Bool(prefGreenSettled) {
		t.Errorf("the option is not remembered")
	}

	// Sorting by tapping the titles, again to reverse.
	test.Tap(headerButton(t, o.table.Widget(), "Solde"))
	if got := names(o); got != "Dupont Zoé, Martin Anaïs, Garçon Loïc" {
		t.Errorf("by balance: %s", got)
	}
	test.Tap(headerButton(t, o.table.Widget(), "Solde"))
	if got := names(o); got != "Garçon Loïc, Martin Anaïs, Dupont Zoé" {
		t.Errorf("by balance, reversed: %s", got)
	}
	test.Tap(headerButton(t, o.table.Widget(), "Tantièmes généraux"))
	if got := names(o); got != "Garçon Loïc, Martin Anaïs, Dupont Zoé" { // 300, 300 (in the former order), 400
		t.Errorf("by general shares: %s", got)
	}

	// Searching: without accents, a lot, an account, a city; nothing found.
	for q, want := range map[string]string{
		"zoe":          "Dupont Zoé",
		"GARÇON":       "Garçon Loïc",
		"4":            "Martin Anaïs",
		"450001":       "Dupont Zoé",
		"villeurbanne": "Martin Anaïs",
		"1":            "Dupont Zoé",
	} {
		o.search.SetText("")
		test.Type(o.search, q)
		if got := names(o); got != want {
			t.Errorf("search %q: %s, want %s", q, got, want)
		}
	}
	o.search.SetText("")
	test.Type(o.search, "xyz")
	mustContain(t, "the list", windowText(s), "Aucun copropriétaire ne correspond à « xyz ».")
	o.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if o.search.Text != "" || len(o.table.Rows()) != 3 {
		t.Errorf("Escape in the search left %q and %d rows", o.search.Text, len(o.table.Rows()))
	}
	test.Type(o.search, "loic")
	o.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o.card == nil || o.card.account != "450002" {
		t.Fatalf("Enter in the search did not open the owner found")
	}
	press(s, fyne.KeyEscape)
	if o.card != nil {
		t.Errorf("Escape did not go back to the list")
	}
}

func TestOwnersWhoLeft(t *testing.T) {
	s, o := openOwners(t)
	if err := s.res.Update(func(tx *ledger.Tx) error {
		return tx.AddOwner(&ledger.Owner{Account: "450009", Name: "Ancien Paul", ExitDate: ledger.Date(2024, 12, 31)})
	}); err != nil {
		t.Fatal(err)
	}
	s.changed()
	if strings.Contains(names(o), "Ancien") {
		t.Errorf("an owner who left is listed: %s", names(o))
	}
	test.Tap(o.showLeft)
	if !strings.Contains(names(o), "Ancien Paul") {
		t.Errorf("owners who left are not shown on request: %s", names(o))
	}
	mustContain(t, "the list", windowText(s), "Ancien Paul — sorti le 31/12/2024")
}

func TestOwnerListEmpty(t *testing.T) {
	s := newTestShell(t)
	file := filepath.Join(t.TempDir(), "Vide.copro")
	r, err := app.Create(file, ledger.Setup{Residence: ledger.Residence{Name: "Vide"}, FirstStart: ledger.Date(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	openTest(t, s, file)
	mustContain(t, "the dashboard", windowText(s), "Créez les copropriétaires", "Indiquez le compte bancaire", "Aucun compte bancaire")
	s.showScreen("owners")
	mustContain(t, "the list", windowText(s), "Aucun copropriétaire — importez un fichier Excel ou créez-en un")
}

func TestOwnerCard(t *testing.T) {
	s, o := openOwners(t)
	o.table.Widget().Select(widget.TableCellID{Row: 0, Col: 1})
	if o.card == nil || o.card.account != "450001" {
		t.Fatal("tapping a row did not open the card")
	}
	c := o.card
	mustContain(t, "the card", windowText(s), "450001 — Dupont Zoé", "Solde au 30/06/2025 : -50,00 € — Créditeur",
		"Informations", "Lots et tantièmes", "Relevé de compte", "Notes", "Ville", "Lyon")
	test.Tap(c.del)
	mustContain(t, "the refusal", overlayText(s), "Suppression impossible",
		"450001 Dupont Zoé possède ou a possédé des lots : il ne peut pas être supprimé", "indiquez plutôt sa date de sortie")
	press(s, fyne.KeyReturn)
	if ownerCount(t, s) != 3 || s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("an owner with lots was deleted, or the message stayed")
	}

	c.tabs.SelectIndex(1)
	mustContain(t, "his lots", windowText(s), "Clé 001", "Clé 002", "1 lot", "400", "100",
		"Clé 001 Charges générales : 400 tantièmes sur 1 000 (40 %)")
	c.tabs.SelectIndex(2)
	mustContain(t, "his statement", windowText(s), "Compte 450001 du 01/01/2025 au 30/06/2025", "Solde au début de la période",
		"Appel T1", "400,00 €", "Règlement Dupont", "450,00 €", "-50,00 €", "2 écritures")
	st := c.data.Statement.Lines
	if len(st) != 2 || st[0].Balance != ledger.MustAmount("400") || st[1].Balance != ledger.MustAmount("-50") {
		t.Errorf("running balance = %+v", st)
	}

	c.tabs.SelectIndex(3)
	mustContain(t, "his notes", windowText(s), "Aucune note.")
	test.Tap(c.editNotes)
	notes := s.win.Canvas().Focused().(*widgets.Field)
	test.Type(notes, "Paie par virement")
	notes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // a new line, not the end of the notes
	test.Type(notes, "le 5 du mois")
	notes.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	mustContain(t, "his notes", windowText(s), "Paie par virement\nle 5 du mois", "Notes du copropriétaire 450001 enregistrées")

	test.Tap(c.edit)
	city := focusField(t, s, "Lyon")
	city.SetText("Caluire")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the change was refused:\n%s", overlayText(s))
	}
	c.tabs.SelectIndex(0)
	mustContain(t, "the card", windowText(s), "Caluire", "Copropriétaire 450001 « Dupont Zoé » modifié")
	if o.card.data.Owner.Notes != "Paie par virement\nle 5 du mois" {
		t.Errorf("editing the details lost the notes: %q", o.card.data.Owner.Notes)
	}
}

// focusField puts the cursor in the field of the open dialog holding text.
func focusField(t *testing.T, s *Shell, text string) *widgets.Field {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && f.Text == text {
			s.win.Canvas().Focus(f)
			return f
		}
	}
	t.Fatalf("no field holding %q in the dialog", text)
	return nil
}

func TestDeleteOwner(t *testing.T) {
	s, o := openOwners(t)
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.AddOwner(&ledger.Owner{Account: "450004", Name: "Petit Léa"}) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	o.openCard("450004")
	if o.card.del.Disabled() {
		t.Fatal("an owner without lots cannot be deleted")
	}
	test.Tap(o.card.del)
	mustContain(t, "the confirmation", overlayText(s),
		"Supprimer le copropriétaire 450004 Petit Léa ? Son compte 450004 reste dans le plan comptable, avec ses écritures.")
	press(s, fyne.KeyEscape)
	if o.card == nil || s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not just close the confirmation")
	}
	test.Tap(o.card.del)
	press(s, fyne.KeyReturn)
	if o.card != nil {
		t.Errorf("still on the card after deleting")
	}
	if strings.Contains(names(o), "Petit") {
		t.Errorf("deleted owner still listed: %s", names(o))
	}
	mustContain(t, "the status line", s.statusText.Text, "Copropriétaire 450004 Petit Léa supprimé")
}
