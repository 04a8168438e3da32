package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// openDemoOn opens a fresh demo residence, shows exercise year and the
// screen with that id.
func openDemoOn[T screen](t *testing.T, year int, id string) (*Shell, T) {
	t.Helper()
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	if s.res == nil {
		t.Fatalf("the demo did not open:\n%s", overlayText(s))
	}
	s.setExercise(exerciseOf(t, s, year))
	if !s.showScreen(id) {
		t.Fatalf("no screen %q", id)
	}
	sc, ok := s.currentScreen().(T)
	if !ok {
		t.Fatalf("screen %q is a %T", id, s.currentScreen())
	}
	return s, sc
}

func exerciseOf(t *testing.T, s *Shell, year int) ledger.Exercise {
	t.Helper()
	for _, ex := range s.exercises {
		if ex.Year() == year {
			return ex
		}
	}
	t.Fatalf("no exercise %d", year)
	return ledger.Exercise{}
}

// recordOpened makes opening a document record its URL instead.
func recordOpened(t *testing.T) *[]string {
	var opened []string
	openDocument = func(_ fyne.App, u *url.URL) error {
		opened = append(opened, u.String())
		return nil
	}
	t.Cleanup(func() { openDocument = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) } })
	return &opened
}

func callsOf(t *testing.T, s *Shell, year int) []app.CallSummary {
	t.Helper()
	list, err := s.res.CallList(exerciseOf(t, s, year))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// dialogTabs is the tab container of the open dialog.
func dialogTabs(t *testing.T, s *Shell) *container.AppTabs {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if tabs, ok := o.(*container.AppTabs); ok {
			return tabs
		}
	}
	t.Fatalf("no tabs in the dialog:\n%s", overlayText(s))
	return nil
}

