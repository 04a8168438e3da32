package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ui/widgets"
)

func ownerLetterCard(account string) app.LetterCard    { return app.LetterCard{Owner: account} }
func supplierLetterCard(account string) app.LetterCard { return app.LetterCard{Supplier: account} }

// cardLetterForm writes a letter from a card (« Écrire une lettre… », the
// manual's RTF merges): a text chosen among the letter texts, edited for
// this letter only (the texts themselves are edited in Paramètres ›
// Lettres), its merge fields filled from the card in the preview, then a
// PDF registered in the binder « courriers ».
func (s *Shell) cardLetterForm(c app.LetterCard) {
	texts, err := s.res.CardLetterTexts(c)
	if err != nil {
		s.showError(err)
		return
	}
	var labels []string
	for _, t := range texts {
		labels = append(labels, t.Label)
	}
	chosen := 0
	editor := widgets.NewTextArea(texts[0].Text, 14)
	preview := widgets.Note("")
	at, printed := s.situation(), s.now()
	f := s.newForm("Écrire une lettre", "Enregistrer le PDF", editor)
	f.width = 980
	refresh := func() error {
		out, err := s.res.CardLetterPreview(c, texts[chosen].Name, editor.Text, at, printed)
		if err != nil {
			return err
		}
		preview.SetText(out)
		return nil
	}
	model := newChoiceField(labels, labels[0], func(v string) {
		for i, t := range texts {
			if t.Label == v && i != chosen {
				chosen = i
				editor.SetText(t.Text)
				if err := refresh(); err != nil {
					f.fail(err)
				}
			}
		}
	})
	model.SetKeys(f.keys)
	look := widgets.NewButton("Aperçu", theme.VisibilityIcon(), widget.MediumImportance, func() {
		if err := refresh(); err != nil {
			f.fail(err)
		}
	})
	look.Keys = f.keys
	f.extra = []fyne.CanvasObject{look}
	f.submit = func() error {
		if err := refresh(); err != nil {
			return err
		}
		dir, err := s.res.DocumentsSubfolder(app.FolderLetters)
		if err != nil {
			return err
		}
		name, text := texts[chosen].Name, editor.Text
		meta, err := s.res.CardLetterProduced(dir, c, name, printed)
		if err != nil {
			return err
		}
		pdf, err := s.res.CardLetterPDF(c, name, text, at, printed)
		if err != nil {
			return err
		}
		if err := s.res.WriteDocument(pdf, meta); err != nil {
			return err
		}
		f.close()
		s.say("Lettre enregistrée : " + meta.Path)
		s.showWritten("Lettre enregistrée", "Tantième a écrit la lettre « "+meta.Title+" » dans le fichier "+meta.Path+".", meta.Path, dir, nil)
		return errStay
	}
	if err := refresh(); err != nil {
		preview.SetText(s.message(err))
	}
	help := widgets.Note("Modifiez le texte pour cette lettre seulement (les modèles se modifient dans Paramètres › Lettres). " +
		"Les champs entre {{ }} sont remplacés par ceux de la fiche : l'aperçu à droite montre la lettre telle qu'elle sera imprimée, sous l'en-tête et l'adresse.")
	head := container.NewVBox(help, container.NewBorder(nil, nil, widget.NewLabel("Modèle :"), nil, model))
	body := container.New(&fixedHeight{widgets.TextHeight(16)}, container.NewGridWithColumns(2, editor, container.NewVScroll(preview)))
	f.show(container.NewBorder(head, nil, nil, nil, body), editor)
	refit(f)
}
