package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
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

// testResidence writes « Résidence des Tests » (ledgertest.Tests):
// exercises 2025–2027, bank 512001, keys 001 (1 000 declared and given) and
// 002 (300 declared, 250 given), three owners and four lots, an owners' call
// and two receipts. At the end of June 2025: Dupont Zoé has paid 50 € in
// advance, Garçon Loïc owes 300 €, Martin Anaïs is settled.
func testResidence(t *testing.T) string {
	t.Helper()
	return ledgertest.Tests(t)
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
