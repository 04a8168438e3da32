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

// Paramètres › Classeurs: the binders of the document register and who
// sees each, as the grid of seed 000 (« Classeurs Syndic »): one row per
// binder, one check per audience, each change saved for its binder at
// once.

// binderGrid is the tab's state.
type binderGrid struct {
	rows  *fyne.Container
	add   *widget.Button
	note  *widget.Label
	cols  *widgets.Columns
	boxes map[string][]*widget.Check // by binder code, in ledger.Audiences order
}

// audienceTitle is the grid's column title of each audience, on two lines.
var audienceTitle = map[ledger.Audience]string{
	ledger.AudienceOwner:     "Copropriétaire\nconcerné",
	ledger.AudienceOwners:    "Tous les\ncopropriétaires",
	ledger.AudienceCouncil:   "Membre\ndu conseil",
	ledger.AudiencePresident: "Président\ndu conseil",
	ledger.AudienceSupplier:  "Prestataire",
}

func (p *settings) bindersTab() fyne.CanvasObject {
	g := &binderGrid{boxes: map[string][]*widget.Check{}}
	p.binderGrid = g
	// Narrow enough for a 1024-px window: the binder's column takes what
	// is left (its long names ellipsize there), the titles of the checks
	// are broken by hand between words.
	widths := []float32{130}
	for range ledger.Audiences {
		widths = append(widths, 118)
	}
	g.cols = &widgets.Columns{Widths: widths, Stretch: 0}
	head := []fyne.CanvasObject{widget.NewLabelWithStyle("Classeur", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, a := range ledger.Audiences {
		head = append(head, widget.NewLabelWithStyle(audienceTitle[a], fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	g.rows = container.NewVBox()
	g.add = widget.NewButtonWithIcon("Ajouter un classeur…", theme.ContentAddIcon(), p.addBinder)
	g.note = widgets.Note("Qui voit les documents de chaque classeur quand vous publiez l'espace des copropriétaires et du conseil. Un document qui nomme des copropriétaires n'est jamais montré aux autres, quel que soit son classeur. Chaque case est enregistrée dès qu'elle est cochée.")
	top := container.NewVBox(container.NewBorder(nil, nil, nil, g.add, g.note), container.New(g.cols, head...), widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(g.rows))
}

// reloadBinders fills the grid from the residence.
func (p *settings) reloadBinders() {
	s, g := p.s, p.binderGrid
	bs, err := s.res.Binders()
	if err != nil {
		s.showError(err)
		return
	}
	ro := s.res.ReadOnly()
	g.boxes = map[string][]*widget.Check{}
	// The rows are set at once: Add lays the whole grid out again at each
	// row (a third of the Paramètres screen's time).
	rows := make([]fyne.CanvasObject, 0, len(bs))
	for _, b := range bs {
		name := widget.NewLabel(b.Label)
		name.Truncation = fyne.TextTruncateEllipsis
		name.Wrapping = fyne.TextWrapOff
		cells := []fyne.CanvasObject{name}
		for _, a := range ledger.Audiences {
			c := widget.NewCheck("", nil)
			c.Checked = b.Sees(a)
			c.OnChanged = func(bool) { p.saveBinder(b) }
			if ro {
				c.Disable()
			}
			g.boxes[b.Code] = append(g.boxes[b.Code], c)
			cells = append(cells, container.NewCenter(c))
		}
		rows = append(rows, container.New(g.cols, cells...))
	}
	g.rows.Objects = rows
	g.rows.Refresh()
	widgets.SetEnabled(g.add, !ro)
}

// saveBinder records the row of binder b as it is checked.
func (p *settings) saveBinder(b ledger.Binder) {
	s := p.s
	set := map[ledger.Audience]bool{}
	var who []string
	for i, c := range p.binderGrid.boxes[b.Code] {
		if c.Checked {
			set[ledger.Audiences[i]] = true
			who = append(who, strings.ToLower(ledger.Audiences[i].Label()))
		}
	}
	if err := s.res.SetBinderAudiences(b.Code, set); err != nil {
		s.showError(err)
		p.reloadBinders()
		return
	}
	if len(who) == 0 {
		s.say(fmt.Sprintf("Classeur « %s » : vu de personne (il n'est pas publié)", b.Label))
		return
	}
	s.say(fmt.Sprintf("Classeur « %s » : vu par %s", b.Label, strings.Join(who, ", ")))
}

// addBinder asks for a new binder's name.
func (p *settings) addBinder() {
	s := p.s
	name := widgets.NewField("", "Plans de l'immeuble, Assurance…")
	f := s.newForm("Ajouter un classeur", "Ajouter", name)
	f.submit = func() error {
		label := strings.TrimSpace(name.Text)
		if _, err := s.res.AddBinder(label); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Classeur « %s » ajouté : vu par le conseil syndical et son président ; cochez qui d'autre le voit", label))
		p.reloadBinders()
		return nil
	}
	f.show(container.NewVBox(widget.NewForm(widget.NewFormItem("Nom", name)),
		widgets.Note("Un nouveau classeur est vu par le conseil syndical et son président ; cochez ensuite qui d'autre le voit.")), name)
}
