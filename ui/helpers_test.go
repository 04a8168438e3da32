package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// testToday is the day the screens are shown on in tests: inside 2025.
var testToday = ledger.Date(2025, 6, 30)

// newTestShell is the window with nothing open, headless, with its settings
// and documents in temporary folders.
func newTestShell(t *testing.T) *Shell {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	pluggedSticks = func() []string { return nil } // this computer's sticks are not the test's
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1280, 800))
	s := newShell(a, w, app.WriteDemo)
	s.now = func() time.Time { return testToday }
	t.Cleanup(s.closeResidence)
	return s
}

// testResidence writes a residence file: exercises 2025–2027, bank 512001,
// keys 001 (1 000 declared and given) and 002 (300 declared, 250 given),
// three owners and four lots, an owners' call and two receipts. At the end
// of June 2025: Dupont Zoé has paid 50 € in advance, Garçon Loïc owes 300 €,
// Martin Anaïs is settled.
func testResidence(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "Tests.copro")
	r, err := app.Create(file, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence des Tests", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	err = r.Update(func(tx *ledger.Tx) error {
		if err := tx.UpdateKey(ledger.Key{Code: "001", Label: "Charges générales", DeclaredTotal: decimal.NewFromInt(1000)}); err != nil {
			return err
		}
		if err := tx.AddKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: decimal.NewFromInt(300)}); err != nil {
			return err
		}
		for _, o := range []ledger.Owner{{Account: "450001", Name: "Dupont Zoé", City: "Lyon"}, {Account: "450002", Name: "Garçon Loïc"},
			{Account: "450003", Name: "Martin Anaïs", City: "Villeurbanne"}} {
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
		}
		for _, l := range []struct {
			num, owner string
			g, a       int64
		}{{"1", "450001", 400, 100}, {"2", "450002", 300, 150}, {"3", "450003", 200, 0}, {"4", "450003", 100, 0}} {
			if err := tx.AddLot(ledger.Lot{Number: l.num, Label: "Appartement", Owner: l.owner}); err != nil {
				return err
			}
			if err := tx.SetShare(l.num, "001", decimal.NewFromInt(l.g)); err != nil {
				return err
			}
			if err := tx.SetShare(l.num, "002", decimal.NewFromInt(l.a)); err != nil {
				return err
			}
		}
		for _, e := range []ledger.Entry{
			{Journal: "OD", Date: ledger.Date(2025, 1, 1), Piece: "A0001", Label: "Appel T1", Lines: []ledger.Line{
				{Account: "450001", Debit: ledger.MustAmount("400")},
				{Account: "450002", Debit: ledger.MustAmount("300")},
				{Account: "450003", Debit: ledger.MustAmount("300")},
				{Account: "701000", Key: "001", Credit: ledger.MustAmount("1000")}}},
			{Journal: "BQ", Date: ledger.Date(2025, 2, 3), Piece: "R1", Label: "Règlement Dupont", Lines: []ledger.Line{
				{Account: "512001", Debit: ledger.MustAmount("450")},
				{Account: "450001", Credit: ledger.MustAmount("450")}}},
			{Journal: "BQ", Date: ledger.Date(2025, 2, 10), Piece: "R2", Label: "Règlement Martin", Lines: []ledger.Line{
				{Account: "512001", Debit: ledger.MustAmount("300")},
				{Account: "450003", Credit: ledger.MustAmount("300")}}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return file
}

// openTest opens file in s and waits for it.
func openTest(t *testing.T, s *Shell, file string) {
	t.Helper()
	s.open(file)
	s.jobs.Wait()
	if s.res == nil {
		t.Fatalf("%s did not open; the window says:\n%s", file, overlayText(s))
	}
}

// visible lists o and every object shown under it.
func visible(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// texts is the text of every label and button shown under the objects.
func texts(objs ...fyne.CanvasObject) string {
	var b strings.Builder
	for _, root := range objs {
		for _, o := range visible(root) {
			switch x := o.(type) {
			case *widget.Label:
				b.WriteString(x.Text + "\n")
			case *widget.Button:
				b.WriteString(x.Text + "\n")
			case *widgets.Button:
				b.WriteString(x.Text + "\n")
			case *canvas.Text: // form labels, tab titles
				b.WriteString(x.Text + "\n")
			}
		}
	}
	return b.String()
}

// windowText is what the window shows, dialogs excluded.
func windowText(s *Shell) string { return texts(s.win.Content()) }

// overlayText is what the dialogs show.
func overlayText(s *Shell) string { return texts(s.win.Canvas().Overlays().List()...) }

// dialogButton finds a button of the topmost dialog by its text.
func dialogButton(t *testing.T, s *Shell, text string) fyne.Tappable {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open, looking for %q", text)
	}
	for _, o := range visible(top) {
		switch x := o.(type) {
		case *widgets.Button:
			if x.Text == text {
				return x
			}
		case *widget.Button:
			if x.Text == text {
				return x
			}
		}
	}
	t.Fatalf("no button %q in the dialog:\n%s", text, texts(top))
	return nil
}

// press sends a key to the focused field, or to the window when none is.
func press(s *Shell, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := s.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	s.typedKey(ev)
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func mustNotContain(t *testing.T, what, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%s shows %q:\n%s", what, w, text)
		}
	}
}