// In the real flow: prepare the 2026 calls of the demo, preview them,
// generate them, then write their notices.
func TestPrepareGenerateAndPrintCalls(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2026, "calls")
	opened := recordOpened(t)
	mustContain(t, "the empty list", windowText(s), "Aucun appel de fonds dans l'exercice 2026 — cliquez sur « Préparer les appels… »",
		"Exercice 2026 : 0 appel du budget sur 4 passé, 0 du fonds de travaux.")

	test.Tap(c.prepare)
	mustContain(t, "the form", overlayText(s), "Préparer les appels de l'exercice 2026", "4 appels par an (trimestriels)",
		"01/04/2026 : 2e trimestre 2026 (du 01/04/2026 au 30/06/2026)", "Budget 2026 : 46 083,68 € de charges.",
		"Le fonds de travaux 2026 (2 304,19 € par an, clé 001) est appelé aux mêmes dates")
	// Twelve calls show twelve months; back to four.
	choice := dialogChoice(t, s, 0)
	choice.SetSelected("12 appels par an (mensuels)")
	mustContain(t, "the months", overlayText(s), "01/12/2026 : décembre 2026")
	choice.SetSelected("4 appels par an (trimestriels)")
	test.Tap(dialogButton(t, s, "Voir l'aperçu"))

	text := overlayText(s)
	mustContain(t, "the preview", text, "Aperçu : 8 appels (4 du budget, 4 du fonds de travaux), 48 387,87 € au total. Rien n'est encore comptabilisé.",
		"01/01/2026", "01/10/2026", "Échéance du 01/01/2026 — 1er trimestre 2026 : budget 11 520,93 €, fonds de travaux 576,05 € — total 12 096,98 €",
		"4 clés", "Charges générales", "7 609,20 €", "Bernard Jean-Luc et Françoise", "12 copropriétaires", "12 096,98 €")
	mustNotContain(t, "the preview", text, "ne peuvent pas être générés")
	if n := len(callsOf(t, s, 2026)); n != 0 {
		t.Fatalf("the preview wrote %d calls", n)
	}
	// The notices as they would be, marked as a preview, open in the PDF viewer.
	test.Tap(dialogButton(t, s, "Aperçu des avis (PDF)"))
	s.jobs.Wait()
	if len(*opened) != 1 || !strings.HasSuffix((*opened)[0], "/2026-01-01/APERCU_APPELS_DU_01_01_2026_TOUS.pdf") {
		t.Fatalf("preview opened %q", *opened)
	}
	if u, err := url.Parse((*opened)[0]); err != nil {
		t.Error(err)
	} else if _, err := os.Stat(u.Path); err != nil {
		t.Errorf("the preview PDF: %v", err)
	}
	*opened = nil
	tabs := dialogTabs(t, s)
	if len(tabs.Items) != 4 {
		t.Errorf("the preview has %d dates", len(tabs.Items))
	}
	tabs.SelectIndex(3)
	mustContain(t, "the last date", overlayText(s), "Échéance du 01/10/2026 — 4e trimestre 2026 : budget 11 520,91 €, fonds de travaux 576,04 €")

	test.Tap(dialogButton(t, s, "Générer les appels"))
	mustContain(t, "the confirmation", overlayText(s),
		"Générer 8 appels (4 du budget, 4 du fonds de travaux), 48 387,87 € au total ? Ils seront comptabilisés au journal OD")
	test.Tap(dialogButton(t, s, "Générer les appels"))
	s.jobs.Wait()

	posted := callsOf(t, s, 2026)
	if len(posted) != 8 || posted[0].Piece != "A2026-0001" || posted[7].Piece != "A2026-0008" {
		t.Fatalf("posted %d calls: %+v", len(posted), posted)
	}
	var total ledger.Amount
	for _, p := range posted {
		total += p.Amount
	}
	if total != ledger.MustAmount("48387,87") {
		t.Errorf("posted %s in all", total)
	}
	mustContain(t, "the status line", s.statusText.Text,
		"✓ 8 appels générés (4 du budget, 4 du fonds de travaux), 48 387,87 € au total (pièces A2026-0001 à A2026-0008) — voir les avis")
	mustContain(t, "the list", windowText(s), "A2026-0001", "A2026-0008", "1er trimestre 2026", "Fonds de travaux", "Passé",
		"Exercice 2026 : 4 appels du budget sur 4 passés, 4 du fonds de travaux.")
	mustContain(t, "the offer", overlayText(s), "Appels générés", "8 appels générés (4 du budget, 4 du fonds de travaux)", "Éditer les avis…", "Plus tard")

	// The notices, into a folder of the test.
	test.Tap(dialogButton(t, s, "Éditer les avis…"))
	mustContain(t, "the notices form", overlayText(s), "Avis des appels du 01/01/2026 au 01/10/2026", "Dossier", "Date des lettres",
		"Joindre à chaque avis le relevé de compte de l'exercice")
	folder := dialogField(t, s, "Dossier où écrire les PDF")
	// The residence's documents folder, beside its file (issue 19).
	if want := filepath.Join(app.DefaultDocumentsFolder(s.res.Path(), s.info.Name), "Appels"); folder.Text != want {
		t.Errorf("folder proposed: %q, want %q", folder.Text, want)
	}
	dir := filepath.Join(t.TempDir(), "Mes avis")
	folder.SetText(dir)
	test.Tap(dialogButton(t, s, "Écrire les avis"))
	s.jobs.Wait()
	for _, f := range []string{"2026-01-01/APPELS_DU_01_01_2026_TOUS.pdf", "2026-10-01/APPELS_DU_01_10_2026_TOUS.pdf",
		"2026-01-01/APPEL_DU_01_01_2026_450001_BERNARD_JEAN_LUC_ET_FRANCOISE.pdf"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() < 1000 {
			t.Errorf("notice %s: %v", f, err)
		}
	}
	mustContain(t, "the result", overlayText(s), "avis d'appel de fonds écrits dans le dossier "+dir,
		"Échéance du 01/01/2026 : 12 avis, 12 096,98 €", "Ouvrir le PDF à imprimer", "Ouvrir le dossier")
	mustContain(t, "the status line", s.statusText.Text, "avis écrits pour 4 échéances (48 387,87 €) dans "+dir)
	test.Tap(dialogButton(t, s, "Ouvrir le PDF à imprimer"))
	test.Tap(dialogButton(t, s, "Ouvrir le dossier"))
	if len(*opened) != 2 || !strings.HasPrefix((*opened)[0], "file://") || !strings.HasSuffix((*opened)[0], "APPELS_DU_01_01_2026_TOUS.pdf") ||
		!strings.HasSuffix((*opened)[1], "Mes%20avis") {
		t.Errorf("opened %q", *opened)
	}
	// Next time, the residence's folder again: another folder is for one
	// time only, the residence's is the same on every computer.
	if got := s.lettersDir("Appels"); got != filepath.Join(s.docsFolder(), "Appels") {
		t.Errorf("next folder proposed: %q", got)
	}

	// Preparing again is refused, with the reason, and nothing is written.
	press(s, fyne.KeyEscape)
	c.prepareForm()
	test.Tap(dialogButton(t, s, "Voir l'aperçu"))
	mustContain(t, "the refusal", overlayText(s), "Les appels du budget 2026 sont déjà passés (A2026-0001, A2026-0003, A2026-0005 et A2026-0007)")
	if n := len(callsOf(t, s, 2026)); n != 8 {
		t.Errorf("%d calls after a refused preparation", n)
	}
}

