package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// entryForm types a new entry or changes one: date, journal, piece, label,
// and lines with account, key, label, debit and credit. A live indicator
// says whether debits equal credits; the books refuse anything else.
type entryForm struct {
	s     *Shell
	refs  app.EntryRefs
	ex    ledger.Exercise             // gives the year of a date typed as day and month
	orig  *ledger.Entry               // the entry changed; nil for a new one
	saved func(e ledger.Entry) string // after a write; returns more to say

	f        *form
	date     *entryBox
	journal  *listField
	piece    *entryBox
	label    *entryBox
	lines    *linesEditor
	picker   *accountPicker
	balance  *widget.Label
	tint     *canvas.Rectangle
	done     *widget.Label
	proposed string // the piece number proposed: a number typed by the user is kept
	warn     paymentCheck
	cols     []float32 // widths of the lines' columns, for the window's width
}

// Column widths of the entry form, shared by titles and boxes.
var (
	headColumns = []float32{150, 250, 180, 300}
	// TVA and R (recoverable) are narrow: they only matter on charges.
	// The narrow set fits a 1024-px window; the line's label (stretched)
	// takes what a wider one leaves. A window as wide as the form gets
	// the wide set, where accounts and keys read whole.
	lineColumns     = []float32{36, 210, 140, 90, 105, 105, 80, 36, 100}
	wideLineColumns = []float32{36, 280, 200, 150, 115, 115, 86, 40, 100}
)

const entryFormWidth = 1200

// entryForm opens the form. orig nil types a new entry in journal (or the
// first journal) with the given defaults; saved runs after each write.
func (s *Shell) entryForm(refs app.EntryRefs, orig *ledger.Entry, draft app.EntryDraft, saved func(ledger.Entry) string) *entryForm {
	ef := &entryForm{s: s, refs: refs, ex: s.exercise, orig: orig, saved: saved, cols: lineColumns}
	if s.win.Canvas().Size().Width >= entryFormWidth {
		ef.cols = wideLineColumns
	}
	ef.warn.s = s
	ef.picker = newAccountPicker(refs.Accounts)
	ef.picker.picked = func(box *entryBox, a ledger.Account) {
		if r := ef.lines.rowOf(box); r != nil {
			r.accountChosen(a)
		}
	}

	ef.date = newEntryBox(draft.Date, "JJ/MM/AAAA")
	var journals []string
	for _, j := range refs.Journals {
		journals = append(journals, journalText(j))
	}
	ef.journal = newListField(journals, "Choisir le journal")
	for i, j := range refs.Journals {
		if j.Code == draft.Journal {
			ef.journal.Selected = journals[i]
		}
	}
	ef.piece = newEntryBox(draft.Piece, "n° de facture, de pièce…")
	if orig == nil {
		ef.proposed = draft.Piece
	}
	ef.label = newEntryBox(draft.Label, "par exemple : Facture Eaux de Lyon, 1er trimestre")
	ef.lines = newLinesEditor(ef)
	for i := range draft.Lines {
		var o *ledger.Line
		if orig != nil && i < len(orig.Lines) {
			o = &orig.Lines[i]
		}
		ef.lines.add(draft.Lines[i], o)
	}
	for len(ef.lines.rows) < 2 {
		ef.lines.add(app.LineDraft{}, nil)
	}
	ef.lines.keepBlankLast()

	title := "Nouvelle écriture"
	if orig != nil {
		title = "Modifier l'écriture " + entryName(*orig)
	}
	ef.f = s.newForm(title, "Enregistrer", ef.date, ef.journal, ef.piece, ef.label, ef.lines)
	ef.f.width = entryFormWidth
	ef.f.submit = func() error { return ef.save(false) }
	if orig == nil {
		next := widgets.NewButton("Enregistrer et saisir la suivante", theme.ContentAddIcon(), widget.MediumImportance, ef.saveNext)
		next.Keys = ef.f.keys
		ef.f.extra = []fyne.CanvasObject{next}
	} else {
		id := orig.ID
		history := widgets.NewButton("Historique", theme.HistoryIcon(), widget.LowImportance, func() { s.entryHistory(id) })
		history.Keys = ef.f.keys
		ef.f.extra = []fyne.CanvasObject{history}
	}

	// After the form's own hooks (clearing its error line).
	ef.date.lost = ef.dateLeft
	ef.journal.OnChange(ef.proposePiece)
	ef.lines.OnChange(ef.update)

	ef.balance = widget.NewLabel("")
	ef.balance.TextStyle.Bold = true
	ef.balance.Truncation = fyne.TextTruncateEllipsis
	ef.tint = canvas.NewRectangle(headerTint)
	ef.done = widget.NewLabel("")
	ef.done.Importance = widget.SuccessImportance
	ef.done.Hide()
	ef.update()
	return ef
}

