package publish_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app/publish"
	"tantieme/ledger/ledgertest"
)

// TestPublishOptions: the options' documents, printed and given to the
// right spaces; the bank details withdrawn when the syndic says so.
func TestPublishOptions(t *testing.T) {
	f := newFixture(t)
	s, err := f.r.PublishSettings()
	if err != nil {
		t.Fatal(err)
	}
	s.WorksFund, s.Expenses = true, true
	if err := f.r.SetPublishSettings(s); err != nil {
		t.Fatal(err)
	}
	to := t.TempDir()
	f.publish(t, publish.Options{To: to, History: true})
	statement := ledgertest.Flat(ledgertest.PDFFile(t, filepath.Join(to, bernard, "Relevés de charges", "Relevé de compte 450001.pdf")))
	for _, want := range []string{"Bernard Jean-Luc et Françoise", "compte 450001", "Fonds de travaux (compte 105", "appelés de vous jusqu'au 15/09/2025"} {
		if !strings.Contains(statement, want) {
			t.Errorf("statement lacks %q: %s", want, statement)
		}
	}
	contact := ledgertest.Flat(ledgertest.PDFFile(t, filepath.Join(to, allOwners, "Divers", "Coordonnées de la résidence.pdf")))
	for _, want := range []string{"Coordonnées de la résidence", "Syndic", "Pour vos paiements", "IBAN : FR76"} {
		if !strings.Contains(contact, want) {
			t.Errorf("contact sheet lacks %q: %s", want, contact)
		}
	}
	expenses := ledgertest.Flat(ledgertest.PDFFile(t, filepath.Join(to, allOwners, "Relevés de charges", "Liste des dépenses 2025.pdf")))
	for _, want := range []string{"Liste des dépenses", "Eaux de Lyon Métropole", "Total des dépenses", "Fournisseur"} {
		if !strings.Contains(expenses, want) {
			t.Errorf("expenses lack %q: %s", want, expenses)
		}
	}
	// No bank details: the sheet leaves every space.
	s.NoBankDetails, s.Expenses = true, false
	if err := f.r.SetPublishSettings(s); err != nil {
		t.Fatal(err)
	}
	f.publish(t, publish.Options{To: to})
	for _, sp := range []string{bernard, allOwners} {
		if has(files(t, filepath.Join(to, sp)), "Coordonnées de la résidence.pdf") {
			t.Errorf("%s still holds the bank details", sp)
		}
	}
	if has(files(t, filepath.Join(to, allOwners)), "Liste des dépenses 2025.pdf") || !has(files(t, filepath.Join(to, council)), "Liste des dépenses 2025.pdf") {
		t.Error("the expenses, once for the council only, are still for every owner")
	}
	if _, err := os.Stat(filepath.Join(to, council+".zip")); err != nil {
		t.Error(err)
	}
}

// TestPublishNextDay: published again another day, the contact sheet
// whose details did not change is not sent again.
func TestPublishNextDay(t *testing.T) {
	f := newFixture(t)
	to := t.TempDir()
	f.publish(t, publish.Options{To: to, History: true})
	t.Setenv("SOURCE_DATE_EPOCH", "1757980800") // 16/09/2025
	f.publish(t, publish.Options{To: to})
	text := ledgertest.Flat(ledgertest.PDFFile(t, filepath.Join(to, allOwners, "Divers", "Coordonnées de la résidence.pdf")))
	if !strings.Contains(text, "Imprimé le 15/09/2025") {
		t.Errorf("the unchanged contact sheet was printed again: %s", text)
	}
	statement := ledgertest.Flat(ledgertest.PDFFile(t, filepath.Join(to, bernard, "Relevés de charges", "Relevé de compte 450001.pdf")))
	if !strings.Contains(statement, "au 16/09/2025") {
		t.Errorf("the statement is not at the publication's day: %s", statement)
	}
}
