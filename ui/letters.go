package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/desktop"
	"tantieme/ledger"
	"tantieme/templates"
	"tantieme/ui/widgets"
)

// lettersPanel edits the letter texts of the residence (header, opening and
// footer of the call notices, the reminder) with their merge fields, a
// preview filled with made-up fields, and the signature image printed under
// the letters. What is typed and not saved is kept per text while the
// program runs, so that going to another text loses nothing.
type lettersPanel struct {
	s       *Shell
	texts   []app.LetterText
	current int
	shown   templates.Name // the text the editor holds, "" before the first
	drafts  map[templates.Name]string
	filling bool

	choice     *widget.RadioGroup
	help       *widget.Label
	state      *widget.Label
	editor     *widgets.Field
	preview    *widget.Label
	previewErr *widget.Label
	fields     *fyne.Container
	save       *widget.Button
	undo       *widget.Button
	reset      *widget.Button

	sigImage  *canvas.Image
	sigNone   *widget.Label
	sigChoose *widget.Button
	sigRemove *widget.Button
	signature []byte

	root fyne.CanvasObject
}

// mergeField is a field a text may use, with what it prints.
type mergeField struct{ name, what string }

var (
	commonFields = []mergeField{
		{"Owner.Salutation", "formule d'appel : Madame, Monsieur…"}, {"Owner.DisplayName", "civilité et nom du copropriétaire"},
		{"Owner.Account", "son compte (450…)"}, {"Owner.Lots", "ses lots : « lots 9, 14 et 19 »"},
		{"Residence.Name", "nom de la résidence"}, {"Residence.Address", "adresse de la résidence"},
		{"Residence.Zip", "code postal"}, {"Residence.City", "ville"},
		{"Syndic.Name", "nom du syndic"}, {"Syndic.Phone", "téléphone du syndic"}, {"Syndic.Email", "courriel du syndic"},
		{"Bank.IBAN", "IBAN de la résidence"}, {"Today", "date de la lettre"}, {"Exercise", "exercice (2025)"},
	}
	callFields = []mergeField{
		{"CallDate", "date de l'appel"}, {"DueDate", "date d'exigibilité"}, {"Period", "période : « 1er trimestre 2025 »"},
		{"PeriodStart", "début de la période"}, {"PeriodEnd", "fin de la période"}, {"Total", "montant appelé"},
		{"PreviousBalance", "solde antérieur"}, {"AmountDue", "montant à payer"},
		{"Debit", "prélèvement annoncé (vide sans mandat)"},
	}
	// worksFields are the AG decision a works call carries out.
	worksFields = []mergeField{
		{"Works.Label", "libellé des travaux"}, {"Works.Code", "code de la campagne (ASC)"},
		{"Works.AGDate", "date de l'AG qui les a votés"}, {"Works.Resolution", "« résolution n° 12 »"},
		{"Works.Voted", "montant voté"}, {"Works.Schedule", "dates des échéances"},
		{"Works.Number", "rang de cet appel (2)"}, {"Works.Count", "nombre d'échéances (4)"},
	}
	reminderFields = []mergeField{
		{"Date", "date du solde"}, {"Balance", "solde débiteur"}, {"PayBy", "date limite de paiement"}, {"Threshold", "seuil de relance"},
	}
	// cardFields are the balance of a letter written from an owner's card.
	cardFields = []mergeField{{"Date", "date du solde"}, {"Balance", "solde du compte"}}
	// supplierFields are the addressee of a letter to a supplier.
	supplierFields = []mergeField{
		{"Supplier.Salutation", "formule d'appel"}, {"Supplier.Name", "nom du fournisseur"}, {"Supplier.Contact", "son contact"},
		{"Supplier.Account", "son compte (401…)"}, {"Supplier.Address", "son adresse"}, {"Supplier.Zip", "son code postal"},
		{"Supplier.City", "sa ville"}, {"Supplier.Balance", "ce que le syndicat lui doit"},
		{"Residence.Name", "nom de la résidence"}, {"Residence.Address", "adresse de la résidence"},
		{"Residence.Zip", "code postal"}, {"Residence.City", "ville"},
		{"Syndic.Name", "nom du syndic"}, {"Syndic.Phone", "téléphone du syndic"}, {"Syndic.Email", "courriel du syndic"},
		{"Today", "date de la lettre"},
	}
)

