package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func TestNewResidenceWizard(t *testing.T) {
	s := newTestShell(t)
	c := s.win.Canvas()
	s.newResidence()
	mustContain(t, "the wizard", overlayText(s), "Nouvelle résidence", "Étape 1 sur 5 — La résidence", "Nom *", "Suivant")
	name, ok := c.Focused().(*widgets.Field)
	if !ok {
		t.Fatal("the cursor is not in the name")
	}
	press(s, fyne.KeyReturn)
	mustContain(t, "step 1", overlayText(s), "Étape 1 sur 5", "Le nom de la résidence est obligatoire")

	test.Type(name, "Les Acacias")
	press(s, fyne.KeyReturn)
	mustContain(t, "the wizard", overlayText(s), "Étape 2 sur 5 — Le syndic bénévole")
	test.Type(c.Focused(), "Jean Martin")
	press(s, fyne.KeyReturn)
	mustContain(t, "the wizard", overlayText(s), "Étape 3 sur 5 — Le premier exercice")
	start := c.Focused().(*widgets.Field)
	if start.Text != "01/01/2025" {
		t.Errorf("proposed start = %q, want this year's 1 January", start.Text)
	}
	start.SetText("01/07/2025")
	test.FocusNext(c)
	test.Type(c.Focused(), "01/01/2027")
	press(s, fyne.KeyReturn)
	mustContain(t, "the wizard", overlayText(s), "Étape 3 sur 5", "Un exercice dure au plus 18 mois")
	c.Focused().(*widgets.Field).SetText("30/06/2026")
	press(s, fyne.KeyReturn)

	mustContain(t, "the wizard", overlayText(s), "Étape 4 sur 5 — Le compte bancaire", "512001", "Compte courant")
	test.Tap(dialogButton(t, s, "Précédent"))
	mustContain(t, "the wizard", overlayText(s), "Étape 3 sur 5", "30/06/2026")
	press(s, fyne.KeyReturn)
	test.FocusNext(c)
	test.FocusNext(c)
	test.Type(c.Focused(), "FR76 1234")
	press(s, fyne.KeyReturn)
	mustContain(t, "the wizard", overlayText(s), "L'IBAN « FR761234 » n'est pas valide")
	c.Focused().(*widgets.Field).SetText("FR76 3000 6000 0112 3456 7890 189")
	press(s, fyne.KeyReturn)

	file := filepath.Join(os.Getenv("HOME"), "Tantième", "Les Acacias.copro")
	mustContain(t, "the last step", overlayText(s), "Étape 5 sur 5 — Le fichier", file,
		"Premier exercice : du 01/07/2025 au 30/06/2026", "Compte bancaire : 512001 Compte courant", "Créer la résidence")
	press(s, fyne.KeyReturn)
	s.jobs.Wait()

	if s.res == nil || s.res.Path() != file {
		t.Fatalf("the new residence is not open:\n%s", overlayText(s))
	}
	if c.Overlays().Top() != nil {
		t.Errorf("a dialog is still open:\n%s", overlayText(s))
	}
	if got, want := s.win.Title(), "Les Acacias – Exercice 01/07/2025 – 30/06/2026 (en cours) – Tableau de bord – Tantième"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	mustContain(t, "the status line", s.statusText.Text, "Résidence « Les Acacias » créée dans "+file)
	var res ledger.Residence
	var banks []ledger.BankAccount
	if err := s.res.View(func(tx *ledger.Tx) (err error) {
		if res, err = tx.Residence(); err != nil {
			return err
		}
		banks, err = tx.BankAccounts()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if res.SyndicName != "Jean Martin" || len(banks) != 1 || banks[0].IBAN != "FR7630006000011234567890189" {
		t.Errorf("written: %+v, banks %+v", res, banks)
	}
	if recent := s.recentFiles(); len(recent) != 1 || recent[0] != file {
		t.Errorf("recent files = %v", recent)
	}

	// The same name again: the file exists; the wizard says so and stays.
	s.newResidence()
	test.Type(c.Focused(), "Les Acacias")
	for i := 0; i < 5; i++ {
		press(s, fyne.KeyReturn)
	}
	s.jobs.Wait()
	mustContain(t, "the dialogs", overlayText(s), "existe déjà : choisissez un autre nom", "Étape 5 sur 5")
}

func TestWizardTabOrder(t *testing.T) {
	s := newTestShell(t)
	c := s.win.Canvas()
	s.newResidence()
	var seen []string
	for i := 0; i < 7; i++ {
		switch x := c.Focused().(type) {
		case *widgets.Field:
			seen = append(seen, "champ « "+x.PlaceHolder+" »")
		case *widgets.Button:
			seen = append(seen, x.Text)
		default:
			seen = append(seen, fmt.Sprintf("%T", x))
		}
		test.FocusNext(c)
	}
	// Name, address, zip, city, then Annuler and Suivant (Précédent is off
	// on the first step), then back to the name: the other steps' fields are
	// never reached while hidden.
	want := []string{"champ « par exemple : Résidence Les Acacias »", "champ «  »", "champ «  »", "champ «  »", "Annuler", "Suivant",
		"champ « par exemple : Résidence Les Acacias »"}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("Tab goes through\n%q\nwant\n%q", seen, want)
	}
}
