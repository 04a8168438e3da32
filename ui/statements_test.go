package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// demoStatementWizard opens the demo and the assistant on its demo
// statement, at step 2.
func demoStatementWizard(t *testing.T) (*Shell, *stmtWizard) {
	t.Helper()
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	w := s.startStatementImport()
	if w == nil {
		t.Fatalf("no assistant:\n%s", overlayText(s))
	}
	mustContain(t, "step 1", overlayText(s), "Étape 1 sur 5 — Fichier", "Essayer avec un relevé de démonstration")
	test.Tap(dialogButton(t, s, "Essayer avec un relevé de démonstration"))
	s.jobs.Wait()
	mustContain(t, "step 1 read", overlayText(s), "CFONB 120", "14 dans le fichier : 14 nouvelles, 0 déjà importée (ignorée)",
		"02/12/2025 au 28/12/2025", "512001 Compte courant — FR")
	test.Tap(dialogButton(t, s, "Suivant"))
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 5 — Vérification des encaissements", "11 lignes sélectionnées sur 14")
	return s, w
}

// tapStmtLine taps a line of step 2 whose label holds text, in column col (0:
// its box).
func tapStmtLine(t *testing.T, w *stmtWizard, text string, col int) {
	t.Helper()
	for i, l := range w.check.table.Rows() {
		if strings.Contains(l.Src.Label, text) {
			w.check.table.Widget().OnSelected(widget.TableCellID{Row: i, Col: col})
			return
		}
	}
	t.Fatalf("no line %q", text)
}

// typeInDialog types text in the first field of the topmost dialog and
// presses Enter there.
func typeInDialog(t *testing.T, s *Shell, text string) {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok {
			test.Type(f, text)
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			return
		}
	}
	t.Fatalf("no field in the dialog:\n%s", overlayText(s))
}

