package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func ownerCount(t *testing.T, s *Shell) int {
	t.Helper()
	var n int
	if err := s.res.View(func(tx *ledger.Tx) error {
		list, err := tx.Owners()
		n = len(list)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateOwner(t *testing.T) {
	s, o := openOwners(t)
	test.Tap(o.add)
	mustContain(t, "the form", overlayText(s), "Nouveau copropriétaire", "Compte", "Nom *", "Date d'entrée", "Membre du conseil syndical", "Annuler", "Enregistrer")
	name, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok || name.PlaceHolder != "Nom et prénom, ou raison sociale" {
		t.Fatalf("the cursor is not in the name: %#v", s.win.Canvas().Focused())
	}
	focusField(t, s, "450004") // the next free account is proposed
	s.win.Canvas().Focus(name)

	// Saving without a name says why, keeps the dialog, writes nothing.
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "the form", overlayText(s), "Le nom du copropriétaire est obligatoire")
	if n := ownerCount(t, s); n != 3 {
		t.Errorf("%d owners after a refused form, want 3", n)
	}
	if s.win.Canvas().Focused() != name {
		t.Errorf("the cursor is not back in the name")
	}

	test.Type(name, "Petit Léa")
	test.FocusNext(s.win.Canvas())
	test.Type(s.win.Canvas().Focused(), "3 rue des Lilas")
	var date *widgets.Field
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && f.PlaceHolder == "JJ/MM/AAAA" {
			date = f
		}
	}
	s.win.Canvas().Focus(date)
	test.Type(date, "31/02/2025")
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Date d'entrée : « 31/02/2025 » n'est pas une date valide")
	date.SetText("15/03/2025")
	press(s, fyne.KeyReturn) // Enter validates

	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	var got ledger.Owner
	if err := s.res.View(func(tx *ledger.Tx) (err error) { got, err = tx.Owner("450004"); return err }); err != nil {
		t.Fatal(err)
	}
	if got.Name != "Petit Léa" || got.Address != "3 rue des Lilas" || !got.EntryDate.Equal(ledger.Date(2025, 3, 15)) {
		t.Errorf("owner written = %+v", got)
	}
	if s.statusText.Text != "✓ Copropriétaire 450004 « Petit Léa » créé" {
		t.Errorf("status line = %q", s.statusText.Text)
	}
	if names(o) != "Dupont Zoé, Garçon Loïc, Martin Anaïs, Petit Léa" {
		t.Errorf("the list did not show the new owner: %s", names(o))
	}
}

func TestOwnerFormKeys(t *testing.T) {
	s, o := openOwners(t)
	o.create() // Ctrl+N
	c := s.win.Canvas()
	form := c.Overlays().Top()

	// Tab goes through every field, in the order they are shown, then the buttons.
	var order []fyne.Focusable
	for _, obj := range visible(form) {
		switch x := obj.(type) {
		case *widgets.Field:
			order = append(order, x)
		case *widgets.CheckField:
			order = append(order, x)
		case *widgets.Button:
			order = append(order, x)
		}
	}
	if len(order) != 20 {
		t.Fatalf("%d focusable objects in the form, want 14 fields, four check boxes and 2 buttons", len(order))
	}
	c.Focus(order[0])
	for i := 1; i < len(order); i++ {
		test.FocusNext(c)
		if c.Focused() != order[i] {
			t.Fatalf("Tab number %d went to %#v, want %#v", i, c.Focused(), order[i])
		}
	}
	if b := order[len(order)-1].(*widgets.Button); b.Text != "Enregistrer" {
		t.Errorf("the last stop is %q", b.Text)
	}

	// Escape after typing asks; Escape again goes back to the form, text kept.
	name := order[2].(*widgets.Field)
	c.Focus(name)
	test.Type(name, "Brouillon")
	press(s, fyne.KeyEscape)
	mustContain(t, "the question", overlayText(s), "Abandonner la saisie ?", "Continuer la saisie", "Abandonner")
	press(s, fyne.KeyEscape)
	if c.Overlays().Top() != form || name.Text != "Brouillon" {
		t.Fatalf("Escape on the question did not go back to the form with its text")
	}
	c.Focus(name)
	press(s, fyne.KeyEscape)
	press(s, fyne.KeyReturn) // Abandonner
	if c.Overlays().Top() != nil {
		t.Fatalf("still open after abandoning:\n%s", overlayText(s))
	}
	if n := ownerCount(t, s); n != 3 {
		t.Errorf("%d owners after abandoning, want 3", n)
	}

	// Escape on an untouched form closes it at once.
	o.create()
	press(s, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Errorf("Escape did not close an untouched form")
	}
}

// A company is greeted « Madame, Monsieur », even with a civility typed
// for its representative; the form says so as it is typed.
func TestOwnerFormGreeting(t *testing.T) {
	s, o := openOwners(t)
	test.Tap(o.add)
	mustContain(t, "the form", overlayText(s), "Formule d'appel des courriers : « Madame, Monsieur, »")
	dialogField(t, s, "M., Mme").SetText("Mme")
	mustContain(t, "the form", overlayText(s), "Formule d'appel des courriers : « Madame, »")
	dialogField(t, s, "Nom et prénom").SetText("Société Civile Immobilière des Héritiers de Marie-Thérèse")
	mustContain(t, "the form", overlayText(s), "Formule d'appel des courriers : « Madame, Monsieur, » (personne morale")
}

// The accounts an owner pays from are typed on his form, checked, and
// kept with him: a transfer from one of them will be recognised as his.
func TestOwnerFormIBANs(t *testing.T) {
	s, _ := openOwners(t)
	ow, err := s.res.Owner("450002")
	if err != nil {
		t.Fatal(err)
	}
	ibanField := func() *widgets.Field {
		for _, o := range visible(s.win.Canvas().Overlays().Top()) {
			if f, ok := o.(*widgets.Field); ok && f.PlaceHolder == "FR76 …, séparés par des virgules" {
				return f
			}
		}
		t.Fatal("no IBAN field on the owner's form")
		return nil
	}
	s.ownerForm(&ow, func(ledger.Owner) {})
	field := ibanField()
	field.SetText("FR76 3000 6000 0112 3456 7890 188")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "a wrong key", overlayText(s), "l'IBAN « FR7630006000011234567890188 » n'est pas valide")
	if got, _ := s.res.OwnerIBANs("450002"); len(got) != 0 {
		t.Fatalf("a refused form kept IBANs %v", got)
	}
	field.SetText("FR76 3000 6000 0112 3456 7890 189, DE89 3704 0044 0532 0130 00")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	got, err := s.res.OwnerIBANs("450002")
	if err != nil || len(got) != 2 {
		t.Fatalf("IBANs kept: %v %v; want both", got, err)
	}
	// The form shows them again, and forgets one taken off.
	s.ownerForm(&ow, func(ledger.Owner) {})
	field = ibanField()
	if field.Text != "FR7630006000011234567890189, DE89370400440532013000" && field.Text != "DE89370400440532013000, FR7630006000011234567890189" {
		t.Errorf("the form shows %q", field.Text)
	}
	field.SetText("DE89370400440532013000")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if got, _ := s.res.OwnerIBANs("450002"); len(got) != 1 || got[0] != "DE89370400440532013000" {
		t.Errorf("after taking one off: %v", got)
	}
}

