package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/debits"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sepa"
	"tantieme/ui/widgets"
)

// debitsForm is Banque › Prélèvements… (issue 18): the SEPA direct debits
// of a due date — who is debited of what, FRST or RCUR, who is not and
// why, the warnings — then « Générer et comptabiliser »: the receipts
// posted and the pain.008 file written, and the report.
type debitsForm struct {
	s        *Shell
	f        *form
	date     *widgets.Field
	bank     *widget.Select
	banks    []ledger.BankAccount
	version  *widget.Select
	table    *widgets.Table[debits.Line]
	warnings *widget.Label // above the list: they must be read before posting
	notes    *widget.Label // the owners not debited, and why
	summary  *widget.Label
	batch    debits.Batch
	computed bool
}

var debitVersions = []string{"pain.008.001.08 (format actuel)", "pain.008.001.02 (ancien format, si la banque le demande)"}

func (s *Shell) debitsForm() {
	if s.res == nil {
		return
	}
	d := &debitsForm{s: s}
	all, err := s.res.BankAccounts()
	if err != nil {
		s.showError(err)
		return
	}
	var opts []string
	for _, b := range all {
		if !b.Savings {
			d.banks = append(d.banks, b)
			opts = append(opts, bankText(b)+map[bool]string{true: "", false: " (sans ICS)"}[b.ICS != ""])
		}
	}
	d.date = widgets.NewField(ledger.FrenchDate(s.situation()), "JJ/MM/AAAA")
	d.bank = widget.NewSelect(opts, func(string) { d.compute() })
	for i, b := range d.banks {
		if b.ICS != "" && d.bank.SelectedIndex() < 0 {
			d.bank.SetSelectedIndex(i)
		}
	}
	if d.bank.SelectedIndex() < 0 && len(opts) > 0 {
		d.bank.SetSelectedIndex(0)
	}
	d.version = widget.NewSelect(debitVersions, nil)
	d.version.SetSelectedIndex(0)
	d.table = &widgets.Table[debits.Line]{
		Cols: []widgets.Column[debits.Line]{
			{Title: "Compte", Width: 80, Text: func(l debits.Line) string { return l.Owner.Account }},
			{Title: "Copropriétaire", Width: 200, Stretch: true, Text: func(l debits.Line) string { return l.Owner.DisplayName() }},
			{Title: "Séquence", Width: 95, Text: func(l debits.Line) string { return l.Sequence }},
			{Title: "RUM", Width: 170, Text: func(l debits.Line) string { return l.Mandate.RUM }},
			{Title: "Montant", Width: 120, Align: fyne.TextAlignTrailing, Text: func(l debits.Line) string { return l.Amount.String() }},
		},
		Empty: "Aucun prélèvement à cette date : aucun copropriétaire ayant un mandat en vigueur n'a d'appel échu à payer.",
		Totals: func(rows []debits.Line) []string {
			var t ledger.Amount
			for _, l := range rows {
				t += l.Amount
			}
			return []string{"Total", fmt.Sprintf("%d copropriétaire%s", len(rows), fr.S(len(rows))), "", "", t.String()}
		},
	}
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 180))
	list := container.NewStack(room, d.table.Build())
	d.warnings = widget.NewLabel("")
	d.warnings.Wrapping = fyne.TextWrapWord
	d.warnings.Importance = widget.WarningImportance
	d.notes = widgets.Note("")
	d.summary = widget.NewLabel("")
	d.summary.TextStyle.Bold = true
	d.summary.Wrapping = fyne.TextWrapWord

	d.f = s.newForm("Prélèvements SEPA", "Générer et comptabiliser", d.date)
	d.f.width = 860
	d.date.OnChanged = func(string) { d.f.clearError(); d.computed = false; widgets.SetEnabled(d.f.ok, false) }
	show := widget.NewButtonWithIcon("Afficher le lot", theme.ViewRefreshIcon(), d.compute)
	d.f.submit = d.confirm
	head := container.NewVBox(
		widgets.Note("Les appels échus à cette date, prélevés aux copropriétaires qui ont signé un mandat, jamais au-delà de ce qu'ils doivent."),
		widgets.Line(widget.NewLabel("Date du prélèvement :"), container.New(&widgets.FixedWidth{Width: 140}, d.date), show),
		widgets.Line(widget.NewLabel("Compte crédité :"), container.New(&widgets.FixedWidth{Width: 360}, d.bank)),
		widgets.Line(widget.NewLabel("Format du fichier :"), container.New(&widgets.FixedWidth{Width: 360}, d.version)),
	)
	content := container.NewBorder(container.NewVBox(head, d.summary, d.warnings), d.notes, nil, nil, list)
	d.f.show(content, d.date)
	d.compute()
}