// fieldsOf lists the merge fields that make sense in a text.
func fieldsOf(n templates.Name) []mergeField {
	switch n {
	case templates.Opening, templates.OneOffOpening:
		return append(append([]mergeField{}, callFields...), commonFields...)
	case templates.WorksOpening:
		return append(append(append([]mergeField{}, callFields...), worksFields...), commonFields...)
	case templates.Reminder:
		return append(append([]mergeField{}, reminderFields...), commonFields...)
	case templates.Footer:
		return append(append(append([]mergeField{}, callFields...), reminderFields...), commonFields...)
	case templates.OwnerLetter:
		return append(append([]mergeField{}, cardFields...), commonFields...)
	case templates.QuoteRequest, templates.WorkOrder, templates.SupplierLetter:
		return supplierFields
	}
	return commonFields
}

func newLettersPanel(s *Shell) *lettersPanel {
	p := &lettersPanel{s: s, drafts: map[templates.Name]string{}}
	var labels []string
	for _, i := range templates.All() {
		labels = append(labels, i.Label)
	}
	p.choice = widget.NewRadioGroup(labels, func(v string) {
		if p.filling || v == "" {
			return
		}
		for i, t := range p.texts {
			if t.Label == v {
				p.show(i)
			}
		}
	})
	p.choice.Required = true
	p.help = widgets.Note("")
	p.state = widget.NewLabel("")
	p.state.TextStyle.Bold = true
	p.state.Wrapping = fyne.TextWrapWord
	p.editor = widgets.NewTextArea("", 12)
	p.editor.TextStyle.Monospace = true
	p.editor.SetKeys(&widgets.FormKeys{Enter: p.saveText}) // Ctrl+Entrée saves
	p.editor.OnChanged = func(string) { p.edited() }
	p.preview = widgets.Note("")
	p.previewErr = widget.NewLabel("")
	p.previewErr.Importance = widget.DangerImportance
	p.previewErr.Wrapping = fyne.TextWrapWord
	p.previewErr.TextStyle.Bold = true
	p.previewErr.Hide()
	p.fields = container.NewVBox()

	p.save = widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), p.saveText)
	p.save.Importance = widget.HighImportance
	p.undo = widget.NewButtonWithIcon("Annuler les modifications", theme.ContentUndoIcon(), p.undoText)
	p.reset = widget.NewButtonWithIcon("Texte d'origine…", theme.ViewRefreshIcon(), p.resetText)

	p.sigImage = canvas.NewImageFromResource(nil)
	p.sigImage.FillMode = canvas.ImageFillContain
	p.sigImage.SetMinSize(fyne.NewSize(200, 80))
	p.sigNone = widgets.Note("Aucune signature : les lettres se terminent par le texte du pied.")
	p.sigChoose = widget.NewButtonWithIcon("Choisir une image…", theme.FileImageIcon(), p.chooseSignature)
	p.sigRemove = widget.NewButtonWithIcon("Retirer la signature…", theme.DeleteIcon(), p.removeSignature)

	bold := func(t string) *widget.Label {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord // a narrow window wraps it rather than widen
		return l
	}
	left := container.NewVBox(bold("Texte à modifier"), p.choice, widget.NewSeparator(), bold("Signature sous les lettres"),
		container.NewStack(p.sigImage, p.sigNone), p.sigChoose, p.sigRemove,
		widgets.Note("Image PNG ou JPEG de votre signature (scannée), imprimée sous les avis et les relances."))
	buttons := widgets.Line(p.save, p.undo)
	editPart := container.NewBorder(container.NewVBox(p.help, container.NewBorder(nil, nil, nil, p.reset, p.state)), container.NewVBox(p.previewErr, buttons,
		widgets.Note("Les champs de fusion s'écrivent entre doubles accolades, avec un point : {{.Owner.Salutation}}. Cliquez sur un champ à droite pour l'insérer à la place du curseur. "+desktop.Shortcut("Entrée")+" : enregistrer.")),
		nil, nil, p.editor)
	previewPart := container.NewBorder(bold("Aperçu avec des données d'exemple"), nil, nil, nil,
		container.NewVScroll(widgets.Tinted(surface, p.preview)))
	// Both ways: a long field name scrolls rather than widen the window.
	fieldsPart := container.NewBorder(bold("Champs de fusion"), nil, nil, nil, container.NewScroll(p.fields))
	right := container.NewVSplit(previewPart, fieldsPart)
	right.Offset = 0.55
	center := container.NewHSplit(editPart, right)
	center.Offset = 0.55
	p.root = container.NewBorder(nil, nil, container.New(&widgets.FixedWidth{Width: 240}, container.NewVScroll(left)), nil, center)
	return p
}

