package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/ui/widgets"
)

// insideWindow checks that o is shown whole inside a window of size.
func insideWindow(t *testing.T, what string, o fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	end := pos.Add(o.Size())
	if pos.X < 0 || pos.Y < 0 || end.X > size.Width+0.5 || end.Y > size.Height+0.5 || o.Size().Width < 1 {
		t.Errorf("%s is at %v–%v, not inside the window %v", what, pos, end, size)
	}
}

// smallScreens are the two looks the issue asks for at 1024×700.
func smallScreens(t *testing.T, run func(t *testing.T, large bool)) {
	t.Run("normal text", func(t *testing.T) { run(t, false) })
	t.Run("very large text", func(t *testing.T) { run(t, true) })
}

func TestSmallScreenOwnerList(t *testing.T) {
	smallScreens(t, func(t *testing.T, large bool) {
		s, o := openDemoOn[*owners](t, 2025, "owners")
		if large {
			largeText(s)
		}
		s.win.Resize(smallWindow)
		fitsWindow(t, s, "the owners' list", "Nouveau copropriétaire…")
		for _, title := range []string{"Compte", "Solde", "Situation"} {
			insideWindow(t, "the column « "+title+" »", headerOf(t, o.table.Widget(), title), smallWindow)
		}
		// Several rows are seen (the screen scrolls in the window if need be).
		if h, want := o.table.Widget().Size().Height, 8*widgets.TextHeight(1); h < want {
			t.Errorf("the list is %.0f px high, under eight lines (%.0f px)", h, want)
		}
	})
}

// headerOf is the title of a column as shown, shortened or not.
func headerOf(t *testing.T, table *widgets.HoverTable, title string) *widget.Button {
	t.Helper()
	for _, o := range visible(table) {
		b, ok := o.(*widget.Button)
		if !ok || b.Text == "" {
			continue
		}
		if short, cut := strings.CutSuffix(b.Text, "…"); b.Text == title || cut && strings.HasPrefix(title, short) {
			return b
		}
	}
	t.Fatalf("no column %q shown:\n%s", title, texts(table))
	return nil
}

func TestSmallScreenBudget(t *testing.T) {
	smallScreens(t, func(t *testing.T, large bool) {
		s, b := openDemoOn[*budgetScreen](t, 2025, "budget") // three budgets offered
		if large {
			largeText(s)
		}
		s.win.Resize(smallWindow)
		fitsWindow(t, s, "the budget", "Ajouter une ligne…")
		// At least eight lines of the grid are seen at once (it showed
		// two), six in very large text.
		lines := 8
		if large {
			lines = 6
		}
		if h, want := b.gridBox.Size().Height, float32(lines)*widgets.TextHeight(1); h < want {
			t.Errorf("the grid is %.0f px high, under %d lines (%.0f px)", h, lines, want)
		}
	})
}

func TestSmallScreenInvoiceWithKeys(t *testing.T) {
	smallScreens(t, func(t *testing.T, large bool) {
		s, p := openDemoOn[*suppliers](t, 2025, "suppliers")
		if large {
			largeText(s)
		}
		s.win.Resize(smallWindow)
		form := s.invoiceForm(p.table.Rows()[0].Account)
		form.chooseExpense(form.refs.Expenses[0].Code)
		test.Tap(form.split)
		if len(form.parts) < 4 {
			t.Fatalf("the demo splits over %d keys, want several", len(form.parts))
		}
		// A real window grows to what its dialog needs, past the screen's
		// bottom: the dialog must not need more than the window.
		if h := s.win.Canvas().Overlays().Top().MinSize().Height; h > smallWindow.Height {
			t.Errorf("the invoice dialog needs %.0f px, more than the window's %.0f", h, smallWindow.Height)
		}
		for _, text := range []string{"Enregistrer la facture", "Annuler"} {
			insideWindow(t, "« "+text+" »", dialogButton(t, s, text).(fyne.CanvasObject), smallWindow)
		}
	})
}

func TestWindowSize(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	for _, c := range []struct {
		what   string
		screen fyne.Size
		known  bool
		want   fyne.Size
	}{
		{"screen unknown", fyne.Size{}, false, fyne.NewSize(1280, 800)},
		{"large screen", fyne.NewSize(1920, 1040), true, fyne.NewSize(1280, 800)},
		{"1366×768 laptop, task bar 40 px", fyne.NewSize(1366, 728), true, fyne.NewSize(1280, 696)},
		{"1024×768 screen", fyne.NewSize(1024, 740), true, fyne.NewSize(992, 708)},
	} {
		if got := windowSize(prefs, c.screen, c.known); got != c.want {
			t.Errorf("%s: %v, want %v", c.what, got, c.want)
		}
	}
	// The last size is remembered, and still kept within the screen.
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1500, 950))
	rememberWindowSize(prefs, w)
	if got := windowSize(prefs, fyne.NewSize(1920, 1040), true); got != fyne.NewSize(1500, 950) {
		t.Errorf("remembered size: %v", got)
	}
	if got := windowSize(prefs, fyne.NewSize(1366, 728), true); got != fyne.NewSize(1334, 696) {
		t.Errorf("remembered size on a small screen: %v", got)
	}
}