// The assistant on the demo statement, through its five steps: a line
// given by a search, an owner's payment allocated by hand, posted; the
// report and the books agree.
func TestStatementAssistant(t *testing.T) {
	s, w := demoStatementWizard(t)

	before := ownerBalance(t, s, "450008")
	// The unknown payer: a search gives him to the owner of 450008.
	tapStmtLine(t, w, "DURAND", 3)
	test.Tap(dialogButton(t, s, "Rechercher…"))
	typeInDialog(t, s, "450008")
	mustContain(t, "after the search", overlayText(s), "12 lignes sélectionnées sur 14", "Nguyen Thierry", "choisi par vous")

	// The late payer's partial payment: its detail, edited.
	tapStmtLine(t, w, "MOREAU", 3)
	test.Tap(dialogButton(t, s, "Détail de l'affectation…"))
	mustContain(t, "step 3", overlayText(s), "Étape 3 sur 5 — Détail de l'affectation", "sa dette : 575,70 €", "Trop-perçu (reste à son crédit)")
	if len(w.alloc.amounts) != 3 || w.alloc.amounts[0] == nil {
		t.Fatalf("allocation lines: %+v", w.alloc.choice.Allocation)
	}
	w.alloc.amounts[0].SetText("200,00")
	w.alloc.labels[0].SetText("Règlement partiel du 4e trimestre")
	if w.alloc.over.Text != "87,85 €" {
		t.Errorf("overpayment %q, want 87,85 €", w.alloc.over.Text)
	}
	test.Tap(dialogButton(t, s, "Valider le détail"))
	mustContain(t, "back to step 2", overlayText(s), "Étape 2 sur 5", "12 lignes sélectionnées sur 14")

	// Unticking and ticking a line moves the counter.
	tapStmtLine(t, w, "FRAIS", 0)
	mustContain(t, "a line not certain", overlayText(s), "choisissez d'abord à qui elle va", "12 lignes sélectionnées sur 14")
	tapStmtLine(t, w, "PRLV", 0)
	mustContain(t, "unticked", overlayText(s), "11 lignes sélectionnées sur 14")
	tapStmtLine(t, w, "PRLV", 0)

	test.Tap(dialogButton(t, s, "Valider"))
	mustContain(t, "step 4", overlayText(s), "Étape 4 sur 5 — Comptabilisation", "12 lignes seront comptabilisées",
		"11 règlements de copropriétaires", "1 paiement de fournisseur", "2 lignes resteront en attente")
	test.Tap(dialogButton(t, s, "Comptabiliser"))
	s.jobs.Wait()
	mustContain(t, "step 5", overlayText(s), "Étape 5 sur 5 — Compte rendu",
		"12 lignes comptabilisées, 2 en attente, 0 déjà importée ignorée", "Voir les relevés en attente")

	// The books: 450008 paid 150 €; M. Moreau's receipt is split as
	// edited; two lines wait.
	if got := ownerBalance(t, s, "450008"); got != before-ledger.MustAmount("150") {
		t.Errorf("450008's balance %s, was %s before a payment of 150 €", got, before)
	}
	if got := ownerBalance(t, s, "450004"); got != ledger.MustAmount("287.85") {
		t.Errorf("M. Moreau's balance %s, want 287,85 €", got)
	}
	entries, err := s.res.Entries(ledger.EntryFilter{Journal: ledger.JournalBank, Account: "450004", From: ledger.Date(2025, 12, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, e := range entries {
		for _, l := range e.Lines {
			if l.Account == "450004" {
				parts = append(parts, l.Label+" "+l.Credit.String())
			}
		}
	}
	mustContain(t, "M. Moreau's receipt", strings.Join(parts, "\n"), "Règlement partiel du 4e trimestre 200,00 €", banking.OverLabel+" 87,85 €")
	pending, err := banking.Pending(s.res)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending %d, %v", len(pending), err)
	}
	test.Tap(dialogButton(t, s, "Voir les relevés en attente"))
	if screens[s.current].id != stmtScreenID || len(s.currentScreen().(*stmtScreen).table.Rows()) != 2 {
		t.Errorf("not on the pending lines: %s", windowText(s))
	}
}

// « Valider » is disabled while a filter or a search hides lines (seed
// 004 §2.4), and says why.
func TestStatementValidateDisabledWithFilter(t *testing.T) {
	s, w := demoStatementWizard(t)
	if w.f.ok.Disabled() {
		t.Fatal("Valider disabled without a filter")
	}
	w.check.filter.SetSelected(stmtToDo)
	if !w.f.ok.Disabled() || len(w.check.table.Rows()) != 3 {
		t.Errorf("with the filter: disabled %v, %d rows", w.f.ok.Disabled(), len(w.check.table.Rows()))
	}
	mustContain(t, "filtered", overlayText(s), "« Valider » est grisé tant qu'un filtre est actif")
	w.check.filter.SetSelected(stmtAll)
	test.Type(w.check.search, "moreau")
	if !w.f.ok.Disabled() {
		t.Error("Valider enabled with a search")
	}
	w.check.search.SetText("")
	if w.f.ok.Disabled() {
		t.Error("Valider still disabled once the filters are off")
	}
}

// An amount above what is due, or a total above the payment, is red with
// a French message, and the detail cannot be validated.
func TestStatementOverAllocationRed(t *testing.T) {
	s, w := demoStatementWizard(t)
	tapStmtLine(t, w, "MOREAU", 3)
	test.Tap(dialogButton(t, s, "Détail de l'affectation…"))
	w.alloc.amounts[0].SetText("600,00")
	if !w.f.ok.Disabled() {
		t.Error("Valider le détail enabled with 600 € on a call of 543,26 €")
	}
	if w.alloc.reds[0].FillColor == color.Transparent || w.alloc.reds[0].FillColor == nil {
		t.Error("the line over what is due is not red")
	}
	mustContain(t, "over due", overlayText(s), "600,00 € dépasse ce qui reste dû (543,26 €)", "dépassent le règlement (287,85 €)")
	w.alloc.amounts[0].SetText("100,00")
	if w.f.ok.Disabled() || w.alloc.problem.Text != "" || w.alloc.over.Text != "187,85 €" {
		t.Errorf("after correcting: disabled %v, problem %q, over %q", w.f.ok.Disabled(), w.alloc.problem.Text, w.alloc.over.Text)
	}
}

// The « Relevés » screen: a line given to its suggestion through the
// detail of the payment, another set aside; each says what it did.
func TestStatementPendingScreen(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	s.showScreen(stmtScreenID)
	mustContain(t, "empty", windowText(s), "Aucune ligne de relevé en attente", "Importer un relevé…")

	name, data, err := banking.DemoStatement(s.res)
	if err != nil {
		t.Fatal(err)
	}
	_, sts, err := parseStatement(name, data)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := banking.Prepare(s.res, name, sts)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := banking.Apply(s.res, plan, banking.Selection{Lines: plan.Certain()}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	s.changed()
	p := s.currentScreen().(*stmtScreen)
	if n := len(p.table.Rows()); n != 3 {
		t.Fatalf("%d pending lines, want 3", n)
	}
	open := func(text string) {
		t.Helper()
		for _, l := range p.table.Rows() {
			if strings.Contains(l.Label, text) {
				p.open(l)
				return
			}
		}
		t.Fatalf("no pending line %q", text)
	}
	button := func(text string) *widget.Button {
		t.Helper()
		for _, o := range p.actions.Objects {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
		t.Fatalf("no button %q: %s", text, windowText(s))
		return nil
	}
	open("VIREMENT RECU")
	test.Tap(button("Rechercher…"))
	typeInDialog(t, s, "moreau")
	mustContain(t, "detail", overlayText(s), "Détail de l'affectation", "sa dette : 287,85 €")
	test.Tap(dialogButton(t, s, "Comptabiliser"))
	if got := s.statusText.Text; got != "✓ Ligne du 21/12/2025 comptabilisée : M. Moreau Stéphane, 575,70 €" {
		t.Errorf("status %q", got)
	}
	if n := len(p.table.Rows()); n != 2 {
		t.Errorf("%d pending lines after assigning one, want 2", n)
	}
	open("FRAIS")
	test.Tap(button("Ignorer…"))
	mustContain(t, "ignore question", overlayText(s), "sans rien comptabiliser")
	test.Tap(dialogButton(t, s, "Ignorer la ligne"))
	if n := len(p.table.Rows()); n != 1 {
		t.Errorf("%d pending lines after ignoring one, want 1", n)
	}
	mustContain(t, "status", s.statusText.Text, "ignorée : rien n'est comptabilisé")
	if got := ownerBalance(t, s, "450004"); got != ledger.MustAmount("-287.85") {
		t.Errorf("M. Moreau's balance %s, want -287,85 € (575,70 owed, 287,85 + 575,70 paid)", got)
	}
}

// ownerBalance is an owner's balance at the end of the demo's 2025.
func ownerBalance(t *testing.T, s *Shell, account string) ledger.Amount {
	t.Helper()
	owners, err := s.res.OwnerSummaries(ledger.Date(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range owners {
		if o.Account == account {
			return o.Balance
		}
	}
	t.Fatalf("no owner %s", account)
	return 0
}

// The Banque menu: its items wait for a residence; « Relevés en attente »
// shows the screen.
func TestStatementMenu(t *testing.T) {
	s := newTestShell(t)
	s.menu.refresh()
	if !s.menu.bankImport.Disabled || !s.menu.bankPending.Disabled {
		t.Error("Banque items enabled with no residence open")
	}
	s.openDemo()
	s.jobs.Wait()
	if s.menu.bankImport.Disabled || s.menu.bankPending.Disabled {
		t.Error("Banque items disabled with the demo open")
	}
	s.menu.bankPending.Action()
	if screens[s.current].id != stmtScreenID {
		t.Errorf("« Relevés en attente » shows %q", screens[s.current].title)
	}
	s.menu.bankImport.Action()
	mustContain(t, "the assistant", overlayText(s), "Étape 1 sur 5 — Fichier")
}

// A file that is not a statement is refused at step 1 with its French
// message; nothing is written and the assistant stays there. Cancelling
// with no choice made closes at once; after a choice it asks, saying
// nothing was written.
func TestStatementRefusedFileAndCancel(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	w := s.startStatementImport()
	bad := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(bad, []byte("Liste des courses\npain\nlait\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.path.SetText(bad)
	test.Tap(dialogButton(t, s, "Suivant"))
	s.jobs.Wait()
	mustContain(t, "refused", overlayText(s), "Étape 1 sur 5 — Fichier", "notes.txt", "ce n'est pas un relevé bancaire", "Rien n'a été écrit")
	if w.plan != nil {
		t.Error("a plan for a refused file")
	}
	test.Tap(dialogButton(t, s, "Annuler"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Annuler with nothing chosen asks:\n%s", overlayText(s))
	}

	_, w = demoStatementWizard(t)
	tapStmtLine(t, w, "PRLV", 0) // untick a line: a choice
	test.Tap(dialogButton(t, w.s, "Annuler"))
	mustContain(t, "cancel question", overlayText(w.s), "Abandonner l'import du relevé ?", "Rien n'a été écrit dans la résidence")
}
