package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// othersSaid names a receipt's parts on other accounts: "50,00 € sur
// 713000 (Franchise dégât des eaux)", "" for a receipt not split.
func othersSaid(r ledger.Receipt) string {
	var out []string
	for _, o := range r.Others {
		s := o.Amount.String() + " sur " + o.Account
		if o.Label != "" {
			s += " (" + o.Label + ")"
		}
		out = append(out, s)
	}
	return fr.Join(out, "et")
}

// receiptSplit is the « Autres comptes » part of the receipt correction
// form (seed 003 « Répartir sur compte (autre frais) »): the parts of the
// payment that do not pay the owner's charges (an insurer's refund passed
// through his cheque…), read back from the receipt, each editable
// (account, key, label, amount); the owner's share is the rest, said
// under them as it changes. « Répartir sur un autre compte… » adds one.
type receiptSplit struct {
	f      *form
	owner  string // the owner's name
	amount *widgets.Field
	// codes and keyCodes are the accounts and keys offered, in the order
	// of their lists' options.
	codes, labels, keyCodes, keyLabels []string
	rows                               []*splitRow
	box                                *fyne.Container
	share                              *widget.Label
	content                            *fyne.Container
}

// splitRow is one part: two lines, the account and its key, then the
// label, the amount and « Retirer ».
type splitRow struct {
	account, key  *listField
	label, amount *widgets.Field
	view          fyne.CanvasObject
	removed       bool
}

// newReceiptSplit prepares the part of the form for parts; its fields are
// the form's (Enter validates, Escape asks before losing what was typed).
func newReceiptSplit(accounts []ledger.Account, keys []ledger.Key, parts []ledger.OtherPart, owner string, amount *widgets.Field) *receiptSplit {
	x := &receiptSplit{owner: owner, amount: amount, keyCodes: []string{""}, keyLabels: []string{"(aucune clé)"}}
	for _, a := range accounts {
		if ledger.TakesOtherPart(a.Code) && ledger.AccountClass(a.Code) >= 1 {
			x.codes = append(x.codes, a.Code)
			x.labels = append(x.labels, a.Code+" "+a.Label)
		}
	}
	for _, k := range keys {
		x.keyCodes = append(x.keyCodes, k.Code)
		x.keyLabels = append(x.keyLabels, k.Code+" "+k.Label)
	}
	x.box = container.NewVBox()
	x.share = widget.NewLabel("")
	x.share.Wrapping = fyne.TextWrapWord
	for _, p := range parts {
		x.addRow(p)
	}
	return x
}

// fields are the form's fields of the parts read back.
func (x *receiptSplit) fields() []widgets.FormField {
	var out []widgets.FormField
	for _, r := range x.rows {
		out = append(out, r.account, r.key, r.label, r.amount)
	}
	return out
}

func (x *receiptSplit) addRow(p ledger.OtherPart) *splitRow {
	r := &splitRow{account: newListField(x.labels, "Choisissez l'autre compte"), key: newListField(x.keyLabels, ""),
		label: widgets.NewField(p.Label, "ex. : franchise de l'assureur"), amount: widgets.NewField(amountText(p.Amount), "0,00")}
	r.key.SetSelectedIndex(0)
	for i, c := range x.codes {
		if c == p.Account {
			r.account.SetSelectedIndex(i)
		}
	}
	for i, c := range x.keyCodes {
		if c == p.Key && c != "" {
			r.key.SetSelectedIndex(i)
		}
	}
	remove := widgets.NewButton("Retirer", theme.ContentRemoveIcon(), widget.LowImportance, func() { x.remove(r) })
	n := len(x.rows) + 1
	r.view = container.NewVBox(
		container.NewBorder(nil, nil, formLabel(fmt.Sprintf("Compte %d", n)), container.New(&widgets.FixedWidth{Width: 190}, r.key), r.account),
		container.NewBorder(nil, nil, formLabel("Libellé"), container.NewHBox(formLabel("Montant (€)"), container.New(&widgets.FixedWidth{Width: 110}, r.amount), remove), r.label),
	)
	x.rows = append(x.rows, r)
	x.box.Add(r.view)
	return r
}

