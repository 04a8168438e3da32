package app_test

import (
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/templates"
)

// A letter from an owner's card fills the card's fields (his name, address,
// account, lots, balance), and one to a supplier addresses his contact; the
// PDF carries the text as edited for that letter.
func TestCardLetters(t *testing.T) {
	r := apptest.Demo(t)
	at, printed := ledger.Date(2025, 12, 31), ledger.Date(2026, 1, 10)
	owner := app.LetterCard{Owner: "450001"}
	texts, err := r.CardLetterTexts(owner)
	if err != nil || len(texts) != 1 || texts[0].Name != templates.OwnerLetter {
		t.Fatalf("%v %+v", err, texts)
	}
	out, err := r.CardLetterPreview(owner, templates.OwnerLetter, texts[0].Text, at, printed)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"compte de copropriétaire n° 450001 (lots 9, 14 et 19)", "Madame, Monsieur,", "au 31/12/2025 un solde de 0,00 €"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if _, err := r.CardLetterPreview(owner, templates.OwnerLetter, "{{.Owner.Nom}}", at, printed); err == nil {
		t.Error("an unknown field was accepted")
	}
	if _, err := r.CardLetterPreview(owner, templates.OwnerLetter, "a\x00b", at, printed); err == nil {
		t.Error("a NUL was accepted")
	}
	pdf, err := r.CardLetterPDF(owner, templates.OwnerLetter, "Objet : le portail\n\n{{.Owner.Salutation}},\n\nLe portail sera repeint.", at, printed)
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.PDF(t, pdf, "-layout")
	for _, want := range []string{"M. et Mme Bernard Jean-Luc et Françoise", "Objet : le portail", "Le portail sera repeint.", "450001", "Le 10/01/2026"} {
		if !strings.Contains(text, want) && !(want == "Le 10/01/2026" && strings.Contains(text, "le 10/01/2026")) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	meta, err := r.CardLetterProduced(t.TempDir(), owner, templates.OwnerLetter, printed.Add(9*time.Hour))
	if err != nil || meta.Kind != "letter" || len(meta.Owners) != 1 || meta.Owners[0] != "450001" || !strings.Contains(meta.Title, "Lettre libre à un copropriétaire") {
		t.Errorf("%v %+v", err, meta)
	}

	sup := app.LetterCard{Supplier: "401006"}
	texts, err = r.CardLetterTexts(sup)
	if err != nil || len(texts) != 3 {
		t.Fatalf("%v %+v", err, texts)
	}
	pdf, err = r.CardLetterPDF(sup, templates.QuoteRequest, texts[0].Text, at, printed)
	if err != nil {
		t.Fatal(err)
	}
	text = ledgertest.PDF(t, pdf, "-layout")
	for _, want := range []string{"demande de devis — Résidence Les Tilleuls", "À l'attention de M. Didier Chabert", "Monsieur,", "faire réaliser les travaux"} {
		if !strings.Contains(text, want) {
			t.Errorf("quote request lacks %q:\n%s", want, text)
		}
	}
}
