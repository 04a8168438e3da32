package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// integrityReport is what Exercice › Vérifier l'intégrité found.
type integrityReport struct {
	problems     []ledger.Problem
	fingerprints []app.ExerciseFingerprint
	remembered   []rememberedFingerprint
}

// rememberedFingerprint is a fingerprint kept on this computer, checked
// against the chain now.
type rememberedFingerprint struct {
	rec   app.FingerprintRecord
	found bool
	err   error
}

// maxRememberedShown bounds the fingerprints checked and listed: the newest.
const maxRememberedShown = 8

// verifyIntegrity checks the whole residence (file, books, chain, seals)
// and the fingerprints remembered on this computer, then shows the result
// with a field to check a fingerprint read on a paper document.
func (s *Shell) verifyIntegrity() {
	if s.res == nil {
		return
	}
	res := s.res
	var rep integrityReport
	s.runLong("Vérification de l'intégrité de la résidence…", func() (err error) {
		if rep.problems, err = res.Check(true); err != nil {
			return err
		}
		if rep.fingerprints, err = res.CurrentFingerprints(); err != nil {
			return err
		}
		for _, r := range app.Fingerprints(res.Path()) {
			if len(rep.remembered) == maxRememberedShown {
				break
			}
			year, _ := strconv.Atoi(strings.SplitN(r.Exercise, "/", 2)[0])
			v, err := res.VerifyFingerprint(year, r.Fingerprint)
			rep.remembered = append(rep.remembered, rememberedFingerprint{rec: r, found: err == nil && v.Found, err: err})
		}
		return nil
	}, func() { s.showIntegrity(rep) })
}

func (s *Shell) showIntegrity(rep integrityReport) {
	seal := widgets.NewField("", "XXXX-XXXX-XXXX-XXXX")
	f := s.newForm("Intégrité de la résidence", "Vérifier l'empreinte", seal)
	f.cancel.SetText("Fermer")
	f.width = 760
	box := container.NewVBox()
	if len(rep.problems) == 0 {
		box.Add(widgets.Banner(orderTint, theme.ConfirmIcon(), "Aucun problème : le fichier est intact, chaque écriture est celle que Tantième a enregistrée, et les exercices clos sont scellés."))
	} else {
		var lines []string
		for i, p := range rep.problems {
			if i == 12 {
				lines = append(lines, fmt.Sprintf("… et %d autres", len(rep.problems)-12))
				break
			}
			lines = append(lines, "• "+p.String())
		}
		box.Add(widgets.Banner(attentionTint, theme.ErrorIcon(), fmt.Sprintf("%d problème(s) trouvé(s) :\n%s", len(rep.problems), strings.Join(lines, "\n"))))
	}
	box.Add(widgets.Heading("Empreintes des comptes"))
	box.Add(widgets.Note(strings.Join(fingerprintLines(rep.fingerprints), "\n")))
	if len(rep.remembered) > 0 {
		box.Add(widgets.Heading("Empreintes gardées sur cet ordinateur"))
		var lines []string
		for _, r := range rep.remembered {
			state := "retrouvée dans la chaîne"
			if !r.found {
				state = "ABSENTE de la chaîne : les comptes ont changé hors de Tantième"
			}
			lines = append(lines, fmt.Sprintf("%s — exercice %s, %s : %s, %s", r.rec.When.Format("02/01/2006 15:04"), r.rec.Exercise, r.rec.Document, r.rec.Fingerprint, state))
		}
		box.Add(widgets.Note(strings.Join(lines, "\n")))
	}
	box.Add(widgets.Heading("Vérifier une empreinte imprimée"))
	box.Add(widgets.Note(fmt.Sprintf("Recopiez l'empreinte imprimée en bas d'un document de l'exercice %s (annexes, balance, décompte) : Tantième dit si les comptes sont toujours ceux qu'elle a scellés.", s.exercise.Name())))
	result := widgets.Note("")
	box.Add(seal)
	box.Add(result)
	box.Add(widgets.Note(proofText))
	ex := s.exercise
	res := s.res
	f.submit = func() error {
		v, err := res.VerifyFingerprint(ex.Year(), seal.Value())
		if err != nil {
			return err
		}
		if !v.Found {
			result.SetText(fmt.Sprintf("✗ L'empreinte %s ne figure pas dans la chaîne des écritures : les comptes de l'exercice %s ne sont plus ceux qu'elle a scellés, ou elle a été mal recopiée.", v.Fingerprint, ex.Name()))
			result.Importance = widget.DangerImportance
		} else {
			text := fmt.Sprintf("✓ L'empreinte %s est dans la chaîne des écritures (rang %d)", v.Fingerprint, v.Record.Seq)
			if v.Sealed {
				text += " : c'est le scellé de la clôture"
			}
			if len(v.Changed) == 0 {
				text += fmt.Sprintf(". Aucune écriture de l'exercice %s présente à ce moment n'a été modifiée ni supprimée depuis.", ex.Name())
			} else {
				text += fmt.Sprintf(". Modifiées depuis par Tantième (voir leur historique) : %s.", strings.Join(v.Changed, ", "))
			}
			if v.Added > 0 {
				text += fmt.Sprintf(" %d écriture(s) ajoutée(s) depuis.", v.Added)
			}
			result.SetText(text)
			result.Importance = widget.SuccessImportance
		}
		result.Refresh()
		if f.dlg != nil {
			f.dlg.Resize(fyne.NewSize(f.width, f.dlg.MinSize().Height))
		}
		return errStay
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(700, 420)) // fits 1024×700 with the buttons
	f.show(scroll, seal)
}

