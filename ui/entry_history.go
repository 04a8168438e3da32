package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// entryHistory shows every version of an entry the chain holds: when it
// was posted, each change, its deletion. Changing an entry of an open
// exercise never rewrites its past (ledger/chain.go).
func (s *Shell) entryHistory(id int64) {
	if s.res == nil {
		return
	}
	versions, err := s.res.EntryHistory(id)
	if err != nil {
		s.showError(err)
		return
	}
	box := container.NewVBox()
	if len(versions) == 0 {
		box.Add(widgets.Note(fmt.Sprintf("L'écriture n° %d n'a pas d'historique dans la chaîne des écritures : elle a été écrite hors de Tantième (Exercice › Vérifier l'intégrité le signale).", id)))
	}
	for _, v := range versions {
		box.Add(widgets.Heading(historyTitle(v)))
		box.Add(widgets.Note(historyText(v)))
	}
	f := s.newForm(fmt.Sprintf("Historique de l'écriture n° %d", id), "Fermer")
	f.cancel.Hide()
	f.width = 760
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(700, 380))
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.HistoryIcon())), nil, scroll), nil)
}

func historyTitle(v ledger.EntryVersion) string {
	what := map[string]string{ledger.OpPost: "Saisie", ledger.OpReplace: "Modification", ledger.OpDelete: "Suppression"}[v.Op]
	s := fmt.Sprintf("%s (rang %d de la chaîne)", what, v.Seq)
	if v.Current {
		s += " — version actuelle"
	}
	return s
}

func historyText(v ledger.EntryVersion) string {
	if v.Missing {
		return "Le texte de cette version n'a pas été gardé."
	}
	e := v.Entry
	head := fmt.Sprintf("%s, journal %s", ledger.FrenchDate(e.Date), e.Journal)
	if e.Piece != "" {
		head += ", pièce " + e.Piece
	}
	if e.Label != "" {
		head += " — " + e.Label
	}
	lines := []string{head}
	for _, l := range e.Lines {
		side := "débit " + l.Debit.String()
		if l.Credit != 0 {
			side = "crédit " + l.Credit.String()
		}
		t := "   " + l.Account
		if l.Key != "" {
			t += " (clé " + l.Key + ")"
		}
		t += " : " + side
		if l.Label != "" {
			t += " — " + l.Label
		}
		lines = append(lines, t)
	}
	if v.Op == ledger.OpDelete {
		lines[0] = "Version supprimée : " + lines[0]
	}
	return strings.Join(lines, "\n")
}
