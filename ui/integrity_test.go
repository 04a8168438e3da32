package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// Exercice › Vérifier l'intégrité: a sound residence says so and gives
// each exercise's fingerprint; a fingerprint typed back is found, a wrong
// one is not; an entry edited outside Tantième is named.
func TestVerifyIntegrity(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	// testResidence gives key 002 only 250 of its 300 shares: mend it.
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.SetShare("1", "002", decimal.NewFromInt(150)) }); err != nil {
		t.Fatal(err)
	}
	var fp string
	err := s.res.View(func(tx *ledger.Tx) error {
		l, err := tx.Fingerprint(s.exercise)
		fp = l.Fingerprint()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.verifyIntegrity()
	s.jobs.Wait()
	mustContain(t, "the integrity dialog", overlayText(s), "Intégrité de la résidence", "Aucun problème",
		"Empreinte actuelle des comptes (exercices ouverts) : "+fp, "Vérifier une empreinte imprimée", "Ce que cela prouve")
	field := dialogFields(t, s, "XXXX")[0]
	field.SetText("0000-0000-0000-0000")
	test.Tap(dialogButton(t, s, "Vérifier l'empreinte"))
	mustContain(t, "a wrong fingerprint", overlayText(s), "✗ L'empreinte 0000-0000-0000-0000 ne figure pas dans la chaîne")
	field.SetText(strings.ToLower(fp))
	test.Tap(dialogButton(t, s, "Vérifier l'empreinte"))
	mustContain(t, "the right fingerprint", overlayText(s), "✓ L'empreinte "+fp+" est dans la chaîne",
		"Aucune écriture de l'exercice 2025 présente à ce moment n'a été modifiée ni supprimée depuis")
	field.SetText("pas une empreinte")
	test.Tap(dialogButton(t, s, "Vérifier l'empreinte"))
	mustContain(t, "a malformed fingerprint", overlayText(s), "n'est pas valide")
	test.Tap(dialogButton(t, s, "Fermer"))

	// Edited with sqlite3 (the open exercise lets the file change).
	if err := ledgertest.SQL(t, s.res.Path(), `UPDATE entries SET label = 'autre chose' WHERE piece = 'R2'`); err != nil {
		t.Fatal(err)
	}
	s.verifyIntegrity()
	s.jobs.Wait()
	mustContain(t, "the tampered residence", overlayText(s), "1 problème(s) trouvé(s)",
		"l'écriture n° 3 du 10/02/2025 (exercice 2025) a été modifiée hors de Tantième")
}

// The entry form of an existing entry opens its history: every version
// the chain holds, the current one last.
func TestEntryHistory(t *testing.T) {
	s, e := openEntries(t)
	showMonth(t, e, "Février 2025")
	e.choose(e.table.Rows()[1]) // R2 Règlement Martin, 300 €
	test.Tap(e.edit)
	f := e.form
	f.lines.rows[0].debit.SetText("320")
	f.lines.rows[1].credit.SetText("320")
	press(s, fyne.KeyReturn)
	e.choose(e.table.Rows()[1])
	test.Tap(e.edit)
	test.Tap(dialogButton(t, s, "Historique"))
	mustContain(t, "the history", overlayText(s), "Historique de l'écriture n° 3",
		"Saisie (rang 3 de la chaîne)", "10/02/2025, journal BQ, pièce R2 — Règlement Martin", "512001 : débit 300,00 €",
		"Modification (rang 4 de la chaîne) — version actuelle", "512001 : débit 320,00 €")
}