func journalText(j ledger.Journal) string { return j.Code + " — " + j.Label }

// entryName names an entry for the user: "AC F2025-0012 du 12/03/2025".
func entryName(e ledger.Entry) string {
	name := e.Journal
	if e.Piece != "" {
		name += " " + e.Piece
	}
	return name + " du " + ledger.FrenchDate(e.Date)
}

// show opens the dialog, the cursor in the date.
func (ef *entryForm) show() {
	titles := func(widths []float32, stretch int, texts ...string) fyne.CanvasObject {
		var objs []fyne.CanvasObject
		for _, t := range texts {
			l := widget.NewLabel(t)
			l.TextStyle.Bold = true
			l.Truncation = fyne.TextTruncateEllipsis
			objs = append(objs, l)
		}
		return container.New(&widgets.Columns{Widths: widths, Stretch: stretch}, objs...)
	}
	head := container.NewVBox(
		titles(headColumns, 3, "Date *", "Journal *", "Pièce", "Libellé de l'écriture"),
		container.New(&widgets.Columns{Widths: headColumns, Stretch: 3}, ef.date, ef.journal, ef.piece, ef.label),
	)
	if msg := ef.caution(); msg != "" {
		head.Add(widgets.Banner(warningTint, theme.WarningIcon(), msg))
	}
	head.Add(widget.NewSeparator())
	lineTitles := titles(ef.cols, 3, "N°", "Compte *", "Clé de répartition", "Libellé de la ligne", "Débit", "Crédit", "TVA", "R", "")
	for _, i := range []int{4, 5, 6} {
		lineTitles.(*fyne.Container).Objects[i].(*widget.Label).Alignment = fyne.TextAlignTrailing
	}
	head.Add(lineTitles)

	add := widget.NewButtonWithIcon("Ajouter une ligne", theme.ContentAddIcon(), func() {
		r := ef.lines.add(app.LineDraft{}, nil)
		ef.lines.refresh()
		ef.s.win.Canvas().Focus(r.account)
	})
	indicator := container.NewStack(ef.tint, container.NewPadded(ef.balance))
	foot := container.NewVBox(
		container.NewBorder(nil, nil, add, nil, indicator),
		ef.done,
		entryHint("Compte : tapez son numéro ou son nom, puis choisissez-le dans la liste (flèches et Entrée, ou Tab). "+
			"La ligne suivante propose le montant qui équilibre l'écriture. Sur une charge, TVA : le montant, ou le taux (20 %, 10 %, 5,5 %, 2,1 %) ; "+
			"R : récupérable sur le locataire. Entrée : enregistrer · Échap : annuler."),
	)
	// Objects in the order Tab goes through them: the header, the lines,
	// then what is below them (NewBorder would put the lines first).
	body := container.New(layout.NewBorderLayout(head, foot, nil, nil), head, ef.lines.scroll, foot)
	ef.f.show(container.NewStack(body, ef.picker.layer), ef.date)
}

// caution warns before changing an entry that a workflow wrote, or whose
// lines are matched or ticked on a bank statement.
func (ef *entryForm) caution() string {
	if ef.orig == nil {
		return ""
	}
	var out []string
	switch o := ef.orig.Origin; {
	case strings.HasPrefix(o, "call:"):
		out = append(out, "Cette écriture est un appel de fonds : la modifier ici ne change pas les avis déjà envoyés aux copropriétaires.")
	case strings.HasPrefix(o, "fund:"):
		out = append(out, "Cette écriture est un appel du fonds de travaux : la modifier ici ne change pas les avis déjà envoyés aux copropriétaires.")
	case strings.HasPrefix(o, "works:"):
		out = append(out, "Cette écriture est un appel de travaux : la modifier ici ne change pas les avis déjà envoyés aux copropriétaires.")
	case strings.HasPrefix(o, "advance:"):
		out = append(out, "Cette écriture est un appel d'avance : la modifier ici ne change ni les avis envoyés ni les avances de chaque copropriétaire.")
	case strings.HasPrefix(o, ledger.AdvanceOrigin):
		out = append(out, "Cette écriture rembourse l'avance d'un copropriétaire : la modifier ici ne change pas son solde d'avance.")
	case strings.HasPrefix(o, "cancel:"):
		out = append(out, "Cette écriture annule un appel de fonds.")
	case strings.HasPrefix(o, "closing:"), strings.HasPrefix(o, "closing-reversal:"):
		out = append(out, "Cette écriture vient de la clôture de l'exercice.")
	case strings.HasPrefix(o, "import:"):
		out = append(out, "Cette écriture vient d'un import de fichier.")
	}
	for _, l := range ef.orig.Lines {
		if l.Letter != "" || l.Reconciled != "" {
			out = append(out, "Des lignes sont lettrées ou pointées sur un relevé bancaire : changer leur compte ou leur montant retire ce lettrage ou ce pointage.")
			break
		}
	}
	return strings.Join(out, " ")
}

