package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/ledger/ledgertest"
)

// Outils › Détail des répartitions… on the demo's 2025, not closed: the
// dialog says « provisoire », shows each owner's parts, narrows to one
// owner, and prints his, registered as concerning him.
func TestQuotePartsDialog(t *testing.T) {
	s, _ := openDemoOn[screen](t, 2025, "owners")
	s.quotePartsForm()
	s.jobs.Wait()
	text := overlayText(s)
	mustContain(t, "the dialog", text, "Détail des répartitions — exercice 2025 (provisoire)", "projection des comptes",
		"Budget voté", "Réel", "Écart", "450001", "002 Ascenseur", "128 / 500", "Tous les copropriétaires", "44 741,43 €")
	dialogChoice(t, s, 0).SetSelected(dialogChoice(t, s, 0).Options[1])
	text = overlayText(s)
	mustNotContain(t, "one owner", text, "450002", "44 741,43 €")
	test.Tap(dialogButton(t, s, "Imprimer"))
	s.jobs.Wait()
	mustContain(t, "the answer", overlayText(s), "REPARTITIONS_2025_450001_provisoire.pdf")
	dir, _ := s.res.DocumentsSubfolder("Outils")
	data, err := os.ReadFile(dir + "/REPARTITIONS_2025_450001_provisoire.pdf")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the PDF", ledgertest.PDF(t, data, "-layout"), "Détail des répartitions (provisoire)", "Total 450001")
}
