package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/ui/widgets"
)

// checkField finds a check box of the topmost dialog by its label.
func checkField(t *testing.T, s *Shell, label string) *widgets.CheckField {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok && c.Text == label {
			return c
		}
	}
	t.Fatalf("no check box %q in the dialog:\n%s", label, overlayText(s))
	return nil
}

// « Colonnes… » hides the balance column of the owners' list: the table
// no longer shows it, the choice is remembered, and the Excel export and
// the print leave it out while keeping the other columns in order.
func TestListColumnsExportAndPrint(t *testing.T) {
	s, o := openOwners(t)
	test.Tap(o.tools.columns)
	mustContain(t, "the chooser", overlayText(s), "Colonnes affichées — Copropriétaires", "Compte", "Solde", "Situation")
	test.Tap(checkField(t, s, "Solde"))
	test.Tap(dialogButton(t, s, "Appliquer"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the chooser stayed open:\n%s", overlayText(s))
	}
	mustNotContain(t, "the list", windowText(s), "300,00 €")
	if got := strings.Join(o.table.Shown().Titles, "|"); got != "Compte|Nom|Lots|Tantièmes généraux|Situation" {
		t.Errorf("columns shown %q", got)
	}
	mustContain(t, "the list", windowText(s), "Situation", "Débiteur", "Garçon Loïc")
	if got := s.app.Preferences().String(prefColumns("COPROPRIETAIRES")); got != "Solde" {
		t.Errorf("remembered %q", got)
	}

	test.Tap(o.tools.export)
	s.jobs.Wait()
	dir, err := s.res.DocumentsSubfolder(app.FolderLists)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "LISTE_COPROPRIETAIRES_2025-06-30.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatalf("%v\n%s", err, overlayText(s))
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], "|"); got != "Compte|Nom|Lots|Tantièmes généraux|Situation" {
		t.Errorf("header %q", got)
	}
	if len(rows) != 5 || rows[2][1] != "Garçon Loïc" || rows[2][4] != "Débiteur" || rows[4][0] != "Total" {
		t.Errorf("rows %q", rows)
	}
	if v, _ := f.GetCellValue(f.GetSheetName(0), "D2", excelize.Options{RawCellValue: true}); v != "400" {
		t.Errorf("shares exported as %q, want the number 400", v)
	}
	test.Tap(dialogButton(t, s, "Fermer"))

	test.Tap(o.tools.print)
	s.jobs.Wait()
	pdf := filepath.Join(dir, "LISTE_COPROPRIETAIRES_2025-06-30.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("%v\n%s", err, overlayText(s))
	}
	text := ledgertest.PDFFile(t, pdf, "-layout")
	mustContain(t, "the print", text, "Copropriétaires", "au 30/06/2025", "Tantièmes généraux", "Situation", "Garçon Loïc", "Débiteur")
	mustNotContain(t, "the print", text, "Solde", "300,00")
	lines, err := s.res.DocumentRegister(ledger.DocumentFilter{Kind: "list"})
	if err != nil || len(lines) != 1 {
		t.Errorf("register: %v %+v", err, lines)
	}
}