// fingerprintLines says the seal of each closed exercise, then the
// fingerprint the documents of the open ones print now (the same for all:
// the chain's last link).
func fingerprintLines(list []app.ExerciseFingerprint) []string {
	var out []string
	current := ""
	for _, fp := range list {
		switch {
		case fp.Fingerprint == "":
		case fp.Sealed:
			out = append(out, fmt.Sprintf("Exercice %s : scellé de la clôture %s", fp.Exercise.Name(), fp.Fingerprint))
		default:
			current = fp.Fingerprint
		}
	}
	if current != "" {
		out = append(out, "Empreinte actuelle des comptes (exercices ouverts) : "+current)
	}
	if len(out) == 0 {
		out = append(out, "Aucune écriture pour l'instant.")
	}
	return out
}

// proofText says plainly what the chain proves and what it does not.
const proofText = "Ce que cela prouve : chaque écriture est enchaînée à la précédente par une empreinte (SHA-256). " +
	"Une modification faite hors de Tantième, sans recalculer la chaîne, est détectée ici. Quelqu'un qui recalculerait " +
	"toute la chaîne tromperait ce contrôle seul, mais pas l'empreinte imprimée sur les documents remis à l'assemblée " +
	"générale, gardée dans chaque sauvegarde et sur cet ordinateur : c'est elle, conservée hors du fichier, qui fait preuve."

// showGuarantees is Aide › Ce que Tantième garantit.
func (s *Shell) showGuarantees() {
	text := strings.Join([]string{
		"Des comptes toujours justes : chaque écriture est équilibrée, chaque charge porte une clé de répartition, et un exercice clos ne peut plus être modifié, même en ouvrant le fichier avec un autre programme.",
		"Un fichier tel que Tantième l'a écrit : à chaque ouverture, sa structure est comparée à celle que Tantième crée ; un fichier modifié par un autre outil est signalé et n'est jamais modifié. Une sauvegarde n'est restaurée qu'après les mêmes contrôles.",
		"Des comptes qui prouvent qu'ils n'ont pas été retouchés (arrêté du 14 mars 2005, art. 2) : chaque saisie, modification ou suppression d'écriture et chaque clôture sont enchaînées par une empreinte ; une écriture modifiée garde ses versions précédentes (bouton Historique). Les annexes, les livres et les décomptes impriment l'empreinte des comptes en bas de page ; la clôture scelle l'exercice.",
		proofText,
		"Pour vérifier : Exercice › Vérifier l'intégrité, puis recopiez l'empreinte d'un document imprimé.",
	}, "\n\n")
	f := s.newForm("Ce que Tantième garantit", "Fermer")
	f.cancel.Hide()
	f.width = 720
	// Scrolled: the text is taller than a 700-pixel screen, and the Fermer
	// button must stay in sight.
	scroll := container.NewVScroll(widgets.Note(text))
	scroll.SetMinSize(fyne.NewSize(660, 420))
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.InfoIcon())), nil, scroll), nil)
}