func (p *lettersPanel) view() fyne.CanvasObject { return p.root }

// reload reads the texts and the signature again, keeping what is typed.
func (p *lettersPanel) reload() {
	s := p.s
	texts, err := s.res.LetterTexts()
	if err != nil {
		s.showError(err)
		return
	}
	p.texts = texts
	if p.signature, err = s.res.Signature(); err != nil {
		s.showError(err)
	}
	p.showSignature()
	if p.current >= len(texts) {
		p.current = 0
	}
	p.show(p.current)
}

// saved is the text the residence prints for the current text.
func (p *lettersPanel) saved() app.LetterText { return p.texts[p.current] }

// show puts a text in the editor: what was typed for it, else what is saved.
func (p *lettersPanel) show(i int) {
	if len(p.texts) == 0 {
		return
	}
	p.keepDraft()
	p.current = i
	t := p.texts[i]
	p.filling = true
	p.choice.SetSelected(t.Label)
	text, ok := p.drafts[t.Name]
	if !ok {
		text = t.Text
	}
	p.editor.SetText(text)
	p.shown = t.Name
	p.filling = false
	p.help.SetText(t.Help)
	p.fields.Objects = nil
	for _, mf := range fieldsOf(t.Name) {
		code := "{{." + mf.name + "}}"
		b := widget.NewButton(code, func() { p.insert(code) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		what := widget.NewLabel(mf.what)
		what.Importance = widget.LowImportance
		what.Truncation = fyne.TextTruncateEllipsis
		p.fields.Add(container.NewBorder(nil, nil, b, nil, what))
	}
	p.fields.Refresh()
	p.edited()
}

// keepDraft remembers what is typed in the editor for the text shown.
func (p *lettersPanel) keepDraft() {
	if p.filling || p.shown == "" {
		return
	}
	for _, t := range p.texts {
		if t.Name != p.shown {
			continue
		}
		if p.editor.Text != t.Text {
			p.drafts[t.Name] = p.editor.Text
		} else {
			delete(p.drafts, t.Name)
		}
	}
}

func (p *lettersPanel) dirty() bool {
	return len(p.texts) > 0 && p.editor.Text != p.saved().Text
}

// edited shows the preview of what is typed, or what is wrong with it, and
// where the text stands.
func (p *lettersPanel) edited() {
	if p.filling || len(p.texts) == 0 {
		return
	}
	p.keepDraft()
	t := p.saved()
	out, err := app.PreviewLetterText(t.Name, p.editor.Text)
	if err != nil {
		p.previewErr.SetText(p.s.message(err) + " — le texte ne peut pas être enregistré tant que ce n'est pas corrigé.")
		p.previewErr.Show()
	} else {
		p.previewErr.Hide()
		p.preview.SetText(out)
	}
	state := "Texte d'origine de Tantième"
	if t.Custom {
		state = "Texte propre à la résidence"
	}
	p.state.Importance = widget.MediumImportance
	if p.dirty() {
		state += " — modifications non enregistrées"
		p.state.Importance = widget.WarningImportance
	}
	p.state.SetText(state)
	ro := p.s.readOnly()
	widgets.SetEnabled(p.editor, !ro)
	widgets.SetEnabled(p.save, !ro && p.dirty() && err == nil)
	widgets.SetEnabled(p.undo, !ro && p.dirty())
	widgets.SetEnabled(p.reset, !ro && (t.Custom || strings.TrimSpace(p.editor.Text) != strings.TrimSpace(t.Default)))
	widgets.SetEnabled(p.sigChoose, !ro)
	widgets.SetEnabled(p.sigRemove, !ro && len(p.signature) > 0)
}

// insert writes a merge field at the cursor.
func (p *lettersPanel) insert(code string) {
	if p.editor.Disabled() {
		return
	}
	lines := strings.Split(p.editor.Text, "\n")
	row := min(max(p.editor.CursorRow, 0), len(lines)-1)
	line := []rune(lines[row])
	col := min(max(p.editor.CursorColumn, 0), len(line))
	lines[row] = string(line[:col]) + code + string(line[col:])
	p.editor.SetText(strings.Join(lines, "\n"))
	p.editor.CursorRow, p.editor.CursorColumn = row, col+len([]rune(code))
	p.editor.Refresh()
	p.s.win.Canvas().Focus(p.editor)
}

func (p *lettersPanel) saveText() {
	if p.s.readOnly() || !p.dirty() {
		return
	}
	t := p.saved()
	if err := p.s.res.SaveLetterText(t.Name, p.editor.Text); err != nil {
		p.s.showError(err)
		return
	}
	delete(p.drafts, t.Name)
	p.shown = ""
	p.s.say(fmt.Sprintf("Texte « %s » enregistré : il servira aux prochains documents", t.Label))
	p.reload()
}

func (p *lettersPanel) undoText() {
	if !p.dirty() {
		return
	}
	t := p.saved()
	p.s.confirm("Annuler les modifications ?", fmt.Sprintf("Le texte « %s » reviendra à ce qui est enregistré ; ce que vous avez tapé sera perdu.", t.Label),
		"Annuler les modifications", "Continuer la saisie", func() {
			delete(p.drafts, t.Name)
			p.filling = true
			p.editor.SetText(t.Text)
			p.filling = false
			p.edited()
			p.s.say(fmt.Sprintf("Modifications du texte « %s » annulées", t.Label))
		})
}

// resetText goes back to the program's own text, once confirmed.
func (p *lettersPanel) resetText() {
	if p.s.readOnly() || len(p.texts) == 0 {
		return
	}
	t := p.saved()
	p.s.confirmAction("Revenir au texte d'origine", fmt.Sprintf("Remplacer le texte « %s » par celui fourni avec Tantième ? Le texte actuel sera perdu.", t.Label),
		"Revenir au texte d'origine", func() error {
			if err := p.s.res.SaveLetterText(t.Name, ""); err != nil {
				return err
			}
			delete(p.drafts, t.Name)
			p.shown = "" // the editor's text is no longer a draft to keep
			p.s.say(fmt.Sprintf("Texte « %s » revenu au texte d'origine de Tantième", t.Label))
			p.reload()
			return nil
		})
}

func (p *lettersPanel) showSignature() {
	if len(p.signature) == 0 {
		p.sigImage.Resource = nil
		p.sigImage.Hide()
		p.sigNone.Show()
	} else {
		p.sigImage.Resource = fyne.NewStaticResource("signature", p.signature)
		p.sigImage.Show()
		p.sigNone.Hide()
	}
	p.sigImage.Refresh()
}

// chooseSignature asks for a PNG or JPEG image and stores it.
func (p *lettersPanel) chooseSignature() {
	s := p.s
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			s.showError(ledger.Wrap(ledger.Invalid, err, "L'image « %s » ne peut pas être lue", rc.URI().Name()))
			return
		}
		p.setSignature(data, rc.URI().Name())
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(documentsDir())); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

// setSignature stores an image read from file name.
func (p *lettersPanel) setSignature(data []byte, name string) {
	if err := p.s.res.SetSignature(data); err != nil {
		p.s.showError(err)
		return
	}
	p.s.say(fmt.Sprintf("Signature « %s » enregistrée : elle sera imprimée sous les avis et les relances", name))
	p.reload()
}

func (p *lettersPanel) removeSignature() {
	if len(p.signature) == 0 || p.s.readOnly() {
		return
	}
	p.s.confirmAction("Retirer la signature", "Retirer l'image de la signature ? Les prochains avis et relances seront imprimés sans elle.", "Retirer la signature",
		func() error {
			if err := p.s.res.SetSignature(nil); err != nil {
				return err
			}
			p.s.say("Signature retirée : les prochaines lettres seront imprimées sans elle")
			p.reload()
			return nil
		})
}
