package fr

import "testing"

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Bernard Jean-Luc et Françoise": "BERNARD_JEAN_LUC_ET_FRANCOISE",
		"Lefèvre Hélène":                "LEFEVRE_HELENE",
		"SCI Les Marronniers":           "SCI_LES_MARRONNIERS",
		"Œuvre d'Ærø Straße":            "OEUVRE_D_AERO_STRASSE",
		"Nguyễn Thị Lan-Anh":            "NGUYEN_THI_LAN_ANH",
		"Łukasz Żółć":                   "LUKASZ_ZOLC",
		"  /// ":                        "SANS_NOM",
		"Wolfgang-Maximilien Dupré-Wéry et Compagnie Générale": "WOLFGANG_MAXIMILIEN_DUPRE_WERY_ET_COMPAG",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}
