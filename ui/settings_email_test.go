package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The syndic's e-mail is printed on every notice: one without a domain is
// refused, the cursor put back in it.
func TestSettingsSyndicEmail(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.syndicMail.SetText("syndic@exemple")
	test.Tap(p.save)
	mustContain(t, "the settings", windowText(s), "L'e-mail du syndic « syndic@exemple » n'est pas une adresse valable")
	if s.win.Canvas().Focused() != p.syndicMail {
		t.Errorf("focus on %#v, want the e-mail", s.win.Canvas().Focused())
	}
	if r, _ := s.res.Info(); r.SyndicEmail == "syndic@exemple" {
		t.Error("the bad address was saved")
	}
	p.syndicMail.SetText("syndic@exemple.fr")
	test.Tap(p.save)
	mustContain(t, "the status line", s.statusText.Text, "Coordonnées du syndic enregistrées")
}
