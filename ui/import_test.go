package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/importing"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// importTestdata is a file of the import's own test files (app/importing/testdata).
func importTestdata(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "app", "importing", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// openEmpty opens a residence without owners nor lots (exercises 2025 to
// 2027), as a user starting with the import has.
func openEmpty(t *testing.T) (*Shell, string) {
	t.Helper()
	s := newTestShell(t)
	file := filepath.Join(t.TempDir(), "Les Tilleuls.copro")
	r, err := app.Create(file, ledger.Setup{Residence: ledger.Residence{Name: "Résidence Les Tilleuls"}, FirstStart: ledger.Date(2025, 1, 1),
		Bank: &ledger.BankAccount{Account: "512001", Label: "Compte courant"}})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	openTest(t, s, file)
	return s, file
}

func fileBytes(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// importStep1 opens the assistant and gives it a file, as typed in the
// path box; Enter reads it and goes to the columns.
func importStep1(t *testing.T, s *Shell, name string) *importWizard {
	t.Helper()
	w := s.startImport()
	if w == nil {
		t.Fatalf("the assistant did not open:\n%s", overlayText(s))
	}
	w.path.SetText(importTestdata(t, name))
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	return w
}

// tapLineWith finds a clickable line of the dialog by its text.
func tapLineWith(t *testing.T, s *Shell, text string) *tapLine {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*tapLine); ok && strings.Contains(l.label.Text, text) {
			return l
		}
	}
	t.Fatalf("no line %q in the dialog:\n%s", text, overlayText(s))
	return nil
}

