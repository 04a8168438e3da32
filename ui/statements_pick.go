package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/banking"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// party is an owner or a supplier offered by « Rechercher… ».
type party struct {
	Account, Name, Kind string
	Balance             ledger.Amount // debit − credit: an owner's debt, a supplier's (negative) due
}

// parties lists the owners and the suppliers, those the line's direction
// concerns first (a credit comes from an owner, a debit goes to a supplier).
func (s *Shell) parties(credit bool) ([]party, error) {
	at := s.situation()
	owners, err := s.res.OwnerSummaries(at)
	if err != nil {
		return nil, err
	}
	sups, err := s.res.SupplierSummaries(at)
	if err != nil {
		return nil, err
	}
	var out []party
	for _, o := range owners {
		out = append(out, party{o.Account, o.DisplayName(), "Copropriétaire", o.Balance})
	}
	for _, x := range sups {
		out = append(out, party{x.Account, x.Name, "Fournisseur", x.Balance})
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := ledger.IsOwnerAccount(out[i].Account), ledger.IsOwnerAccount(out[j].Account)
		if oi != oj {
			return oi == credit
		}
		return out[i].Account < out[j].Account
	})
	return out, nil
}

// pickParty asks which owner or supplier a line goes to: a search over
// names and account numbers, a tap on the one.
func (s *Shell) pickParty(what string, credit bool, picked func(account, name string)) {
	list, err := s.parties(credit)
	if err != nil {
		s.showError(err)
		return
	}
	f := s.newForm("Rechercher le copropriétaire ou le fournisseur", "Choisir")
	f.width = 760
	var choose func(p party)
	t := &widgets.Table[party]{
		Cols: []widgets.Column[party]{
			{Title: "Compte", Width: 90, Text: func(p party) string { return p.Account }, Less: func(a, b party) bool { return a.Account < b.Account }},
			{Title: "Nom", Width: 260, Stretch: true, Text: func(p party) string { return p.Name }, Less: func(a, b party) bool { return fr.Fold(a.Name) < fr.Fold(b.Name) }},
			{Title: "Qualité", Width: 140, Text: func(p party) string { return p.Kind }},
			{Title: "Solde", Width: 120, Align: fyne.TextAlignTrailing, Text: func(p party) string { return p.Balance.String() }},
		},
		Match: func(p party, q string) bool {
			for _, w := range strings.Fields(q) {
				if !strings.Contains(fr.Fold(p.Account+" "+p.Name+" "+p.Kind), w) {
					return false
				}
			}
			return true
		},
		Empty:   "Aucun copropriétaire ni fournisseur dans la résidence.",
		NoMatch: "Personne ne répond à « %s ».",
		OnOpen:  func(p party) { choose(p) },
	}
	view := t.Build()
	t.SetRows(list)
	search := widgets.SearchBox("Nom ou numéro de compte (450…, 401…)", t.Search, func() {
		if rows := t.Rows(); len(rows) > 0 {
			choose(rows[0])
		}
	})
	search.SetKeys(f.keys)
	choose = func(p party) {
		f.close()
		picked(p.Account, p.Name)
	}
	f.submit = func() error {
		if rows := t.Rows(); len(rows) == 1 {
			choose(rows[0])
			return errStay
		}
		return ledger.Errorf(ledger.Invalid, "Cliquez sur la ligne de la personne choisie, ou précisez la recherche jusqu'à n'en garder qu'une")
	}
	top := container.NewVBox(widgets.Note(what), container.NewBorder(nil, nil, widget.NewLabel("Rechercher :"), nil, search))
	f.show(container.NewBorder(top, nil, nil, nil, s.room(fyne.NewSize(700, 260), view)), search)
}