// dateLeft writes the date in full once typed ("5/3" becomes 05/03/2025)
// and proposes the piece number of its exercise.
func (ef *entryForm) dateLeft() {
	d, err := app.ParseEntryDate(ef.date.Text, ef.ex)
	if err != nil {
		return
	}
	if full := ledger.FrenchDate(d); full != ef.date.Text {
		ef.date.SetText(full)
	}
	ef.proposePiece()
}

// journalCode is the code of the journal chosen, "" when none is.
func (ef *entryForm) journalCode() string {
	if i := ef.journal.SelectedIndex(); i >= 0 && i < len(ef.refs.Journals) {
		return ef.refs.Journals[i].Code
	}
	return ""
}

// proposePiece proposes the next piece number of the journal, unless the
// user typed his own (or the entry is being changed).
func (ef *entryForm) proposePiece() {
	if ef.orig != nil || strings.TrimSpace(ef.piece.Text) != strings.TrimSpace(ef.proposed) {
		return
	}
	d, err := app.ParseEntryDate(ef.date.Text, ef.ex)
	if err != nil {
		return
	}
	piece, err := ef.s.res.NextPiece(ef.journalCode(), d)
	if err != nil {
		ef.f.fail(err)
		return
	}
	ef.proposed = piece
	ef.piece.SetText(piece)
}

// draft is the form as typed.
func (ef *entryForm) draft() app.EntryDraft {
	return app.EntryDraft{Date: ef.date.Text, Journal: ef.journalCode(), Piece: ef.piece.Text, Label: ef.label.Text, Lines: ef.lines.drafts()}
}

// update shows the totals and whether the entry balances, in words and in
// colour.
func (ef *entryForm) update() {
	ef.done.Hide()
	t := ef.draft().Totals()
	totals := fmt.Sprintf("Total débit %s / crédit %s", t.Debit, t.Credit)
	text, imp, tint := totals+" — tapez les montants : le total des débits doit égaler celui des crédits.", widget.MediumImportance, headerTint
	switch gap := t.Gap(); {
	case t.Bad != nil:
		text, imp, tint = ledger.Message(t.Bad), widget.DangerImportance, attentionTint
	case t.Debit == 0 && t.Credit == 0:
	case gap == 0:
		text, imp, tint = totals+" — Équilibrée ✓", widget.SuccessImportance, orderTint
	case gap > 0:
		text, imp, tint = fmt.Sprintf("%s — Écart de %s (il manque %s au crédit)", totals, gap, gap), widget.DangerImportance, attentionTint
	default:
		text, imp, tint = fmt.Sprintf("%s — Écart de %s (il manque %s au débit)", totals, -gap, -gap), widget.DangerImportance, attentionTint
	}
	ef.balance.Importance = imp
	ef.balance.SetText(text)
	ef.tint.FillColor = tint
	ef.tint.Refresh()
}