// The council's president is chosen on his form, among the members: a
// president who is not one is refused and nothing is written; unticking
// him leaves the council without one.
func TestOwnerFormPresident(t *testing.T) {
	s, _ := openOwners(t)
	check := func(label string) *widgets.CheckField {
		for _, o := range visible(s.win.Canvas().Overlays().Top()) {
			if c, ok := o.(*widgets.CheckField); ok && c.Text == label {
				return c
			}
		}
		t.Fatalf("no check « %s » on the owner's form", label)
		return nil
	}
	ow, err := s.res.Owner("450002")
	if err != nil {
		t.Fatal(err)
	}
	s.ownerForm(&ow, func(ledger.Owner) {})
	check("Membre du conseil syndical").SetChecked(false)
	check("Président du conseil syndical").SetChecked(true)
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "a president outside the council", overlayText(s), "n'est pas membre du conseil syndical")
	if p, _ := s.res.CouncilPresident(); p != "" {
		t.Fatalf("president %q after a refused form", p)
	}
	if o, _ := s.res.Owner("450002"); o.Council != ow.Council {
		t.Fatal("a refused form changed the owner")
	}
	check("Membre du conseil syndical").SetChecked(true)
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if p, _ := s.res.CouncilPresident(); p != "450002" {
		t.Fatalf("president %q, want 450002", p)
	}
	ow, _ = s.res.Owner("450002")
	s.ownerForm(&ow, func(ledger.Owner) {})
	if c := check("Président du conseil syndical"); !c.Checked {
		t.Fatal("the form does not show him president")
	}
	check("Président du conseil syndical").SetChecked(false)
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if p, _ := s.res.CouncilPresident(); p != "" {
		t.Fatalf("president %q after unticking", p)
	}
}
