package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// From the demo's card of 450001: « Fiche complète (PDF) » writes his whole
// file, registered as concerning him; « Écrire une lettre… » previews the
// owner's letter with his fields, keeps a refusal in the dialog, and saves
// the text as edited into a registered PDF.
func TestOwnerCardFileAndLetter(t *testing.T) {
	s, o := openDemoOn[*owners](t, 2025, "owners")
	o.openCard("450001")
	c := o.card
	test.Tap(c.file)
	s.jobs.Wait()
	mustContain(t, "the answer", overlayText(s), "Fiche complète de M. et Mme Bernard Jean-Luc et Françoise", "FICHE_450001_BERNARD_JEAN_LUC_ET_FRANCOISE_2025.pdf")
	test.Tap(dialogButton(t, s, "Fermer"))
	dir, _ := s.res.DocumentsSubfolder(app.FolderTools)
	mustContain(t, "the file", ledgertest.PDFFile(t, filepath.Join(dir, "FICHE_450001_BERNARD_JEAN_LUC_ET_FRANCOISE_2025.pdf"), "-layout"),
		"Fiche complète — M. et Mme Bernard Jean-Luc et Françoise", "Lots au", "Quote-parts du budget", "Provisions appelées", "Compte du 01/01/2025")
	lines, err := s.res.DocumentRegister(ledger.DocumentFilter{Kind: "owner_file"})
	if err != nil || len(lines) != 1 || len(lines[0].Owners) != 1 || lines[0].Owners[0] != "450001" {
		t.Errorf("register: %v %+v", err, lines)
	}

	test.Tap(c.letter)
	mustContain(t, "the letter", overlayText(s), "Écrire une lettre", "Lettre libre à un copropriétaire", "n° 450001 (lots 9, 14 et 19)", "Madame, Monsieur,")
	size := s.win.Canvas().Overlays().Top().Size()
	editor := dialogField(t, s, "")
	editor.SetText("{{.Owner.Inconnu}}")
	test.Tap(dialogButton(t, s, "Enregistrer le PDF"))
	mustContain(t, "the refusal", overlayText(s), "Inconnu")
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the dialog went from %v to %v with its error", size, got)
	}
	editor.SetText("Objet : le portail\n\n{{.Owner.Salutation}},\n\nLe portail du {{.Residence.Address}} sera repeint.")
	test.Tap(dialogButton(t, s, "Enregistrer le PDF"))
	mustContain(t, "the answer", overlayText(s), "Lettre enregistrée")
	lines, err = s.res.DocumentRegister(ledger.DocumentFilter{Kind: "letter"})
	if err != nil || len(lines) != 1 || len(lines[0].Owners) != 1 || lines[0].Owners[0] != "450001" || lines[0].Binder != "courriers" {
		t.Fatalf("register: %v %+v", err, lines)
	}
	data, err := os.ReadFile(lines[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the PDF", ledgertest.PDF(t, data, "-layout"), "Objet : le portail", "Madame, Monsieur,", "Le portail du 14 rue des Tilleuls sera repeint.")
}

// From a supplier's card: the three texts, the contact addressed.
func TestSupplierCardLetter(t *testing.T) {
	s, p := openDemoOn[*suppliers](t, 2025, "suppliers")
	p.openCard("401006")
	s.cardLetterForm(supplierLetterCard("401006"))
	model := dialogChoice(t, s, 0)
	if len(model.Options) != 3 {
		t.Fatalf("texts %q", model.Options)
	}
	model.SetSelected("Ordre de service")
	mustContain(t, "the work order", overlayText(s), "ordre de service — Résidence Les Tilleuls", "Monsieur,", "Votre facture sera adressée")
}
