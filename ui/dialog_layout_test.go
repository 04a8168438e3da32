package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// fieldPlaces is where the fields, lists and buttons of the topmost dialog
// are in the window, one line each.
func fieldPlaces(t *testing.T, s *Shell) string {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	d := fyne.CurrentApp().Driver()
	var b strings.Builder
	for _, o := range visible(top) {
		switch o.(type) {
		case *widgets.Field, *listField, *choiceField, *entryBox, *widget.Select, *widgets.CheckField, *widget.RadioGroup:
			fmt.Fprintf(&b, "%T at %v\n", o, d.AbsolutePositionForObject(o))
		}
	}
	if b.Len() == 0 {
		t.Fatalf("no field in the dialog:\n%s", overlayText(s))
	}
	return b.String()
}

// keepsPlaces checks that the dialog's fields stay where they were once an
// error is said (fail), and once it is gone again (correct).
func keepsPlaces(t *testing.T, s *Shell, fail, correct func()) {
	t.Helper()
	before := fieldPlaces(t, s)
	fail()
	if !strings.Contains(overlayText(s), "\n") || strings.TrimSpace(dialogError(s)) == "" {
		t.Fatalf("no error said:\n%s", overlayText(s))
	}
	if got := fieldPlaces(t, s); got != before {
		t.Errorf("the fields moved when the error appeared:\nbefore\n%s\nafter\n%s", before, got)
	}
	correct()
	if dialogError(s) != "" {
		t.Errorf("the error is still said after the correction: %q", dialogError(s))
	}
	if got := fieldPlaces(t, s); got != before {
		t.Errorf("the fields moved when the error went:\nbefore\n%s\nafter\n%s", before, got)
	}
}

// dialogError is the error line of the topmost form ("" when none).
func dialogError(s *Shell) string {
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.TextStyle.Bold && l.Wrapping == fyne.TextWrapWord {
			return l.Text
		}
	}
	return ""
}

func TestReceiptDialogKeepsItsLayout(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	test.Tap(o.card.receive)
	amount := s.win.Canvas().Focused().(*widgets.Field)
	keepsPlaces(t, s, func() {
		amount.SetText("abc")
		press(s, fyne.KeyReturn)
	}, func() { amount.SetText("300") })
}

func TestReceiptChequeNeedsItsNumber(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450002")
	test.Tap(o.card.receive)
	press(s, fyne.KeyReturn) // a cheque (the mode offered first), no number
	mustContain(t, "the refusal", overlayText(s), "N° de chèque : indiquez le numéro du chèque")
	if rs, _ := s.res.OwnerReceipts("450002"); len(rs) != 0 {
		t.Fatalf("a cheque without its number was recorded: %+v", rs)
	}
	cheque, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok {
		t.Fatalf("the cursor is not in the cheque number: %#v", s.win.Canvas().Focused())
	}
	cheque.SetText("1234567")
	press(s, fyne.KeyReturn)
	rs, _ := s.res.OwnerReceipts("450002")
	if len(rs) != 1 || rs[0].Mode != ledger.ByCheque || rs[0].Cheque != "1234567" {
		t.Fatalf("receipts = %+v", rs)
	}
}

func TestWizardKeepsItsLayout(t *testing.T) {
	s := newTestShell(t)
	s.newResidence()
	name := s.win.Canvas().Focused().(*widgets.Field)
	keepsPlaces(t, s, func() { press(s, fyne.KeyReturn) }, func() { test.Type(name, "Les Acacias") })
}

func TestBackupDialogKeepsItsLayout(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	s.backupForm()
	dir := dialogFields(t, s, "")[0]
	keepsPlaces(t, s, func() {
		dir.SetText(filepath.Join(t.TempDir(), "CLE USB"))
		test.Tap(dialogButton(t, s, "Sauvegarder"))
		s.jobs.Wait()
	}, func() { dir.SetText(t.TempDir()) })
}

func TestBudgetDialogKeepsItsLayout(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	test.Tap(b.add)
	account := s.win.Canvas().Focused().(*entryBox)
	keepsPlaces(t, s, func() {
		account.SetText("671")
		dialogField(t, s, "montant annuel").SetText("100")
		test.Tap(dialogButton(t, s, "Ajouter"))
	}, func() { dialogField(t, s, "montant annuel").SetText("120") })
}