// fixtureWithBudget is the test residence with a 2025 budget on key 001 and
// a fifth lot that has shares but no owner: its calls are blocked.
func fixtureWithOrphanLot(t *testing.T) string {
	t.Helper()
	file := testResidence(t)
	r, err := app.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	err = r.Update(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		if err := tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "602000", Key: "001", Amount: ledger.MustAmount("4000")}); err != nil {
			return err
		}
		if err := tx.AddLot(ledger.Lot{Number: "5", Label: "Cave"}); err != nil {
			return err
		}
		return tx.SetShare("5", "001", decimal.NewFromInt(50))
	})
	if err != nil {
		t.Fatal(err)
	}
	return file
}

// A lot without an owner blocks the calls: the preview says which, and
// "Générer les appels" stays off.
func TestPreviewBlockedByLotWithoutOwner(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, fixtureWithOrphanLot(t))
	s.showScreen("calls")
	c := s.currentScreen().(*callsScreen)
	c.prepareForm()
	test.Tap(dialogButton(t, s, "Voir l'aperçu"))
	text := overlayText(s)
	mustContain(t, "the preview", text, "Le lot 5 n'a pas de propriétaire au 01/01/2025 : indiquez-le avant de générer l'appel.",
		"Les appels ne peuvent pas être générés tant que ces problèmes demeurent",
		"Clé 001 « Charges générales » : le total déclaré (1 000) n'est pas la somme des tantièmes des lots (1 050)")
	gen := dialogButton(t, s, "Générer les appels").(*widgets.Button)
	if !gen.Disabled() {
		t.Fatal("« Générer les appels » is on despite a lot without owner")
	}
	press(s, fyne.KeyReturn) // Enter does not post either: it says why
	mustContain(t, "after Enter", overlayText(s), "Appels impossibles : le lot 5 n'a pas de propriétaire")
	if n := len(callsOf(t, s, 2025)); n != 0 {
		t.Errorf("%d calls posted despite the blocking problem", n)
	}
	// The preview's colours say the same as its words.
	var red, orange int
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			switch l.Importance {
			case widget.DangerImportance:
				red++
			case widget.WarningImportance:
				orange++
			}
		}
	}
	if red < 2 || orange < 1 {
		t.Errorf("the preview has %d red and %d orange lines", red, orange)
	}
}