// save writes the entry; next keeps the form open, emptied for the next
// one. Nothing is written when the entry is refused: the message says why
// and the cursor goes where the problem is.
func (ef *entryForm) save(next bool) error {
	ef.picker.hide()
	if ef.orig != nil && !ef.f.dirty() {
		// Rewriting an entry as it was would only renumber it.
		ef.s.say(entryWords(*ef.orig) + " inchangée")
		return nil
	}
	ef.lines.compact()
	d := ef.draft()
	e, err := d.Entry(ef.refs.Accounts, ef.ex)
	if err != nil {
		ef.focusProblem(d)
		return err
	}
	if ef.orig != nil {
		e.Origin = ef.orig.Origin
		ef.lines.keepMarks(&e)
	}
	if err := e.Validate(); err != nil {
		ef.focusMissingKey(e)
		return err
	}
	var id int64
	if ef.orig != nil {
		id = ef.orig.ID
	}
	retry := ef.f.validate
	if next {
		retry = ef.saveNext
	}
	// Money leaving a bank is checked as in the payment forms.
	if err := ef.warn.check(retry, app.EntryOutflows(e, id)...); err != nil {
		return err
	}
	err = ef.s.res.SaveEntry(id, &e)
	if err != nil {
		return err
	}
	total, _ := e.Totals()
	what := "enregistrée"
	if ef.orig != nil {
		what = "modifiée"
	}
	said := fmt.Sprintf("%s %s (%s, %s)", entryWords(e), what, e.Journal, total)
	if ef.saved != nil {
		said += ef.saved(e)
	}
	ef.s.say(said)
	if !next {
		return nil
	}
	ef.clearForNext()
	ef.done.SetText("✓ " + said + ". Saisissez la suivante, ou fermez avec Échap.")
	ef.done.Show()
	return errStay
}

// saveNext writes the entry and empties the form for the next one; errStay
// is how save says it stays open, not an error to show.
func (ef *entryForm) saveNext() {
	if err := ef.save(true); err != nil && !errors.Is(err, errStay) {
		ef.f.fail(err)
	}
}

// entryWords names an entry in a sentence: "Écriture F2025-0012", or by its
// date when it has no piece.
func entryWords(e ledger.Entry) string {
	if e.Piece != "" {
		return "Écriture " + e.Piece
	}
	return "Écriture du " + ledger.FrenchDate(e.Date)
}

// clearForNext empties the form for the next entry of the same journal and
// day, with the next piece number.
func (ef *entryForm) clearForNext() {
	ef.proposed = ef.piece.Text
	ef.proposePiece()
	ef.label.SetText("")
	ef.lines.clear()
	for i, fl := range ef.f.fields {
		ef.f.initial[i] = fl.Value()
	}
	ef.s.win.Canvas().Focus(ef.date)
}

// focusProblem puts the cursor in the box that the draft cannot be read
// from.
func (ef *entryForm) focusProblem(d app.EntryDraft) {
	c := ef.s.win.Canvas()
	if _, err := app.ParseEntryDate(d.Date, ef.ex); err != nil {
		c.Focus(ef.date)
		return
	}
	for i, l := range d.Lines {
		if l.Blank() {
			continue
		}
		r := ef.lines.rows[i]
		if _, ok := ef.refs.Accounts.Resolve(l.Account); !ok {
			c.Focus(r.account)
			return
		}
		if _, err := ledger.ParseAmount(l.Debit); strings.TrimSpace(l.Debit) != "" && err != nil {
			c.Focus(r.debit)
			return
		}
		if _, err := ledger.ParseAmount(l.Credit); strings.TrimSpace(l.Credit) != "" && err != nil {
			c.Focus(r.credit)
			return
		}
	}
}

// focusMissingKey puts the cursor on the key of a charge line without one.
func (ef *entryForm) focusMissingKey(e ledger.Entry) {
	for i, l := range e.Lines {
		if ledger.AccountClass(l.Account) == 6 && l.Key == "" && i < len(ef.lines.rows) {
			ef.s.win.Canvas().Focus(ef.lines.rows[i].key)
			return
		}
	}
}

// linesEditor is the grid of lines. It keeps a blank line at the end to
// type the next one in; blank lines are left out of the entry.
type linesEditor struct {
	*fyne.Container
	ef     *entryForm
	rows   []*lineRow
	keys   *widgets.FormKeys
	hooks  []func()
	scroll *container.Scroll
}

// lineRow is a line of the grid.
type lineRow struct {
	ed                            *linesEditor
	num                           *widget.Label
	account, label, debit, credit *entryBox
	vat                           *entryBox           // charges only
	rec                           *widgets.CheckField // recoverable, charges only
	recShare                      int                 // the share R gives when ticked
	key                           *listField
	remove                        *widgets.WordButton
	obj                           *fyne.Container
	orig                          *ledger.Line // the line of the entry changed, to keep its marks
}

func newLinesEditor(ef *entryForm) *linesEditor {
	ed := &linesEditor{ef: ef, Container: container.NewVBox()}
	ed.scroll = container.NewVScroll(ed.Container)
	ed.scroll.SetMinSize(fyne.NewSize(0, 230))
	return ed
}