func TestImportOwnersAssistant(t *testing.T) {
	s, file := openEmpty(t)
	if s.menu.imp.Disabled || s.menu.exp.Disabled {
		t.Fatal("Importer… or Exporter… is off with a residence open")
	}
	var items []string
	for _, it := range s.menu.main.Items[0].Items {
		items = append(items, it.Label)
	}
	mustContain(t, "the Fichier menu", strings.Join(items, "|"), "Ouvrir la résidence de démonstration||Importer…|Exporter…||Sauvegarder…|Restaurer une sauvegarde…||Fermer")
	w := s.startImport()
	mustContain(t, "step 1", overlayText(s), "Importer un fichier Excel", "Étape 1 sur 4 — Fichier", "Que contient le fichier ?",
		"Copropriétaires, lots et tantièmes", "Une ligne par lot : nom du copropriétaire (obligatoire), compte 450…", "Grille des tantièmes",
		"Balance (soldes de reprise)", "Écritures", "Budget", "Parcourir…", "Feuille", "Ligne d'en-têtes",
		"Colonnes lues : N° compte, Nom (obligatoire), Adresse", "Précédent", "Annuler", "Suivant")
	mustNotContain(t, "step 1 of owners", overlayText(s), "Exercice", "Reprise")

	// The kinds answer the arrows; the budget asks for its exercise.
	c := s.win.Canvas()
	if o, ok := c.Focused().(*choiceOption); !ok || !o.on || w.kind != importing.Owners {
		t.Fatalf("the cursor is not on the kind chosen (owners): %T", c.Focused())
	}
	for i := 0; i < 4; i++ {
		press(s, fyne.KeyDown)
	}
	if w.kind != importing.Budget {
		t.Fatalf("Down ×4 chose %s", w.kind)
	}
	mustContain(t, "step 1 of a budget", overlayText(s), "Exercice", "2025 (en cours)")
	if got := strings.Join(w.year.Options, " | "); got != "2025 (en cours) | 2026 | 2027" {
		t.Errorf("budget exercises offered: %s", got)
	}
	for i := 0; i < 4; i++ {
		press(s, fyne.KeyUp)
	}
	if w.kind != importing.Owners {
		t.Fatalf("Up ×4 chose %s", w.kind)
	}

	press(s, fyne.KeyReturn)
	mustContain(t, "step 1 without a file", overlayText(s), "Choisissez le fichier à importer")

	w.path.SetText(importTestdata(t, "proprietaires.xlsx"))
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	text := overlayText(s)
	mustContain(t, "step 2", text, "Étape 2 sur 4 — Colonnes", "Feuille « Lots » : en-têtes lus en ligne 3",
		"Champ", "Colonne du fichier", "Premières valeurs lues", "Nom (obligatoire)", "B — Nom", "J — Tantièmes", "D — CP",
		"DUPONT Zoé · Garçon Loïc · Martin Anaïs", "Civilité", "Non importé")
	for field, want := range map[string]string{"name": "B — Nom", "account": "A — N° compte", "lot": "H — Lot", "shares": "J — Tantièmes", "civility": noColumn} {
		if got := w.selects[field].Selected; got != want {
			t.Errorf("drop-down of %s shows %q, want %q", field, got, want)
		}
	}
	if _, ok := c.Focused().(*choiceField); !ok {
		t.Errorf("the cursor is not in the first drop-down: %T", c.Focused())
	}

	press(s, fyne.KeyReturn)
	text = overlayText(s)
	mustContain(t, "step 3", text, "Étape 3 sur 4 — Aperçu",
		"9 lignes lues : 7 correctes, 2 ignorées (ligne vide, ligne de total) — 0 problème bloquant, 4 avertissements.",
		"Prêt à importer : 4 copropriétaires, 7 lots, 7 tantièmes de lots, 1 total de clé mis à jour, en une seule fois.",
		"Avertissements — n'empêchent pas l'import",
		"Attention — ligne 7, colonne F (E-mail) : « anais.martin » ne ressemble pas à une adresse e-mail.",
		"Ligne", "État", "B · Nom", "Relire le fichier", "Importer")
	var states []string
	for _, st := range w.status {
		states = append(states, st.text)
	}
	if got := strings.Join(states, " | "); !strings.HasPrefix(got, "Correcte | Correcte | Correcte | Attention : « anais.martin »") ||
		!strings.Contains(got, "Ignorée : ligne vide") || !strings.HasSuffix(got, "Ignorée : ligne de total (« TOTAL »)") {
		t.Errorf("row states: %s", got)
	}
	if w.f.ok.Disabled() {
		t.Fatal("Importer is off on a file without blocking problems")
	}
	if n := ownerCount(t, s); n != 0 {
		t.Fatalf("%d owners written before step 4", n)
	}

	before := fileBytes(t, file)
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	if bytes.Equal(before, fileBytes(t, file)) {
		t.Errorf("the residence file did not change with the import")
	}
	text = overlayText(s)
	mustContain(t, "step 4", text, "Étape 4 sur 4 — Compte rendu",
		"Import terminé : 7 lignes importées de proprietaires.xlsx, feuille « Lots ».",
		"Écrit dans la résidence : 4 copropriétaires, 7 lots, 7 tantièmes de lots, 1 total de clé mis à jour.", "Copie de sécurité prise avant : ",
		"À savoir", "Comptes attribués dans l'ordre du fichier : 450003 à 450004.",
		"Lignes ignorées", "Ligne 8 : ligne vide", "Ligne 12 : ligne de total (« TOTAL »)",
		"Avertissements", "ni compte ni nom : le lot 006 est rattaché au copropriétaire de la ligne précédente (Petit Jean).",
		"Voir les copropriétaires", "Terminer")
	mustNotContain(t, "step 4", text, "Annuler", "Précédent")
	var written []ledger.Owner
	if err := s.res.View(func(tx *ledger.Tx) (err error) { written, err = tx.Owners(); return err }); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range written {
		names = append(names, o.Account+" "+o.Name)
	}
	if got := strings.Join(names, ", "); got != "450001 DUPONT Zoé, 450002 Garçon Loïc, 450003 Martin Anaïs, 450004 Petit Jean" {
		t.Errorf("owners written: %s", got)
	}
	mustContain(t, "the status line", s.statusText.Text, "Import des copropriétaires terminé : 4 copropriétaires, 7 lots")

	test.Tap(dialogButton(t, s, "Voir les copropriétaires"))
	if c.Overlays().Top() != nil {
		t.Errorf("the assistant stayed open:\n%s", overlayText(s))
	}
	if _, ok := s.currentScreen().(*owners); !ok {
		t.Fatalf("not on the owners' screen")
	}
	mustContain(t, "the owners' screen", windowText(s), "DUPONT Zoé", "Petit Jean", "4 copropriétaires", "7 lots")
}