// Cancelling asks, naming the call, then reverses it; the call stays in the
// list marked Annulé.
func TestCancelCall(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2025, "calls")
	if len(c.table.Rows()) != 8 {
		t.Fatalf("%d calls listed in 2025", len(c.table.Rows()))
	}
	var a3 app.CallSummary
	for _, r := range c.table.Rows() {
		if r.Piece == "A2025-0003" {
			a3 = r
		}
	}
	c.choose(a3)
	mustContain(t, "the detail", windowText(s), "Appel A2025-0003 du 01/04/2025 — Appel de fonds 2e trimestre 2025", "Charges générales",
		"Réimprimer les avis du 01/04/2025…", "Annuler l'appel A2025-0003…")
	test.Tap(c.del)
	mustContain(t, "the question", overlayText(s), "Annuler l'appel A2025-0003 du 01/04/2025 (budget, 2e trimestre 2025, 11 185,37 €) ?",
		"Date de l'annulation", "Ne pas annuler")
	// Not before the due date.
	date := dialogField(t, s, "JJ/MM/AAAA")
	date.SetText("15/03/2025")
	test.Tap(dialogButton(t, s, "Annuler l'appel A2025-0003"))
	mustContain(t, "the refusal", overlayText(s), "l'annulation doit être datée entre le 01/04/2025 et le 31/12/2025")
	date.SetText("10/04/2025")
	test.Tap(dialogButton(t, s, "Annuler l'appel A2025-0003"))
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the question stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Appel A2025-0003 du 01/04/2025 annulé : écriture d'extourne du 10/04/2025 (11 185,37 €) au journal OD")
	var got app.CallSummary
	for _, r := range callsOf(t, s, 2025) {
		if r.Piece == "A2025-0003" {
			got = r
		}
	}
	if !got.Cancelled() {
		t.Fatal("A2025-0003 is not cancelled")
	}
	var rev []ledger.Entry
	if err := s.res.View(func(tx *ledger.Tx) (err error) {
		rev, err = tx.Entries(ledger.EntryFilter{From: ledger.Date(2025, 4, 10), To: ledger.Date(2025, 4, 10), Origin: "cancel:"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(rev) != 1 || rev[0].Piece != "A2025-0003" {
		t.Errorf("reversing entries: %+v", rev)
	}
	mustContain(t, "the list", windowText(s), "Annulé", "Appel A2025-0003 du 01/04/2025 — Appel de fonds 2e trimestre 2025 (annulé)",
		"Appel annulé", "7 appels en vigueur sur 8")
	if !c.del.Disabled() {
		t.Error("a cancelled call can be cancelled again")
	}
}

// Reprinting the notices of a posted date writes them again.
func TestReprintNotices(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2025, "calls")
	recordOpened(t)
	c.choose(c.table.Rows()[0])
	test.Tap(c.reprint)
	mustContain(t, "the form", overlayText(s), "Avis de l'appel du 01/01/2025")
	dir := t.TempDir()
	dialogField(t, s, "Dossier où écrire les PDF").SetText(dir)
	dialogChecks(t, s)[0].SetChecked(true) // with the account statement
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	if _, err := os.Stat(filepath.Join(dir, "2025-01-01", "APPELS_DU_01_01_2025_TOUS.pdf")); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the result", overlayText(s), "Échéance du 01/01/2025 : 12 avis, 11 744,65 €")
}

// dialogFields are the fields of the open dialog whose placeholder starts so.
func dialogFields(t *testing.T, s *Shell, placeholder string) []*widgets.Field {
	t.Helper()
	var out []*widgets.Field
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && strings.HasPrefix(f.PlaceHolder, placeholder) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no field %q in the dialog:\n%s", placeholder, overlayText(s))
	}
	return out
}

func dialogChecks(t *testing.T, s *Shell) []*widgets.CheckField {
	t.Helper()
	var out []*widgets.CheckField
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no check box in the dialog:\n%s", overlayText(s))
	}
	return out
}

// The accounting level and the number of calls are settings of the
// residence.
func TestCallSettings(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2026, "calls")
	test.Tap(c.opts)
	mustContain(t, "the form", overlayText(s), "Réglages des appels de fonds", "Par compte et par clé (recommandé)", "4 appels par an (trimestriels)")
	dialogChoice(t, s, 0).SetSelected("2 appels par an (semestriels)")
	dialogChoice(t, s, 1).SetSelected(app.LevelDetailed.Label())
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if l, err := s.res.CallLevel(); err != nil || l != app.LevelDetailed {
		t.Errorf("level = %v (%v)", l, err)
	}
	if n, err := s.res.CallCount(); err != nil || n != 2 {
		t.Errorf("count = %d (%v)", n, err)
	}
	mustContain(t, "the status line", s.statusText.Text,
		"Réglages des appels enregistrés : 2 appels par an (semestriels), comptabilisation détaillé par copropriétaire, compte et clé")
	// The next preparation proposes two calls.
	c.prepareForm()
	mustContain(t, "the form", overlayText(s), "2 appels par an (semestriels)", "01/07/2026 : 2e semestre 2026")
}