// keyOptions are the choices of a line's key: none, then each key.
func (ed *linesEditor) keyOptions() []string {
	out := []string{"Aucune"}
	for _, k := range ed.ef.refs.Keys {
		out = append(out, k.Code+" "+k.Label)
	}
	return out
}

// add appends a line holding l (orig is the line of the entry changed).
func (ed *linesEditor) add(l app.LineDraft, orig *ledger.Line) *lineRow {
	r := &lineRow{ed: ed, orig: orig}
	r.num = widget.NewLabel("")
	r.num.Alignment = fyne.TextAlignTrailing
	r.num.Importance = widget.LowImportance
	account := l.Account
	if a, ok := ed.ef.refs.Accounts.Account(account); ok {
		account = app.AccountText(a)
	}
	r.account = newEntryBox(account, "numéro ou mot : 601, eau, ascenseur…")
	r.key = newListField(ed.keyOptions(), "Aucune")
	for _, k := range ed.ef.refs.Keys {
		if k.Code == l.Key {
			r.key.Selected = k.Code + " " + k.Label
		}
	}
	r.label = newEntryBox(l.Label, "")
	r.debit = newEntryBox(l.Debit, "")
	r.credit = newEntryBox(l.Credit, "")
	r.debit.selectOnFocus, r.credit.selectOnFocus = true, true
	r.vat = newEntryBox(l.VAT, "")
	r.rec = widgets.NewCheckField("", l.Recoverable > 0)
	r.recShare = l.Recoverable
	r.remove = widgets.NewWordButton("Retirer", theme.DeleteIcon(), func() { ed.remove(r) })
	r.obj = container.New(&widgets.Columns{Widths: ed.ef.cols, Stretch: 3}, r.num, r.account, r.key, r.label, r.debit, r.credit, r.vat, r.rec, r.remove)

	picker := ed.ef.picker
	r.account.ownKey = func(ev *fyne.KeyEvent) bool { return picker.key(r.account, ev) }
	r.account.OnChange(func() {
		picker.search(r.account)
		r.fitKey()
		ed.changed()
	})
	r.account.lost = func() {
		// Tab or a click elsewhere takes the account highlighted in the
		// list, as Enter does.
		if picker.shown(r.account) {
			if a, ok := picker.current(); ok {
				picker.pick(a)
			}
			picker.hide()
		} else if a, ok := ed.ef.refs.Accounts.Resolve(r.account.Text); ok && app.AccountText(a) != r.account.Text {
			picker.target = r.account
			picker.pick(a)
		}
	}
	for _, b := range []*entryBox{r.account, r.label, r.debit, r.credit, r.vat} {
		b.gained = func() { ed.reveal(r) }
	}
	r.vat.OnChange(ed.changed)
	// A rate typed in the VAT box becomes the VAT the amount includes.
	r.vat.lost = r.tidyVAT
	r.rec.OnChange(ed.changed)
	r.key.OnChange(ed.changed)
	r.label.OnChange(ed.changed)
	// An amount typed on one side clears the other: a line is either a
	// debit or a credit.
	r.debit.OnChange(func() { r.oneSide(r.debit, r.credit) })
	r.credit.OnChange(func() { r.oneSide(r.credit, r.debit) })
	r.debit.lost = func() { tidyAmount(r.debit) }
	r.credit.lost = func() { tidyAmount(r.credit) }
	if ed.keys != nil {
		r.SetKeys(ed.keys)
	}
	r.fitKey()

	ed.rows = append(ed.rows, r)
	ed.Add(r.obj)
	ed.renumber()
	return r
}

func (r *lineRow) SetKeys(k *widgets.FormKeys) {
	for _, b := range []*entryBox{r.account, r.label, r.debit, r.credit, r.vat} {
		b.SetKeys(k)
	}
	r.key.SetKeys(k)
	r.rec.SetKeys(k)
}

// tidyVAT writes the VAT box as an amount: a rate typed there gives the
// VAT the line's amount includes.
func (r *lineRow) tidyVAT() {
	d := r.draft()
	debit, _ := ledger.ParseAmount(d.Debit)
	credit, _ := ledger.ParseAmount(d.Credit)
	vat, err := app.VATText(r.vat.Text, debit+credit)
	if strings.TrimSpace(r.vat.Text) == "" || err != nil {
		return
	}
	text := vat.Format()
	if vat == 0 {
		text = ""
	}
	if text != r.vat.Text {
		r.vat.SetText(text)
	}
}

