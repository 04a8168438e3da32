package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

// openEntries opens the test residence on the Saisie screen: June 2025
// (the test's today), every journal.
func openEntries(t *testing.T) (*Shell, *entries) {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if !s.showScreen("entries") {
		t.Fatal("no Saisie screen")
	}
	return s, s.currentScreen().(*entries)
}

// booked lists the entries of the books in a journal.
func booked(t *testing.T, s *Shell, journal string) []ledger.Entry {
	t.Helper()
	var list []ledger.Entry
	if err := s.res.View(func(tx *ledger.Tx) (err error) {
		list, err = tx.Entries(ledger.EntryFilter{Journal: journal})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return list
}

// pieces lists the pieces of the rows shown, in order.
func pieces(e *entries) string {
	var out []string
	for _, r := range e.table.Rows() {
		out = append(out, r.Piece)
	}
	return strings.Join(out, " ")
}

// showMonth chooses a month by its name in the list ("Février 2025").
func showMonth(t *testing.T, e *entries, name string) {
	t.Helper()
	for i, o := range e.month.Options {
		if o == name {
			e.month.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no month %q in %v", name, e.month.Options)
}

// typeIn puts the cursor in a box of the form and types text, as a user
// does after a click in it.
func typeIn(s *Shell, o fyne.Focusable, text string) {
	s.win.Canvas().Focus(o)
	test.Type(o, text)
}

// tab moves the cursor to the next box, as the Tab key does.
func tab(s *Shell) { test.FocusNext(s.win.Canvas()) }

func TestEntriesList(t *testing.T) {
	s, e := openEntries(t)
	mustContain(t, "the screen", windowText(s), "Saisie (journaux)", "Tous les journaux", "Juin 2025",
		"Aucune écriture ce mois-ci — cliquez sur « Nouvelle écriture ».", "Nouvelle écriture…",
		"Aucune écriture choisie", "Choisissez une écriture dans la liste pour voir ses lignes, la modifier ou la supprimer.")
	if got := s.win.Title(); got != "Résidence des Tests – Exercice 2025 (en cours) – Saisie (journaux) – Tantième" {
		t.Errorf("title = %q", got)
	}
	if len(e.month.Options) != 13 || e.month.Options[0] != "Tout l'exercice" || e.month.Options[1] != "Janvier 2025" {
		t.Errorf("months = %v", e.month.Options)
	}
	if got := strings.Join(e.journal.Options, " | "); !strings.HasPrefix(got, "Tous les journaux | AC — ") || !strings.Contains(got, "BQ — ") {
		t.Errorf("journals = %s", got)
	}

	showMonth(t, e, "Février 2025")
	if got := pieces(e); got != "R1 R2" {
		t.Errorf("February: %s", got)
	}
	mustContain(t, "February", windowText(s), "03/02/2025", "BQ", "R1", "Règlement Dupont", "512001, 450001", "450,00 €", "2 écritures", "750,00 €")

	e.month.SetSelectedIndex(0) // Tout l'exercice
	if got := pieces(e); got != "A0001 R1 R2" {
		t.Errorf("the exercise: %s", got)
	}
	mustContain(t, "the exercise", windowText(s), "3 écritures", "1 750,00 €", "Appel T1", "450001, 450002, 450003, 701000")
	e.journal.SetSelectedIndex(3) // OD
	if got := pieces(e); got != "A0001" {
		t.Errorf("journal OD: %s", got)
	}
	e.journal.SetSelectedIndex(4) // AN: nothing
	mustContain(t, "AN", windowText(s), "Aucune écriture du journal AN dans l'exercice 2025 — cliquez sur « Nouvelle écriture ».")
	e.journal.SetSelectedIndex(0)

	// Searching: a label without accents, an account, an account's name, an amount.
	for q, want := range map[string]string{
		"reglement martin": "R2",
		"martin":           "A0001 R2", // the call has a line on her account
		"450002":           "A0001",
		"compte courant":   "R1 R2", // the bank's name
		"450,00":           "R1",
		"1 000,00":         "A0001",
		"appel":            "A0001",
	} {
		e.search.SetText("")
		test.Type(e.search, q)
		if got := pieces(e); got != want {
			t.Errorf("search %q: %s, want %s", q, got, want)
		}
	}
	e.search.SetText("")
	test.Type(e.search, "xyz")
	mustContain(t, "the search", windowText(s), "Aucune écriture de la période ne correspond à « xyz »")
	e.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(e.table.Rows()) != 3 {
		t.Errorf("Escape in the search left %d rows", len(e.table.Rows()))
	}

	// A tap shows the entry's lines below, with its actions.
	test.Tap(e.search)
	test.Type(e.search, "règlement dupont")
	e.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.selected == nil || e.selected.Piece != "R1" {
		t.Fatalf("Enter in the search did not show R1")
	}
	mustContain(t, "the detail", windowText(s), "Écriture BQ R1 du 03/02/2025 — Règlement Dupont", "Compte courant", "Dupont Zoé",
		"Intitulé du compte", "2 lignes", "Modifier…", "Supprimer…")
	if e.edit.Disabled() || e.del.Disabled() {
		t.Errorf("an entry of an open exercise cannot be changed")
	}
	// A bank entry has no VAT nor recoverable share: their columns stay
	// hidden; a charge line carrying them shows both.
	if !e.lines.ColumnHidden(lineVATColumn) || !e.lines.ColumnHidden(lineRecoverableColumn) {
		t.Errorf("TVA and R columns shown for an entry without them")
	}
	e.taxColumns([]ledger.Line{{Account: "602000", Key: "001", Debit: 1200, VAT: 200, Recoverable: 100}})
	if e.lines.ColumnHidden(lineVATColumn) || e.lines.ColumnHidden(lineRecoverableColumn) {
		t.Errorf("TVA and R columns hidden for a charge line carrying them")
	}
	e.taxColumns(e.selected.Lines)
	if got := cellFill(t, e.table.Widget(), "R1"); got != entrySelectedTint {
		t.Errorf("the entry shown is not marked in the list: %v", got)
	}
}

func TestNewEntryBalanced(t *testing.T) {
	s, e := openEntries(t)
	test.Tap(e.add)
	f := e.form
	mustContain(t, "the form", overlayText(s), "Nouvelle écriture", "Date *", "Journal *", "Pièce", "Libellé de l'écriture",
		"Compte *", "Clé de répartition", "Débit", "Crédit", "Ajouter une ligne", "Enregistrer et saisir la suivante", "Annuler", "Enregistrer")
	// No invoice yet: today; the journal of invoices; its first number.
	if f.date.Text != "30/06/2025" || f.journal.Selected != "AC — Achats" || f.piece.Text != "F2025-0001" {
		t.Errorf("defaults: %q %q %q", f.date.Text, f.journal.Selected, f.piece.Text)
	}
	if s.win.Canvas().Focused() != f.date {
		t.Errorf("the cursor is not in the date")
	}
	if len(f.lines.rows) != 2 {
		t.Fatalf("%d lines to start with, want 2", len(f.lines.rows))
	}

	f.date.SetText("")
	typeIn(s, f.date, "19/6")
	tab(s) // to the journal
	if f.date.Text != "19/06/2025" {
		t.Errorf("the date typed as day/month reads %q", f.date.Text)
	}
	tab(s)
	tab(s) // the piece proposed is kept
	test.Type(s.win.Canvas().Focused(), "Eaux de Lyon, 2e trimestre")
	if f.label.Text != "Eaux de Lyon, 2e trimestre" {
		t.Fatalf("Tab did not go date → journal → piece → label: label %q", f.label.Text)
	}

	// Line 1: the account found by its number, the key, the debit.
	tab(s)
	l1 := f.lines.rows[0]
	if s.win.Canvas().Focused() != l1.account {
		t.Fatalf("Tab from the label did not reach the first account but %#v", s.win.Canvas().Focused())
	}
	test.Type(l1.account, "601")
	if !f.picker.shown(l1.account) {
		t.Fatal("no list of accounts under the box")
	}
	mustContain(t, "the list of accounts", overlayText(s), "601000   Eau")
	tab(s) // takes the account highlighted, goes to the key
	if l1.account.Text != "601000 Eau" || f.picker.panel.Visible() {
		t.Fatalf("Tab took %q", l1.account.Text)
	}
	if s.win.Canvas().Focused() != l1.key || l1.key.PlaceHolder != "Clé obligatoire" {
		t.Fatalf("the key of a charge is not next, or not required")
	}
	test.Type(l1.key, "002")
	if l1.key.Selected != "002 Ascenseur" {
		t.Errorf("typing 002 chose %q", l1.key.Selected)
	}
	tab(s)
	test.Type(s.win.Canvas().Focused(), "ELM-2025-11872")
	tab(s)
	test.Type(s.win.Canvas().Focused(), "1234,56")
	if got := f.balance.Text; got != "Total débit 1 234,56 € / crédit 0,00 € — Écart de 1 234,56 € (il manque 1 234,56 € au crédit)" {
		t.Errorf("indicator = %q", got)
	}
	tab(s) // credit
	if l1.debit.Text != "1 234,56" {
		t.Errorf("the debit is not written the French way: %q", l1.debit.Text)
	}
	// Issue 20: a charge line goes on to its VAT, where a rate gives the
	// VAT the amount includes (1 234,56 × 0,2 / 1,2 = 205,76), then to R.
	tab(s)
	if s.win.Canvas().Focused() != l1.vat {
		t.Fatalf("Tab from the credit of a charge did not reach its VAT but %#v", s.win.Canvas().Focused())
	}
	test.Type(l1.vat, "20 %")
	tab(s)
	if l1.vat.Text != "205,76" || s.win.Canvas().Focused() != l1.rec {
		t.Fatalf("the rate gave %q; focus on %#v", l1.vat.Text, s.win.Canvas().Focused())
	}
	test.Type(l1.rec, " ") // recoverable: the whole line, 601000 having no default share

	// Line 2: the bank found by its number; the key is skipped; the balance
	// is proposed on the credit.
	tab(s)
	l2 := f.lines.rows[1]
	if s.win.Canvas().Focused() != l2.account {
		t.Fatalf("Tab from the credit did not reach the next line")
	}
	test.Type(l2.account, "512")
	tab(s)
	if l2.account.Text != "512001 Compte courant" {
		t.Errorf("512 took %q, want the bank rather than the heading 512000", l2.account.Text)
	}
	if !l2.key.Disabled() || s.win.Canvas().Focused() != l2.label {
		t.Errorf("the key of a bank line is offered")
	}
	if len(f.lines.rows) != 3 || !f.lines.rows[2].draft().Blank() {
		t.Errorf("no blank line was added after the typed ones: %d lines", len(f.lines.rows))
	}
	if l2.credit.Text != "1 234,56" || l2.debit.Text != "" {
		t.Errorf("the balance was not proposed: debit %q credit %q", l2.debit.Text, l2.credit.Text)
	}
	if got := f.balance.Text; got != "Total débit 1 234,56 € / crédit 1 234,56 € — Équilibrée ✓" || f.tint.FillColor != orderTint {
		t.Errorf("indicator = %q", got)
	}

	press(s, fyne.KeyReturn) // Enter saves, once the overdraft is confirmed
	mustContain(t, "the question", overlayText(s), "Vérifiez ce paiement", "Le compte 512001 Compte courant serait à découvert", "Enregistrer quand même")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	list := booked(t, s, "AC")
	if len(list) != 1 {
		t.Fatalf("%d invoices in the books", len(list))
	}
	got := list[0]
	if !got.Date.Equal(ledger.Date(2025, 6, 19)) || got.Piece != "F2025-0001" || got.Label != "Eaux de Lyon, 2e trimestre" || len(got.Lines) != 2 {
		t.Fatalf("entry written = %+v", got)
	}
	if l := got.Lines[0]; l.Account != "601000" || l.Key != "002" || l.Label != "ELM-2025-11872" || l.Debit != 123456 || l.Credit != 0 ||
		l.VAT != 20576 || l.Recoverable != 100 {
		t.Errorf("line 1 = %+v", l)
	}
	if l := got.Lines[1]; l.Account != "512001" || l.Key != "" || l.Credit != 123456 || l.Debit != 0 {
		t.Errorf("line 2 = %+v", l)
	}
	if s.statusText.Text != "✓ Écriture F2025-0001 enregistrée (AC, 1 234,56 €)" {
		t.Errorf("status = %q", s.statusText.Text)
	}
	if pieces(e) != "F2025-0001" || e.selected == nil || e.selected.ID != got.ID {
		t.Errorf("the list does not show the new entry: %q", pieces(e))
	}
	mustContain(t, "the screen", windowText(s), "Eaux de Lyon, 2e trimestre", "601000, 512001", "1 234,56 €", "Eau", "002")
}

func TestNewEntryRefused(t *testing.T) {
	s, e := openEntries(t)
	e.create() // Ctrl+N
	f := e.form
	f.label.SetText("Essai")
	l1, l2 := f.lines.rows[0], f.lines.rows[1]

	// The indicator follows the amounts as they are typed.
	typeIn(s, l1.account, "601000")
	l1.key.SetSelectedIndex(1)
	typeIn(s, l1.debit, "100")
	typeIn(s, l2.account, "Compte cour") // by the bank's name
	tab(s)
	if l2.account.Text != "512001 Compte courant" || l2.credit.Text != "100,00" {
		t.Fatalf("line 2: %q, credit %q", l2.account.Text, l2.credit.Text)
	}
	l2.credit.SetText("")
	typeIn(s, l2.credit, "90")
	if got := f.balance.Text; got != "Total débit 100,00 € / crédit 90,00 € — Écart de 10,00 € (il manque 10,00 € au crédit)" || f.tint.FillColor != attentionTint {
		t.Errorf("indicator = %q", got)
	}
	typeIn(s, l2.credit, "9O") // the cursor in the box selects what it holds: typing replaces it
	mustContain(t, "the indicator", f.balance.Text, "Ligne 2, crédit : « 9O » n'est pas un montant valide")
	l2.credit.SetText("90")

	// An unbalanced entry is refused with the books' words; nothing written.
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Écriture F2025-0001 du 30/06/2025 : écriture déséquilibrée, débit 100,00 €, crédit 90,00 € (écart 10,00 €)")
	if n := len(booked(t, s, "")); n != 3 {
		t.Errorf("%d entries after a refusal, want 3", n)
	}

	// Balanced but a charge without key: refused, the cursor on the key.
	l2.credit.SetText("100")
	l1.key.SetSelectedIndex(0) // Aucune
	if !strings.HasSuffix(f.balance.Text, "Équilibrée ✓") {
		t.Errorf("indicator = %q", f.balance.Text)
	}
	mustNotContain(t, "the form", overlayText(s), "déséquilibrée") // typing cleared the message
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Écriture F2025-0001 du 30/06/2025, ligne 1 : la charge 601000 doit porter une clé de répartition")
	if s.win.Canvas().Focused() != l1.key {
		t.Errorf("the cursor is not on the missing key")
	}
	if n := len(booked(t, s, "")); n != 3 {
		t.Errorf("%d entries after a refusal, want 3", n)
	}

	// An account that is not in the chart.
	l1.key.SetSelectedIndex(1)
	l1.account.SetText("699999")
	f.picker.hide()
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Ligne 1 : le compte « 699999 » n'est pas dans le plan comptable")
	if s.win.Canvas().Focused() != l1.account {
		t.Errorf("the cursor is not on the unknown account")
	}

	// A date outside every exercise: the books say so.
	l1.account.SetText("601000 Eau")
	f.date.SetText("15/03/2031")
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "la date n'appartient à aucun exercice")
	if n := len(booked(t, s, "")); n != 3 {
		t.Errorf("%d entries after the refusals, want 3", n)
	}

	// Escape asks before losing what was typed.
	press(s, fyne.KeyEscape)
	mustContain(t, "the question", overlayText(s), "Abandonner la saisie ?")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("still open after abandoning")
	}
}

func TestNewEntryKeyboardAndNext(t *testing.T) {
	s, e := openEntries(t)
	showMonth(t, e, "Février 2025")
	e.journal.SetSelectedIndex(2) // BQ
	e.create()
	f := e.form
	// The journal shown; the day of its latest entry in the month.
	if f.journal.Selected != "BQ — Banque" || f.date.Text != "10/02/2025" || f.piece.Text != "B2025-0001" {
		t.Errorf("defaults: %q %q %q", f.journal.Selected, f.date.Text, f.piece.Text)
	}

	// Changing the journal proposes its numbering, unless a piece was typed.
	f.journal.SetSelectedIndex(2) // OD
	if f.piece.Text != "OD2025-0001" {
		t.Errorf("piece after choosing OD: %q", f.piece.Text)
	}
	f.journal.SetSelectedIndex(1) // BQ again
	f.label.SetText("Frais bancaires")

	// The list of accounts: arrows, Escape closes it first, Enter takes.
	l1 := f.lines.rows[0]
	typeIn(s, l1.account, "6")
	if len(f.picker.items) != pickerRows {
		t.Errorf("%d accounts offered for 6, want %d", len(f.picker.items), pickerRows)
	}
	mustContain(t, "the list", overlayText(s), "précisez le numéro ou le nom")
	press(s, fyne.KeyEscape)
	if f.picker.panel.Visible() || s.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("Escape did not close only the list")
	}
	l1.account.SetText("")
	test.Type(l1.account, "agios")
	press(s, fyne.KeyDown)
	press(s, fyne.KeyUp)
	a, _ := f.picker.current()
	press(s, fyne.KeyReturn) // takes the account, does not save
	if l1.account.Text != a.Code+" "+a.Label || !strings.HasPrefix(a.Code, "662") || s.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("Enter in the list took %q (%s)", l1.account.Text, a.Code)
	}
	test.Type(l1.key, "1")
	if l1.key.Selected != "001 Charges générales" {
		t.Errorf("key = %q", l1.key.Selected)
	}
	typeIn(s, l1.debit, "12")

	// A tap on an account of the list takes it.
	l2 := f.lines.rows[1]
	typeIn(s, l2.account, "51")
	var bank *accountSuggestion
	for _, o := range f.picker.rows.Objects {
		if sg, ok := o.(*accountSuggestion); ok && sg.a.Code == "512001" {
			bank = sg
		}
	}
	if bank == nil {
		t.Fatalf("512001 not offered:\n%s", overlayText(s))
	}
	test.Tap(bank)
	if l2.account.Text != "512001 Compte courant" || l2.credit.Text != "12,00" {
		t.Errorf("tap took %q, credit %q", l2.account.Text, l2.credit.Text)
	}

	// Enregistrer et saisir la suivante: written, the form emptied for the next.
	test.Tap(dialogButton(t, s, "Enregistrer et saisir la suivante"))
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the form closed")
	}
	mustContain(t, "the form", overlayText(s), "✓ Écriture B2025-0001 enregistrée (BQ, 12,00 €). Saisissez la suivante, ou fermez avec Échap.")
	if f.date.Text != "10/02/2025" || f.piece.Text != "B2025-0002" || f.label.Text != "" || len(f.lines.rows) != 2 || f.lines.rows[0].account.Text != "" {
		t.Errorf("not emptied for the next: %q %q %q, %d lines", f.date.Text, f.piece.Text, f.label.Text, len(f.lines.rows))
	}
	if got := pieces(e); got != "R1 R2 B2025-0001" {
		t.Errorf("the list behind: %s", got)
	}
	press(s, fyne.KeyEscape) // nothing typed since: closes at once
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape did not close the emptied form:\n%s", overlayText(s))
	}
}

