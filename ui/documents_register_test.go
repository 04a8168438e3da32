package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
)

// registerOf opens the demo on the Documents screen's register.
func registerOf(t *testing.T) (*Shell, *documentsScreen) {
	t.Helper()
	s, d := openDemoOn[*documentsScreen](t, 2025, "documents")
	s.showRegister()
	return s, d
}

func TestRegisterTab(t *testing.T) {
	s, d := registerOf(t)
	mustContain(t, "empty register", windowText(s), "Registre", "Imprimer", "Aucun document au registre", "Ajouter un document…",
		"Dossier des documents :", app.DefaultDocumentsFolder(s.res.Path(), s.info.Name))
	g := d.reg
	if !g.open.Disabled() || !g.withdraw.Disabled() {
		t.Error("Ouvrir and Retirer are enabled with no document chosen")
	}

	// Posting a call's notices writes one per owner, each registered.
	dir := s.lettersDir(app.FolderCalls)
	if _, err := s.res.WriteNotices(dir, ledger.Date(2025, 10, 1), app.NoticeOptions{Printed: testToday}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	s.changed()
	if n := len(g.table.Rows()); n != 12 {
		t.Fatalf("%d rows, want 12 notices", n)
	}
	mustContain(t, "register", windowText(s), "12 documents au registre", "Relevés de charges", "fichier présent")

	// The owner filter keeps his notice only; the binder filter, nothing
	// of « Bordereaux ».
	g.owner.SetSelectedIndex(4)
	if rows := g.table.Rows(); len(rows) != 1 || rows[0].Owners[0] != g.owners[3].Account {
		t.Errorf("owner filter: %+v", rows)
	}
	g.owner.SetSelectedIndex(0)
	g.binder.SetSelected("Bordereaux")
	if len(g.table.Rows()) != 0 {
		t.Error("a notice in « Bordereaux »")
	}
	g.binder.SetSelectedIndex(0)
	g.search.SetText("moreau")
	if rows := g.table.Rows(); len(rows) != 1 || !strings.Contains(rows[0].Title, "Moreau") {
		t.Errorf("search: %+v", rows)
	}

	// A file deleted since is told.
	row := g.table.Rows()[0]
	if err := os.Remove(row.Path); err != nil {
		t.Fatal(err)
	}
	g.reload()
	mustContain(t, "missing file", windowText(s), "introuvable", "1 fichier introuvable")

	// Withdrawing asks, naming the document.
	g.choose(row)
	if g.withdraw.Disabled() {
		t.Fatal("Retirer disabled with a document chosen")
	}
	test.Tap(g.withdraw)
	mustContain(t, "confirmation", overlayText(s), "Retirer « "+row.Title+" »")
	test.Tap(dialogButton(t, s, "Retirer"))
	g.search.SetText("")
	if n := len(g.table.Rows()); n != 11 {
		t.Errorf("%d rows after withdrawal", n)
	}
}

func TestRegisterAddDocumentRefusesFakePDF(t *testing.T) {
	s, d := registerOf(t)
	fake := filepath.Join(t.TempDir(), "facture.pdf")
	os.WriteFile(fake, []byte("<html>pas un PDF</html>"), 0o644)
	test.Tap(d.reg.add)
	mustContain(t, "form", overlayText(s), "Ajouter un document au registre", "Fichier", "Classeur", "Concerne")
	top := s.win.Canvas().Overlays().Top()
	before := top.Size()
	dialogFields(t, s, "Fichier PDF")[0].SetText(fake)
	dialogFields(t, s, "Règlement de copropriété")[0].SetText("Facture de l'ascensoriste")
	test.Tap(dialogButton(t, s, "Ajouter"))
	mustContain(t, "refusal", overlayText(s), "porte l'extension .pdf mais n'en est pas un")
	if after := top.Size(); after != before {
		t.Errorf("the dialog moved: %v, then %v", before, after)
	}

	real := filepath.Join(t.TempDir(), "Contrat ascenseur.pdf")
	os.WriteFile(real, []byte("%PDF-1.4\n%%EOF\n"), 0o644)
	dialogFields(t, s, "Fichier PDF")[0].SetText(real)
	test.Tap(dialogButton(t, s, "Ajouter"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed:\n%s", overlayText(s))
	}
	rows := d.reg.table.Rows()
	if len(rows) != 1 || rows[0].Title != "Facture de l'ascensoriste" || rows[0].ID != d.reg.sel {
		t.Fatalf("rows %+v", rows)
	}
	want := filepath.Join(s.docsFolder(), "Classeurs", "Divers", "Contrat ascenseur.pdf")
	if rows[0].Path != want {
		t.Errorf("copied to %s, want %s", rows[0].Path, want)
	}
}

func TestSettingsBindersGrid(t *testing.T) {
	s, p := openDemoOn[*settings](t, 2025, string(app.TopicSettings))
	for i, item := range p.tabs.Items {
		if item.Text == "Classeurs" {
			p.tabs.SelectIndex(i)
		}
	}
	mustContain(t, "grid", windowText(s), "Classeur", "Copropriétaire\nconcerné", "Tous les\ncopropriétaires", "Membre\ndu conseil",
		"Président\ndu conseil", "Prestataire", "Bordereaux", "Contentieux – relances", "Règlement de copropriété", "Ajouter un classeur…")
	boxes := p.binderGrid.boxes["bordereaux"]
	if len(boxes) != len(ledger.Audiences) || boxes[1].Checked || !boxes[2].Checked {
		t.Fatalf("bordereaux row %v", boxes)
	}
	boxes[4].SetChecked(true) // a prestataire sees the slips
	bs, err := s.res.Binders()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.Code == "bordereaux" && (!b.Sees(ledger.AudienceSupplier) || !b.Sees(ledger.AudienceCouncil) || b.Sees(ledger.AudienceOwners)) {
			t.Errorf("saved %+v", b)
		}
	}
	test.Tap(p.binderGrid.add)
	dialogFields(t, s, "Plans de l'immeuble")[0].SetText("Plans de l'immeuble")
	test.Tap(dialogButton(t, s, "Ajouter"))
	mustContain(t, "new binder", windowText(s), "Plans de l'immeuble")
	if boxes := p.binderGrid.boxes["plans_de_l_immeuble"]; len(boxes) != 5 || boxes[0].Checked || !boxes[3].Checked {
		t.Errorf("new binder's row %v", boxes)
	}
}

func TestOwnerCardDocuments(t *testing.T) {
	s, o := openDemoOn[*owners](t, 2025, string(app.TopicOwners))
	if _, err := s.res.WriteNotices(s.lettersDir(app.FolderCalls), ledger.Date(2025, 10, 1), app.NoticeOptions{Printed: testToday}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	o.openCard("450004")
	for i, item := range o.card.tabs.Items {
		if item.Text == "Documents" {
			o.card.tabs.SelectIndex(i)
		}
	}
	text := windowText(s)
	mustContain(t, "his documents", text, "Appel de fonds du 01/10/2025 — Moreau Stéphane", "Relevés de charges")
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "Appel de fonds") && !strings.Contains(line, "Moreau") {
			t.Errorf("another owner's notice on his card: %s", line)
		}
	}
}