func (r *lineRow) oneSide(typed, other *entryBox) {
	if strings.TrimSpace(typed.Text) != "" && other.Text != "" {
		other.SetText("")
	}
	r.ed.changed()
}

// tidyAmount writes a typed amount the French way once the box is left:
// "1234.5" becomes "1 234,50"; zero empties the box.
func tidyAmount(b *entryBox) {
	a, err := ledger.ParseAmount(b.Text)
	if strings.TrimSpace(b.Text) == "" || err != nil {
		return
	}
	text := a.Format()
	if a == 0 {
		text = ""
	}
	if text != b.Text {
		b.SetText(text)
	}
}

func (r *lineRow) draft() app.LineDraft {
	account := r.account.Text
	key := ""
	if i := r.key.SelectedIndex(); i > 0 && !r.key.Disabled() {
		key = r.ed.ef.refs.Keys[i-1].Code
	}
	d := app.LineDraft{Account: account, Key: key, Label: r.label.Text, Debit: r.debit.Text, Credit: r.credit.Text}
	if r.vat.Visible() {
		d.VAT = r.vat.Text
		if r.rec.Checked {
			d.Recoverable = r.recShare
		}
	}
	return d
}

// candidate is the account the line's box names: the one highlighted in
// the list while it is open.
func (r *lineRow) candidate() (ledger.Account, bool) {
	if p := r.ed.ef.picker; p.shown(r.account) {
		return p.current()
	}
	return r.ed.ef.refs.Accounts.Resolve(r.account.Text)
}

// fitKey offers the key where it belongs: required on a charge (class 6),
// allowed on provisions and income (classes 1 and 7), left out on third
// parties and banks (classes 4 and 5) unless the line already had one. It
// follows the account as it is typed, so that Tab skips the key when the
// account takes none.
func (r *lineRow) fitKey() {
	a, ok := r.candidate()
	class := 0
	if ok {
		class = a.Class()
	}
	noKey := (class == 4 || class == 5) && r.key.SelectedIndex() <= 0
	// VAT and R are a charge's: elsewhere they are not shown (nor
	// reached by Tab).
	if class == 6 {
		r.vat.Show()
		r.rec.Show()
		if r.recShare == 0 {
			r.recShare = ledger.RecoverableShare(a)
		}
	} else {
		r.vat.Hide()
		r.rec.Hide()
	}
	switch {
	case noKey:
		r.key.PlaceHolder = "—"
		if !r.key.Disabled() {
			r.key.Disable()
		}
	case class == 6:
		r.key.PlaceHolder = "Clé obligatoire"
		r.key.Enable()
	default:
		r.key.PlaceHolder = "Aucune"
		r.key.Enable()
	}
	r.key.Refresh()
}

// accountChosen fills what follows from the account: the key when the
// residence has a single one, and on a line without amounts the sum that
// balances the entry, on the side it is missing.
func (r *lineRow) accountChosen(a ledger.Account) {
	r.recShare = ledger.RecoverableShare(a)
	r.fitKey()
	// R follows the account's default on a new choice of account.
	if a.Class() == 6 && (r.orig == nil || r.orig.Account != a.Code) {
		r.rec.SetChecked(a.Recoverable > 0)
	}
	keys := r.ed.ef.refs.Keys
	if a.Class() == 6 && len(keys) == 1 && r.key.SelectedIndex() <= 0 {
		r.key.SetSelectedIndex(1)
	}
	if strings.TrimSpace(r.debit.Text+r.credit.Text) != "" {
		return
	}
	var others []app.LineDraft
	for _, o := range r.ed.rows {
		if o != r {
			others = append(others, o.draft())
		}
	}
	t := app.EntryDraft{Lines: others}.Totals()
	switch gap := t.Gap(); {
	case t.Bad != nil:
	case gap > 0:
		r.credit.SetText(gap.Format())
	case gap < 0:
		r.debit.SetText((-gap).Format())
	}
}

func (ed *linesEditor) rowOf(box *entryBox) *lineRow {
	for _, r := range ed.rows {
		if r.account == box {
			return r
		}
	}
	return nil
}

func (ed *linesEditor) drafts() []app.LineDraft {
	var out []app.LineDraft
	for _, r := range ed.rows {
		out = append(out, r.draft())
	}
	return out
}

