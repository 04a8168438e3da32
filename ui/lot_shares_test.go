package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/shopspring/decimal"
)

// A lot created with an owner and no general shares leaves the general key
// not conforme, on the keys screen and on the dashboard, naming the lot;
// the lot form takes its tantièmes, saved with the lot.
func TestLotFormShares(t *testing.T) {
	s, l := openScreen[*lots](t, "lots")
	test.Tap(l.add)
	mustContain(t, "the form", overlayText(s), "Tantièmes", "Clé 001 Charges générales", "Clé 002 Ascenseur")
	dialogField(t, s, "1 à 5 caractères").SetText("24")
	dialogChoice(t, s, 0).SetSelected("450003 Martin Anaïs")
	s.win.Canvas().Focus(dialogField(t, s, "1 à 5 caractères"))
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Lot 24 créé", "sans tantièmes généraux (clé 001)")

	keys, err := s.res.KeyTotals()
	if err != nil {
		t.Fatal(err)
	}
	if keys[0].Code != "001" || keys[0].Matches() || strings.Join(keys[0].Unshared, " ") != "24" {
		t.Fatalf("key 001 = %+v, want not conforme for lot 24", keys[0])
	}
	s.showScreen("dashboard")
	text := windowText(s)
	mustContain(t, "the dashboard", text, "001 Charges générales : le lot 24 sans tantièmes",
		"Clé 001 « Charges générales » : le lot 24 sans tantièmes")
	mustNotContain(t, "the dashboard", text, "Totaux conformes")
	s.showScreen("keys")
	mustContain(t, "the keys screen", windowText(s), "✗ Le lot 24 sans tantièmes")

	// The form of the lot gives it its shares; the key is then whole again.
	s.showScreen("lots")
	l = s.currentScreen().(*lots)
	l.openCard("24")
	test.Tap(l.card.edit)
	general := dialogField(t, s, "parties communes")
	general.SetText("50")
	s.win.Canvas().Focus(general)
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Lot 24 modifié, tantièmes clé 001 : 50")
	keys, _ = s.res.KeyTotals()
	if len(keys[0].Unshared) != 0 || !keys[0].SumOfShares.Equal(decimal.NewFromInt(1050)) {
		t.Errorf("key 001 after the form = %+v", keys[0])
	}
}
