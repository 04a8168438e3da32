package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/internal/desktop"
	"tantieme/ledger"
)

// TestDepositSlipWithoutViewer: when no program opens the slip, the deposit
// is said done and the slip saved, then that it could not be opened, with
// its folder; when the folder does not open either, its path is shown to
// copy. Never « Opération impossible », never « imprimé » (issue 16,
// item 7).
func TestDepositSlipWithoutViewer(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if _, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("200"), Date: testToday, Cheque: "1234567"}); err != nil {
		t.Fatal(err)
	}
	var tried []string
	old := openDocument
	openDocument = func(_ fyne.App, u *url.URL) error {
		tried = append(tried, u.Path)
		return errors.New("xdg-open: no method available for opening")
	}
	t.Cleanup(func() { openDocument = old })
	s.showScreen("bank")
	b := s.currentScreen().(*bank)
	test.Tap(b.all)
	test.Tap(b.deposit)
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	if len(tried) != 1 {
		t.Fatalf("tried to open %v", tried)
	}
	slip := tried[0]
	said := overlayText(s)
	mustContain(t, "the dialog", said, "Document enregistré", "Bordereau de la remise n° 1 enregistré dans "+slip,
		"« "+filepath.Base(slip)+" » n'a pas pu être ouvert", "Ouvrir le dossier")
	mustNotContain(t, "the dialog", said, "Opération impossible", "imprimé")
	mustContain(t, "the status", s.statusText.Text, "Bordereau de la remise n° 1 enregistré dans "+slip)
	if list, _ := s.res.PendingCheques(""); len(list) != 0 {
		t.Errorf("the deposit was not made: %+v", list)
	}

	test.Tap(dialogButton(t, s, "Ouvrir le dossier"))
	if len(tried) != 2 || tried[1] != filepath.Dir(slip) {
		t.Fatalf("tried to open %v", tried)
	}
	mustContain(t, "the folder's path", overlayText(s), "Dossier non ouvert", "Bordereau de la remise n° 1 enregistré",
		"à copier dans votre gestionnaire de fichiers", filepath.Dir(slip))
	test.Tap(dialogButton(t, s, "Copier"))
	if got := s.app.Clipboard().Content(); got != filepath.Dir(slip) {
		t.Errorf("clipboard %q", got)
	}
}

// TestDocumentWrittenSaysWhat: the Documents screen says « Document
// enregistré : la feuille de présence… », not « La feuille … écrit »
// (issue 16, item 11).
func TestDocumentWrittenSaysWhat(t *testing.T) {
	catchOpened(t)
	s, d := openDemoOn[*documentsScreen](t, 2025, "documents")
	d.dir.SetText(filepath.Join(t.TempDir(), "Documents"))
	d.meeting.SetText("15/03/2026")
	d.attendance()
	s.jobs.Wait()
	mustContain(t, "the status", s.statusText.Text, "Document enregistré : la feuille de présence du 15/03/2026, dans ")
	mustContain(t, "the dialog", overlayText(s), "Tantième a enregistré la feuille de présence du 15/03/2026 dans le fichier ")
	mustNotContain(t, "the dialog", overlayText(s)+s.statusText.Text, "présence du 15/03/2026 écrit")
}

// A viewer that fails after it was started (xdg-open without a PDF
// program) is told too: the window says the file was not opened.
func TestLateOpenFailureIsSaid(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	file := filepath.Join(t.TempDir(), "Bordereau remise 1.pdf")
	if err := os.WriteFile(file, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	desktop.LaunchFailed(file, errors.New("exit status 3"))
	s.jobs.Wait()
	mustContain(t, "the late failure", overlayText(s), "Le fichier « Bordereau remise 1.pdf » n'a pas pu être ouvert", "Ouvrir le dossier")
}