// Reminders: the debtors above the threshold, ticked, then one PDF each.
func TestReminders(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2025, "calls")
	opened := recordOpened(t)
	yearEnd := ledger.Date(2025, 12, 31)
	debtors, err := s.res.Debtors(yearEnd, ledger.MustAmount("10"))
	if err != nil || len(debtors) == 0 {
		t.Fatalf("the demo has no debtor at the end of 2025: %v", err)
	}
	test.Tap(c.remind)
	mustContain(t, "the form", overlayText(s), "Aucun copropriétaire ne doit plus de 10,00 € au 30/06/2025 : personne à relancer.")
	dates := dialogFields(t, s, "JJ/MM/AAAA")
	dates[0].SetText("31/12/2025")
	if dates[1].Text != "15/01/2026" {
		t.Errorf("the pay-by date did not follow the balances': %q", dates[1].Text)
	}
	text := overlayText(s)
	mustContain(t, "the form", text, "Relances des copropriétaires débiteurs", "Soldes au", "À payer avant le",
		fmt.Sprintf("%s %s — doit %s", debtors[0].Account, debtors[0].Name, debtors[0].Balance.String()),
		fmt.Sprintf("%d relance%s à écrire", len(debtors), fr.S(len(debtors))))
	// A threshold above every debt leaves no one.
	threshold := dialogField(t, s, "par exemple 10,00")
	threshold.SetText("1000000")
	mustContain(t, "nobody", overlayText(s), "Aucun copropriétaire ne doit plus de 1 000 000,00 € au 31/12/2025 : personne à relancer.")
	if !dialogButton(t, s, "Écrire les relances").(*widgets.Button).Disabled() {
		t.Error("« Écrire les relances » is on with nobody to remind")
	}
	threshold.SetText("10")
	dir := t.TempDir()
	dialogField(t, s, "Dossier où écrire les PDF").SetText(dir)
	test.Tap(dialogButton(t, s, "Écrire les relances"))
	s.jobs.Wait()
	combined := filepath.Join(dir, "RELANCES_DU_31_12_2025_TOUS.pdf")
	if _, err := os.Stat(combined); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the result", overlayText(s), "Relances écrites", debtors[0].Account+" "+debtors[0].Name)
	mustContain(t, "the status line", s.statusText.Text, "rien n'est enregistré dans les comptes")
	test.Tap(dialogButton(t, s, "Ouvrir le PDF à imprimer"))
	if len(*opened) != 1 || !strings.HasSuffix((*opened)[0], "RELANCES_DU_31_12_2025_TOUS.pdf") {
		t.Errorf("opened %q", *opened)
	}
}

// In a closed exercise the calls are read-only: nothing to prepare, and a
// posted call can no longer be cancelled.
func TestCallsClosedExercise(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	ex := s.working
	if err := s.res.Update(func(tx *ledger.Tx) error {
		return tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "602000", Key: "001", Amount: ledger.MustAmount("4000")})
	}); err != nil {
		t.Fatal(err)
	}
	plan, err := s.res.PlanBudgetCalls(ex, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.res.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.CloseExercise(ex.ID) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	s.setExercise(exerciseOf(t, s, 2025))
	s.showScreen("calls")
	c := s.currentScreen().(*callsScreen)
	if !c.prepare.Disabled() || !c.opts.Disabled() {
		t.Error("preparing calls or their settings is on in a closed exercise")
	}
	c.choose(c.table.Rows()[0])
	if !c.del.Disabled() || c.reprint.Disabled() {
		t.Errorf("closed exercise: cancel on %v, reprint off %v", !c.del.Disabled(), c.reprint.Disabled())
	}
	mustContain(t, "the detail", windowText(s), "Exercice 2025 clos")
	c.cancelSelected() // nothing opens
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("a dialog opened:\n%s", overlayText(s))
	}
	c.create()
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Ctrl+N opened a dialog:\n%s", overlayText(s))
	}
	if !c.letters.editor.Disabled() {
		t.Error("the letter texts can be typed in a closed exercise")
	}
}

// A sale recorded after the calls: the calls due from the sale on still
// ask the seller; the screen says which, until they are done again.
func TestCallsAfterALateSale(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	ex := s.working
	if err := s.res.Update(func(tx *ledger.Tx) error {
		return tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "602000", Key: "001", Amount: ledger.MustAmount("4000")})
	}); err != nil {
		t.Fatal(err)
	}
	plan, err := s.res.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(err)
	}
	posted, err := s.res.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.res.SellLots(app.Sale{Lots: []string{"2"}, Date: ledger.Date(2025, 5, 15), Buyer: ledger.Owner{Name: "Roux Inès"}, SellerLeaves: true}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	s.changed()
	s.showScreen("calls")
	c := s.currentScreen().(*callsScreen)
	mustContain(t, "the warning", windowText(s), "Les appels A2025-0003 et A2025-0004 demandent encore leur part à 450002 Garçon Loïc, qui n'avait plus de lot de leur clé à cette date",
		"Annulez-les, puis générez-les à nouveau")
	if got := cellFill(t, c.table.Widget(), "A2025-0003"); got != warningTint {
		t.Errorf("A2025-0003 is not on orange: %v", got)
	}
	for _, p := range posted[2:] {
		if _, err := s.res.CancelCall(p.ID, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	s.changed()
	mustNotContain(t, "after cancelling", windowText(s), "demandent encore leur part")
}