// A file with mistakes: the preview locates each in French, Importer stays
// off and says why, and nothing is written.
func TestImportWithProblemsWritesNothing(t *testing.T) {
	s, file := openEmpty(t)
	before := fileBytes(t, file)
	w := importStep1(t, s, "proprietaires_erreurs.xlsx")
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 4", "A — N° lot", "C — N° compte")
	press(s, fyne.KeyReturn)
	text := overlayText(s)
	mustContain(t, "step 3", text, "Étape 3 sur 4 — Aperçu",
		"12 lignes lues : 5 correctes, 7 à corriger — 7 problèmes bloquants, 0 avertissement.",
		"Import impossible tant que ces 7 problèmes restent : corrigez le fichier dans Excel ou LibreOffice",
		"Problèmes bloquants — à corriger",
		"Erreur — ligne 4, colonne D (Tantièmes) : les tantièmes ne peuvent pas être négatifs.",
		"Erreur — ligne 8, colonne B (Nom) : le nom du copropriétaire est obligatoire.",
		"Erreur — ligne 12, colonne D (Tantièmes) : « 12,5x » n'est pas un nombre.")
	mustNotContain(t, "step 3", text, "Prêt à importer")
	if !w.f.ok.Disabled() {
		t.Fatal("Importer is on despite blocking problems")
	}
	// Row 4 says it too, beside the row, in words and red.
	i := 2 // rows 2, 3, 4
	if r := w.plan.Rows[i]; r.Row != 4 || w.status[i].text != "Erreur : les tantièmes ne peuvent pas être négatifs" ||
		w.status[i].ink != widget.DangerImportance || w.status[i].fill != attentionTint {
		t.Errorf("row %d: %+v", r.Row, w.status[i])
	}

	// Enter says why instead of importing.
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	mustContain(t, "Enter on a blocked import", overlayText(s), "Étape 3 sur 4", "Import impossible tant que ces 7 problèmes restent")

	// A problem clicked shows its row.
	test.Tap(tapLineWith(t, s, "ligne 9, colonne D"))
	if w.marked < 0 || w.plan.Rows[w.marked].Row != 9 {
		t.Errorf("clicking the problem of row 9 marked row index %d", w.marked)
	}
	if n := ownerCount(t, s); n != 0 || !bytes.Equal(before, fileBytes(t, file)) {
		t.Errorf("the refused import wrote something (%d owners)", n)
	}
}

