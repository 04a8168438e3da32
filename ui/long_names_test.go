package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// longName is the company, as long as names get (issue 16).
const longName = "Société Civile Immobilière des Héritiers de Marie-Thérèse de La Rochefoucauld-Montmorency"

// smallWindow is the smallest laptop screen the program is made for.
var smallWindow = fyne.NewSize(1024, 700)

// fitsWindow checks that the window's content does not ask for more than
// the window, and that the buttons named are shown whole inside it.
func fitsWindow(t *testing.T, s *Shell, what string, buttons ...string) {
	t.Helper()
	size := smallWindow // the test window grows to its content: the screen does not
	if w := s.win.Content().MinSize().Width; w > size.Width {
		t.Errorf("%s: the window's content needs %.0f px, more than the window's %.0f; too wide:\n%s", what, w, size.Width,
			tooWide(s.win.Content(), size.Width-navWidth)) // the navigation column
	}
	// The screen itself fits: it does not scroll sideways in the window.
	if need, have := s.body.MinSize().Width, s.bodyScroll.Size().Width; need > have+0.5 {
		t.Errorf("%s: the screen needs %.0f px, more than the %.0f it has; too wide:\n%s", what, need, have, tooWide(s.body, have))
	}
	d := fyne.CurrentApp().Driver()
	for _, text := range buttons {
		found := false
		for _, o := range visible(s.win.Content()) {
			b, ok := o.(*widget.Button)
			if !ok || b.Text != text {
				continue
			}
			found = true
			pos := d.AbsolutePositionForObject(b)
			if pos.X < 0 || pos.X+b.Size().Width > size.Width+0.5 || pos.Y+b.Size().Height > size.Height+0.5 {
				t.Errorf("%s: « %s » is at %v (%v), outside the window %v", what, text, pos, b.Size(), size)
			}
		}
		if !found {
			t.Errorf("%s: no button « %s » shown", what, text)
		}
	}
}

// largeText sets the largest text size offered in Paramètres.
func largeText(s *Shell) {
	s.app.Preferences().SetFloat(prefTextScale, textScales[len(textScales)-1].scale)
	s.applyAppearance()
}

func TestLongNamesDoNotWidenTheWindow(t *testing.T) {
	t.Run("normal text", func(t *testing.T) { longNames(t, false) })
	t.Run("very large text", func(t *testing.T) { longNames(t, true) })
}

func longNames(t *testing.T, large bool) {
	s, o := openDemoOn[*owners](t, 2025, "owners")
	if large {
		largeText(s)
	}
	s.win.Resize(smallWindow)
	r := s.res

	owner := o.table.Rows()[0]
	ow, err := r.Owner(owner.Account)
	if err != nil {
		t.Fatal(err)
	}
	ow.Name = longName
	if err := r.SaveOwner(&ow, false); err != nil {
		t.Fatal(err)
	}
	keys, err := r.Keys()
	if err != nil {
		t.Fatal(err)
	}
	key := keys[0]
	key.Label = "Charges communes générales de l'ensemble immobilier, bâtiments A, B et C, parkings et espaces verts compris"
	if err := r.SaveKey(key, false); err != nil {
		t.Fatal(err)
	}
	s.changed()
	fitsWindow(t, s, "the owners' list", "Nouveau copropriétaire…")
	o.openCard(ow.Account)
	fitsWindow(t, s, "the owner card", "Encaisser un règlement…", "Modifier…", "Supprimer…")
	// The receipt dialog: its title is shortened, the whole name wrapped under it.
	test.Tap(o.card.receive)
	if w := s.win.Canvas().Overlays().Top().MinSize().Width; w > smallWindow.Width {
		t.Errorf("the receipt dialog needs %.0f px, more than the window", w)
	}
	mustContain(t, "the receipt dialog", overlayText(s), "Encaisser un règlement — ", longName, "…\n")
	press(s, fyne.KeyEscape)
	o.card.tabs.SelectIndex(1)
	fitsWindow(t, s, "the owner's lots", "Encaisser un règlement…")

	lots := s.lotsScreen(t)
	lot := lots.table.Rows()[0].Lot
	lot.Label = "Appartement traversant avec balcon filant sur rue et sur cour, cave et grenier attenants au lot principal"
	if err := r.SaveLot(lot, false); err != nil {
		t.Fatal(err)
	}
	s.changed()
	lots.openCard(lot.Number)
	fitsWindow(t, s, "the lot card", "Modifier…", "Supprimer…")

	if !s.showScreen("suppliers") {
		t.Fatal("no Fournisseurs screen")
	}
	p := s.currentScreen().(*suppliers)
	account := p.table.Rows()[0].Account
	card, err := r.SupplierCard(account, s.exercise, s.situation())
	if err != nil {
		t.Fatal(err)
	}
	sp := card.Supplier
	sp.Name = "Compagnie Générale d'Entretien des Ascenseurs et Monte-Charges de la Région Auvergne-Rhône-Alpes"
	if err := r.SaveSupplier(&sp, false); err != nil {
		t.Fatal(err)
	}
	s.changed()
	fitsWindow(t, s, "the suppliers' list")
	p.openCard(account)
	fitsWindow(t, s, "the supplier card", "Saisir une facture…", "Payer…", "Modifier…")

	if !s.showScreen("keys") {
		t.Fatal("no Clés screen")
	}
	fitsWindow(t, s, "the keys")
}

// lotsScreen shows the Lots screen.
func (s *Shell) lotsScreen(t *testing.T) *lots {
	t.Helper()
	if !s.showScreen("lots") {
		t.Fatal("no Lots screen")
	}
	return s.currentScreen().(*lots)
}

// tooWide lists the objects shown under o whose least width is over limit,
// down to the innermost: what widens the window.
func tooWide(o fyne.CanvasObject, limit float32) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject, depth int)
	walk = func(o fyne.CanvasObject, depth int) {
		if o == nil || !o.Visible() {
			return
		}
		if o.MinSize().Width <= limit {
			fmt.Fprintf(&b, "%*s(%T %.0f)\n", depth, "", o, o.MinSize().Width)
			return
		}
		text := ""
		switch x := o.(type) {
		case *widget.Label:
			text = x.Text
		case *widget.Button:
			text = x.Text
		}
		fmt.Fprintf(&b, "%*s%T %.0f %q\n", depth, "", o, o.MinSize().Width, text)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, depth+1)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, depth+1)
			}
		}
	}
	walk(o, 0)
	return b.String()
}