func TestEditEntry(t *testing.T) {
	s, e := openEntries(t)
	showMonth(t, e, "Février 2025")
	e.choose(e.table.Rows()[1]) // R2 Règlement Martin, 300 €
	test.Tap(e.edit)
	f := e.form
	mustContain(t, "the form", overlayText(s), "Modifier l'écriture BQ R2 du 10/02/2025")
	mustNotContain(t, "the form", overlayText(s), "Enregistrer et saisir la suivante")
	if f.label.Text != "Règlement Martin" || f.lines.rows[0].account.Text != "512001 Compte courant" || f.lines.rows[0].debit.Text != "300,00" ||
		f.lines.rows[1].account.Text != "450003 Martin Anaïs" || f.lines.rows[1].credit.Text != "300,00" {
		t.Fatalf("form not filled with the entry")
	}
	if !strings.HasSuffix(f.balance.Text, "Équilibrée ✓") {
		t.Errorf("indicator = %q", f.balance.Text)
	}
	f.label.SetText("Règlement Martin, chèque 1234567")
	f.date.SetText("12/02/2025")
	f.lines.rows[0].debit.SetText("320")
	f.lines.rows[1].credit.SetText("320")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	var found bool
	for _, x := range booked(t, s, "BQ") {
		if x.Piece != "R2" {
			continue
		}
		found = true
		if x.Label != "Règlement Martin, chèque 1234567" || !x.Date.Equal(ledger.Date(2025, 2, 12)) || x.Lines[0].Debit != 32000 || x.Lines[1].Credit != 32000 {
			t.Errorf("entry changed = %+v", x)
		}
	}
	if !found || len(booked(t, s, "")) != 3 {
		t.Errorf("the entry was not replaced in place")
	}
	if s.statusText.Text != "✓ Écriture R2 modifiée (BQ, 320,00 €)" {
		t.Errorf("status = %q", s.statusText.Text)
	}

	// A double tap on a row opens it too.
	row := e.table.Rows()[0]
	e.tapped(row)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("a single tap opened the form")
	}
	e.tapped(row)
	mustContain(t, "the form", overlayText(s), "Modifier l'écriture BQ R1 du 03/02/2025")

	// Enter without a change writes nothing.
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil || s.statusText.Text != "✓ Écriture R1 inchangée" {
		t.Errorf("status %q", s.statusText.Text)
	}
	for _, x := range booked(t, s, "BQ") {
		if x.Piece == "R1" && x.ID != row.ID {
			t.Errorf("R1 was rewritten: id %d, was %d", x.ID, row.ID)
		}
	}
}