// Choosing another column reads the file again with it; a column taken
// for another field moves to it; a required field left out stops step 2.
func TestImportMappingReplans(t *testing.T) {
	s, _ := openEmpty(t)
	w := importStep1(t, s, "proprietaires.xlsx")
	first := w.plan
	w.selects["shares"].SetSelected(noColumn)
	if w.plan == first || w.plan.Mapping["shares"] != 0 || w.plan.Report.Shares != 0 {
		t.Fatalf("leaving out the shares did not plan again: mapping %v, %d shares", w.plan.Mapping, w.plan.Report.Shares)
	}
	if w.mapping["shares"] != "" || w.samples["shares"].Text != "Non importé" {
		t.Errorf("shares left out: choice %q, sample %q", w.mapping["shares"], w.samples["shares"].Text)
	}

	w.selects["city"].SetSelected("B — Nom")
	if w.plan.Mapping["city"] != 2 || w.plan.Mapping["name"] != 0 {
		t.Fatalf("column B did not move to the city: %v", w.plan.Mapping)
	}
	if got := w.selects["name"].Selected; got != noColumn {
		t.Errorf("the name still shows %q", got)
	}
	mustContain(t, "the samples", w.samples["city"].Text, "DUPONT Zoé")
	mustContain(t, "the name's sample", w.samples["name"].Text, "À choisir : ce champ est obligatoire")
	mustContain(t, "the sheet's problems", overlayText(s), "aucune colonne n'a été reconnue pour le champ « Nom »")
	press(s, fyne.KeyReturn)
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 4", "Choisissez la colonne du champ obligatoire « Nom »")

	w.selects["city"].SetSelected("E — Ville")
	w.selects["name"].SetSelected("B — Nom")
	if w.plan.Mapping["name"] != 2 || w.plan.Mapping["city"] != 5 {
		t.Fatalf("mapping back: %v", w.plan.Mapping)
	}
	press(s, fyne.KeyReturn)
	mustContain(t, "step 3", overlayText(s), "Étape 3 sur 4", "Prêt à importer : 4 copropriétaires, 7 lots, en une seule fois.")

	// Back to the columns, then to the file: the choices stay until the
	// file, its sheet or its kind change.
	test.Tap(dialogButton(t, s, "Précédent"))
	mustContain(t, "step 2 again", overlayText(s), "Étape 2 sur 4")
	if w.selects["shares"].Selected != noColumn {
		t.Errorf("going back lost the choice of the shares")
	}
}

// Annuler, at any step, writes nothing; it asks first once a file is chosen.
func TestImportCancelWritesNothing(t *testing.T) {
	s, file := openEmpty(t)
	before := fileBytes(t, file)
	c := s.win.Canvas()

	s.startImport()
	press(s, fyne.KeyEscape) // nothing chosen: closes at once
	if c.Overlays().Top() != nil {
		t.Fatalf("Escape without a file did not close:\n%s", overlayText(s))
	}

	w := importStep1(t, s, "proprietaires.xlsx")
	press(s, fyne.KeyReturn) // the preview
	mustContain(t, "step 3", overlayText(s), "Étape 3 sur 4")
	press(s, fyne.KeyEscape)
	mustContain(t, "the question", overlayText(s), "Abandonner l'import ?", "Rien n'a été importé de « proprietaires.xlsx »", "Continuer l'import")
	press(s, fyne.KeyEscape) // goes on
	mustContain(t, "the assistant", overlayText(s), "Étape 3 sur 4")
	mustNotContain(t, "the assistant", overlayText(s), "Abandonner l'import ?")
	test.Tap(w.f.cancel)
	press(s, fyne.KeyReturn) // Abandonner
	if c.Overlays().Top() != nil {
		t.Fatalf("still open after Abandonner:\n%s", overlayText(s))
	}
	if n := ownerCount(t, s); n != 0 || !bytes.Equal(before, fileBytes(t, file)) {
		t.Errorf("cancelling wrote something (%d owners)", n)
	}
}