func (d *debitsForm) bankAccount() string {
	if i := d.bank.SelectedIndex(); i >= 0 && i < len(d.banks) {
		return d.banks[i].Account
	}
	return ""
}

// compute shows the batch of the date typed; an error (no ICS, a date
// outside the exercises) is said in the dialog.
func (d *debitsForm) compute() {
	if d.f == nil {
		return
	}
	d.computed = false
	widgets.SetEnabled(d.f.ok, false)
	day, err := ledger.ParseDate(strings.TrimSpace(d.date.Text))
	if err == nil {
		d.batch, err = debits.Plan(d.s.res, day, d.bankAccount())
	}
	if err != nil {
		d.table.SetRows(nil)
		d.summary.SetText("")
		d.warnings.SetText("")
		d.notes.SetText("")
		d.f.fail(err)
		return
	}
	d.f.clearError()
	d.table.SetRows(d.batch.Lines)
	if n := len(d.batch.Lines); n > 0 {
		d.summary.SetText(fmt.Sprintf("%d prélèvement%s au %s, %s au total, sur le compte %s.", n, fr.S(n),
			ledger.FrenchDate(day), d.batch.Total, d.batch.Bank.Account))
	} else {
		d.summary.SetText("Rien à prélever au " + ledger.FrenchDate(day) + ".")
	}
	var warnings, notes []string
	for _, w := range d.batch.Warnings {
		warnings = append(warnings, "Attention : "+w+".")
	}
	d.warnings.SetText(strings.Join(warnings, "\n"))
	for _, sk := range d.batch.Skipped {
		notes = append(notes, fmt.Sprintf("Non prélevé : %s %s — %s.", sk.Owner.Account, sk.Owner.DisplayName(), sk.Reason))
	}
	d.notes.SetText(strings.Join(notes, "\n"))
	d.computed = len(d.batch.Lines) > 0
	widgets.SetEnabled(d.f.ok, d.computed && !d.s.readOnly())
	d.f.fit()
}

func (d *debitsForm) dir() string {
	return d.s.lettersDir(app.FolderDebits)
}

// confirm says what will be done before doing it.
func (d *debitsForm) confirm() error {
	if !d.computed {
		d.compute()
		return errStay
	}
	b := d.batch
	n := len(b.Lines)
	d.s.confirm("Générer et comptabiliser les prélèvements",
		fmt.Sprintf("Comptabiliser %d règlement%s de %s au %s sur le compte %s et écrire le fichier de prélèvement dans « %s » ? "+
			"Un fichier SEPA n'est produit qu'une fois : remettez-le à la banque une seule fois.",
			n, fr.S(n), b.Total, ledger.FrenchDate(b.Date), b.Bank.Account, d.dir()),
		"Générer et comptabiliser", "Revenir au lot", d.post)
	return errStay
}

func (d *debitsForm) post() {
	s := d.s
	v := sepa.Pain008v08
	if d.version.SelectedIndex() == 1 {
		v = sepa.Pain008v02
	}
	if err := os.MkdirAll(d.dir(), 0o755); err != nil {
		d.f.fail(ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » n'a pas pu être créé : vérifiez les droits", d.dir()))
		return
	}
	res, err := debits.Post(s.res, d.batch, debits.Options{Version: v, Folder: d.dir()})
	if err != nil && res.File.ID == 0 {
		d.f.fail(err)
		return
	}
	d.f.close()
	s.changed()
	n := len(res.Batch.Lines)
	done := fmt.Sprintf("%d prélèvement%s du %s comptabilisé%s, %s au total", n, fr.S(n), ledger.FrenchDate(res.Batch.Date), fr.S(n), res.Batch.Total)
	if err != nil {
		s.inform("Fichier non écrit", theme.WarningIcon(), done+".\n\n"+s.message(err))
		return
	}
	s.say(done)
	text := done + ".\n\nFichier " + res.File.Schema + " à remettre à la banque :\n" + res.Path
	for _, w := range res.Batch.Warnings {
		text += "\n\nAttention : " + w + "."
	}
	r := s.newForm("Prélèvements comptabilisés", "Fermer")
	r.cancel.Hide()
	open := widget.NewButtonWithIcon("Ouvrir le dossier", theme.FolderOpenIcon(), func() {
		if !s.openPath(filepath.Dir(res.Path)) {
			s.showFolderPath("", filepath.Dir(res.Path))
		}
	})
	r.extra = []fyne.CanvasObject{open}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	r.show(msg, nil)
}