// changed follows a change of any line: a blank line stays at the end,
// the indicator is updated, the form hears of it.
func (ed *linesEditor) changed() {
	if ed.keepBlankLast() {
		ed.refresh()
	}
	for _, h := range ed.hooks {
		h()
	}
}

// keepBlankLast adds a blank line when the last one was typed in.
func (ed *linesEditor) keepBlankLast() bool {
	if n := len(ed.rows); n > 0 && ed.rows[n-1].draft().Blank() {
		return false
	}
	ed.add(app.LineDraft{}, nil)
	return true
}

func (ed *linesEditor) remove(r *lineRow) {
	ed.ef.picker.hide()
	for i, x := range ed.rows {
		if x == r {
			ed.rows = append(ed.rows[:i], ed.rows[i+1:]...)
			ed.Remove(r.obj)
			break
		}
	}
	ed.renumber()
	ed.changed()
	ed.refresh()
}

// compact removes the blank lines but the last, so that the lines keep
// the numbers the books' messages give them.
func (ed *linesEditor) compact() {
	var keep []*lineRow
	for i, r := range ed.rows {
		if !r.draft().Blank() || i == len(ed.rows)-1 {
			keep = append(keep, r)
		}
	}
	if len(keep) == len(ed.rows) {
		return
	}
	ed.rows = keep
	ed.Objects = nil
	for _, r := range keep {
		ed.Objects = append(ed.Objects, r.obj)
	}
	ed.renumber()
	ed.refresh()
}

// clear leaves two blank lines.
func (ed *linesEditor) clear() {
	ed.rows, ed.Objects = nil, nil
	ed.add(app.LineDraft{}, nil)
	ed.add(app.LineDraft{}, nil)
	ed.refresh()
	ed.changed()
}

func (ed *linesEditor) renumber() {
	for i, r := range ed.rows {
		r.num.SetText(fmt.Sprint(i + 1))
	}
}

func (ed *linesEditor) refresh() {
	ed.Refresh()
	ed.scroll.Refresh()
}

// reveal scrolls the grid to a line getting the cursor.
func (ed *linesEditor) reveal(r *lineRow) {
	top, h := r.obj.Position().Y, r.obj.Size().Height
	view := ed.scroll.Size().Height
	switch {
	case top < ed.scroll.Offset.Y:
		ed.scroll.Offset.Y = top
	case top+h > ed.scroll.Offset.Y+view:
		ed.scroll.Offset.Y = top + h - view
	default:
		return
	}
	ed.scroll.Refresh()
}

// keepMarks carries the matching letter and the bank tick of the lines
// left as they were (same account and amounts) into the changed entry.
func (ed *linesEditor) keepMarks(e *ledger.Entry) {
	for i := range e.Lines {
		if i >= len(ed.rows) || ed.rows[i].orig == nil {
			continue
		}
		l, o := &e.Lines[i], ed.rows[i].orig
		if l.Account == o.Account && l.Debit == o.Debit && l.Credit == o.Credit {
			l.Letter, l.Reconciled = o.Letter, o.Reconciled
		}
	}
}

// linesEditor is a field of the form: what it holds tells whether the
// form was typed in, and it passes the form's keys to every box.
func (ed *linesEditor) Value() string {
	var b strings.Builder
	for _, r := range ed.rows {
		d := r.draft()
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%s|%d\n", d.Account, d.Key, d.Label, d.Debit, d.Credit, d.VAT, d.Recoverable)
	}
	return b.String()
}

func (ed *linesEditor) SetKeys(k *widgets.FormKeys) {
	ed.keys = k
	for _, r := range ed.rows {
		r.SetKeys(k)
	}
}

func (ed *linesEditor) OnChange(fn func()) { ed.hooks = append(ed.hooks, fn) }

// lineDrafts writes an entry's lines as the form shows them.
func lineDrafts(e ledger.Entry) []app.LineDraft {
	var out []app.LineDraft
	for _, l := range e.Lines {
		d := app.LineDraft{Account: l.Account, Key: l.Key, Label: l.Label}
		if l.Debit != 0 {
			d.Debit = l.Debit.Format()
		}
		if l.Credit != 0 {
			d.Credit = l.Credit.Format()
		}
		if l.VAT != 0 {
			d.VAT = l.VAT.Format()
		}
		d.Recoverable = l.Recoverable
		out = append(out, d)
	}
	return out
}