// pickAccount asks for any account of the chart, with its key for a
// charge or income account (bank fees: 662000 « Autres charges
// financières et agios »), and the entry's label.
func (s *Shell) pickAccount(what, bankLabel string, picked func(c banking.Choice, name string)) {
	accounts, err := s.res.Accounts()
	if err != nil {
		s.showError(err)
		return
	}
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	index := app.NewAccountIndex(accounts)
	var shown []ledger.Account
	for _, a := range accounts {
		if !a.Hidden {
			shown = append(shown, a)
		}
	}
	var keyNames []string
	for _, k := range keys {
		keyNames = append(keyNames, k.Code+" – "+k.Label)
	}
	key := widget.NewSelect(keyNames, nil)
	key.PlaceHolder = "(comptes de charges et de produits)"
	label := widgets.NewField(bankLabel, "Libellé de l'écriture")
	chosen := widget.NewLabel("Aucun compte choisi : cliquez sur une ligne de la liste.")
	chosen.TextStyle.Bold = true
	chosen.Truncation = fyne.TextTruncateEllipsis
	var account ledger.Account
	f := s.newForm("Comptabiliser sur un autre compte", "Choisir", label)
	f.width = 760
	t := &widgets.Table[ledger.Account]{
		Cols: []widgets.Column[ledger.Account]{
			{Title: "Compte", Width: 90, Text: func(a ledger.Account) string { return a.Code }},
			{Title: "Intitulé", Width: 300, Stretch: true, Text: func(a ledger.Account) string { return a.Label }},
		},
		Empty:   "Le plan comptable est vide.",
		NoMatch: "Aucun compte ne répond à « %s ».",
		OnOpen: func(a ledger.Account) {
			account = a
			chosen.SetText("Compte choisi : " + a.Code + " " + a.Label)
			if c := a.Class(); c == 6 || c == 7 {
				key.Enable()
				if key.SelectedIndex() < 0 && len(keyNames) > 0 {
					key.SetSelectedIndex(0)
				}
			} else {
				key.ClearSelected()
				key.Disable()
			}
			f.clearError()
		},
	}
	view := t.Build()
	t.SetRows(shown)
	search := widgets.SearchBox("Numéro ou mots de tous les jours (« frais bancaires », « assurance »…)", func(q string) {
		if strings.TrimSpace(q) == "" {
			t.SetRows(shown)
			return
		}
		found, _ := index.Find(q, 60)
		t.SetRows(found)
	}, nil)
	search.SetKeys(f.keys)
	key.Disable()
	f.submit = func() error {
		if account.Code == "" {
			return ledger.Errorf(ledger.Invalid, "Choisissez le compte : cliquez sur sa ligne dans la liste")
		}
		c := banking.Choice{Account: account.Code, Label: strings.TrimSpace(label.Text)}
		if cl := account.Class(); cl == 6 || cl == 7 {
			i := key.SelectedIndex()
			if i < 0 {
				return ledger.Errorf(ledger.Invalid, "Le compte %s est un compte de charges ou de produits : choisissez sa clé de répartition", account.Code)
			}
			c.Key = keys[i].Code
		}
		f.close()
		picked(c, fmt.Sprintf("%s %s", account.Code, account.Label))
		return errStay
	}
	top := container.NewVBox(widgets.Note(what), container.NewBorder(nil, nil, widget.NewLabel("Rechercher :"), nil, search))
	bottom := container.NewVBox(chosen, container.New(layout.NewFormLayout(),
		formLabel("Clé de répartition"), key, formLabel("Libellé"), label))
	f.show(container.NewBorder(top, bottom, nil, nil, s.room(fyne.NewSize(700, 180), view)), search)
}

// roomLayout gives its content at least size, within the window: a dialog
// never grows wider than a 1024-px screen (its content gives way: tables
// narrow their columns, sentences wrap); the height beyond the window
// scrolls (the form's CappedScroll).
type roomLayout struct {
	s    *Shell
	size fyne.Size
}

func (l *roomLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *roomLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := l.size.Width, l.size.Height
	if c := l.s.win.Canvas().Size(); c.Width > 0 {
		// What a dialog's edges, title, error line and buttons leave.
		w, h = min(w, c.Width-80), min(h, c.Height-230)
	}
	m := fyne.NewSize(w, h)
	for _, o := range objs {
		om := o.MinSize()
		m.Height = max(m.Height, om.Height)
	}
	return m
}

// room lays o out at least size, within the window's width.
func (s *Shell) room(size fyne.Size, o fyne.CanvasObject) *fyne.Container {
	return container.New(&roomLayout{s: s, size: size}, o)
}
