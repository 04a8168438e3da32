package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

func TestCheckEmail(t *testing.T) {
	for s, ok := range map[string]bool{
		"":                          true,
		"syndic@exemple.fr":         true,
		"marie.dupont+cs@orange.fr": true,
		" syndic@exemple.fr ":       true,
		"syndic@exemple":            false, // no dot in the domain
		"syndic.exemple.fr":         false,
		"syndic@exemple.":           false,
		"syndic @exemple.fr":        false,
		"Syndic <syndic@ex.fr>":     false, // a display name is not printed
		"syndic@@exemple.fr":        false,
		"syndic@exemple.fr, autre":  false,
	} {
		if err := ledger.CheckEmail(s, "e-mail du syndic"); (err == nil) != ok {
			t.Errorf("CheckEmail(%q) = %v, want ok %v", s, err, ok)
		}
	}
	err := ledger.CheckEmail("syndic@exemple", "e-mail du syndic")
	if got, want := ledger.Message(err), "L'e-mail du syndic « syndic@exemple » n'est pas une adresse valable : elle s'écrit nom@domaine.fr, sans espace"; got != want {
		t.Errorf("message %q", got)
	}
}