// remove takes a part out: its fields are emptied (the form then knows
// something changed) and hidden.
func (x *receiptSplit) remove(r *splitRow) {
	r.removed = true
	r.account.ClearSelected()
	r.label.SetText("")
	r.amount.SetText("")
	r.view.Hide()
	x.box.Refresh()
	x.sayShare()
	x.fit()
}

// add is « Répartir sur un autre compte… »: a new part, the cursor in its
// account.
func (x *receiptSplit) add() {
	r := x.addRow(ledger.OtherPart{})
	for _, fl := range []widgets.FormField{r.account, r.key, r.label, r.amount} {
		fl.SetKeys(x.f.keys)
		fl.OnChange(x.f.clearError)
		x.f.fields = append(x.f.fields, fl)
		x.f.initial = append(x.f.initial, fl.Value())
	}
	x.sumOn(r.amount)
	x.sayShare()
	x.fit()
	x.f.s.win.Canvas().Focus(r.account)
}

func (x *receiptSplit) fit() {
	if x.f != nil {
		x.f.fit()
	}
}

// sayShare says what is left to the owner, as typed so far.
func (x *receiptSplit) sayShare() {
	total, err := ledger.ParseAmount(x.amount.Text)
	if err != nil {
		x.share.SetText("")
		return
	}
	var others ledger.Amount
	n := 0
	for _, r := range x.rows {
		if r.removed {
			continue
		}
		n++
		if a, err := ledger.ParseAmount(r.amount.Text); err == nil {
			others += a
		}
	}
	if n == 0 {
		x.share.SetText("")
		return
	}
	x.share.SetText(fmt.Sprintf("Part de %s (le reste du règlement) : %s", x.owner, (total - others).String()))
}

// parts reads the parts as typed, naming the field that is wrong; the
// books check the rest (key on classes 6 and 7, a share left to the
// owner).
func (x *receiptSplit) parts() ([]ledger.OtherPart, error) {
	var out []ledger.OtherPart
	n := 0
	for _, r := range x.rows {
		if r.removed {
			continue
		}
		n++
		if r.account.SelectedIndex() < 0 && strings.TrimSpace(r.amount.Text) == "" && strings.TrimSpace(r.label.Text) == "" {
			continue // added, then left empty
		}
		i := r.account.SelectedIndex()
		if i < 0 {
			x.f.s.win.Canvas().Focus(r.account)
			return nil, ledger.Errorf(ledger.Invalid, "Autre compte %d : choisissez le compte qui reçoit cette part du règlement", n)
		}
		a, err := parseFormAmount(fmt.Sprintf("Montant de l'autre compte %d", n), r.amount.Text)
		if err != nil {
			x.f.s.win.Canvas().Focus(r.amount)
			return nil, err
		}
		out = append(out, ledger.OtherPart{Account: x.codes[i], Key: x.keyCodes[max(r.key.SelectedIndex(), 0)], Label: strings.TrimSpace(r.label.Text), Amount: a})
	}
	return out, nil
}

// sumOn says the owner's share again when an amount changes, the error
// line cleared as on every field (a Field has one hook: both are in it).
func (x *receiptSplit) sumOn(amount *widgets.Field) {
	amount.OnChange(func() {
		x.f.clearError()
		x.sayShare()
	})
}

// view is the part of the form: a title, the parts, the owner's share and
// the button; the form f is the one the parts' fields belong to.
func (x *receiptSplit) view(f *form) fyne.CanvasObject {
	x.f = f
	x.sumOn(x.amount)
	for _, r := range x.rows {
		x.sumOn(r.amount)
	}
	x.sayShare()
	add := widgets.NewButton("Répartir sur un autre compte…", theme.ContentAddIcon(), widget.MediumImportance, x.add)
	title := widget.NewLabelWithStyle("Autres comptes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	help := widgets.Note("Une part du règlement qui ne paie pas les charges de " + x.owner + " (remboursement d'assureur : compte 713 avec sa clé…) " +
		"va à un autre compte ; le reste est porté à son compte. Sur le bordereau, le chèque reste une seule ligne.")
	x.content = container.NewVBox(widget.NewSeparator(), title, help, x.box, x.share, container.NewHBox(add))
	return x.content
}