func TestDeleteEntry(t *testing.T) {
	s, e := openEntries(t)
	showMonth(t, e, "Février 2025")
	e.choose(e.table.Rows()[0])
	test.Tap(e.del)
	mustContain(t, "the question", overlayText(s), "Supprimer l'écriture BQ R1 du 03/02/2025 « Règlement Dupont » (450,00 €) ? Ses 2 lignes disparaîtront des journaux et des comptes.")
	press(s, fyne.KeyEscape)
	if n := len(booked(t, s, "BQ")); n != 2 || s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape deleted, or left the question open: %d entries", n)
	}
	test.Tap(e.del)
	test.Tap(dialogButton(t, s, "Supprimer"))
	if got := booked(t, s, "BQ"); len(got) != 1 || got[0].Piece != "R2" {
		t.Errorf("after deleting: %v", got)
	}
	if s.statusText.Text != "✓ Écriture R1 supprimée (BQ, 450,00 €)" || pieces(e) != "R2" || e.selected != nil {
		t.Errorf("status %q, rows %q", s.statusText.Text, pieces(e))
	}
	mustContain(t, "the screen", windowText(s), "Aucune écriture choisie")
}

func TestEntriesClosedExercise(t *testing.T) {
	s, e := openEntries(t)
	y2025 := s.exercise
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.CloseExercise(y2025.ID) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	for _, ex := range s.exercises {
		if ex.ID == y2025.ID {
			s.setExercise(ex)
		}
	}
	if !s.exercise.Closed {
		t.Fatal("2025 is not shown closed")
	}
	mustContain(t, "June", windowText(s), "Aucune écriture ce mois-ci.")
	mustNotContain(t, "June", windowText(s), "cliquez sur « Nouvelle écriture »")
	showMonth(t, e, "Février 2025")
	if !e.add.Disabled() {
		t.Errorf("Nouvelle écriture is offered in a closed exercise")
	}
	if !s.menu.create.Disabled {
		t.Errorf("Ctrl+N is offered in a closed exercise")
	}
	e.create()
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Ctrl+N opened a form in a closed exercise")
	}
	e.choose(e.table.Rows()[0])
	if !e.edit.Disabled() || !e.del.Disabled() {
		t.Errorf("Modifier or Supprimer is offered in a closed exercise")
	}
	mustContain(t, "the screen", windowText(s), "Exercice 2025 clos : ni modification ni suppression",
		"Exercice 2025 clos : consultation seulement, ses écritures ne peuvent plus être modifiées.") // the banner
	e.tapped(e.table.Rows()[0])
	e.tapped(e.table.Rows()[0])
	e.editSelected()
	e.deleteSelected()
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a form opened on an entry of a closed exercise:\n%s", overlayText(s))
	}

	// The open exercise: actions are back.
	s.setExercise(s.working)
	if e.add.Disabled() || len(e.month.Options) != 13 || e.month.Options[1] != "Janvier 2026" {
		t.Errorf("2026: add disabled %v, months %v", e.add.Disabled(), e.month.Options)
	}
}