// Files that cannot be read say how to save them; the back end's refusals
// of the options chosen are shown in the assistant.
func TestImportRefusals(t *testing.T) {
	s, _ := openEmpty(t)
	importStep1(t, s, "ancien.xls")
	mustContain(t, "an .xls file", overlayText(s), "Étape 1 sur 4", "Ce fichier n'a pas pu être lu",
		"« ancien.xls » est un classeur Excel 97-2003 (.xls)", "enregistrez-le au format « Classeur Excel (.xlsx) »")
	press(s, fyne.KeyEscape)
	press(s, fyne.KeyReturn) // Abandonner
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("still open:\n%s", overlayText(s))
	}

	// Entries taken for owners: nothing is recognised, and it says so.
	importStep1(t, s, "ecritures.xlsx")
	mustContain(t, "entries read as owners", overlayText(s), "Étape 2 sur 4",
		"aucun en-tête de la ligne 1 n'a été reconnu. Ce fichier contient-il bien : copropriétaires, lots et tantièmes ?")
	press(s, fyne.KeyReturn)
	mustContain(t, "entries read as owners", overlayText(s), "Étape 2 sur 4", "Choisissez la colonne du champ obligatoire « Nom »")
	press(s, fyne.KeyEscape)
	press(s, fyne.KeyReturn)

	w := s.startImport()
	w.kinds[2].Tapped(nil) // balance
	if w.kind != importing.Balance {
		t.Fatalf("kind %s", w.kind)
	}
	w.at.SetSelectedIndex(1) // at the end of the exercise before 2025: there is none
	mustContain(t, "the balance's choices", overlayText(s), "Reprise", "À la clôture précédente (OD) au 31/12/2024")
	w.path.SetText(importTestdata(t, "balance.xlsx"))
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	mustContain(t, "a balance before the books", overlayText(s), "Étape 1 sur 4",
		"Le 31/12/2024, dernier jour de l'exercice qui précède 2025, n'appartient à aucun exercice de la résidence")
	w.at.SetSelectedIndex(0)
	press(s, fyne.KeyReturn)
	press(s, fyne.KeyReturn)
	mustContain(t, "the balance at opening", overlayText(s), "Étape 3 sur 4",
		"Prêt à importer : 1 compte ajouté au plan comptable, 1 écriture (8 lignes), en une seule fois.", "à nouveaux (journal AN) au 01/01/2025")
}

// A closed exercise shown is for consultation: the import is refused there,
// and offered in the working exercise.
func TestImportClosedExercise(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.CloseExercise(s.working.ID) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	closed := s.exercises[0]
	s.setExercise(closed)
	if w := s.startImport(); w != nil {
		t.Fatal("the assistant opened in a closed exercise")
	}
	mustContain(t, "the refusal", overlayText(s), "Import impossible dans un exercice clos",
		"L'exercice 2025 est clos : consultation seulement, rien ne peut y être importé. Revenez à l'exercice 2026 pour importer.")
	press(s, fyne.KeyReturn)
	if s.exercise.ID != s.working.ID {
		t.Errorf("still on exercise %s", s.exercise.Name())
	}
	mustContain(t, "the assistant", overlayText(s), "Étape 1 sur 4 — Fichier")
}

func TestImportReadOnly(t *testing.T) {
	s := newTestShell(t)
	r, err := app.OpenReadOnly(testResidence(t))
	if err != nil {
		t.Fatal(err)
	}
	s.setResidence(r, false)
	if w := s.startImport(); w != nil {
		t.Fatal("the assistant opened on a read-only file")
	}
	mustContain(t, "the refusal", overlayText(s), "Import impossible", "La résidence est ouverte en lecture seule : rien ne peut y être importé.")
}

