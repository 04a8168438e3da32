package ui

import (
	_ "embed"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneFrench is Fyne's own words in French: the file chooser's title and
// buttons (« Ouvrir un fichier », « Enregistrer », « Nouveau dossier »,
// « Afficher les fichiers cachés »), « Oui »/« Non », the fields' « Copier »,
// « Coller ». Fyne ships a French translation, but picks it only when the
// system's language is French: on an English or German system the file
// chooser came up in English, in the middle of a French program (issue
// 16, item 11).
//
//go:embed fyne_fr.json
var fyneFrench []byte

// frenchDialogs makes Fyne's words French whatever the system's language:
// Fyne chooses, among the languages it has, the closest to the system's
// (its first one, "en", when the system says nothing or "C"), so the
// French words are given under those two names. The favourite places of
// the file chooser (Home, Desktop…) are names Fyne does not translate.
func frenchDialogs() {
	for _, l := range []fyne.Locale{"en", lang.SystemLocale()} {
		if err := lang.AddTranslationsForLocale(fyneFrench, l); err != nil {
			log.Printf("tantieme: les dialogues de Fyne restent dans la langue du système : %v", err)
		}
	}
}