func TestCleanPath(t *testing.T) {
	home, _ := os.UserHomeDir()
	for in, want := range map[string]string{
		`  "/tmp/a b.xlsx" `:       "/tmp/a b.xlsx",
		"'/tmp/c.csv'":             "/tmp/c.csv",
		"~/Documents/x.xlsx":       filepath.Join(home, "Documents", "x.xlsx"),
		"file:///tmp/Zo%C3%A9.csv": "/tmp/Zoé.csv",
		"":                         "",
	} {
		if got := importPath(in); got != want {
			t.Errorf("importPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// Tab goes through step 1 in the order it reads, and never into the steps
// hidden.
func TestImportTabOrder(t *testing.T) {
	s, _ := openEmpty(t)
	s.startImport()
	c := s.win.Canvas()
	var seen []string
	for i := 0; i < 13; i++ {
		switch x := c.Focused().(type) {
		case *choiceOption:
			seen = append(seen, x.title.Text)
		case *widgets.Field:
			seen = append(seen, "chemin")
		case *choiceField:
			seen = append(seen, "liste « "+x.Selected+x.PlaceHolder+" »")
		case *widgets.Button:
			seen = append(seen, x.Text)
		default:
			seen = append(seen, "?")
		}
		test.FocusNext(c)
	}
	want := "Copropriétaires, lots et tantièmes|Grille des tantièmes|Balance (soldes de reprise)|Écritures|Budget|chemin|Parcourir…|" +
		"liste « (choisissez d'abord le fichier) »|liste « Trouvée automatiquement(choisissez) »|Annuler|Suivant|Copropriétaires, lots et tantièmes|Grille des tantièmes"
	if got := strings.Join(seen, "|"); got != want {
		t.Errorf("Tab goes through\n%s\nwant\n%s", got, want)
	}
}

// From the keys' screen the assistant proposes the shares grid; its key
// columns are listed, and the report leads back to the keys.
func TestImportSharesGrid(t *testing.T) {
	s, _ := openEmpty(t)
	importStep1(t, s, "proprietaires.xlsx")
	press(s, fyne.KeyReturn)
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	test.Tap(dialogButton(t, s, "Terminer"))

	s.showScreen("keys")
	w := importStep1(t, s, "grille.xlsx")
	if w.kind != importing.Shares {
		t.Fatalf("from the keys' screen the assistant proposes %s", w.kind)
	}
	mustContain(t, "step 2", overlayText(s), "Feuille « Grille » : en-têtes lus en ligne 2", "N° lot (obligatoire)", "A — N° lot",
		"Colonnes de clés : B (Clé 001), C (Clé 002), D (Clé 003).")
	press(s, fyne.KeyReturn)
	mustContain(t, "step 3", overlayText(s), "Prêt à importer : 2 clés, 15 tantièmes de lots", "B · Clé 001", "C · Clé 002")
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	mustContain(t, "step 4", overlayText(s), "Import terminé", "Voir les clés et tantièmes")
	test.Tap(dialogButton(t, s, "Voir les clés et tantièmes"))
	if _, ok := s.currentScreen().(*keysScreen); !ok || s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("not back on the keys")
	}
	if got := shareOfLot(t, s, "005", "002"); got != "200" {
		t.Errorf("lot 005 on key 002: %s", got)
	}
}

// A large file is read behind a progress bar, at every step.
func TestImportLargeFileInBackground(t *testing.T) {
	bigWorkbook = 0
	t.Cleanup(func() { bigWorkbook = 1 << 20 })
	s, _ := openEmpty(t)
	w := importStep1(t, s, "proprietaires.xlsx")
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 4", "J — Tantièmes")
	w.selects["shares"].SetSelected(noColumn)
	s.jobs.Wait()
	if w.plan.Mapping["shares"] != 0 || w.samples["shares"].Text != "Non importé" {
		t.Fatalf("the choice was not read again: %v", w.plan.Mapping)
	}
	press(s, fyne.KeyReturn)
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	mustContain(t, "step 4", overlayText(s), "Écrit dans la résidence : 4 copropriétaires, 7 lots.")
}

// A file corrected on the disk is read again without starting over.
func TestImportReread(t *testing.T) {
	s, _ := openEmpty(t)
	file := filepath.Join(t.TempDir(), "liste.xlsx")
	copyFile := func(name string) {
		if err := os.WriteFile(file, fileBytes(t, importTestdata(t, name)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("proprietaires_erreurs.xlsx")
	w := s.startImport()
	w.path.SetText(file)
	press(s, fyne.KeyReturn)
	s.jobs.Wait()
	press(s, fyne.KeyReturn)
	if !w.f.ok.Disabled() {
		t.Fatal("Importer is on for the file with mistakes")
	}
	copyFile("proprietaires.xlsx")
	test.Tap(dialogButton(t, s, "Relire le fichier"))
	s.jobs.Wait()
	mustContain(t, "step 3 read again", overlayText(s), "Étape 3 sur 4", "Prêt à importer : 4 copropriétaires, 7 lots")
	if w.f.ok.Disabled() {
		t.Errorf("Importer stayed off after the file was corrected")
	}
}
